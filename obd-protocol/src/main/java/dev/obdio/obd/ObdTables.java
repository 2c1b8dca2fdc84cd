package dev.obdio.obd;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enumerations of SAE J1979 as python-OBD 0.7.3 names them ({@code obd/codes.py}): the texts
 * of fuel system status, secondary air status, OBD standard compliance and fuel type, the
 * readiness monitor layout of PID 01, and the mode 06 test ids. Indexes are the raw values.
 */
public final class ObdTables {
    private ObdTables() {
    }

    /** PID 03: status text by bit number (bit 0 = value 0x01). */
    public static final List<String> FUEL_STATUS = List.of(
            "Open loop due to insufficient engine temperature",
            "Closed loop, using oxygen sensor feedback to determine fuel mix",
            "Open loop due to engine load OR fuel cut due to deceleration",
            "Open loop due to system failure",
            "Closed loop, using at least one oxygen sensor but there is a fault in the feedback system");

    /** PID 12: secondary air status text by bit number (bit 0 = value 0x01). */
    public static final List<String> AIR_STATUS = List.of(
            "Upstream",
            "Downstream of catalytic converter",
            "From the outside atmosphere or off",
            "Pump commanded on for diagnostics");

    /** PID 1C: OBD standard by value. */
    public static final List<String> OBD_COMPLIANCE = List.of(
            "Undefined",
            "OBD-II as defined by the CARB",
            "OBD as defined by the EPA",
            "OBD and OBD-II",
            "OBD-I",
            "Not OBD compliant",
            "EOBD (Europe)",
            "EOBD and OBD-II",
            "EOBD and OBD",
            "EOBD, OBD and OBD II",
            "JOBD (Japan)",
            "JOBD and OBD II",
            "JOBD and EOBD",
            "JOBD, EOBD, and OBD II",
            "Reserved",
            "Reserved",
            "Reserved",
            "Engine Manufacturer Diagnostics (EMD)",
            "Engine Manufacturer Diagnostics Enhanced (EMD+)",
            "Heavy Duty On-Board Diagnostics (Child/Partial) (HD OBD-C)",
            "Heavy Duty On-Board Diagnostics (HD OBD)",
            "World Wide Harmonized OBD (WWH OBD)",
            "Reserved",
            "Heavy Duty Euro OBD Stage I without NOx control (HD EOBD-I)",
            "Heavy Duty Euro OBD Stage I with NOx control (HD EOBD-I N)",
            "Heavy Duty Euro OBD Stage II without NOx control (HD EOBD-II)",
            "Heavy Duty Euro OBD Stage II with NOx control (HD EOBD-II N)",
            "Reserved",
            "Brazil OBD Phase 1 (OBDBr-1)",
            "Brazil OBD Phase 2 (OBDBr-2)",
            "Korean OBD (KOBD)",
            "India OBD I (IOBD I)",
            "India OBD II (IOBD II)",
            "Heavy Duty Euro OBD Stage VI (HD EOBD-IV)");

    /** PID 51: fuel type by value. */
    public static final List<String> FUEL_TYPES = List.of(
            "Not available",
            "Gasoline",
            "Methanol",
            "Ethanol",
            "Diesel",
            "LPG",
            "CNG",
            "Propane",
            "Electric",
            "Bifuel running Gasoline",
            "Bifuel running Methanol",
            "Bifuel running Ethanol",
            "Bifuel running LPG",
            "Bifuel running CNG",
            "Bifuel running Propane",
            "Bifuel running Electricity",
            "Bifuel running electric and combustion engine",
            "Hybrid gasoline",
            "Hybrid Ethanol",
            "Hybrid Diesel",
            "Hybrid Electric",
            "Hybrid running electric and combustion engine",
            "Hybrid Regenerative",
            "Bifuel running diesel");

    /** The three monitors every engine reports (PID 01 byte B), in python-OBD's order. */
    public static final List<String> BASE_TESTS = List.of(
            "MISFIRE_MONITORING", "FUEL_SYSTEM_MONITORING", "COMPONENT_MONITORING");

