package dev.obdio.obd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Monitor status (PIDs 01 and 41): MIL, DTC count, ignition type and the readiness monitors,
 * python-OBD's {@code Status}.
 *
 * <p>{@code tests} holds all {@link #TEST_NAMES} in that order; monitors the ignition type does
 * not report are {@link StatusTest#NULL}, as in python-OBD. On the wire:
 * {@code {"MIL":false,"DTC_COUNT":0,"ignition_type":"spark","MISFIRE_MONITORING":{"available":…,
 * "complete":…,"name":…},…}} — obd-socketio's three keys first, then one key per monitor (our
 * addition).
 *
 * @param mil          malfunction indicator lamp on
 * @param dtcCount     number of confirmed emission-related DTCs
 * @param ignitionType spark or compression
 * @param tests        every monitor by name, in {@link #TEST_NAMES} order
 */
public record Status(boolean mil, int dtcCount, IgnitionType ignitionType, Map<String, StatusTest> tests)
        implements ObdValue {

    /** Every monitor name python-OBD knows: base, spark, then compression-only tests. */
    public static final List<String> TEST_NAMES = List.of(
            "MISFIRE_MONITORING", "FUEL_SYSTEM_MONITORING", "COMPONENT_MONITORING",
            "CATALYST_MONITORING", "HEATED_CATALYST_MONITORING", "EVAPORATIVE_SYSTEM_MONITORING",
            "SECONDARY_AIR_SYSTEM_MONITORING", "OXYGEN_SENSOR_MONITORING", "OXYGEN_SENSOR_HEATER_MONITORING",
            "EGR_VVT_SYSTEM_MONITORING",
            "NMHC_CATALYST_MONITORING", "NOX_SCR_AFTERTREATMENT_MONITORING", "BOOST_PRESSURE_MONITORING",
            "EXHAUST_GAS_SENSOR_MONITORING", "PM_FILTER_MONITORING");

    /** Validates: every name of {@link #TEST_NAMES} present, nothing else; copies in that order. */
    public Status {
        Objects.requireNonNull(ignitionType, "ignitionType");
        if (dtcCount < 0 || dtcCount > 127) {
            throw new IllegalArgumentException("dtcCount must be 0..127, not " + dtcCount);
        }
        if (tests.size() != TEST_NAMES.size() || !tests.keySet().containsAll(TEST_NAMES)) {
            throw new IllegalArgumentException("tests must hold exactly " + TEST_NAMES + ", not " + tests.keySet());
        }
        Map<String, StatusTest> ordered = new LinkedHashMap<>();
        for (String name : TEST_NAMES) {
            ordered.put(name, Objects.requireNonNull(tests.get(name), name));
        }
        tests = java.util.Collections.unmodifiableMap(ordered);
    }

    /** The monitor called {@code name} (one of {@link #TEST_NAMES}). */
    public StatusTest test(String name) {
        StatusTest t = tests.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no monitor called " + name + "; known: " + TEST_NAMES);
        }
        return t;
    }

    @Override
    public String pythonType() {
        return PythonTypes.STATUS;
    }
}
