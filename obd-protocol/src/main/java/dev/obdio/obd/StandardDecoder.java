package dev.obdio.obd;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The fixed decoders: python-OBD's (by their python names) and obdio's mode 09 additions. */
enum StandardDecoder implements Decoder {
    NOOP("noop", PythonTypes.BYTEARRAY, "", RawDecoding::noop),
    DROP("drop", PythonTypes.NONE, "", RawDecoding::drop),
    RAW_STRING("raw_string", PythonTypes.STR, "", RawDecoding::rawString),
    PID("pid", PythonTypes.BIT_ARRAY, "", StateDecoding::pid),
    COUNT("count", PythonTypes.QUANTITY, "count", Measurements::count),
    PERCENT("percent", PythonTypes.QUANTITY, "percent", Measurements::percent),
    PERCENT_CENTERED("percent_centered", PythonTypes.QUANTITY, "percent", Measurements::percentCentered),
    TEMP("temp", PythonTypes.QUANTITY, "degree_Celsius", Measurements::temp),
    CURRENT_CENTERED("current_centered", PythonTypes.QUANTITY, "milliampere", Measurements::currentCentered),
    SENSOR_VOLTAGE("sensor_voltage", PythonTypes.QUANTITY, "volt", Measurements::sensorVoltage),
    SENSOR_VOLTAGE_BIG("sensor_voltage_big", PythonTypes.QUANTITY, "volt", Measurements::sensorVoltageBig),
    FUEL_PRESSURE("fuel_pressure", PythonTypes.QUANTITY, "kilopascal", Measurements::fuelPressure),
    PRESSURE("pressure", PythonTypes.QUANTITY, "kilopascal", Measurements::pressure),
    EVAP_PRESSURE("evap_pressure", PythonTypes.QUANTITY, "pascal", Measurements::evapPressure),
    ABS_EVAP_PRESSURE("abs_evap_pressure", PythonTypes.QUANTITY, "kilopascal", Measurements::absEvapPressure),
    EVAP_PRESSURE_ALT("evap_pressure_alt", PythonTypes.QUANTITY, "pascal", Measurements::evapPressureAlt),
    TIMING_ADVANCE("timing_advance", PythonTypes.QUANTITY, "degree", Measurements::timingAdvance),
    INJECT_TIMING("inject_timing", PythonTypes.QUANTITY, "degree", Measurements::injectTiming),
    MAX_MAF("max_maf", PythonTypes.QUANTITY, "gps", Measurements::maxMaf),
    FUEL_RATE("fuel_rate", PythonTypes.QUANTITY, "lph", Measurements::fuelRate),
    ABSOLUTE_LOAD("absolute_load", PythonTypes.QUANTITY, "percent", Measurements::absoluteLoad),
    ELM_VOLTAGE("elm_voltage", PythonTypes.QUANTITY, "volt", Measurements::elmVoltage),
    O2_SENSORS("o2_sensors", PythonTypes.TUPLE, "", StateDecoding::o2Sensors),
    O2_SENSORS_ALT("o2_sensors_alt", PythonTypes.TUPLE, "", StateDecoding::o2SensorsAlt),
    AUX_INPUT_STATUS("aux_input_status", PythonTypes.BOOL, "", StateDecoding::auxInputStatus),
    FUEL_STATUS("fuel_status", PythonTypes.TUPLE, "", StateDecoding::fuelStatus),
    AIR_STATUS("air_status", PythonTypes.STR, "", StateDecoding::airStatus),
    OBD_COMPLIANCE("obd_compliance", PythonTypes.STR, "", StateDecoding::obdCompliance),
    FUEL_TYPE("fuel_type", PythonTypes.STR, "", StateDecoding::fuelType),
    STATUS("status", PythonTypes.STATUS, "", StatusDecoding::status),
    SINGLE_DTC("single_dtc", PythonTypes.TUPLE, "", DtcDecoding::singleDtc),
    DTC("dtc", PythonTypes.LIST, "", DtcDecoding::dtc),
    MONITOR("monitor", PythonTypes.MONITOR, "", MonitorDecoding::monitor),
    CVN("cvn", PythonTypes.STR, "", VehicleInfoDecoding::cvn, false),
    // obdio extensions (python-OBD has no decoder for these mode 09 PIDs)
    ECU_NAME("ecu_name", PythonTypes.STR, "", VehicleInfoDecoding::ecuName, false),
    IN_USE_SPARK("in_use_performance_spark", PythonTypes.DICT, "",
            m -> VehicleInfoDecoding.inUsePerformance(ObdTables.IN_USE_SPARK, m), false),
    IN_USE_COMPRESSION("in_use_performance_compression", PythonTypes.DICT, "",
            m -> VehicleInfoDecoding.inUsePerformance(ObdTables.IN_USE_COMPRESSION, m), false);

    private final String pythonName;
    private final String valueType;
    private final String unit;
    private final Function<List<EcuMessage>, Optional<ObdValue>> function;
    private final boolean cutsToLength;

    StandardDecoder(String pythonName, String valueType, String unit,
                    Function<List<EcuMessage>, Optional<ObdValue>> function) {
        this(pythonName, valueType, unit, function, true);
    }

    StandardDecoder(String pythonName, String valueType, String unit,
                    Function<List<EcuMessage>, Optional<ObdValue>> function, boolean cutsToLength) {
        this.pythonName = pythonName;
        this.valueType = valueType;
        this.unit = unit;
        this.function = function;
        this.cutsToLength = cutsToLength;
    }

    @Override
    public String pythonName() {
        return pythonName;
    }

    @Override
    public String valueType() {
        return valueType;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public Optional<ObdValue> decode(List<EcuMessage> messages) {
        return function.apply(messages);
    }

    @Override
    public boolean cutsToLength() {
        return cutsToLength;
    }
}
