package dev.obdio.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything that makes a simulated vehicle: its powertrain, body, drive cycle, environment and
 * ECUs. Read from and written to vehicle files by {@link VehicleFiles}; the built-in vehicles are
 * such files. Immutable; the compact constructor checks every field and the relations between
 * them, and its messages start with the field's name.
 *
 * @param name         a human name, e.g. "Petrol sedan 3.5 V6"
 * @param vin          17-character vehicle identification number (no I, O, Q)
 * @param seed         default random seed: noise, drive-cycle variation, seeds and latencies
 * @param functionalId functional request id, 0x7DF or 0x18DB33F1
 * @param extendedIds  all ids are 29-bit
 * @param environment  ambient temperature and pressure
 * @param engine       the combustion engine
 * @param transmission the gearbox
 * @param body         mass, drag, tyres, tank
 * @param hybrid       the hybrid system, or {@code null} for a conventional vehicle
 * @param start        fuel, odometer and temperature at start
 * @param driveCycle   what the simulated driver does
 * @param latency      ECU response time
 * @param isoTp        padding and flow control of the ECUs' ISO-TP channels
 * @param ecus         the ECUs: exactly one engine ECU, any others
 */
public record VehicleDescription(String name, String vin, long seed, int functionalId, boolean extendedIds,
                                 EnvironmentSpec environment, EngineSpec engine, TransmissionSpec transmission,
                                 BodySpec body, HybridSpec hybrid, StartState start, DriveCycle driveCycle,
                                 LatencySpec latency, IsoTpSpec isoTp, List<EcuDescription> ecus) {
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    /** 29-bit functional request id of ISO 15765-4. */
    public static final int FUNCTIONAL_29 = 0x18DB33F1;

    /** Validates every field and the relations between them. */
    public VehicleDescription {
        Checks.text("name", name, 64);
        Checks.notNull("vin", vin);
        if (!VIN.matcher(vin).matches()) {
            throw new IllegalArgumentException("vin: \"" + vin + "\" must be 17 characters A-Z/0-9 without I, O, Q");
        }
        int maxId = extendedIds ? 0x1FFFFFFF : 0x7FF;
        Checks.range("functionalId", functionalId, 0, maxId);
        Checks.notNull("environment", environment);
        Checks.notNull("engine", engine);
        Checks.notNull("transmission", transmission);
        Checks.notNull("body", body);
        Checks.notNull("start", start);
        Checks.notNull("driveCycle", driveCycle);
        Checks.notNull("latency", latency);
        Checks.notNull("isotp", isoTp);
        Checks.notEmpty("ecus", ecus);
        ecus = List.copyOf(ecus);
        Set<String> names = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        ids.add(functionalId);
        int engines = 0;
        for (int i = 0; i < ecus.size(); i++) {
            EcuDescription e = ecus.get(i);
            String at = "ecus[" + i + "]";
            if (!names.add(e.name())) {
                throw new IllegalArgumentException(at + ".name: \"" + e.name() + "\" appears twice");
            }
            Checks.range(at + ".requestId", e.requestId(), 0, maxId);
            Checks.range(at + ".responseId", e.responseId(), 0, maxId);
            if (!ids.add(e.requestId())) {
                throw new IllegalArgumentException(String.format("%s.requestId: 0x%X is already used", at, e.requestId()));
            }
            if (!ids.add(e.responseId())) {
                throw new IllegalArgumentException(String.format("%s.responseId: 0x%X is already used", at, e.responseId()));
            }
            if (e.role() == EcuRole.ENGINE) {
                engines++;
            }
            if (e.role() == EcuRole.HYBRID && hybrid == null) {
                throw new IllegalArgumentException(at + ".role: a hybrid ECU needs the vehicle's hybrid section");
            }
            if (e.pids().contains(0x13) && e.pids().contains(0x1D)) {
                throw new IllegalArgumentException(at + ".pids: PIDs 0x13 and 0x1D exclude each other (J1979: one O2 sensor layout)");
            }
            for (int pid : e.pids()) {
                String problem = ObdPids.problem(pid, e.role(), engine, hybrid);
                if (problem != null) {
                    throw new IllegalArgumentException(String.format("%s.pids: PID 0x%02X %s", at, pid, problem));
                }
            }
        }
        if (engines != 1) {
            throw new IllegalArgumentException("ecus: exactly one ECU must have role engine, found " + engines);
        }
    }

    /** True for a hybrid vehicle. */
    public boolean isHybrid() {
        return hybrid != null;
    }

    /** The ECU named {@code ecuName}. */
    public EcuDescription ecu(String ecuName) {
        for (EcuDescription e : ecus) {
            if (e.name().equals(ecuName)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no ECU named \"" + ecuName + "\"; ECUs: " + ecus.stream().map(EcuDescription::name).toList());
    }

    /** This vehicle with another default seed. */
    public VehicleDescription withSeed(long newSeed) {
        return new VehicleDescription(name, vin, newSeed, functionalId, extendedIds, environment, engine, transmission,
                body, hybrid, start, driveCycle, latency, isoTp, ecus);
    }

    /** This vehicle with another response latency. */
    public VehicleDescription withLatency(LatencySpec newLatency) {
        return new VehicleDescription(name, vin, seed, functionalId, extendedIds, environment, engine, transmission,
                body, hybrid, start, driveCycle, newLatency, isoTp, ecus);
    }

    /** This vehicle with other ISO-TP padding and flow control. */
    public VehicleDescription withIsoTp(IsoTpSpec newIsoTp) {
        return new VehicleDescription(name, vin, seed, functionalId, extendedIds, environment, engine, transmission,
                body, hybrid, start, driveCycle, latency, newIsoTp, ecus);
    }

    /** This vehicle with another drive cycle. */
    public VehicleDescription withDriveCycle(DriveCycle newCycle) {
        return new VehicleDescription(name, vin, seed, functionalId, extendedIds, environment, engine, transmission,
                body, hybrid, start, newCycle, latency, isoTp, ecus);
    }

    /** This vehicle with another start state. */
    public VehicleDescription withStart(StartState newStart) {
        return new VehicleDescription(name, vin, seed, functionalId, extendedIds, environment, engine, transmission,
                body, hybrid, newStart, driveCycle, latency, isoTp, ecus);
    }

    /** This vehicle with another environment. */
    public VehicleDescription withEnvironment(EnvironmentSpec newEnvironment) {
        return new VehicleDescription(name, vin, seed, functionalId, extendedIds, newEnvironment, engine, transmission,
                body, hybrid, start, driveCycle, latency, isoTp, ecus);
    }

    /** This vehicle with the ECU of the same name replaced. */
    public VehicleDescription withEcu(EcuDescription replacement) {
        ecu(replacement.name());
        List<EcuDescription> list = new ArrayList<>();
        for (EcuDescription e : ecus) {
            list.add(e.name().equals(replacement.name()) ? replacement : e);
        }
        return new VehicleDescription(name, vin, seed, functionalId, extendedIds, environment, engine, transmission,
                body, hybrid, start, driveCycle, latency, isoTp, list);
    }

    /**
     * This vehicle on 29-bit normal-fixed identifiers (ISO 15765-4): each ECU answers physical
     * requests on 0x18DA{@code address29}F1 with 0x18DAF1{@code address29}, and functional
     * requests on 0x18DB33F1.
     *
     * @throws IllegalArgumentException if an ECU has no {@code address29}
     */
    public VehicleDescription withExtendedIds() {
        List<EcuDescription> list = new ArrayList<>();
        for (EcuDescription e : ecus) {
            if (e.address29() == null) {
                throw new IllegalArgumentException("ecus: \"" + e.name() + "\" has no address29 for 29-bit ids");
            }
            int a = e.address29();
            list.add(e.withIds(0x18DA00F1 | (a << 8), 0x18DAF100 | a));
        }
        return new VehicleDescription(name, vin, seed, FUNCTIONAL_29, true, environment, engine, transmission, body,
                hybrid, start, driveCycle, latency, isoTp, list);
    }
}