    /**
     * Spark-ignition monitors by bit of PID 01 bytes C/D, bit 0 first; {@code null} is reserved.
     */
    public static final List<String> SPARK_TESTS = Collections.unmodifiableList(Arrays.asList(
            "CATALYST_MONITORING", "HEATED_CATALYST_MONITORING", "EVAPORATIVE_SYSTEM_MONITORING",
            "SECONDARY_AIR_SYSTEM_MONITORING", null, "OXYGEN_SENSOR_MONITORING",
            "OXYGEN_SENSOR_HEATER_MONITORING", "EGR_VVT_SYSTEM_MONITORING"));

    /**
     * Compression-ignition monitors by bit of PID 01 bytes C/D, bit 0 first; {@code null} is reserved.
     */
    public static final List<String> COMPRESSION_TESTS = Collections.unmodifiableList(Arrays.asList(
            "NMHC_CATALYST_MONITORING", "NOX_SCR_AFTERTREATMENT_MONITORING", null, "BOOST_PRESSURE_MONITORING",
            null, "EXHAUST_GAS_SENSOR_MONITORING", "PM_FILTER_MONITORING", "EGR_VVT_SYSTEM_MONITORING"));

    /** Mode 06 test ids python-OBD names: id to {name, description}. */
    public static final Map<Integer, List<String>> TEST_IDS = testIds();

    private static Map<Integer, List<String>> testIds() {
        Map<Integer, List<String>> m = new LinkedHashMap<>();
        m.put(0x01, List.of("RTL_THRESHOLD_VOLTAGE", "Rich to lean sensor threshold voltage"));
        m.put(0x02, List.of("LTR_THRESHOLD_VOLTAGE", "Lean to rich sensor threshold voltage"));
        m.put(0x03, List.of("LOW_VOLTAGE_SWITCH_TIME", "Low sensor voltage for switch time calculation"));
        m.put(0x04, List.of("HIGH_VOLTAGE_SWITCH_TIME", "High sensor voltage for switch time calculation"));
        m.put(0x05, List.of("RTL_SWITCH_TIME", "Rich to lean sensor switch time"));
        m.put(0x06, List.of("LTR_SWITCH_TIME", "Lean to rich sensor switch time"));
        m.put(0x07, List.of("MIN_VOLTAGE", "Minimum sensor voltage for test cycle"));
        m.put(0x08, List.of("MAX_VOLTAGE", "Maximum sensor voltage for test cycle"));
        m.put(0x09, List.of("TRANSITION_TIME", "Time between sensor transitions"));
        m.put(0x0A, List.of("SENSOR_PERIOD", "Sensor period"));
        m.put(0x0B, List.of("MISFIRE_AVERAGE", "Average misfire counts for last ten driving cycles"));
        m.put(0x0C, List.of("MISFIRE_COUNT", "Misfire counts for last/current driving cycles"));
        return Collections.unmodifiableMap(m);
    }

    /** Mode 09 PID 08 counters (spark ignition, SAE J1979), in wire order. */
    public static final List<String> IN_USE_SPARK = List.of(
            "OBDCOND", "IGNCNTR", "CATCOMP1", "CATCOND1", "CATCOMP2", "CATCOND2", "O2SCOMP1", "O2SCOND1",
            "O2SCOMP2", "O2SCOND2", "EGRCOMP", "EGRCOND", "AIRCOMP", "AIRCOND", "EVAPCOMP", "EVAPCOND",
            "SO2SCOMP1", "SO2SCOND1", "SO2SCOMP2", "SO2SCOND2");

    /** Mode 09 PID 0B counters (compression ignition, SAE J1979), in wire order. */
    public static final List<String> IN_USE_COMPRESSION = List.of(
            "OBDCOND", "IGNCNTR", "HCCATCOMP", "HCCATCOND", "NCATCOMP", "NCATCOND", "NADSCOMP", "NADSCOND",
            "PMCOMP", "PMCOND", "EGSCOMP", "EGSCOND", "EGRCOMP", "EGRCOND", "BPCOMP", "BPCOND",
            "FUELCOMP", "FUELCOND");
}
