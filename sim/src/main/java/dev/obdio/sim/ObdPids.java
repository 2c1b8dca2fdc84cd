package dev.obdio.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The mode 01 PIDs the simulator implements: for each, its data length, which ECUs and engines it
 * suits, which signals it carries with their encodable ranges, whether a freeze frame can hold it,
 * and its SAE J1979 encoding. The same encoders serve mode 02 (from a freeze frame) and the UDS
 * DIDs 0xF400..0xF4FF.
 *
 * <p>Encoding rounds to the nearest raw value and clamps to the raw range; the drive-cycle tests
 * check that the model never needs the clamp.
 */
final class ObdPids {

    /** What an encoder reads: the sensor values and, for status and counter PIDs, the ECU. */
    interface Context {
        /** A sensor value of the snapshot being encoded. */
        double get(Signal signal);

        /** The ECU answering (status, counters, identity). */
        ObdEcuState ecu();
    }

    /** Writes one PID's data bytes. */
    @FunctionalInterface
    interface Encoder {
        void encode(Context c, ResponseBuilder out);
    }

    /** The encodable range of one signal in one PID. */
    record Range(Signal signal, double min, double max) {
    }

    /**
     * One implemented PID.
     *
     * @param pid         the PID
     * @param length      data bytes after the PID
     * @param roles       ECU roles that may implement it
     * @param freezeFrame a freeze frame can hold it (it only reads signals)
     * @param ranges      the signals it carries and their encodable ranges
     * @param encoder     the J1979 encoding
     * @param requirement vehicle requirement, returns a reason when unmet or {@code null}
     */
    record PidDef(int pid, int length, Set<EcuRole> roles, boolean freezeFrame, List<Range> ranges, Encoder encoder,
                  Requirement requirement) {
    }

    /** A condition on the vehicle a PID needs. */
    @FunctionalInterface
    interface Requirement {
        /** A reason the PID does not fit this vehicle, or {@code null}. */
        String problem(EngineSpec engine, HybridSpec hybrid);
    }

    private static final Set<EcuRole> ENGINE = EnumSet.of(EcuRole.ENGINE);
    private static final Set<EcuRole> ANY = EnumSet.allOf(EcuRole.class);
    private static final Requirement NONE = (e, h) -> null;
    private static final Requirement PETROL = (e, h) -> e.fuel() == FuelType.PETROL ? null : "needs a petrol engine";
    private static final Requirement DIESEL = (e, h) -> e.fuel() == FuelType.DIESEL ? null : "needs a diesel engine";
    private static final Requirement PETROL_TWO_BANKS = (e, h) -> e.fuel() != FuelType.PETROL ? "needs a petrol engine"
            : e.banks() == 2 ? null : "needs an engine with 2 banks";
    private static final Requirement TWO_BANKS = (e, h) -> e.banks() == 2 ? null : "needs an engine with 2 banks";
    private static final Requirement HYBRID = (e, h) -> h != null ? null : "needs a hybrid vehicle";

    private static final TreeMap<Integer, PidDef> TABLE = new TreeMap<>();

