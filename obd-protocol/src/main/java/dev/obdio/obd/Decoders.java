package dev.obdio.obd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard decoders, one per python-OBD 0.7.3 decoder function with the same name and
 * results, plus obdio's mode 09 additions. Find one by its python name with {@link #byName}.
 */
public final class Decoders {
    private Decoders() {
    }

    /** The message data unchanged, mode and PID included ({@code bytearray}). */
    public static final Decoder NOOP = StandardDecoder.NOOP;
    /** Always no value (python-OBD's decoder for commands it does not decode). */
    public static final Decoder DROP = StandardDecoder.DROP;
    /** The text lines of a text answer, joined by newlines. */
    public static final Decoder RAW_STRING = StandardDecoder.RAW_STRING;
    /** A supported-PID bit mask. */
    public static final Decoder PID = StandardDecoder.PID;
    /** An unsigned integer count. */
    public static final Decoder COUNT = StandardDecoder.COUNT;
    /** 0..100 %: A * 100 / 255. */
    public static final Decoder PERCENT = StandardDecoder.PERCENT;
    /** -100..99.2 %: (A - 128) * 100 / 128. */
    public static final Decoder PERCENT_CENTERED = StandardDecoder.PERCENT_CENTERED;
    /** -40..215 °C: A - 40 (an integer). */
    public static final Decoder TEMP = StandardDecoder.TEMP;
    /** -128..128 mA from bytes C, D. */
    public static final Decoder CURRENT_CENTERED = StandardDecoder.CURRENT_CENTERED;
    /** 0..1.275 V: A / 200. */
    public static final Decoder SENSOR_VOLTAGE = StandardDecoder.SENSOR_VOLTAGE;
    /** 0..8 V from bytes C, D. */
    public static final Decoder SENSOR_VOLTAGE_BIG = StandardDecoder.SENSOR_VOLTAGE_BIG;
    /** 0..765 kPa: A * 3 (an integer). */
    public static final Decoder FUEL_PRESSURE = StandardDecoder.FUEL_PRESSURE;
    /** 0..255 kPa: A (an integer). */
    public static final Decoder PRESSURE = StandardDecoder.PRESSURE;
    /** -8192..8192 Pa, two signed bytes. */
    public static final Decoder EVAP_PRESSURE = StandardDecoder.EVAP_PRESSURE;
    /** 0..327.675 kPa. */
    public static final Decoder ABS_EVAP_PRESSURE = StandardDecoder.ABS_EVAP_PRESSURE;
    /** -32767..32768 Pa (an integer). */
    public static final Decoder EVAP_PRESSURE_ALT = StandardDecoder.EVAP_PRESSURE_ALT;
    /** -64..63.5 °. */
    public static final Decoder TIMING_ADVANCE = StandardDecoder.TIMING_ADVANCE;
    /** -210..301.99 °. */
    public static final Decoder INJECT_TIMING = StandardDecoder.INJECT_TIMING;
    /** 0..2550 g/s: A * 10 (an integer). */
    public static final Decoder MAX_MAF = StandardDecoder.MAX_MAF;
    /** 0..3276.75 L/h. */
    public static final Decoder FUEL_RATE = StandardDecoder.FUEL_RATE;
    /** 0..25700 %. */
    public static final Decoder ABSOLUTE_LOAD = StandardDecoder.ABSOLUTE_LOAD;
    /** An ELM327 adapter's voltage text ({@code "12.6V"}). */
    public static final Decoder ELM_VOLTAGE = StandardDecoder.ELM_VOLTAGE;
    /** O2 sensors present, PID 13 layout (2 banks of 4). */
    public static final Decoder O2_SENSORS = StandardDecoder.O2_SENSORS;
    /** O2 sensors present, PID 1D layout (4 banks of 2). */
    public static final Decoder O2_SENSORS_ALT = StandardDecoder.O2_SENSORS_ALT;
    /** Power take-off status, bit A7. */
    public static final Decoder AUX_INPUT_STATUS = StandardDecoder.AUX_INPUT_STATUS;
    /** Fuel system status of systems 1 and 2. */
    public static final Decoder FUEL_STATUS = StandardDecoder.FUEL_STATUS;
    /** Secondary air status. */
    public static final Decoder AIR_STATUS = StandardDecoder.AIR_STATUS;
    /** OBD standard the vehicle conforms to. */
    public static final Decoder OBD_COMPLIANCE = StandardDecoder.OBD_COMPLIANCE;
    /** Fuel type. */
    public static final Decoder FUEL_TYPE = StandardDecoder.FUEL_TYPE;
    /** Monitor status (MIL, DTC count, readiness). */
    public static final Decoder STATUS = StandardDecoder.STATUS;
    /** One DTC (the freeze-frame DTC). */
    public static final Decoder SINGLE_DTC = StandardDecoder.SINGLE_DTC;
    /** A list of DTCs from every message (modes 03, 07, 0A). */
    public static final Decoder DTC = StandardDecoder.DTC;
    /** Mode 06 monitor test results. */
    public static final Decoder MONITOR = StandardDecoder.MONITOR;
    /** Calibration verification numbers as hex. */
    public static final Decoder CVN = StandardDecoder.CVN;
    /** obdio extension: the ECU name of mode 09 PID 0A. */
    public static final Decoder ECU_NAME = StandardDecoder.ECU_NAME;
    /** obdio extension: in-use performance counters of spark-ignition vehicles (mode 09 PID 08). */
    public static final Decoder IN_USE_PERFORMANCE_SPARK = StandardDecoder.IN_USE_SPARK;
    /** obdio extension: in-use performance counters of compression-ignition vehicles (mode 09 PID 0B). */
    public static final Decoder IN_USE_PERFORMANCE_COMPRESSION = StandardDecoder.IN_USE_COMPRESSION;

    private static final Pattern UAS = Pattern.compile("uas\\((?:0[xX])?([0-9A-Fa-f]{1,2})\\)");
    private static final Pattern ENCODED_STRING = Pattern.compile("encoded_string\\((\\d{1,4})\\)");

    /**
     * python-OBD's {@code uas(id)}: a unit-and-scaling id applied to the payload after mode and PID.
     *
     * @throws IllegalArgumentException if {@code id} is not a known UAS id
     */
    public static Decoder uas(int id) {
        return new UasDecoder(id);
    }

    /** python-OBD's {@code encoded_string(length)}: ASCII text such as the VIN (17) or a calibration id (16). */
    public static Decoder encodedString(int length) {
        return new EncodedStringDecoder(length);
    }

    /**
     * The decoder python-OBD calls {@code name}: {@code "percent"}, {@code "uas(0x07)"},
     * {@code "encoded_string(17)"}, or one of obdio's ({@code "ecu_name"}, ...).
     */
    public static Optional<Decoder> byName(String name) {
        for (StandardDecoder d : StandardDecoder.values()) {
            if (d.pythonName().equals(name)) {
                return Optional.of(d);
            }
        }
        Matcher m = UAS.matcher(name);
        if (m.matches()) {
            int id = Integer.parseInt(m.group(1), 16);
            return UnitsAndScaling.isKnown(id) ? Optional.of(uas(id)) : Optional.empty();
        }
        m = ENCODED_STRING.matcher(name);
        if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
            return Optional.of(encodedString(Integer.parseInt(m.group(1))));
        }
        return Optional.empty();
    }

    /** The fixed decoders (those without a parameter), for listings. */
    public static List<Decoder> fixed() {
        return Collections.unmodifiableList(new ArrayList<>(List.of(StandardDecoder.values())));
    }
}
