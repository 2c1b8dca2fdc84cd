package dev.obdio.obd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every OBD-II command: the 292 of python-OBD 0.7.3 ({@code obd.commands}) with the same names,
 * descriptions, response lengths, ECU masks, {@code fast} flags and decoders, then obdio's
 * extensions (mode 0A permanent DTCs and the mode 09 PIDs python-OBD lacks), flagged
 * {@link ObdCommand#extension()}.
 *
 * <p>The python-OBD part was generated once from {@code obd_commands.tsv} and is checked against
 * it by {@code ObdCommandsTableTest}; constants give code the compiler-checked names python users
 * know ({@code ObdCommands.RPM} for {@code obd.commands.RPM}). Immutable and thread-safe.
 */
public final class ObdCommands {
    private static final int ENGINE = EcuRole.ENGINE.bit();
    private static final int ALL = EcuRole.ALL;
    private static final int UNKNOWN = EcuRole.UNKNOWN.bit();

    private ObdCommands() {
    }

    // ---- Mode 01: current powertrain data
    /** Supported PIDs [01-20] ({@code 0100}). */
    public static final ObdCommand PIDS_A = python("PIDS_A", "Supported PIDs [01-20]",
            "0100", 6, Decoders.PID, ENGINE, true, true);
    /** Status since DTCs cleared ({@code 0101}). */
    public static final ObdCommand STATUS = python("STATUS", "Status since DTCs cleared",
            "0101", 6, Decoders.STATUS, ENGINE, true, false);
    /** DTC that triggered the freeze frame ({@code 0102}). */
    public static final ObdCommand FREEZE_DTC = python("FREEZE_DTC", "DTC that triggered the freeze frame",
            "0102", 4, Decoders.SINGLE_DTC, ENGINE, true, false);
    /** Fuel System Status ({@code 0103}). */
    public static final ObdCommand FUEL_STATUS = python("FUEL_STATUS", "Fuel System Status",
            "0103", 4, Decoders.FUEL_STATUS, ENGINE, true, false);
    /** Calculated Engine Load ({@code 0104}). */
    public static final ObdCommand ENGINE_LOAD = python("ENGINE_LOAD", "Calculated Engine Load",
            "0104", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Engine Coolant Temperature ({@code 0105}). */
    public static final ObdCommand COOLANT_TEMP = python("COOLANT_TEMP", "Engine Coolant Temperature",
            "0105", 3, Decoders.TEMP, ENGINE, true, false);
    /** Short Term Fuel Trim - Bank 1 ({@code 0106}). */
    public static final ObdCommand SHORT_FUEL_TRIM_1 = python("SHORT_FUEL_TRIM_1", "Short Term Fuel Trim - Bank 1",
            "0106", 3, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** Long Term Fuel Trim - Bank 1 ({@code 0107}). */
    public static final ObdCommand LONG_FUEL_TRIM_1 = python("LONG_FUEL_TRIM_1", "Long Term Fuel Trim - Bank 1",
            "0107", 3, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** Short Term Fuel Trim - Bank 2 ({@code 0108}). */
    public static final ObdCommand SHORT_FUEL_TRIM_2 = python("SHORT_FUEL_TRIM_2", "Short Term Fuel Trim - Bank 2",
            "0108", 3, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** Long Term Fuel Trim - Bank 2 ({@code 0109}). */
    public static final ObdCommand LONG_FUEL_TRIM_2 = python("LONG_FUEL_TRIM_2", "Long Term Fuel Trim - Bank 2",
            "0109", 3, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** Fuel Pressure ({@code 010A}). */
    public static final ObdCommand FUEL_PRESSURE = python("FUEL_PRESSURE", "Fuel Pressure",
            "010A", 3, Decoders.FUEL_PRESSURE, ENGINE, true, false);
    /** Intake Manifold Pressure ({@code 010B}). */
    public static final ObdCommand INTAKE_PRESSURE = python("INTAKE_PRESSURE", "Intake Manifold Pressure",
            "010B", 3, Decoders.PRESSURE, ENGINE, true, false);
    /** Engine RPM ({@code 010C}). */
    public static final ObdCommand RPM = python("RPM", "Engine RPM",
            "010C", 4, Decoders.uas(0x07), ENGINE, true, false);
    /** Vehicle Speed ({@code 010D}). */
    public static final ObdCommand SPEED = python("SPEED", "Vehicle Speed",
            "010D", 3, Decoders.uas(0x09), ENGINE, true, false);
    /** Timing Advance ({@code 010E}). */
    public static final ObdCommand TIMING_ADVANCE = python("TIMING_ADVANCE", "Timing Advance",
            "010E", 3, Decoders.TIMING_ADVANCE, ENGINE, true, false);
    /** Intake Air Temp ({@code 010F}). */
    public static final ObdCommand INTAKE_TEMP = python("INTAKE_TEMP", "Intake Air Temp",
            "010F", 3, Decoders.TEMP, ENGINE, true, false);
    /** Air Flow Rate (MAF) ({@code 0110}). */
    public static final ObdCommand MAF = python("MAF", "Air Flow Rate (MAF)",
            "0110", 4, Decoders.uas(0x27), ENGINE, true, false);
    /** Throttle Position ({@code 0111}). */
    public static final ObdCommand THROTTLE_POS = python("THROTTLE_POS", "Throttle Position",
            "0111", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Secondary Air Status ({@code 0112}). */
    public static final ObdCommand AIR_STATUS = python("AIR_STATUS", "Secondary Air Status",
            "0112", 3, Decoders.AIR_STATUS, ENGINE, true, false);
    /** O2 Sensors Present ({@code 0113}). */
    public static final ObdCommand O2_SENSORS = python("O2_SENSORS", "O2 Sensors Present",
            "0113", 3, Decoders.O2_SENSORS, ENGINE, true, false);
    /** O2: Bank 1 - Sensor 1 Voltage ({@code 0114}). */
    public static final ObdCommand O2_B1S1 = python("O2_B1S1", "O2: Bank 1 - Sensor 1 Voltage",
            "0114", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** O2: Bank 1 - Sensor 2 Voltage ({@code 0115}). */
    public static final ObdCommand O2_B1S2 = python("O2_B1S2", "O2: Bank 1 - Sensor 2 Voltage",
            "0115", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** O2: Bank 1 - Sensor 3 Voltage ({@code 0116}). */
    public static final ObdCommand O2_B1S3 = python("O2_B1S3", "O2: Bank 1 - Sensor 3 Voltage",
            "0116", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** O2: Bank 1 - Sensor 4 Voltage ({@code 0117}). */
    public static final ObdCommand O2_B1S4 = python("O2_B1S4", "O2: Bank 1 - Sensor 4 Voltage",
            "0117", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** O2: Bank 2 - Sensor 1 Voltage ({@code 0118}). */
    public static final ObdCommand O2_B2S1 = python("O2_B2S1", "O2: Bank 2 - Sensor 1 Voltage",
            "0118", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** O2: Bank 2 - Sensor 2 Voltage ({@code 0119}). */
    public static final ObdCommand O2_B2S2 = python("O2_B2S2", "O2: Bank 2 - Sensor 2 Voltage",
            "0119", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** O2: Bank 2 - Sensor 3 Voltage ({@code 011A}). */
    public static final ObdCommand O2_B2S3 = python("O2_B2S3", "O2: Bank 2 - Sensor 3 Voltage",
            "011A", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** O2: Bank 2 - Sensor 4 Voltage ({@code 011B}). */
    public static final ObdCommand O2_B2S4 = python("O2_B2S4", "O2: Bank 2 - Sensor 4 Voltage",
            "011B", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** OBD Standards Compliance ({@code 011C}). */
    public static final ObdCommand OBD_COMPLIANCE = python("OBD_COMPLIANCE", "OBD Standards Compliance",
            "011C", 3, Decoders.OBD_COMPLIANCE, ENGINE, true, false);
    /** O2 Sensors Present (alternate) ({@code 011D}). */
    public static final ObdCommand O2_SENSORS_ALT = python("O2_SENSORS_ALT", "O2 Sensors Present (alternate)",
            "011D", 3, Decoders.O2_SENSORS_ALT, ENGINE, true, false);
    /** Auxiliary input status (power take off) ({@code 011E}). */
    public static final ObdCommand AUX_INPUT_STATUS = python("AUX_INPUT_STATUS",
            "Auxiliary input status (power take off)", "011E", 3, Decoders.AUX_INPUT_STATUS, ENGINE, true, false);
    /** Engine Run Time ({@code 011F}). */
    public static final ObdCommand RUN_TIME = python("RUN_TIME", "Engine Run Time",
            "011F", 4, Decoders.uas(0x12), ENGINE, true, false);
    /** Supported PIDs [21-40] ({@code 0120}). */
    public static final ObdCommand PIDS_B = python("PIDS_B", "Supported PIDs [21-40]",
            "0120", 6, Decoders.PID, ENGINE, true, false);
    /** Distance Traveled with MIL on ({@code 0121}). */
    public static final ObdCommand DISTANCE_W_MIL = python("DISTANCE_W_MIL", "Distance Traveled with MIL on",
            "0121", 4, Decoders.uas(0x25), ENGINE, true, false);
    /** Fuel Rail Pressure (relative to vacuum) ({@code 0122}). */
    public static final ObdCommand FUEL_RAIL_PRESSURE_VAC = python("FUEL_RAIL_PRESSURE_VAC",
            "Fuel Rail Pressure (relative to vacuum)", "0122", 4, Decoders.uas(0x19), ENGINE, true, false);
    /** Fuel Rail Pressure (direct inject) ({@code 0123}). */
    public static final ObdCommand FUEL_RAIL_PRESSURE_DIRECT = python("FUEL_RAIL_PRESSURE_DIRECT",
            "Fuel Rail Pressure (direct inject)", "0123", 4, Decoders.uas(0x1B), ENGINE, true, false);
    /** 02 Sensor 1 WR Lambda Voltage ({@code 0124}). */
    public static final ObdCommand O2_S1_WR_VOLTAGE = python("O2_S1_WR_VOLTAGE", "02 Sensor 1 WR Lambda Voltage",
            "0124", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** 02 Sensor 2 WR Lambda Voltage ({@code 0125}). */
    public static final ObdCommand O2_S2_WR_VOLTAGE = python("O2_S2_WR_VOLTAGE", "02 Sensor 2 WR Lambda Voltage",
            "0125", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** 02 Sensor 3 WR Lambda Voltage ({@code 0126}). */
    public static final ObdCommand O2_S3_WR_VOLTAGE = python("O2_S3_WR_VOLTAGE", "02 Sensor 3 WR Lambda Voltage",
            "0126", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** 02 Sensor 4 WR Lambda Voltage ({@code 0127}). */
    public static final ObdCommand O2_S4_WR_VOLTAGE = python("O2_S4_WR_VOLTAGE", "02 Sensor 4 WR Lambda Voltage",
            "0127", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** 02 Sensor 5 WR Lambda Voltage ({@code 0128}). */
    public static final ObdCommand O2_S5_WR_VOLTAGE = python("O2_S5_WR_VOLTAGE", "02 Sensor 5 WR Lambda Voltage",
            "0128", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** 02 Sensor 6 WR Lambda Voltage ({@code 0129}). */
    public static final ObdCommand O2_S6_WR_VOLTAGE = python("O2_S6_WR_VOLTAGE", "02 Sensor 6 WR Lambda Voltage",
            "0129", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** 02 Sensor 7 WR Lambda Voltage ({@code 012A}). */
    public static final ObdCommand O2_S7_WR_VOLTAGE = python("O2_S7_WR_VOLTAGE", "02 Sensor 7 WR Lambda Voltage",
            "012A", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** 02 Sensor 8 WR Lambda Voltage ({@code 012B}). */
    public static final ObdCommand O2_S8_WR_VOLTAGE = python("O2_S8_WR_VOLTAGE", "02 Sensor 8 WR Lambda Voltage",
            "012B", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** Commanded EGR ({@code 012C}). */
    public static final ObdCommand COMMANDED_EGR = python("COMMANDED_EGR", "Commanded EGR",
            "012C", 3, Decoders.PERCENT, ENGINE, true, false);
    /** EGR Error ({@code 012D}). */
    public static final ObdCommand EGR_ERROR = python("EGR_ERROR", "EGR Error",
            "012D", 3, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** Commanded Evaporative Purge ({@code 012E}). */
    public static final ObdCommand EVAPORATIVE_PURGE = python("EVAPORATIVE_PURGE", "Commanded Evaporative Purge",
            "012E", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Fuel Level Input ({@code 012F}). */
    public static final ObdCommand FUEL_LEVEL = python("FUEL_LEVEL", "Fuel Level Input",
            "012F", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Number of warm-ups since codes cleared ({@code 0130}). */
    public static final ObdCommand WARMUPS_SINCE_DTC_CLEAR = python("WARMUPS_SINCE_DTC_CLEAR",
            "Number of warm-ups since codes cleared", "0130", 3, Decoders.uas(0x01), ENGINE, true, false);
    /** Distance traveled since codes cleared ({@code 0131}). */
    public static final ObdCommand DISTANCE_SINCE_DTC_CLEAR = python("DISTANCE_SINCE_DTC_CLEAR",
            "Distance traveled since codes cleared", "0131", 4, Decoders.uas(0x25), ENGINE, true, false);
    /** Evaporative system vapor pressure ({@code 0132}). */
    public static final ObdCommand EVAP_VAPOR_PRESSURE = python("EVAP_VAPOR_PRESSURE",
            "Evaporative system vapor pressure", "0132", 4, Decoders.EVAP_PRESSURE, ENGINE, true, false);
    /** Barometric Pressure ({@code 0133}). */
    public static final ObdCommand BAROMETRIC_PRESSURE = python("BAROMETRIC_PRESSURE", "Barometric Pressure",
            "0133", 3, Decoders.PRESSURE, ENGINE, true, false);
    /** 02 Sensor 1 WR Lambda Current ({@code 0134}). */
    public static final ObdCommand O2_S1_WR_CURRENT = python("O2_S1_WR_CURRENT", "02 Sensor 1 WR Lambda Current",
            "0134", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** 02 Sensor 2 WR Lambda Current ({@code 0135}). */
    public static final ObdCommand O2_S2_WR_CURRENT = python("O2_S2_WR_CURRENT", "02 Sensor 2 WR Lambda Current",
            "0135", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** 02 Sensor 3 WR Lambda Current ({@code 0136}). */
    public static final ObdCommand O2_S3_WR_CURRENT = python("O2_S3_WR_CURRENT", "02 Sensor 3 WR Lambda Current",
            "0136", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** 02 Sensor 4 WR Lambda Current ({@code 0137}). */
    public static final ObdCommand O2_S4_WR_CURRENT = python("O2_S4_WR_CURRENT", "02 Sensor 4 WR Lambda Current",
            "0137", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** 02 Sensor 5 WR Lambda Current ({@code 0138}). */
    public static final ObdCommand O2_S5_WR_CURRENT = python("O2_S5_WR_CURRENT", "02 Sensor 5 WR Lambda Current",
            "0138", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** 02 Sensor 6 WR Lambda Current ({@code 0139}). */
    public static final ObdCommand O2_S6_WR_CURRENT = python("O2_S6_WR_CURRENT", "02 Sensor 6 WR Lambda Current",
            "0139", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** 02 Sensor 7 WR Lambda Current ({@code 013A}). */
    public static final ObdCommand O2_S7_WR_CURRENT = python("O2_S7_WR_CURRENT", "02 Sensor 7 WR Lambda Current",
            "013A", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** 02 Sensor 8 WR Lambda Current ({@code 013B}). */
    public static final ObdCommand O2_S8_WR_CURRENT = python("O2_S8_WR_CURRENT", "02 Sensor 8 WR Lambda Current",
            "013B", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** Catalyst Temperature: Bank 1 - Sensor 1 ({@code 013C}). */
    public static final ObdCommand CATALYST_TEMP_B1S1 = python("CATALYST_TEMP_B1S1",
            "Catalyst Temperature: Bank 1 - Sensor 1", "013C", 4, Decoders.uas(0x16), ENGINE, true, false);
    /** Catalyst Temperature: Bank 2 - Sensor 1 ({@code 013D}). */
    public static final ObdCommand CATALYST_TEMP_B2S1 = python("CATALYST_TEMP_B2S1",
            "Catalyst Temperature: Bank 2 - Sensor 1", "013D", 4, Decoders.uas(0x16), ENGINE, true, false);
    /** Catalyst Temperature: Bank 1 - Sensor 2 ({@code 013E}). */
    public static final ObdCommand CATALYST_TEMP_B1S2 = python("CATALYST_TEMP_B1S2",
            "Catalyst Temperature: Bank 1 - Sensor 2", "013E", 4, Decoders.uas(0x16), ENGINE, true, false);
    /** Catalyst Temperature: Bank 2 - Sensor 2 ({@code 013F}). */
    public static final ObdCommand CATALYST_TEMP_B2S2 = python("CATALYST_TEMP_B2S2",
            "Catalyst Temperature: Bank 2 - Sensor 2", "013F", 4, Decoders.uas(0x16), ENGINE, true, false);
    /** Supported PIDs [41-60] ({@code 0140}). */
    public static final ObdCommand PIDS_C = python("PIDS_C", "Supported PIDs [41-60]",
            "0140", 6, Decoders.PID, ENGINE, true, false);
    /** Monitor status this drive cycle ({@code 0141}). */
    public static final ObdCommand STATUS_DRIVE_CYCLE = python("STATUS_DRIVE_CYCLE", "Monitor status this drive cycle",
            "0141", 6, Decoders.STATUS, ENGINE, true, false);
    /** Control module voltage ({@code 0142}). */
    public static final ObdCommand CONTROL_MODULE_VOLTAGE = python("CONTROL_MODULE_VOLTAGE", "Control module voltage",
            "0142", 4, Decoders.uas(0x0B), ENGINE, true, false);
    /** Absolute load value ({@code 0143}). */
    public static final ObdCommand ABSOLUTE_LOAD = python("ABSOLUTE_LOAD", "Absolute load value",
            "0143", 4, Decoders.ABSOLUTE_LOAD, ENGINE, true, false);
    /** Commanded equivalence ratio ({@code 0144}). */
    public static final ObdCommand COMMANDED_EQUIV_RATIO = python("COMMANDED_EQUIV_RATIO",
            "Commanded equivalence ratio", "0144", 4, Decoders.uas(0x1E), ENGINE, true, false);
    /** Relative throttle position ({@code 0145}). */
    public static final ObdCommand RELATIVE_THROTTLE_POS = python("RELATIVE_THROTTLE_POS", "Relative throttle position",
            "0145", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Ambient air temperature ({@code 0146}). */
    public static final ObdCommand AMBIANT_AIR_TEMP = python("AMBIANT_AIR_TEMP", "Ambient air temperature",
            "0146", 3, Decoders.TEMP, ENGINE, true, false);
    /** Absolute throttle position B ({@code 0147}). */
    public static final ObdCommand THROTTLE_POS_B = python("THROTTLE_POS_B", "Absolute throttle position B",
            "0147", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Absolute throttle position C ({@code 0148}). */
    public static final ObdCommand THROTTLE_POS_C = python("THROTTLE_POS_C", "Absolute throttle position C",
            "0148", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Accelerator pedal position D ({@code 0149}). */
    public static final ObdCommand ACCELERATOR_POS_D = python("ACCELERATOR_POS_D", "Accelerator pedal position D",
            "0149", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Accelerator pedal position E ({@code 014A}). */
    public static final ObdCommand ACCELERATOR_POS_E = python("ACCELERATOR_POS_E", "Accelerator pedal position E",
            "014A", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Accelerator pedal position F ({@code 014B}). */
    public static final ObdCommand ACCELERATOR_POS_F = python("ACCELERATOR_POS_F", "Accelerator pedal position F",
            "014B", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Commanded throttle actuator ({@code 014C}). */
    public static final ObdCommand THROTTLE_ACTUATOR = python("THROTTLE_ACTUATOR", "Commanded throttle actuator",
            "014C", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Time run with MIL on ({@code 014D}). */
    public static final ObdCommand RUN_TIME_MIL = python("RUN_TIME_MIL", "Time run with MIL on",
            "014D", 4, Decoders.uas(0x34), ENGINE, true, false);
    /** Time since trouble codes cleared ({@code 014E}). */
    public static final ObdCommand TIME_SINCE_DTC_CLEARED = python("TIME_SINCE_DTC_CLEARED",
            "Time since trouble codes cleared", "014E", 4, Decoders.uas(0x34), ENGINE, true, false);
    /** Various Max values ({@code 014F}). */
    public static final ObdCommand MAX_VALUES = python("MAX_VALUES", "Various Max values",
            "014F", 6, Decoders.DROP, ENGINE, true, false);
    /** Maximum value for mass air flow sensor ({@code 0150}). */
    public static final ObdCommand MAX_MAF = python("MAX_MAF", "Maximum value for mass air flow sensor",
            "0150", 6, Decoders.MAX_MAF, ENGINE, true, false);
    /** Fuel Type ({@code 0151}). */
    public static final ObdCommand FUEL_TYPE = python("FUEL_TYPE", "Fuel Type",
            "0151", 3, Decoders.FUEL_TYPE, ENGINE, true, false);
    /** Ethanol Fuel Percent ({@code 0152}). */
    public static final ObdCommand ETHANOL_PERCENT = python("ETHANOL_PERCENT", "Ethanol Fuel Percent",
            "0152", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Absolute Evap system Vapor Pressure ({@code 0153}). */
    public static final ObdCommand EVAP_VAPOR_PRESSURE_ABS = python("EVAP_VAPOR_PRESSURE_ABS",
            "Absolute Evap system Vapor Pressure", "0153", 4, Decoders.ABS_EVAP_PRESSURE, ENGINE, true, false);
    /** Evap system vapor pressure ({@code 0154}). */
    public static final ObdCommand EVAP_VAPOR_PRESSURE_ALT = python("EVAP_VAPOR_PRESSURE_ALT",
            "Evap system vapor pressure", "0154", 4, Decoders.EVAP_PRESSURE_ALT, ENGINE, true, false);
    /** Short term secondary O2 trim - Bank 1 ({@code 0155}). */
    public static final ObdCommand SHORT_O2_TRIM_B1 = python("SHORT_O2_TRIM_B1",
            "Short term secondary O2 trim - Bank 1", "0155", 4, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** Long term secondary O2 trim - Bank 1 ({@code 0156}). */
    public static final ObdCommand LONG_O2_TRIM_B1 = python("LONG_O2_TRIM_B1", "Long term secondary O2 trim - Bank 1",
            "0156", 4, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** Short term secondary O2 trim - Bank 2 ({@code 0157}). */
    public static final ObdCommand SHORT_O2_TRIM_B2 = python("SHORT_O2_TRIM_B2",
            "Short term secondary O2 trim - Bank 2", "0157", 4, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** Long term secondary O2 trim - Bank 2 ({@code 0158}). */
    public static final ObdCommand LONG_O2_TRIM_B2 = python("LONG_O2_TRIM_B2", "Long term secondary O2 trim - Bank 2",
            "0158", 4, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** Fuel rail pressure (absolute) ({@code 0159}). */
    public static final ObdCommand FUEL_RAIL_PRESSURE_ABS = python("FUEL_RAIL_PRESSURE_ABS",
            "Fuel rail pressure (absolute)", "0159", 4, Decoders.uas(0x1B), ENGINE, true, false);
    /** Relative accelerator pedal position ({@code 015A}). */
    public static final ObdCommand RELATIVE_ACCEL_POS = python("RELATIVE_ACCEL_POS",
            "Relative accelerator pedal position", "015A", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Hybrid battery pack remaining life ({@code 015B}). */
    public static final ObdCommand HYBRID_BATTERY_REMAINING = python("HYBRID_BATTERY_REMAINING",
            "Hybrid battery pack remaining life", "015B", 3, Decoders.PERCENT, ENGINE, true, false);
    /** Engine oil temperature ({@code 015C}). */
    public static final ObdCommand OIL_TEMP = python("OIL_TEMP", "Engine oil temperature",
            "015C", 3, Decoders.TEMP, ENGINE, true, false);
    /** Fuel injection timing ({@code 015D}). */
    public static final ObdCommand FUEL_INJECT_TIMING = python("FUEL_INJECT_TIMING", "Fuel injection timing",
            "015D", 4, Decoders.INJECT_TIMING, ENGINE, true, false);
    /** Engine fuel rate ({@code 015E}). */
    public static final ObdCommand FUEL_RATE = python("FUEL_RATE", "Engine fuel rate",
            "015E", 4, Decoders.FUEL_RATE, ENGINE, true, false);
    /** Designed emission requirements ({@code 015F}). */
    public static final ObdCommand EMISSION_REQ = python("EMISSION_REQ", "Designed emission requirements",
            "015F", 3, Decoders.DROP, ENGINE, true, false);

    // ---- Mode 02: freeze frame data (the request carries a frame number)
    /** DTC Supported PIDs [01-20] ({@code 0200}). */
    public static final ObdCommand DTC_PIDS_A = python("DTC_PIDS_A", "DTC Supported PIDs [01-20]",
            "0200", 6, Decoders.DROP, ENGINE, true, false);
    /** DTC Status since DTCs cleared ({@code 0201}). */
    public static final ObdCommand DTC_STATUS = python("DTC_STATUS", "DTC Status since DTCs cleared",
            "0201", 6, Decoders.STATUS, ENGINE, true, false);
    /** DTC DTC that triggered the freeze frame ({@code 0202}). */
    public static final ObdCommand DTC_FREEZE_DTC = python("DTC_FREEZE_DTC", "DTC DTC that triggered the freeze frame",
            "0202", 4, Decoders.SINGLE_DTC, ENGINE, true, false);
    /** DTC Fuel System Status ({@code 0203}). */
    public static final ObdCommand DTC_FUEL_STATUS = python("DTC_FUEL_STATUS", "DTC Fuel System Status",
            "0203", 4, Decoders.FUEL_STATUS, ENGINE, true, false);
    /** DTC Calculated Engine Load ({@code 0204}). */
    public static final ObdCommand DTC_ENGINE_LOAD = python("DTC_ENGINE_LOAD", "DTC Calculated Engine Load",
            "0204", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Engine Coolant Temperature ({@code 0205}). */
    public static final ObdCommand DTC_COOLANT_TEMP = python("DTC_COOLANT_TEMP", "DTC Engine Coolant Temperature",
            "0205", 3, Decoders.TEMP, ENGINE, true, false);
    /** DTC Short Term Fuel Trim - Bank 1 ({@code 0206}). */
    public static final ObdCommand DTC_SHORT_FUEL_TRIM_1 = python("DTC_SHORT_FUEL_TRIM_1",
            "DTC Short Term Fuel Trim - Bank 1", "0206", 3, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** DTC Long Term Fuel Trim - Bank 1 ({@code 0207}). */
    public static final ObdCommand DTC_LONG_FUEL_TRIM_1 = python("DTC_LONG_FUEL_TRIM_1",
            "DTC Long Term Fuel Trim - Bank 1", "0207", 3, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** DTC Short Term Fuel Trim - Bank 2 ({@code 0208}). */
    public static final ObdCommand DTC_SHORT_FUEL_TRIM_2 = python("DTC_SHORT_FUEL_TRIM_2",
            "DTC Short Term Fuel Trim - Bank 2", "0208", 3, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** DTC Long Term Fuel Trim - Bank 2 ({@code 0209}). */
    public static final ObdCommand DTC_LONG_FUEL_TRIM_2 = python("DTC_LONG_FUEL_TRIM_2",
            "DTC Long Term Fuel Trim - Bank 2", "0209", 3, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** DTC Fuel Pressure ({@code 020A}). */
    public static final ObdCommand DTC_FUEL_PRESSURE = python("DTC_FUEL_PRESSURE", "DTC Fuel Pressure",
            "020A", 3, Decoders.FUEL_PRESSURE, ENGINE, true, false);
    /** DTC Intake Manifold Pressure ({@code 020B}). */
    public static final ObdCommand DTC_INTAKE_PRESSURE = python("DTC_INTAKE_PRESSURE", "DTC Intake Manifold Pressure",
            "020B", 3, Decoders.PRESSURE, ENGINE, true, false);
    /** DTC Engine RPM ({@code 020C}). */
    public static final ObdCommand DTC_RPM = python("DTC_RPM", "DTC Engine RPM",
            "020C", 4, Decoders.uas(0x07), ENGINE, true, false);
    /** DTC Vehicle Speed ({@code 020D}). */
    public static final ObdCommand DTC_SPEED = python("DTC_SPEED", "DTC Vehicle Speed",
            "020D", 3, Decoders.uas(0x09), ENGINE, true, false);
    /** DTC Timing Advance ({@code 020E}). */
    public static final ObdCommand DTC_TIMING_ADVANCE = python("DTC_TIMING_ADVANCE", "DTC Timing Advance",
            "020E", 3, Decoders.TIMING_ADVANCE, ENGINE, true, false);
    /** DTC Intake Air Temp ({@code 020F}). */
    public static final ObdCommand DTC_INTAKE_TEMP = python("DTC_INTAKE_TEMP", "DTC Intake Air Temp",
            "020F", 3, Decoders.TEMP, ENGINE, true, false);
    /** DTC Air Flow Rate (MAF) ({@code 0210}). */
    public static final ObdCommand DTC_MAF = python("DTC_MAF", "DTC Air Flow Rate (MAF)",
            "0210", 4, Decoders.uas(0x27), ENGINE, true, false);
    /** DTC Throttle Position ({@code 0211}). */
    public static final ObdCommand DTC_THROTTLE_POS = python("DTC_THROTTLE_POS", "DTC Throttle Position",
            "0211", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Secondary Air Status ({@code 0212}). */
    public static final ObdCommand DTC_AIR_STATUS = python("DTC_AIR_STATUS", "DTC Secondary Air Status",
            "0212", 3, Decoders.AIR_STATUS, ENGINE, true, false);
    /** DTC O2 Sensors Present ({@code 0213}). */
    public static final ObdCommand DTC_O2_SENSORS = python("DTC_O2_SENSORS", "DTC O2 Sensors Present",
            "0213", 3, Decoders.O2_SENSORS, ENGINE, true, false);
    /** DTC O2: Bank 1 - Sensor 1 Voltage ({@code 0214}). */
    public static final ObdCommand DTC_O2_B1S1 = python("DTC_O2_B1S1", "DTC O2: Bank 1 - Sensor 1 Voltage",
            "0214", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** DTC O2: Bank 1 - Sensor 2 Voltage ({@code 0215}). */
    public static final ObdCommand DTC_O2_B1S2 = python("DTC_O2_B1S2", "DTC O2: Bank 1 - Sensor 2 Voltage",
            "0215", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** DTC O2: Bank 1 - Sensor 3 Voltage ({@code 0216}). */
    public static final ObdCommand DTC_O2_B1S3 = python("DTC_O2_B1S3", "DTC O2: Bank 1 - Sensor 3 Voltage",
            "0216", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** DTC O2: Bank 1 - Sensor 4 Voltage ({@code 0217}). */
    public static final ObdCommand DTC_O2_B1S4 = python("DTC_O2_B1S4", "DTC O2: Bank 1 - Sensor 4 Voltage",
            "0217", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** DTC O2: Bank 2 - Sensor 1 Voltage ({@code 0218}). */
    public static final ObdCommand DTC_O2_B2S1 = python("DTC_O2_B2S1", "DTC O2: Bank 2 - Sensor 1 Voltage",
            "0218", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** DTC O2: Bank 2 - Sensor 2 Voltage ({@code 0219}). */
    public static final ObdCommand DTC_O2_B2S2 = python("DTC_O2_B2S2", "DTC O2: Bank 2 - Sensor 2 Voltage",
            "0219", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** DTC O2: Bank 2 - Sensor 3 Voltage ({@code 021A}). */
    public static final ObdCommand DTC_O2_B2S3 = python("DTC_O2_B2S3", "DTC O2: Bank 2 - Sensor 3 Voltage",
            "021A", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** DTC O2: Bank 2 - Sensor 4 Voltage ({@code 021B}). */
    public static final ObdCommand DTC_O2_B2S4 = python("DTC_O2_B2S4", "DTC O2: Bank 2 - Sensor 4 Voltage",
            "021B", 4, Decoders.SENSOR_VOLTAGE, ENGINE, true, false);
    /** DTC OBD Standards Compliance ({@code 021C}). */
    public static final ObdCommand DTC_OBD_COMPLIANCE = python("DTC_OBD_COMPLIANCE", "DTC OBD Standards Compliance",
            "021C", 3, Decoders.OBD_COMPLIANCE, ENGINE, true, false);
    /** DTC O2 Sensors Present (alternate) ({@code 021D}). */
    public static final ObdCommand DTC_O2_SENSORS_ALT = python("DTC_O2_SENSORS_ALT",
            "DTC O2 Sensors Present (alternate)", "021D", 3, Decoders.O2_SENSORS_ALT, ENGINE, true, false);
    /** DTC Auxiliary input status (power take off) ({@code 021E}). */
    public static final ObdCommand DTC_AUX_INPUT_STATUS = python("DTC_AUX_INPUT_STATUS",
            "DTC Auxiliary input status (power take off)", "021E", 3, Decoders.AUX_INPUT_STATUS, ENGINE, true, false);
    /** DTC Engine Run Time ({@code 021F}). */
    public static final ObdCommand DTC_RUN_TIME = python("DTC_RUN_TIME", "DTC Engine Run Time",
            "021F", 4, Decoders.uas(0x12), ENGINE, true, false);
    /** DTC Supported PIDs [21-40] ({@code 0220}). */
    public static final ObdCommand DTC_PIDS_B = python("DTC_PIDS_B", "DTC Supported PIDs [21-40]",
            "0220", 6, Decoders.DROP, ENGINE, true, false);
    /** DTC Distance Traveled with MIL on ({@code 0221}). */
    public static final ObdCommand DTC_DISTANCE_W_MIL = python("DTC_DISTANCE_W_MIL",
            "DTC Distance Traveled with MIL on", "0221", 4, Decoders.uas(0x25), ENGINE, true, false);
    /** DTC Fuel Rail Pressure (relative to vacuum) ({@code 0222}). */
    public static final ObdCommand DTC_FUEL_RAIL_PRESSURE_VAC = python("DTC_FUEL_RAIL_PRESSURE_VAC",
            "DTC Fuel Rail Pressure (relative to vacuum)", "0222", 4, Decoders.uas(0x19), ENGINE, true, false);
    /** DTC Fuel Rail Pressure (direct inject) ({@code 0223}). */
    public static final ObdCommand DTC_FUEL_RAIL_PRESSURE_DIRECT = python("DTC_FUEL_RAIL_PRESSURE_DIRECT",
            "DTC Fuel Rail Pressure (direct inject)", "0223", 4, Decoders.uas(0x1B), ENGINE, true, false);
    /** DTC 02 Sensor 1 WR Lambda Voltage ({@code 0224}). */
    public static final ObdCommand DTC_O2_S1_WR_VOLTAGE = python("DTC_O2_S1_WR_VOLTAGE",
            "DTC 02 Sensor 1 WR Lambda Voltage", "0224", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** DTC 02 Sensor 2 WR Lambda Voltage ({@code 0225}). */
    public static final ObdCommand DTC_O2_S2_WR_VOLTAGE = python("DTC_O2_S2_WR_VOLTAGE",
            "DTC 02 Sensor 2 WR Lambda Voltage", "0225", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** DTC 02 Sensor 3 WR Lambda Voltage ({@code 0226}). */
    public static final ObdCommand DTC_O2_S3_WR_VOLTAGE = python("DTC_O2_S3_WR_VOLTAGE",
            "DTC 02 Sensor 3 WR Lambda Voltage", "0226", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** DTC 02 Sensor 4 WR Lambda Voltage ({@code 0227}). */
    public static final ObdCommand DTC_O2_S4_WR_VOLTAGE = python("DTC_O2_S4_WR_VOLTAGE",
            "DTC 02 Sensor 4 WR Lambda Voltage", "0227", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** DTC 02 Sensor 5 WR Lambda Voltage ({@code 0228}). */
    public static final ObdCommand DTC_O2_S5_WR_VOLTAGE = python("DTC_O2_S5_WR_VOLTAGE",
            "DTC 02 Sensor 5 WR Lambda Voltage", "0228", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** DTC 02 Sensor 6 WR Lambda Voltage ({@code 0229}). */
    public static final ObdCommand DTC_O2_S6_WR_VOLTAGE = python("DTC_O2_S6_WR_VOLTAGE",
            "DTC 02 Sensor 6 WR Lambda Voltage", "0229", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** DTC 02 Sensor 7 WR Lambda Voltage ({@code 022A}). */
    public static final ObdCommand DTC_O2_S7_WR_VOLTAGE = python("DTC_O2_S7_WR_VOLTAGE",
            "DTC 02 Sensor 7 WR Lambda Voltage", "022A", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** DTC 02 Sensor 8 WR Lambda Voltage ({@code 022B}). */
    public static final ObdCommand DTC_O2_S8_WR_VOLTAGE = python("DTC_O2_S8_WR_VOLTAGE",
            "DTC 02 Sensor 8 WR Lambda Voltage", "022B", 6, Decoders.SENSOR_VOLTAGE_BIG, ENGINE, true, false);
    /** DTC Commanded EGR ({@code 022C}). */
    public static final ObdCommand DTC_COMMANDED_EGR = python("DTC_COMMANDED_EGR", "DTC Commanded EGR",
            "022C", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC EGR Error ({@code 022D}). */
    public static final ObdCommand DTC_EGR_ERROR = python("DTC_EGR_ERROR", "DTC EGR Error",
            "022D", 3, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** DTC Commanded Evaporative Purge ({@code 022E}). */
    public static final ObdCommand DTC_EVAPORATIVE_PURGE = python("DTC_EVAPORATIVE_PURGE",
            "DTC Commanded Evaporative Purge", "022E", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Fuel Level Input ({@code 022F}). */
    public static final ObdCommand DTC_FUEL_LEVEL = python("DTC_FUEL_LEVEL", "DTC Fuel Level Input",
            "022F", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Number of warm-ups since codes cleared ({@code 0230}). */
    public static final ObdCommand DTC_WARMUPS_SINCE_DTC_CLEAR = python("DTC_WARMUPS_SINCE_DTC_CLEAR",
            "DTC Number of warm-ups since codes cleared", "0230", 3, Decoders.uas(0x01), ENGINE, true, false);
    /** DTC Distance traveled since codes cleared ({@code 0231}). */
    public static final ObdCommand DTC_DISTANCE_SINCE_DTC_CLEAR = python("DTC_DISTANCE_SINCE_DTC_CLEAR",
            "DTC Distance traveled since codes cleared", "0231", 4, Decoders.uas(0x25), ENGINE, true, false);
    /** DTC Evaporative system vapor pressure ({@code 0232}). */
    public static final ObdCommand DTC_EVAP_VAPOR_PRESSURE = python("DTC_EVAP_VAPOR_PRESSURE",
            "DTC Evaporative system vapor pressure", "0232", 4, Decoders.EVAP_PRESSURE, ENGINE, true, false);
    /** DTC Barometric Pressure ({@code 0233}). */
    public static final ObdCommand DTC_BAROMETRIC_PRESSURE = python("DTC_BAROMETRIC_PRESSURE",
            "DTC Barometric Pressure", "0233", 3, Decoders.PRESSURE, ENGINE, true, false);
    /** DTC 02 Sensor 1 WR Lambda Current ({@code 0234}). */
    public static final ObdCommand DTC_O2_S1_WR_CURRENT = python("DTC_O2_S1_WR_CURRENT",
            "DTC 02 Sensor 1 WR Lambda Current", "0234", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** DTC 02 Sensor 2 WR Lambda Current ({@code 0235}). */
    public static final ObdCommand DTC_O2_S2_WR_CURRENT = python("DTC_O2_S2_WR_CURRENT",
            "DTC 02 Sensor 2 WR Lambda Current", "0235", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** DTC 02 Sensor 3 WR Lambda Current ({@code 0236}). */
    public static final ObdCommand DTC_O2_S3_WR_CURRENT = python("DTC_O2_S3_WR_CURRENT",
            "DTC 02 Sensor 3 WR Lambda Current", "0236", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** DTC 02 Sensor 4 WR Lambda Current ({@code 0237}). */
    public static final ObdCommand DTC_O2_S4_WR_CURRENT = python("DTC_O2_S4_WR_CURRENT",
            "DTC 02 Sensor 4 WR Lambda Current", "0237", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** DTC 02 Sensor 5 WR Lambda Current ({@code 0238}). */
    public static final ObdCommand DTC_O2_S5_WR_CURRENT = python("DTC_O2_S5_WR_CURRENT",
            "DTC 02 Sensor 5 WR Lambda Current", "0238", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** DTC 02 Sensor 6 WR Lambda Current ({@code 0239}). */
    public static final ObdCommand DTC_O2_S6_WR_CURRENT = python("DTC_O2_S6_WR_CURRENT",
            "DTC 02 Sensor 6 WR Lambda Current", "0239", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** DTC 02 Sensor 7 WR Lambda Current ({@code 023A}). */
    public static final ObdCommand DTC_O2_S7_WR_CURRENT = python("DTC_O2_S7_WR_CURRENT",
            "DTC 02 Sensor 7 WR Lambda Current", "023A", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** DTC 02 Sensor 8 WR Lambda Current ({@code 023B}). */
    public static final ObdCommand DTC_O2_S8_WR_CURRENT = python("DTC_O2_S8_WR_CURRENT",
            "DTC 02 Sensor 8 WR Lambda Current", "023B", 6, Decoders.CURRENT_CENTERED, ENGINE, true, false);
    /** DTC Catalyst Temperature: Bank 1 - Sensor 1 ({@code 023C}). */
    public static final ObdCommand DTC_CATALYST_TEMP_B1S1 = python("DTC_CATALYST_TEMP_B1S1",
            "DTC Catalyst Temperature: Bank 1 - Sensor 1", "023C", 4, Decoders.uas(0x16), ENGINE, true, false);
    /** DTC Catalyst Temperature: Bank 2 - Sensor 1 ({@code 023D}). */
    public static final ObdCommand DTC_CATALYST_TEMP_B2S1 = python("DTC_CATALYST_TEMP_B2S1",
            "DTC Catalyst Temperature: Bank 2 - Sensor 1", "023D", 4, Decoders.uas(0x16), ENGINE, true, false);
    /** DTC Catalyst Temperature: Bank 1 - Sensor 2 ({@code 023E}). */
    public static final ObdCommand DTC_CATALYST_TEMP_B1S2 = python("DTC_CATALYST_TEMP_B1S2",
            "DTC Catalyst Temperature: Bank 1 - Sensor 2", "023E", 4, Decoders.uas(0x16), ENGINE, true, false);
    /** DTC Catalyst Temperature: Bank 2 - Sensor 2 ({@code 023F}). */
    public static final ObdCommand DTC_CATALYST_TEMP_B2S2 = python("DTC_CATALYST_TEMP_B2S2",
            "DTC Catalyst Temperature: Bank 2 - Sensor 2", "023F", 4, Decoders.uas(0x16), ENGINE, true, false);
    /** DTC Supported PIDs [41-60] ({@code 0240}). */
    public static final ObdCommand DTC_PIDS_C = python("DTC_PIDS_C", "DTC Supported PIDs [41-60]",
            "0240", 6, Decoders.DROP, ENGINE, true, false);
    /** DTC Monitor status this drive cycle ({@code 0241}). */
    public static final ObdCommand DTC_STATUS_DRIVE_CYCLE = python("DTC_STATUS_DRIVE_CYCLE",
            "DTC Monitor status this drive cycle", "0241", 6, Decoders.STATUS, ENGINE, true, false);
    /** DTC Control module voltage ({@code 0242}). */
    public static final ObdCommand DTC_CONTROL_MODULE_VOLTAGE = python("DTC_CONTROL_MODULE_VOLTAGE",
            "DTC Control module voltage", "0242", 4, Decoders.uas(0x0B), ENGINE, true, false);
    /** DTC Absolute load value ({@code 0243}). */
    public static final ObdCommand DTC_ABSOLUTE_LOAD = python("DTC_ABSOLUTE_LOAD", "DTC Absolute load value",
            "0243", 4, Decoders.ABSOLUTE_LOAD, ENGINE, true, false);
    /** DTC Commanded equivalence ratio ({@code 0244}). */
    public static final ObdCommand DTC_COMMANDED_EQUIV_RATIO = python("DTC_COMMANDED_EQUIV_RATIO",
            "DTC Commanded equivalence ratio", "0244", 4, Decoders.uas(0x1E), ENGINE, true, false);
    /** DTC Relative throttle position ({@code 0245}). */
    public static final ObdCommand DTC_RELATIVE_THROTTLE_POS = python("DTC_RELATIVE_THROTTLE_POS",
            "DTC Relative throttle position", "0245", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Ambient air temperature ({@code 0246}). */
    public static final ObdCommand DTC_AMBIANT_AIR_TEMP = python("DTC_AMBIANT_AIR_TEMP", "DTC Ambient air temperature",
            "0246", 3, Decoders.TEMP, ENGINE, true, false);
    /** DTC Absolute throttle position B ({@code 0247}). */
    public static final ObdCommand DTC_THROTTLE_POS_B = python("DTC_THROTTLE_POS_B", "DTC Absolute throttle position B",
            "0247", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Absolute throttle position C ({@code 0248}). */
    public static final ObdCommand DTC_THROTTLE_POS_C = python("DTC_THROTTLE_POS_C", "DTC Absolute throttle position C",
            "0248", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Accelerator pedal position D ({@code 0249}). */
    public static final ObdCommand DTC_ACCELERATOR_POS_D = python("DTC_ACCELERATOR_POS_D",
            "DTC Accelerator pedal position D", "0249", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Accelerator pedal position E ({@code 024A}). */
    public static final ObdCommand DTC_ACCELERATOR_POS_E = python("DTC_ACCELERATOR_POS_E",
            "DTC Accelerator pedal position E", "024A", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Accelerator pedal position F ({@code 024B}). */
    public static final ObdCommand DTC_ACCELERATOR_POS_F = python("DTC_ACCELERATOR_POS_F",
            "DTC Accelerator pedal position F", "024B", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Commanded throttle actuator ({@code 024C}). */
    public static final ObdCommand DTC_THROTTLE_ACTUATOR = python("DTC_THROTTLE_ACTUATOR",
            "DTC Commanded throttle actuator", "024C", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Time run with MIL on ({@code 024D}). */
    public static final ObdCommand DTC_RUN_TIME_MIL = python("DTC_RUN_TIME_MIL", "DTC Time run with MIL on",
            "024D", 4, Decoders.uas(0x34), ENGINE, true, false);
    /** DTC Time since trouble codes cleared ({@code 024E}). */
    public static final ObdCommand DTC_TIME_SINCE_DTC_CLEARED = python("DTC_TIME_SINCE_DTC_CLEARED",
            "DTC Time since trouble codes cleared", "024E", 4, Decoders.uas(0x34), ENGINE, true, false);
    /** DTC Various Max values ({@code 024F}). */
    public static final ObdCommand DTC_MAX_VALUES = python("DTC_MAX_VALUES", "DTC Various Max values",
            "024F", 6, Decoders.DROP, ENGINE, true, false);
    /** DTC Maximum value for mass air flow sensor ({@code 0250}). */
    public static final ObdCommand DTC_MAX_MAF = python("DTC_MAX_MAF", "DTC Maximum value for mass air flow sensor",
            "0250", 6, Decoders.MAX_MAF, ENGINE, true, false);
    /** DTC Fuel Type ({@code 0251}). */
    public static final ObdCommand DTC_FUEL_TYPE = python("DTC_FUEL_TYPE", "DTC Fuel Type",
            "0251", 3, Decoders.FUEL_TYPE, ENGINE, true, false);
    /** DTC Ethanol Fuel Percent ({@code 0252}). */
    public static final ObdCommand DTC_ETHANOL_PERCENT = python("DTC_ETHANOL_PERCENT", "DTC Ethanol Fuel Percent",
            "0252", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Absolute Evap system Vapor Pressure ({@code 0253}). */
    public static final ObdCommand DTC_EVAP_VAPOR_PRESSURE_ABS = python("DTC_EVAP_VAPOR_PRESSURE_ABS",
            "DTC Absolute Evap system Vapor Pressure", "0253", 4, Decoders.ABS_EVAP_PRESSURE, ENGINE, true, false);
    /** DTC Evap system vapor pressure ({@code 0254}). */
    public static final ObdCommand DTC_EVAP_VAPOR_PRESSURE_ALT = python("DTC_EVAP_VAPOR_PRESSURE_ALT",
            "DTC Evap system vapor pressure", "0254", 4, Decoders.EVAP_PRESSURE_ALT, ENGINE, true, false);
    /** DTC Short term secondary O2 trim - Bank 1 ({@code 0255}). */
    public static final ObdCommand DTC_SHORT_O2_TRIM_B1 = python("DTC_SHORT_O2_TRIM_B1",
            "DTC Short term secondary O2 trim - Bank 1", "0255", 4, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** DTC Long term secondary O2 trim - Bank 1 ({@code 0256}). */
    public static final ObdCommand DTC_LONG_O2_TRIM_B1 = python("DTC_LONG_O2_TRIM_B1",
            "DTC Long term secondary O2 trim - Bank 1", "0256", 4, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** DTC Short term secondary O2 trim - Bank 2 ({@code 0257}). */
    public static final ObdCommand DTC_SHORT_O2_TRIM_B2 = python("DTC_SHORT_O2_TRIM_B2",
            "DTC Short term secondary O2 trim - Bank 2", "0257", 4, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** DTC Long term secondary O2 trim - Bank 2 ({@code 0258}). */
    public static final ObdCommand DTC_LONG_O2_TRIM_B2 = python("DTC_LONG_O2_TRIM_B2",
            "DTC Long term secondary O2 trim - Bank 2", "0258", 4, Decoders.PERCENT_CENTERED, ENGINE, true, false);
    /** DTC Fuel rail pressure (absolute) ({@code 0259}). */
    public static final ObdCommand DTC_FUEL_RAIL_PRESSURE_ABS = python("DTC_FUEL_RAIL_PRESSURE_ABS",
            "DTC Fuel rail pressure (absolute)", "0259", 4, Decoders.uas(0x1B), ENGINE, true, false);
    /** DTC Relative accelerator pedal position ({@code 025A}). */
    public static final ObdCommand DTC_RELATIVE_ACCEL_POS = python("DTC_RELATIVE_ACCEL_POS",
            "DTC Relative accelerator pedal position", "025A", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Hybrid battery pack remaining life ({@code 025B}). */
    public static final ObdCommand DTC_HYBRID_BATTERY_REMAINING = python("DTC_HYBRID_BATTERY_REMAINING",
            "DTC Hybrid battery pack remaining life", "025B", 3, Decoders.PERCENT, ENGINE, true, false);
    /** DTC Engine oil temperature ({@code 025C}). */
    public static final ObdCommand DTC_OIL_TEMP = python("DTC_OIL_TEMP", "DTC Engine oil temperature",
            "025C", 3, Decoders.TEMP, ENGINE, true, false);
    /** DTC Fuel injection timing ({@code 025D}). */
    public static final ObdCommand DTC_FUEL_INJECT_TIMING = python("DTC_FUEL_INJECT_TIMING",
            "DTC Fuel injection timing", "025D", 4, Decoders.INJECT_TIMING, ENGINE, true, false);
    /** DTC Engine fuel rate ({@code 025E}). */
    public static final ObdCommand DTC_FUEL_RATE = python("DTC_FUEL_RATE", "DTC Engine fuel rate",
            "025E", 4, Decoders.FUEL_RATE, ENGINE, true, false);
    /** DTC Designed emission requirements ({@code 025F}). */
    public static final ObdCommand DTC_EMISSION_REQ = python("DTC_EMISSION_REQ", "DTC Designed emission requirements",
            "025F", 3, Decoders.DROP, ENGINE, true, false);

    // ---- Mode 03: stored DTCs
    /** Get DTCs ({@code 03}). */
    public static final ObdCommand GET_DTC = python("GET_DTC", "Get DTCs", "03", 0, Decoders.DTC, ALL, false, true);

    // ---- Mode 04: clear DTCs and freeze data
    /** Clear DTCs and Freeze data ({@code 04}). */
    public static final ObdCommand CLEAR_DTC = python("CLEAR_DTC", "Clear DTCs and Freeze data",
            "04", 0, Decoders.DROP, ALL, false, true);

    // ---- Mode 06: on-board monitor test results (CAN only)
    /** Supported MIDs [01-20] ({@code 0600}). */
    public static final ObdCommand MIDS_A = python("MIDS_A", "Supported MIDs [01-20]",
            "0600", 0, Decoders.PID, ALL, false, true);
    /** O2 Sensor Monitor Bank 1 - Sensor 1 ({@code 0601}). */
    public static final ObdCommand MONITOR_O2_B1S1 = python("MONITOR_O2_B1S1", "O2 Sensor Monitor Bank 1 - Sensor 1",
            "0601", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 1 - Sensor 2 ({@code 0602}). */
    public static final ObdCommand MONITOR_O2_B1S2 = python("MONITOR_O2_B1S2", "O2 Sensor Monitor Bank 1 - Sensor 2",
            "0602", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 1 - Sensor 3 ({@code 0603}). */
    public static final ObdCommand MONITOR_O2_B1S3 = python("MONITOR_O2_B1S3", "O2 Sensor Monitor Bank 1 - Sensor 3",
            "0603", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 1 - Sensor 4 ({@code 0604}). */
    public static final ObdCommand MONITOR_O2_B1S4 = python("MONITOR_O2_B1S4", "O2 Sensor Monitor Bank 1 - Sensor 4",
            "0604", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 2 - Sensor 1 ({@code 0605}). */
    public static final ObdCommand MONITOR_O2_B2S1 = python("MONITOR_O2_B2S1", "O2 Sensor Monitor Bank 2 - Sensor 1",
            "0605", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 2 - Sensor 2 ({@code 0606}). */
    public static final ObdCommand MONITOR_O2_B2S2 = python("MONITOR_O2_B2S2", "O2 Sensor Monitor Bank 2 - Sensor 2",
            "0606", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 2 - Sensor 3 ({@code 0607}). */
    public static final ObdCommand MONITOR_O2_B2S3 = python("MONITOR_O2_B2S3", "O2 Sensor Monitor Bank 2 - Sensor 3",
            "0607", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 2 - Sensor 4 ({@code 0608}). */
    public static final ObdCommand MONITOR_O2_B2S4 = python("MONITOR_O2_B2S4", "O2 Sensor Monitor Bank 2 - Sensor 4",
            "0608", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 3 - Sensor 1 ({@code 0609}). */
    public static final ObdCommand MONITOR_O2_B3S1 = python("MONITOR_O2_B3S1", "O2 Sensor Monitor Bank 3 - Sensor 1",
            "0609", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 3 - Sensor 2 ({@code 060A}). */
    public static final ObdCommand MONITOR_O2_B3S2 = python("MONITOR_O2_B3S2", "O2 Sensor Monitor Bank 3 - Sensor 2",
            "060A", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 3 - Sensor 3 ({@code 060B}). */
    public static final ObdCommand MONITOR_O2_B3S3 = python("MONITOR_O2_B3S3", "O2 Sensor Monitor Bank 3 - Sensor 3",
            "060B", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 3 - Sensor 4 ({@code 060C}). */
    public static final ObdCommand MONITOR_O2_B3S4 = python("MONITOR_O2_B3S4", "O2 Sensor Monitor Bank 3 - Sensor 4",
            "060C", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 4 - Sensor 1 ({@code 060D}). */
    public static final ObdCommand MONITOR_O2_B4S1 = python("MONITOR_O2_B4S1", "O2 Sensor Monitor Bank 4 - Sensor 1",
            "060D", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 4 - Sensor 2 ({@code 060E}). */
    public static final ObdCommand MONITOR_O2_B4S2 = python("MONITOR_O2_B4S2", "O2 Sensor Monitor Bank 4 - Sensor 2",
            "060E", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 4 - Sensor 3 ({@code 060F}). */
    public static final ObdCommand MONITOR_O2_B4S3 = python("MONITOR_O2_B4S3", "O2 Sensor Monitor Bank 4 - Sensor 3",
            "060F", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Monitor Bank 4 - Sensor 4 ({@code 0610}). */
    public static final ObdCommand MONITOR_O2_B4S4 = python("MONITOR_O2_B4S4", "O2 Sensor Monitor Bank 4 - Sensor 4",
            "0610", 0, Decoders.MONITOR, ALL, false, false);
    /** Supported MIDs [21-40] ({@code 0620}). */
    public static final ObdCommand MIDS_B = python("MIDS_B", "Supported MIDs [21-40]",
            "0620", 0, Decoders.PID, ALL, false, false);
    /** Catalyst Monitor Bank 1 ({@code 0621}). */
    public static final ObdCommand MONITOR_CATALYST_B1 = python("MONITOR_CATALYST_B1", "Catalyst Monitor Bank 1",
            "0621", 0, Decoders.MONITOR, ALL, false, false);
    /** Catalyst Monitor Bank 2 ({@code 0622}). */
    public static final ObdCommand MONITOR_CATALYST_B2 = python("MONITOR_CATALYST_B2", "Catalyst Monitor Bank 2",
            "0622", 0, Decoders.MONITOR, ALL, false, false);
    /** Catalyst Monitor Bank 3 ({@code 0623}). */
    public static final ObdCommand MONITOR_CATALYST_B3 = python("MONITOR_CATALYST_B3", "Catalyst Monitor Bank 3",
            "0623", 0, Decoders.MONITOR, ALL, false, false);
    /** Catalyst Monitor Bank 4 ({@code 0624}). */
    public static final ObdCommand MONITOR_CATALYST_B4 = python("MONITOR_CATALYST_B4", "Catalyst Monitor Bank 4",
            "0624", 0, Decoders.MONITOR, ALL, false, false);
    /** EGR Monitor Bank 1 ({@code 0631}). */
    public static final ObdCommand MONITOR_EGR_B1 = python("MONITOR_EGR_B1", "EGR Monitor Bank 1",
            "0631", 0, Decoders.MONITOR, ALL, false, false);
    /** EGR Monitor Bank 2 ({@code 0632}). */
    public static final ObdCommand MONITOR_EGR_B2 = python("MONITOR_EGR_B2", "EGR Monitor Bank 2",
            "0632", 0, Decoders.MONITOR, ALL, false, false);
    /** EGR Monitor Bank 3 ({@code 0633}). */
    public static final ObdCommand MONITOR_EGR_B3 = python("MONITOR_EGR_B3", "EGR Monitor Bank 3",
            "0633", 0, Decoders.MONITOR, ALL, false, false);
    /** EGR Monitor Bank 4 ({@code 0634}). */
    public static final ObdCommand MONITOR_EGR_B4 = python("MONITOR_EGR_B4", "EGR Monitor Bank 4",
            "0634", 0, Decoders.MONITOR, ALL, false, false);
    /** VVT Monitor Bank 1 ({@code 0635}). */
    public static final ObdCommand MONITOR_VVT_B1 = python("MONITOR_VVT_B1", "VVT Monitor Bank 1",
            "0635", 0, Decoders.MONITOR, ALL, false, false);
    /** VVT Monitor Bank 2 ({@code 0636}). */
    public static final ObdCommand MONITOR_VVT_B2 = python("MONITOR_VVT_B2", "VVT Monitor Bank 2",
            "0636", 0, Decoders.MONITOR, ALL, false, false);
    /** VVT Monitor Bank 3 ({@code 0637}). */
    public static final ObdCommand MONITOR_VVT_B3 = python("MONITOR_VVT_B3", "VVT Monitor Bank 3",
            "0637", 0, Decoders.MONITOR, ALL, false, false);
    /** VVT Monitor Bank 4 ({@code 0638}). */
    public static final ObdCommand MONITOR_VVT_B4 = python("MONITOR_VVT_B4", "VVT Monitor Bank 4",
            "0638", 0, Decoders.MONITOR, ALL, false, false);
    /** EVAP Monitor (Cap Off / 0.150") ({@code 0639}). */
    public static final ObdCommand MONITOR_EVAP_150 = python("MONITOR_EVAP_150", "EVAP Monitor (Cap Off / 0.150\")",
            "0639", 0, Decoders.MONITOR, ALL, false, false);
    /** EVAP Monitor (0.090") ({@code 063A}). */
    public static final ObdCommand MONITOR_EVAP_090 = python("MONITOR_EVAP_090", "EVAP Monitor (0.090\")",
            "063A", 0, Decoders.MONITOR, ALL, false, false);
    /** EVAP Monitor (0.040") ({@code 063B}). */
    public static final ObdCommand MONITOR_EVAP_040 = python("MONITOR_EVAP_040", "EVAP Monitor (0.040\")",
            "063B", 0, Decoders.MONITOR, ALL, false, false);
    /** EVAP Monitor (0.020") ({@code 063C}). */
    public static final ObdCommand MONITOR_EVAP_020 = python("MONITOR_EVAP_020", "EVAP Monitor (0.020\")",
            "063C", 0, Decoders.MONITOR, ALL, false, false);
    /** Purge Flow Monitor ({@code 063D}). */
    public static final ObdCommand MONITOR_PURGE_FLOW = python("MONITOR_PURGE_FLOW", "Purge Flow Monitor",
            "063D", 0, Decoders.MONITOR, ALL, false, false);
    /** Supported MIDs [41-60] ({@code 0640}). */
    public static final ObdCommand MIDS_C = python("MIDS_C", "Supported MIDs [41-60]",
            "0640", 0, Decoders.PID, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 1 - Sensor 1 ({@code 0641}). */
    public static final ObdCommand MONITOR_O2_HEATER_B1S1 = python("MONITOR_O2_HEATER_B1S1",
            "O2 Sensor Heater Monitor Bank 1 - Sensor 1", "0641", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 1 - Sensor 2 ({@code 0642}). */
    public static final ObdCommand MONITOR_O2_HEATER_B1S2 = python("MONITOR_O2_HEATER_B1S2",
            "O2 Sensor Heater Monitor Bank 1 - Sensor 2", "0642", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 1 - Sensor 3 ({@code 0643}). */
    public static final ObdCommand MONITOR_O2_HEATER_B1S3 = python("MONITOR_O2_HEATER_B1S3",
            "O2 Sensor Heater Monitor Bank 1 - Sensor 3", "0643", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 1 - Sensor 4 ({@code 0644}). */
    public static final ObdCommand MONITOR_O2_HEATER_B1S4 = python("MONITOR_O2_HEATER_B1S4",
            "O2 Sensor Heater Monitor Bank 1 - Sensor 4", "0644", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 2 - Sensor 1 ({@code 0645}). */
    public static final ObdCommand MONITOR_O2_HEATER_B2S1 = python("MONITOR_O2_HEATER_B2S1",
            "O2 Sensor Heater Monitor Bank 2 - Sensor 1", "0645", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 2 - Sensor 2 ({@code 0646}). */
    public static final ObdCommand MONITOR_O2_HEATER_B2S2 = python("MONITOR_O2_HEATER_B2S2",
            "O2 Sensor Heater Monitor Bank 2 - Sensor 2", "0646", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 2 - Sensor 3 ({@code 0647}). */
    public static final ObdCommand MONITOR_O2_HEATER_B2S3 = python("MONITOR_O2_HEATER_B2S3",
            "O2 Sensor Heater Monitor Bank 2 - Sensor 3", "0647", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 2 - Sensor 4 ({@code 0648}). */
    public static final ObdCommand MONITOR_O2_HEATER_B2S4 = python("MONITOR_O2_HEATER_B2S4",
            "O2 Sensor Heater Monitor Bank 2 - Sensor 4", "0648", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 3 - Sensor 1 ({@code 0649}). */
    public static final ObdCommand MONITOR_O2_HEATER_B3S1 = python("MONITOR_O2_HEATER_B3S1",
            "O2 Sensor Heater Monitor Bank 3 - Sensor 1", "0649", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 3 - Sensor 2 ({@code 064A}). */
    public static final ObdCommand MONITOR_O2_HEATER_B3S2 = python("MONITOR_O2_HEATER_B3S2",
            "O2 Sensor Heater Monitor Bank 3 - Sensor 2", "064A", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 3 - Sensor 3 ({@code 064B}). */
    public static final ObdCommand MONITOR_O2_HEATER_B3S3 = python("MONITOR_O2_HEATER_B3S3",
            "O2 Sensor Heater Monitor Bank 3 - Sensor 3", "064B", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 3 - Sensor 4 ({@code 064C}). */
    public static final ObdCommand MONITOR_O2_HEATER_B3S4 = python("MONITOR_O2_HEATER_B3S4",
            "O2 Sensor Heater Monitor Bank 3 - Sensor 4", "064C", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 4 - Sensor 1 ({@code 064D}). */
    public static final ObdCommand MONITOR_O2_HEATER_B4S1 = python("MONITOR_O2_HEATER_B4S1",
            "O2 Sensor Heater Monitor Bank 4 - Sensor 1", "064D", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 4 - Sensor 2 ({@code 064E}). */
    public static final ObdCommand MONITOR_O2_HEATER_B4S2 = python("MONITOR_O2_HEATER_B4S2",
            "O2 Sensor Heater Monitor Bank 4 - Sensor 2", "064E", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 4 - Sensor 3 ({@code 064F}). */
    public static final ObdCommand MONITOR_O2_HEATER_B4S3 = python("MONITOR_O2_HEATER_B4S3",
            "O2 Sensor Heater Monitor Bank 4 - Sensor 3", "064F", 0, Decoders.MONITOR, ALL, false, false);
    /** O2 Sensor Heater Monitor Bank 4 - Sensor 4 ({@code 0650}). */
    public static final ObdCommand MONITOR_O2_HEATER_B4S4 = python("MONITOR_O2_HEATER_B4S4",
            "O2 Sensor Heater Monitor Bank 4 - Sensor 4", "0650", 0, Decoders.MONITOR, ALL, false, false);
    /** Supported MIDs [61-80] ({@code 0660}). */
    public static final ObdCommand MIDS_D = python("MIDS_D", "Supported MIDs [61-80]",
            "0660", 0, Decoders.PID, ALL, false, false);
    /** Heated Catalyst Monitor Bank 1 ({@code 0661}). */
    public static final ObdCommand MONITOR_HEATED_CATALYST_B1 = python("MONITOR_HEATED_CATALYST_B1",
            "Heated Catalyst Monitor Bank 1", "0661", 0, Decoders.MONITOR, ALL, false, false);
    /** Heated Catalyst Monitor Bank 2 ({@code 0662}). */
    public static final ObdCommand MONITOR_HEATED_CATALYST_B2 = python("MONITOR_HEATED_CATALYST_B2",
            "Heated Catalyst Monitor Bank 2", "0662", 0, Decoders.MONITOR, ALL, false, false);
    /** Heated Catalyst Monitor Bank 3 ({@code 0663}). */
    public static final ObdCommand MONITOR_HEATED_CATALYST_B3 = python("MONITOR_HEATED_CATALYST_B3",
            "Heated Catalyst Monitor Bank 3", "0663", 0, Decoders.MONITOR, ALL, false, false);
    /** Heated Catalyst Monitor Bank 4 ({@code 0664}). */
    public static final ObdCommand MONITOR_HEATED_CATALYST_B4 = python("MONITOR_HEATED_CATALYST_B4",
            "Heated Catalyst Monitor Bank 4", "0664", 0, Decoders.MONITOR, ALL, false, false);
    /** Secondary Air Monitor 1 ({@code 0671}). */
    public static final ObdCommand MONITOR_SECONDARY_AIR_1 = python("MONITOR_SECONDARY_AIR_1",
            "Secondary Air Monitor 1", "0671", 0, Decoders.MONITOR, ALL, false, false);
    /** Secondary Air Monitor 2 ({@code 0672}). */
    public static final ObdCommand MONITOR_SECONDARY_AIR_2 = python("MONITOR_SECONDARY_AIR_2",
            "Secondary Air Monitor 2", "0672", 0, Decoders.MONITOR, ALL, false, false);
    /** Secondary Air Monitor 3 ({@code 0673}). */
    public static final ObdCommand MONITOR_SECONDARY_AIR_3 = python("MONITOR_SECONDARY_AIR_3",
            "Secondary Air Monitor 3", "0673", 0, Decoders.MONITOR, ALL, false, false);
    /** Secondary Air Monitor 4 ({@code 0674}). */
    public static final ObdCommand MONITOR_SECONDARY_AIR_4 = python("MONITOR_SECONDARY_AIR_4",
            "Secondary Air Monitor 4", "0674", 0, Decoders.MONITOR, ALL, false, false);
    /** Supported MIDs [81-A0] ({@code 0680}). */
    public static final ObdCommand MIDS_E = python("MIDS_E", "Supported MIDs [81-A0]",
            "0680", 0, Decoders.PID, ALL, false, false);
    /** Fuel System Monitor Bank 1 ({@code 0681}). */
    public static final ObdCommand MONITOR_FUEL_SYSTEM_B1 = python("MONITOR_FUEL_SYSTEM_B1",
            "Fuel System Monitor Bank 1", "0681", 0, Decoders.MONITOR, ALL, false, false);
    /** Fuel System Monitor Bank 2 ({@code 0682}). */
    public static final ObdCommand MONITOR_FUEL_SYSTEM_B2 = python("MONITOR_FUEL_SYSTEM_B2",
            "Fuel System Monitor Bank 2", "0682", 0, Decoders.MONITOR, ALL, false, false);
    /** Fuel System Monitor Bank 3 ({@code 0683}). */
    public static final ObdCommand MONITOR_FUEL_SYSTEM_B3 = python("MONITOR_FUEL_SYSTEM_B3",
            "Fuel System Monitor Bank 3", "0683", 0, Decoders.MONITOR, ALL, false, false);
    /** Fuel System Monitor Bank 4 ({@code 0684}). */
    public static final ObdCommand MONITOR_FUEL_SYSTEM_B4 = python("MONITOR_FUEL_SYSTEM_B4",
            "Fuel System Monitor Bank 4", "0684", 0, Decoders.MONITOR, ALL, false, false);
    /** Boost Pressure Control Monitor Bank 1 ({@code 0685}). */
    public static final ObdCommand MONITOR_BOOST_PRESSURE_B1 = python("MONITOR_BOOST_PRESSURE_B1",
            "Boost Pressure Control Monitor Bank 1", "0685", 0, Decoders.MONITOR, ALL, false, false);
    /** Boost Pressure Control Monitor Bank 1 ({@code 0686}). */
    public static final ObdCommand MONITOR_BOOST_PRESSURE_B2 = python("MONITOR_BOOST_PRESSURE_B2",
            "Boost Pressure Control Monitor Bank 1", "0686", 0, Decoders.MONITOR, ALL, false, false);
    /** NOx Absorber Monitor Bank 1 ({@code 0690}). */
    public static final ObdCommand MONITOR_NOX_ABSORBER_B1 = python("MONITOR_NOX_ABSORBER_B1",
            "NOx Absorber Monitor Bank 1", "0690", 0, Decoders.MONITOR, ALL, false, false);
    /** NOx Absorber Monitor Bank 2 ({@code 0691}). */
    public static final ObdCommand MONITOR_NOX_ABSORBER_B2 = python("MONITOR_NOX_ABSORBER_B2",
            "NOx Absorber Monitor Bank 2", "0691", 0, Decoders.MONITOR, ALL, false, false);
    /** NOx Catalyst Monitor Bank 1 ({@code 0698}). */
    public static final ObdCommand MONITOR_NOX_CATALYST_B1 = python("MONITOR_NOX_CATALYST_B1",
            "NOx Catalyst Monitor Bank 1", "0698", 0, Decoders.MONITOR, ALL, false, false);
    /** NOx Catalyst Monitor Bank 2 ({@code 0699}). */
    public static final ObdCommand MONITOR_NOX_CATALYST_B2 = python("MONITOR_NOX_CATALYST_B2",
            "NOx Catalyst Monitor Bank 2", "0699", 0, Decoders.MONITOR, ALL, false, false);
    /** Supported MIDs [A1-C0] ({@code 06A0}). */
    public static final ObdCommand MIDS_F = python("MIDS_F", "Supported MIDs [A1-C0]",
            "06A0", 0, Decoders.PID, ALL, false, false);
    /** Misfire Monitor General Data ({@code 06A1}). */
    public static final ObdCommand MONITOR_MISFIRE_GENERAL = python("MONITOR_MISFIRE_GENERAL",
            "Misfire Monitor General Data", "06A1", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 1 Data ({@code 06A2}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_1 = python("MONITOR_MISFIRE_CYLINDER_1",
            "Misfire Cylinder 1 Data", "06A2", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 2 Data ({@code 06A3}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_2 = python("MONITOR_MISFIRE_CYLINDER_2",
            "Misfire Cylinder 2 Data", "06A3", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 3 Data ({@code 06A4}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_3 = python("MONITOR_MISFIRE_CYLINDER_3",
            "Misfire Cylinder 3 Data", "06A4", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 4 Data ({@code 06A5}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_4 = python("MONITOR_MISFIRE_CYLINDER_4",
            "Misfire Cylinder 4 Data", "06A5", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 5 Data ({@code 06A6}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_5 = python("MONITOR_MISFIRE_CYLINDER_5",
            "Misfire Cylinder 5 Data", "06A6", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 6 Data ({@code 06A7}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_6 = python("MONITOR_MISFIRE_CYLINDER_6",
            "Misfire Cylinder 6 Data", "06A7", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 7 Data ({@code 06A8}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_7 = python("MONITOR_MISFIRE_CYLINDER_7",
            "Misfire Cylinder 7 Data", "06A8", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 8 Data ({@code 06A9}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_8 = python("MONITOR_MISFIRE_CYLINDER_8",
            "Misfire Cylinder 8 Data", "06A9", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 9 Data ({@code 06AA}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_9 = python("MONITOR_MISFIRE_CYLINDER_9",
            "Misfire Cylinder 9 Data", "06AA", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 10 Data ({@code 06AB}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_10 = python("MONITOR_MISFIRE_CYLINDER_10",
            "Misfire Cylinder 10 Data", "06AB", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 11 Data ({@code 06AC}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_11 = python("MONITOR_MISFIRE_CYLINDER_11",
            "Misfire Cylinder 11 Data", "06AC", 0, Decoders.MONITOR, ALL, false, false);
    /** Misfire Cylinder 12 Data ({@code 06AD}). */
    public static final ObdCommand MONITOR_MISFIRE_CYLINDER_12 = python("MONITOR_MISFIRE_CYLINDER_12",
            "Misfire Cylinder 12 Data", "06AD", 0, Decoders.MONITOR, ALL, false, false);
    /** PM Filter Monitor Bank 1 ({@code 06B0}). */
    public static final ObdCommand MONITOR_PM_FILTER_B1 = python("MONITOR_PM_FILTER_B1", "PM Filter Monitor Bank 1",
            "06B0", 0, Decoders.MONITOR, ALL, false, false);
    /** PM Filter Monitor Bank 2 ({@code 06B1}). */
    public static final ObdCommand MONITOR_PM_FILTER_B2 = python("MONITOR_PM_FILTER_B2", "PM Filter Monitor Bank 2",
            "06B1", 0, Decoders.MONITOR, ALL, false, false);

    // ---- Mode 07: pending DTCs
    /** Get DTCs from the current/last driving cycle ({@code 07}). */
    public static final ObdCommand GET_CURRENT_DTC = python("GET_CURRENT_DTC",
            "Get DTCs from the current/last driving cycle", "07", 0, Decoders.DTC, ALL, false, true);

    // ---- Mode 09: vehicle information
    /** Supported PIDs [01-20] ({@code 0900}). */
    public static final ObdCommand PIDS_9A = python("PIDS_9A", "Supported PIDs [01-20]",
            "0900", 7, Decoders.PID, ALL, true, true);
    /** VIN Message Count ({@code 0901}). */
    public static final ObdCommand VIN_MESSAGE_COUNT = python("VIN_MESSAGE_COUNT", "VIN Message Count",
            "0901", 3, Decoders.COUNT, ENGINE, true, false);
    /** Vehicle Identification Number ({@code 0902}). */
    public static final ObdCommand VIN = python("VIN", "Vehicle Identification Number",
            "0902", 22, Decoders.encodedString(17), ENGINE, true, false);
    /** Calibration ID message count for PID 04 ({@code 0903}). */
    public static final ObdCommand CALIBRATION_ID_MESSAGE_COUNT = python("CALIBRATION_ID_MESSAGE_COUNT",
            "Calibration ID message count for PID 04", "0903", 3, Decoders.COUNT, ALL, true, false);
    /** Calibration ID ({@code 0904}). */
    public static final ObdCommand CALIBRATION_ID = python("CALIBRATION_ID", "Calibration ID",
            "0904", 18, Decoders.encodedString(16), ALL, true, false);
    /** CVN Message Count for PID 06 ({@code 0905}). */
    public static final ObdCommand CVN_MESSAGE_COUNT = python("CVN_MESSAGE_COUNT", "CVN Message Count for PID 06",
            "0905", 3, Decoders.COUNT, ALL, true, false);
    /** Calibration Verification Numbers ({@code 0906}). */
    public static final ObdCommand CVN = python("CVN", "Calibration Verification Numbers",
            "0906", 10, Decoders.CVN, ALL, true, false);

    // ---- ELM327 adapter commands (no OBD request; answered by an ELM327 only)
    /** ELM327 version string ({@code ATI}). */
    public static final ObdCommand ELM_VERSION = python("ELM_VERSION", "ELM327 version string",
            "ATI", 0, Decoders.RAW_STRING, UNKNOWN, false, true);
    /** Voltage detected by OBD-II adapter ({@code ATRV}). */
    public static final ObdCommand ELM_VOLTAGE = python("ELM_VOLTAGE", "Voltage detected by OBD-II adapter",
            "ATRV", 0, Decoders.ELM_VOLTAGE, UNKNOWN, false, true);


    // ---- obdio extensions: not in python-OBD 0.7.3
    /** Get permanent DTCs, those only the ECU itself can clear ({@code 0A}). */
    public static final ObdCommand GET_PERMANENT_DTC = extension("GET_PERMANENT_DTC", "Get permanent DTCs", "0A", 0,
            Decoders.DTC, ALL, false);
    /** In-use performance tracking message count, legacy protocols ({@code 0907}). */
    public static final ObdCommand PERF_TRACKING_MESSAGE_COUNT = extension("PERF_TRACKING_MESSAGE_COUNT",
            "Performance tracking message count", "0907", 3, Decoders.COUNT, ALL, true);
    /** In-use performance tracking counters, spark ignition ({@code 0908}). */
    public static final ObdCommand PERF_TRACKING_SPARK = extension("PERF_TRACKING_SPARK",
            "In-use performance tracking (spark ignition)", "0908", 0, Decoders.IN_USE_PERFORMANCE_SPARK, ALL, true);
    /** ECU name message count, legacy protocols ({@code 0909}). */
    public static final ObdCommand ECU_NAME_MESSAGE_COUNT = extension("ECU_NAME_MESSAGE_COUNT",
            "ECU Name Message Count for PID 0A", "0909", 3, Decoders.COUNT, ALL, true);
    /** ECU name, e.g. {@code ECM-EngineControl} ({@code 090A}). */
    public static final ObdCommand ECU_NAME = extension("ECU_NAME", "ECU Name", "090A", 23, Decoders.ECU_NAME, ALL,
            true);
    /** In-use performance tracking counters, compression ignition ({@code 090B}). */
    public static final ObdCommand PERF_TRACKING_COMPRESSION = extension("PERF_TRACKING_COMPRESSION",
            "In-use performance tracking (compression ignition)", "090B", 0,
            Decoders.IN_USE_PERFORMANCE_COMPRESSION, ALL, true);

    private static final List<ObdCommand> PYTHON_OBD = List.of(
            PIDS_A, STATUS, FREEZE_DTC, FUEL_STATUS, ENGINE_LOAD, COOLANT_TEMP, SHORT_FUEL_TRIM_1, LONG_FUEL_TRIM_1,
            SHORT_FUEL_TRIM_2, LONG_FUEL_TRIM_2, FUEL_PRESSURE, INTAKE_PRESSURE, RPM, SPEED, TIMING_ADVANCE,
            INTAKE_TEMP, MAF, THROTTLE_POS, AIR_STATUS, O2_SENSORS, O2_B1S1, O2_B1S2, O2_B1S3, O2_B1S4, O2_B2S1,
            O2_B2S2, O2_B2S3, O2_B2S4, OBD_COMPLIANCE, O2_SENSORS_ALT, AUX_INPUT_STATUS, RUN_TIME, PIDS_B,
            DISTANCE_W_MIL, FUEL_RAIL_PRESSURE_VAC, FUEL_RAIL_PRESSURE_DIRECT, O2_S1_WR_VOLTAGE, O2_S2_WR_VOLTAGE,
            O2_S3_WR_VOLTAGE, O2_S4_WR_VOLTAGE, O2_S5_WR_VOLTAGE, O2_S6_WR_VOLTAGE, O2_S7_WR_VOLTAGE,
            O2_S8_WR_VOLTAGE, COMMANDED_EGR, EGR_ERROR, EVAPORATIVE_PURGE, FUEL_LEVEL, WARMUPS_SINCE_DTC_CLEAR,
            DISTANCE_SINCE_DTC_CLEAR, EVAP_VAPOR_PRESSURE, BAROMETRIC_PRESSURE, O2_S1_WR_CURRENT, O2_S2_WR_CURRENT,
            O2_S3_WR_CURRENT, O2_S4_WR_CURRENT, O2_S5_WR_CURRENT, O2_S6_WR_CURRENT, O2_S7_WR_CURRENT,
            O2_S8_WR_CURRENT, CATALYST_TEMP_B1S1, CATALYST_TEMP_B2S1, CATALYST_TEMP_B1S2, CATALYST_TEMP_B2S2, PIDS_C,
            STATUS_DRIVE_CYCLE, CONTROL_MODULE_VOLTAGE, ABSOLUTE_LOAD, COMMANDED_EQUIV_RATIO, RELATIVE_THROTTLE_POS,
            AMBIANT_AIR_TEMP, THROTTLE_POS_B, THROTTLE_POS_C, ACCELERATOR_POS_D, ACCELERATOR_POS_E,
            ACCELERATOR_POS_F, THROTTLE_ACTUATOR, RUN_TIME_MIL, TIME_SINCE_DTC_CLEARED, MAX_VALUES, MAX_MAF,
            FUEL_TYPE, ETHANOL_PERCENT, EVAP_VAPOR_PRESSURE_ABS, EVAP_VAPOR_PRESSURE_ALT, SHORT_O2_TRIM_B1,
            LONG_O2_TRIM_B1, SHORT_O2_TRIM_B2, LONG_O2_TRIM_B2, FUEL_RAIL_PRESSURE_ABS, RELATIVE_ACCEL_POS,
            HYBRID_BATTERY_REMAINING, OIL_TEMP, FUEL_INJECT_TIMING, FUEL_RATE, EMISSION_REQ, DTC_PIDS_A, DTC_STATUS,
            DTC_FREEZE_DTC, DTC_FUEL_STATUS, DTC_ENGINE_LOAD, DTC_COOLANT_TEMP, DTC_SHORT_FUEL_TRIM_1,
            DTC_LONG_FUEL_TRIM_1, DTC_SHORT_FUEL_TRIM_2, DTC_LONG_FUEL_TRIM_2, DTC_FUEL_PRESSURE,
            DTC_INTAKE_PRESSURE, DTC_RPM, DTC_SPEED, DTC_TIMING_ADVANCE, DTC_INTAKE_TEMP, DTC_MAF, DTC_THROTTLE_POS,
            DTC_AIR_STATUS, DTC_O2_SENSORS, DTC_O2_B1S1, DTC_O2_B1S2, DTC_O2_B1S3, DTC_O2_B1S4, DTC_O2_B2S1,
            DTC_O2_B2S2, DTC_O2_B2S3, DTC_O2_B2S4, DTC_OBD_COMPLIANCE, DTC_O2_SENSORS_ALT, DTC_AUX_INPUT_STATUS,
            DTC_RUN_TIME, DTC_PIDS_B, DTC_DISTANCE_W_MIL, DTC_FUEL_RAIL_PRESSURE_VAC, DTC_FUEL_RAIL_PRESSURE_DIRECT,
            DTC_O2_S1_WR_VOLTAGE, DTC_O2_S2_WR_VOLTAGE, DTC_O2_S3_WR_VOLTAGE, DTC_O2_S4_WR_VOLTAGE,
            DTC_O2_S5_WR_VOLTAGE, DTC_O2_S6_WR_VOLTAGE, DTC_O2_S7_WR_VOLTAGE, DTC_O2_S8_WR_VOLTAGE,
            DTC_COMMANDED_EGR, DTC_EGR_ERROR, DTC_EVAPORATIVE_PURGE, DTC_FUEL_LEVEL, DTC_WARMUPS_SINCE_DTC_CLEAR,
            DTC_DISTANCE_SINCE_DTC_CLEAR, DTC_EVAP_VAPOR_PRESSURE, DTC_BAROMETRIC_PRESSURE, DTC_O2_S1_WR_CURRENT,
            DTC_O2_S2_WR_CURRENT, DTC_O2_S3_WR_CURRENT, DTC_O2_S4_WR_CURRENT, DTC_O2_S5_WR_CURRENT,
            DTC_O2_S6_WR_CURRENT, DTC_O2_S7_WR_CURRENT, DTC_O2_S8_WR_CURRENT, DTC_CATALYST_TEMP_B1S1,
            DTC_CATALYST_TEMP_B2S1, DTC_CATALYST_TEMP_B1S2, DTC_CATALYST_TEMP_B2S2, DTC_PIDS_C,
            DTC_STATUS_DRIVE_CYCLE, DTC_CONTROL_MODULE_VOLTAGE, DTC_ABSOLUTE_LOAD, DTC_COMMANDED_EQUIV_RATIO,
            DTC_RELATIVE_THROTTLE_POS, DTC_AMBIANT_AIR_TEMP, DTC_THROTTLE_POS_B, DTC_THROTTLE_POS_C,
            DTC_ACCELERATOR_POS_D, DTC_ACCELERATOR_POS_E, DTC_ACCELERATOR_POS_F, DTC_THROTTLE_ACTUATOR,
            DTC_RUN_TIME_MIL, DTC_TIME_SINCE_DTC_CLEARED, DTC_MAX_VALUES, DTC_MAX_MAF, DTC_FUEL_TYPE,
            DTC_ETHANOL_PERCENT, DTC_EVAP_VAPOR_PRESSURE_ABS, DTC_EVAP_VAPOR_PRESSURE_ALT, DTC_SHORT_O2_TRIM_B1,
            DTC_LONG_O2_TRIM_B1, DTC_SHORT_O2_TRIM_B2, DTC_LONG_O2_TRIM_B2, DTC_FUEL_RAIL_PRESSURE_ABS,
            DTC_RELATIVE_ACCEL_POS, DTC_HYBRID_BATTERY_REMAINING, DTC_OIL_TEMP, DTC_FUEL_INJECT_TIMING,
            DTC_FUEL_RATE, DTC_EMISSION_REQ, GET_DTC, CLEAR_DTC, MIDS_A, MONITOR_O2_B1S1, MONITOR_O2_B1S2,
            MONITOR_O2_B1S3, MONITOR_O2_B1S4, MONITOR_O2_B2S1, MONITOR_O2_B2S2, MONITOR_O2_B2S3, MONITOR_O2_B2S4,
            MONITOR_O2_B3S1, MONITOR_O2_B3S2, MONITOR_O2_B3S3, MONITOR_O2_B3S4, MONITOR_O2_B4S1, MONITOR_O2_B4S2,
            MONITOR_O2_B4S3, MONITOR_O2_B4S4, MIDS_B, MONITOR_CATALYST_B1, MONITOR_CATALYST_B2, MONITOR_CATALYST_B3,
            MONITOR_CATALYST_B4, MONITOR_EGR_B1, MONITOR_EGR_B2, MONITOR_EGR_B3, MONITOR_EGR_B4, MONITOR_VVT_B1,
            MONITOR_VVT_B2, MONITOR_VVT_B3, MONITOR_VVT_B4, MONITOR_EVAP_150, MONITOR_EVAP_090, MONITOR_EVAP_040,
            MONITOR_EVAP_020, MONITOR_PURGE_FLOW, MIDS_C, MONITOR_O2_HEATER_B1S1, MONITOR_O2_HEATER_B1S2,
            MONITOR_O2_HEATER_B1S3, MONITOR_O2_HEATER_B1S4, MONITOR_O2_HEATER_B2S1, MONITOR_O2_HEATER_B2S2,
            MONITOR_O2_HEATER_B2S3, MONITOR_O2_HEATER_B2S4, MONITOR_O2_HEATER_B3S1, MONITOR_O2_HEATER_B3S2,
            MONITOR_O2_HEATER_B3S3, MONITOR_O2_HEATER_B3S4, MONITOR_O2_HEATER_B4S1, MONITOR_O2_HEATER_B4S2,
            MONITOR_O2_HEATER_B4S3, MONITOR_O2_HEATER_B4S4, MIDS_D, MONITOR_HEATED_CATALYST_B1,
            MONITOR_HEATED_CATALYST_B2, MONITOR_HEATED_CATALYST_B3, MONITOR_HEATED_CATALYST_B4,
            MONITOR_SECONDARY_AIR_1, MONITOR_SECONDARY_AIR_2, MONITOR_SECONDARY_AIR_3, MONITOR_SECONDARY_AIR_4,
            MIDS_E, MONITOR_FUEL_SYSTEM_B1, MONITOR_FUEL_SYSTEM_B2, MONITOR_FUEL_SYSTEM_B3, MONITOR_FUEL_SYSTEM_B4,
            MONITOR_BOOST_PRESSURE_B1, MONITOR_BOOST_PRESSURE_B2, MONITOR_NOX_ABSORBER_B1, MONITOR_NOX_ABSORBER_B2,
            MONITOR_NOX_CATALYST_B1, MONITOR_NOX_CATALYST_B2, MIDS_F, MONITOR_MISFIRE_GENERAL,
            MONITOR_MISFIRE_CYLINDER_1, MONITOR_MISFIRE_CYLINDER_2, MONITOR_MISFIRE_CYLINDER_3,
            MONITOR_MISFIRE_CYLINDER_4, MONITOR_MISFIRE_CYLINDER_5, MONITOR_MISFIRE_CYLINDER_6,
            MONITOR_MISFIRE_CYLINDER_7, MONITOR_MISFIRE_CYLINDER_8, MONITOR_MISFIRE_CYLINDER_9,
            MONITOR_MISFIRE_CYLINDER_10, MONITOR_MISFIRE_CYLINDER_11, MONITOR_MISFIRE_CYLINDER_12,
            MONITOR_PM_FILTER_B1, MONITOR_PM_FILTER_B2, GET_CURRENT_DTC, PIDS_9A, VIN_MESSAGE_COUNT, VIN,
            CALIBRATION_ID_MESSAGE_COUNT, CALIBRATION_ID, CVN_MESSAGE_COUNT, CVN, ELM_VERSION, ELM_VOLTAGE);

    private static final List<ObdCommand> EXTENSIONS = List.of(
            GET_PERMANENT_DTC, PERF_TRACKING_MESSAGE_COUNT, PERF_TRACKING_SPARK, ECU_NAME_MESSAGE_COUNT, ECU_NAME,
            PERF_TRACKING_COMPRESSION);

    private static final List<ObdCommand> ALL_COMMANDS =
            Stream.concat(PYTHON_OBD.stream(), EXTENSIONS.stream()).toList();

    private static final Map<String, ObdCommand> BY_NAME = index(c -> c.name());
    private static final Map<String, ObdCommand> BY_COMMAND = index(c -> c.command());

    /** The 292 commands of python-OBD 0.7.3, in its table order (mode, PID, then ELM commands). */
    public static List<ObdCommand> pythonObd() {
        return PYTHON_OBD;
    }

    /** obdio's additions. */
    public static List<ObdCommand> extensions() {
        return EXTENSIONS;
    }

    /** Every command: python-OBD's, then obdio's. */
    public static List<ObdCommand> all() {
        return ALL_COMMANDS;
    }

    /** The command called {@code name}, case-sensitive as python-OBD ({@code "RPM"}, not {@code "rpm"}). */
    public static Optional<ObdCommand> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * Whether a command is called {@code name}: python-OBD's {@code has_name}, case-sensitive, and
     * false for names that are not upper case.
     */
    public static boolean hasName(String name) {
        return name != null && isUpper(name) && BY_NAME.containsKey(name);
    }

    /**
     * The command for a mode and PID. Modes whose single command has no PID (03, 04, 07, 0A) are
     * found with PID 0, as in python-OBD's {@code commands[mode][0]}.
     */
    public static Optional<ObdCommand> byModeAndPid(int mode, int pid) {
        if (mode < 0 || mode > 0xFF || pid < 0 || pid > 0xFF) {
            return Optional.empty();
        }
        ObdCommand withPid = BY_COMMAND.get(String.format(Locale.ROOT, "%02X%02X", mode, pid));
        if (withPid != null) {
            return Optional.of(withPid);
        }
        return pid == 0 ? Optional.ofNullable(BY_COMMAND.get(String.format(Locale.ROOT, "%02X", mode)))
                : Optional.empty();
    }

    /** The command whose mode and PID are {@code hex} ({@code "010C"}, {@code "03"}), case-insensitive. */
    public static Optional<ObdCommand> byCommand(String hex) {
        return Optional.ofNullable(BY_COMMAND.get(hex.toUpperCase(Locale.ROOT)));
    }

    /** The commands every vehicle supports (python-OBD's {@code base_commands()}). */
    public static List<ObdCommand> baseCommands() {
        return PYTHON_OBD.stream().filter(ObdCommand::alwaysSupported).toList();
    }

    /** The supported-PID commands ({@code PIDS_A}, {@code MIDS_A}, ...; python-OBD's {@code pid_getters()}). */
    public static List<ObdCommand> pidGetters() {
        return ALL_COMMANDS.stream().filter(c -> c.decoder() == Decoders.PID).toList();
    }

    /**
     * Up to {@code max} command names close to {@code query}, best first: same name in another
     * case, names containing it, then small edit distances. For "did you mean" messages.
     */
    public static List<String> closeNames(String query, int max) {
        String q = query.toUpperCase(Locale.ROOT);
        record Scored(String name, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (ObdCommand c : ALL_COMMANDS) {
            String n = c.name();
            int score;
            if (n.equals(q)) {
                score = 0;
            } else if (!q.isEmpty() && (n.startsWith(q) || n.endsWith("_" + q))) {
                score = 1 + n.length() - q.length();
            } else if (!q.isEmpty() && n.contains(q)) {
                score = 20 + n.length() - q.length();
            } else {
                int d = editDistance(q, n);
                score = d <= Math.max(2, q.length() / 3) ? 40 + d : Integer.MAX_VALUE;
            }
            if (score != Integer.MAX_VALUE) {
                scored.add(new Scored(n, score));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
        return scored.stream().limit(Math.max(0, max)).map(Scored::name).toList();
    }

    private static ObdCommand python(String name, String desc, String command, int bytes, Decoder decoder, int ecu,
                                     boolean fast, boolean alwaysSupported) {
        return new ObdCommand(name, desc, command, bytes, decoder, ecu, fast, alwaysSupported, false);
    }

    private static ObdCommand extension(String name, String desc, String command, int bytes, Decoder decoder,
                                        int ecu, boolean fast) {
        return new ObdCommand(name, desc, command, bytes, decoder, ecu, fast, false, true);
    }

    private static Map<String, ObdCommand> index(java.util.function.Function<ObdCommand, String> key) {
        Map<String, ObdCommand> map = new HashMap<>();
        for (ObdCommand c : ALL_COMMANDS) {
            if (map.put(key.apply(c), c) != null) {
                throw new IllegalStateException("two commands share " + key.apply(c));
            }
        }
        return Map.copyOf(map);
    }

    /** Python's {@code str.isupper()}: at least one cased character, and none lower case. */
    private static boolean isUpper(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isLowerCase(ch) || Character.isTitleCase(ch)) {
                return false;
            }
            cased |= Character.isUpperCase(ch);
        }
        return cased;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