    static {
        def(0x01, 4, ANY, false, List.of(), (c, o) -> o.bytes(c.ecu().monitorStatus(false)), NONE);
        def(0x03, 2, ENGINE, true, List.of(new Range(Signal.FUEL_SYSTEM_STATUS, 0, 16)),
                (c, o) -> o.u8((int) c.get(Signal.FUEL_SYSTEM_STATUS)).u8(0), PETROL);
        scalar(0x04, 1, ENGINE, Signal.ENGINE_LOAD, 100.0 / 255, 0, NONE);
        scalar(0x05, 1, ENGINE, Signal.COOLANT_TEMP, 1, -40, NONE);
        scalar(0x06, 1, ENGINE, Signal.SHORT_FUEL_TRIM_1, 100.0 / 128, -100, PETROL);
        scalar(0x07, 1, ENGINE, Signal.LONG_FUEL_TRIM_1, 100.0 / 128, -100, PETROL);
        scalar(0x08, 1, ENGINE, Signal.SHORT_FUEL_TRIM_2, 100.0 / 128, -100, PETROL_TWO_BANKS);
        scalar(0x09, 1, ENGINE, Signal.LONG_FUEL_TRIM_2, 100.0 / 128, -100, PETROL_TWO_BANKS);
        scalar(0x0B, 1, ENGINE, Signal.INTAKE_PRESSURE, 1, 0, NONE);
        scalar(0x0C, 2, ENGINE, Signal.ENGINE_RPM, 0.25, 0, NONE);
        scalar(0x0D, 1, EnumSet.of(EcuRole.ENGINE, EcuRole.TRANSMISSION), Signal.VEHICLE_SPEED, 1, 0, NONE);
        scalar(0x0E, 1, ENGINE, Signal.TIMING_ADVANCE, 0.5, -64, PETROL);
        scalar(0x0F, 1, ENGINE, Signal.INTAKE_TEMP, 1, -40, NONE);
        scalar(0x10, 2, ENGINE, Signal.MAF, 0.01, 0, NONE);
        scalar(0x11, 1, ENGINE, Signal.THROTTLE_POSITION, 100.0 / 255, 0, NONE);
        def(0x13, 1, ENGINE, false, List.of(), (c, o) -> o.u8(o2SensorsPresent(c.ecu().vehicle().engine(), false)),
                (e, h) -> e.fuel() != FuelType.PETROL ? "needs a petrol engine" : null);
        o2(0x14, Signal.O2_B1S1, Signal.SHORT_FUEL_TRIM_1, PETROL);
        o2(0x15, Signal.O2_B1S2, null, PETROL);
        o2(0x18, Signal.O2_B2S1, Signal.SHORT_FUEL_TRIM_2, PETROL_TWO_BANKS);
        o2(0x19, Signal.O2_B2S2, null, PETROL_TWO_BANKS);
        def(0x1C, 1, ANY, false, List.of(), (c, o) -> o.u8(c.ecu().description().obdStandard()), NONE);
        def(0x1D, 1, ENGINE, false, List.of(), (c, o) -> o.u8(o2SensorsPresent(c.ecu().vehicle().engine(), true)),
                (e, h) -> e.fuel() != FuelType.PETROL ? "needs a petrol engine" : null);
        scalar(0x1F, 2, ENGINE, Signal.RUN_TIME, 1, 0, NONE);
        def(0x21, 2, ENGINE, false, List.of(), (c, o) -> o.u16(c.ecu().milDistanceKm()), NONE);
        scalar(0x23, 2, ENGINE, Signal.FUEL_RAIL_PRESSURE, 10, 0, DIESEL);
        scalar(0x2C, 1, ENGINE, Signal.COMMANDED_EGR, 100.0 / 255, 0, DIESEL);
        scalar(0x2D, 1, ENGINE, Signal.EGR_ERROR, 100.0 / 128, -100, DIESEL);
        scalar(0x2E, 1, ENGINE, Signal.EVAP_PURGE, 100.0 / 255, 0, PETROL);
        scalar(0x2F, 1, ENGINE, Signal.FUEL_LEVEL, 100.0 / 255, 0, NONE);
        def(0x30, 1, ENGINE, false, List.of(), (c, o) -> o.u8(c.ecu().warmUpsSinceClear()), NONE);
        def(0x31, 2, ENGINE, false, List.of(), (c, o) -> o.u16(c.ecu().distanceSinceClearKm()), NONE);
        scalar(0x33, 1, ENGINE, Signal.BAROMETRIC_PRESSURE, 1, 0, NONE);
        scalar(0x3C, 2, ENGINE, Signal.CATALYST_TEMP_B1S1, 0.1, -40, NONE);
        scalar(0x3D, 2, ENGINE, Signal.CATALYST_TEMP_B2S1, 0.1, -40, TWO_BANKS);
        def(0x41, 4, ANY, false, List.of(), (c, o) -> o.bytes(c.ecu().monitorStatus(true)), NONE);
        scalar(0x42, 2, ANY, Signal.MODULE_VOLTAGE, 0.001, 0, NONE);
        scalar(0x43, 2, ENGINE, Signal.ABSOLUTE_LOAD, 100.0 / 255, 0, NONE);
        scalar(0x44, 2, ENGINE, Signal.COMMANDED_LAMBDA, 2.0 / 65536, 0, PETROL);
        scalar(0x45, 1, ENGINE, Signal.RELATIVE_THROTTLE, 100.0 / 255, 0, NONE);
        scalar(0x46, 1, ANY, Signal.AMBIENT_TEMP, 1, -40, NONE);
        scalar(0x47, 1, ENGINE, Signal.THROTTLE_POSITION_B, 100.0 / 255, 0, NONE);
        scalar(0x49, 1, ENGINE, Signal.PEDAL_D, 100.0 / 255, 0, NONE);
        scalar(0x4A, 1, ENGINE, Signal.PEDAL_E, 100.0 / 255, 0, NONE);
        scalar(0x4C, 1, ENGINE, Signal.COMMANDED_THROTTLE, 100.0 / 255, 0, NONE);
        def(0x4D, 2, ENGINE, false, List.of(), (c, o) -> o.u16(c.ecu().milMinutes()), NONE);
        def(0x4E, 2, ENGINE, false, List.of(), (c, o) -> o.u16(c.ecu().minutesSinceClear()), NONE);
        def(0x51, 1, ENGINE, false, List.of(), (c, o) -> o.u8(fuelTypeCode(c.ecu().vehicle())), NONE);
        scalar(0x5A, 1, ENGINE, Signal.RELATIVE_PEDAL, 100.0 / 255, 0, NONE);
        scalar(0x5B, 1, EnumSet.of(EcuRole.ENGINE, EcuRole.HYBRID), Signal.HYBRID_BATTERY, 100.0 / 255, 0, HYBRID);
        scalar(0x5C, 1, ENGINE, Signal.OIL_TEMP, 1, -40, NONE);
        scalar(0x5D, 2, ENGINE, Signal.INJECTION_TIMING, 1.0 / 128, -210, DIESEL);
        scalar(0x5E, 2, ENGINE, Signal.FUEL_RATE, 0.05, 0, NONE);
        scalar(0x61, 1, ENGINE, Signal.DEMAND_TORQUE, 1, -125, NONE);
        scalar(0x62, 1, ENGINE, Signal.ACTUAL_TORQUE, 1, -125, NONE);
        def(0x63, 2, ENGINE, false, List.of(),
                (c, o) -> o.u16((int) Math.round(c.ecu().vehicle().engine().maxTorqueNm())), NONE);
        def(0x64, 5, ENGINE, false, List.of(), ObdPids::torquePoints, NONE);
        def(0xA4, 4, EnumSet.of(EcuRole.ENGINE, EcuRole.TRANSMISSION), true,
                List.of(new Range(Signal.GEAR, 0, 15), new Range(Signal.GEAR_RATIO, 0, 65.535)), ObdPids::actualGear, NONE);
        def(0xA6, 4, ENGINE, false, List.of(new Range(Signal.ODOMETER, 0, 429_496_729.5)),
                (c, o) -> o.u32(Math.round(c.get(Signal.ODOMETER) * 10)), NONE);
    }

