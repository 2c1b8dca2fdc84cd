package dev.obdio.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One simulated ECU as a vehicle file describes it.
 *
 * @param name           identifier within the vehicle: lower-case letters, digits, '-' and '_'
 * @param role           engine, transmission, hybrid or battery
 * @param requestId      physical request CAN id (11- or 29-bit, like the vehicle's functional id)
 * @param responseId     response CAN id
 * @param address29      the ECU's address for 29-bit normal-fixed ids (0x10 gives 0x18DA10F1 /
 *                       0x18DAF110), used by {@link VehicleDescription#withExtendedIds()}; {@code null} if none
 * @param ecuName        mode 09 PID 0A name: an acronym of up to 4 characters, '-', a name of up to 15
 * @param obdStandard    PID 1C value (1 OBD-II CARB, 6 EOBD, 7 EOBD and OBD-II, ...)
 * @param reportsVin     answers mode 09 PID 02 (usually only the engine ECU)
 * @param pids           the mode 01 PIDs it implements, without the support masks (0x00, 0x20, ...),
 *                       which are derived from this list
 * @param calibrationIds mode 09 PID 04 calibration ids, 1..16 printable characters each
 * @param cvns           mode 09 PID 06 calibration verification numbers, 8 hex digits each, one per
 *                       calibration id
 * @param history        counters and readiness from before the simulation
 * @param dtcs           the DTCs it holds at start
 * @param supportedDtcs  further DTCs it can report (UDS 0x19 0x0A), beyond those in {@code dtcs}
 * @param dids           UDS data identifiers besides the OBD PID DIDs 0xF400..0xF4FF
 * @param security       UDS security access levels
 */
public record EcuDescription(String name, EcuRole role, int requestId, int responseId, Integer address29,
                             String ecuName, int obdStandard, boolean reportsVin, List<Integer> pids,
                             List<String> calibrationIds, List<String> cvns, EcuHistory history, List<DtcSpec> dtcs,
                             List<DtcCode> supportedDtcs, List<DidSpec> dids, List<SecurityLevelSpec> security) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern CVN = Pattern.compile("[0-9A-Fa-f]{8}");

    /** Validates and copies; PIDs are validated against the vehicle by {@link VehicleDescription}. */
    public EcuDescription {
        Checks.notNull("name", name);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: \"" + name + "\" must be lower-case letters, digits, '-' or '_' (1..32)");
        }
        Checks.notNull("role", role);
        if (address29 != null) {
            Checks.range("address29", address29, 0, 0xFF);
        }
        checkEcuName(ecuName);
        Checks.range("obdStandard", obdStandard, 1, 250);
        Checks.notNull("pids", pids);
        pids = List.copyOf(new TreeSet<>(pids));
        for (int pid : pids) {
            if (pid < 1 || pid > 0xFF) {
                throw new IllegalArgumentException(String.format("pids: 0x%X out of range 0x01..0xFF", pid));
            }
            if (pid % 0x20 == 0) {
                throw new IllegalArgumentException(String.format(
                        "pids: 0x%02X is a support mask, derived from the other PIDs; leave it out", pid));
            }
        }
        Checks.notEmpty("calibrationIds", calibrationIds);
        calibrationIds = List.copyOf(calibrationIds);
        for (int i = 0; i < calibrationIds.size(); i++) {
            Checks.text("calibrationIds[" + i + "]", calibrationIds.get(i), 16);
        }
        Checks.notNull("cvns", cvns);
        cvns = List.copyOf(cvns);
        for (int i = 0; i < cvns.size(); i++) {
            if (!CVN.matcher(cvns.get(i)).matches()) {
                throw new IllegalArgumentException("cvns[" + i + "]: \"" + cvns.get(i) + "\" must be 8 hex digits");
            }
        }
        if (cvns.size() != calibrationIds.size()) {
            throw new IllegalArgumentException("cvns: " + cvns.size() + " CVNs for " + calibrationIds.size()
                    + " calibration ids; J1979 needs one per calibration id");
        }
        Checks.notNull("history", history);
        Checks.notNull("dtcs", dtcs);
        dtcs = List.copyOf(dtcs);
        Set<DtcCode> codes = new HashSet<>();
        for (int i = 0; i < dtcs.size(); i++) {
            if (!codes.add(dtcs.get(i).code())) {
                throw new IllegalArgumentException("dtcs[" + i + "]: " + dtcs.get(i).code() + " appears twice");
            }
        }
        Checks.notNull("supportedDtcs", supportedDtcs);
        supportedDtcs = List.copyOf(new TreeSet<>(supportedDtcs));
        Checks.notNull("dids", dids);
        dids = List.copyOf(dids);
        Checks.notNull("security", security);
        security = List.copyOf(security);
        Set<Integer> levels = new HashSet<>();
        for (int i = 0; i < security.size(); i++) {
            if (!levels.add(security.get(i).level())) {
                throw new IllegalArgumentException("security[" + i + "]: level " + security.get(i).level() + " appears twice");
            }
        }
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < dids.size(); i++) {
            DidSpec d = dids.get(i);
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException(String.format("dids[%d]: 0x%04X appears twice", i, d.id()));
            }
            checkLevel("dids[" + i + "].read", d.read(), levels);
            if (d.write() != null) {
                checkLevel("dids[" + i + "].write", d.write(), levels);
            }
        }
    }

    private static void checkLevel(String field, DidAccess access, Set<Integer> levels) {
        if (access.securityLevel() != 0 && !levels.contains(access.securityLevel())) {
            throw new IllegalArgumentException(field + ".securityLevel: level " + access.securityLevel()
                    + " is not defined in security");
        }
    }

    private static void checkEcuName(String ecuName) {
        Checks.text("ecuName", ecuName, 20);
        int dash = ecuName.indexOf('-');
        if (dash < 1 || dash > 4 || ecuName.length() - dash - 1 > 15 || ecuName.length() - dash - 1 < 1) {
            throw new IllegalArgumentException("ecuName: \"" + ecuName
                    + "\" must be ACRONYM-Name: an acronym of 1..4 characters, '-', a name of 1..15");
        }
    }

    /** This ECU with other CAN ids. */
    public EcuDescription withIds(int newRequestId, int newResponseId) {
        return new EcuDescription(name, role, newRequestId, newResponseId, address29, ecuName, obdStandard, reportsVin,
                pids, calibrationIds, cvns, history, dtcs, supportedDtcs, dids, security);
    }

    /** This ECU with other DTCs. */
    public EcuDescription withDtcs(List<DtcSpec> newDtcs) {
        return new EcuDescription(name, role, requestId, responseId, address29, ecuName, obdStandard, reportsVin,
                pids, calibrationIds, cvns, history, newDtcs, supportedDtcs, dids, security);
    }

    /** This ECU with another history. */
    public EcuDescription withHistory(EcuHistory newHistory) {
        return new EcuDescription(name, role, requestId, responseId, address29, ecuName, obdStandard, reportsVin,
                pids, calibrationIds, cvns, newHistory, dtcs, supportedDtcs, dids, security);
    }

    /** This ECU with other security access levels. */
    public EcuDescription withSecurity(List<SecurityLevelSpec> newSecurity) {
        return new EcuDescription(name, role, requestId, responseId, address29, ecuName, obdStandard, reportsVin,
                pids, calibrationIds, cvns, history, dtcs, supportedDtcs, dids, newSecurity);
    }

    /** This ECU with other mode 01 PIDs. */
    public EcuDescription withPids(List<Integer> newPids) {
        return new EcuDescription(name, role, requestId, responseId, address29, ecuName, obdStandard, reportsVin,
                newPids, calibrationIds, cvns, history, dtcs, supportedDtcs, dids, security);
    }
}