    private ObdPids() {
    }

    private static void def(int pid, int length, Set<EcuRole> roles, boolean freezeFrame, List<Range> ranges,
                            Encoder encoder, Requirement requirement) {
        TABLE.put(pid, new PidDef(pid, length, Collections.unmodifiableSet(EnumSet.copyOf(roles)), freezeFrame,
                List.copyOf(ranges), encoder, requirement));
    }

    /** A PID carrying one signal as an unsigned value: physical = raw * scale + offset. */
    private static void scalar(int pid, int length, Set<EcuRole> roles, Signal signal, double scale, double offset,
                               Requirement requirement) {
        double maxRaw = length == 1 ? 255 : 65535;
        Encoder enc = length == 1
                ? (c, o) -> o.u8(raw(c.get(signal), scale, offset, 255))
                : (c, o) -> o.u16(raw(c.get(signal), scale, offset, 65535));
        def(pid, length, roles, true, List.of(new Range(signal, offset, offset + maxRaw * scale)), enc, requirement);
    }

    /** Narrow-band O2 sensor: A = voltage / 0.005 V, B = the short term trim using it, or 0xFF. */
    private static void o2(int pid, Signal voltage, Signal trim, Requirement requirement) {
        List<Range> ranges = new ArrayList<>();
        ranges.add(new Range(voltage, 0, 1.275));
        if (trim != null) {
            ranges.add(new Range(trim, -100, 99.2));
        }
        def(pid, 2, ENGINE, true, ranges, (c, o) -> {
            o.u8(raw(c.get(voltage), 0.005, 0, 255));
            o.u8(trim == null ? 0xFF : raw(c.get(trim), 100.0 / 128, -100, 255));
        }, requirement);
    }

    static int raw(double value, double scale, double offset, int maxRaw) {
        double r = Math.rint((value - offset) / scale);
        if (!(r >= 0)) {
            return 0;
        }
        return (int) Math.min(maxRaw, r);
    }

    /** PID 13 (two sensors per bank in the low nibbles) or 1D (two bits per bank, up to four banks). */
    static int o2SensorsPresent(EngineSpec engine, boolean alternate) {
        int bits = 0;
        for (int bank = 0; bank < engine.banks(); bank++) {
            bits |= alternate ? 0x3 << (2 * bank) : 0x3 << (4 * bank);
        }
        return bits;
    }

    /** PID 51: J1979 fuel type coding (1 gasoline, 4 diesel, 17 hybrid gasoline, 19 hybrid diesel). */
    static int fuelTypeCode(VehicleDescription v) {
        boolean petrol = v.engine().fuel() == FuelType.PETROL;
        if (v.isHybrid()) {
            return petrol ? 0x11 : 0x13;
        }
        return petrol ? 0x01 : 0x04;
    }

    private static void torquePoints(Context c, ResponseBuilder o) {
        EngineSpec e = c.ecu().vehicle().engine();
        TorqueCurve curve = new TorqueCurve(e);
        double ref = e.maxTorqueNm();
        double span = e.redlineRpm() - e.idleRpm();
        o.u8(raw(100 * curve.max(e.idleRpm()) / ref, 1, -125, 255));
        for (int i = 1; i <= 4; i++) {
            double rpm = e.idleRpm() + span * i / 4.5;
            o.u8(raw(100 * curve.max(rpm) / ref, 1, -125, 255));
        }
    }

    /** PID A4: A bit 0 gear supported, bit 1 ratio supported; B high nibble the gear; C-D ratio / 1000. */
    private static void actualGear(Context c, ResponseBuilder o) {
        int gear = (int) c.get(Signal.GEAR);
        o.u8(0x03).u8(Math.min(15, Math.max(0, gear)) << 4).u16(raw(c.get(Signal.GEAR_RATIO), 0.001, 0, 65535));
    }

    /** The definition of {@code pid}, or {@code null} if not implemented. */
    static PidDef get(int pid) {
        return TABLE.get(pid);
    }

    /** Every implemented PID. */
    static Iterable<PidDef> all() {
        return TABLE.values();
    }

    /** Why {@code pid} cannot be served by an ECU of this role in this vehicle, or {@code null} if it can. */
    static String problem(int pid, EcuRole role, EngineSpec engine, HybridSpec hybrid) {
        PidDef def = TABLE.get(pid);
        if (def == null) {
            return "is not implemented by the simulator; implemented: " + TABLE.keySet().stream()
                    .map(p -> String.format("%02X", p)).collect(Collectors.joining(" "));
        }
        if (!def.roles().contains(role)) {
            return "cannot be served by a " + role.name().toLowerCase() + " ECU (roles: "
                    + def.roles().stream().map(r -> r.name().toLowerCase()).collect(Collectors.joining(", ")) + ")";
        }
        return def.requirement().problem(engine, hybrid);
    }
}
