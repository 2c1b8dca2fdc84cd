package dev.obdio.obd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * In-use monitor performance counters (mode 09 PIDs 08 and 0B, an obdio extension: python-OBD
 * lacks them): each SAE J1979 counter name ({@code OBDCOND}, {@code IGNCNTR}, {@code CATCOMP1}, ...)
 * with its 16-bit value, in the order the ECU sent them. On the wire a JSON object.
 *
 * @param counters counter name to value, in wire order
 */
public record InUsePerformance(Map<String, Integer> counters) implements ObdValue {

    /** Copies, keeping the order. */
    public InUsePerformance {
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    }

    @Override
    public String pythonType() {
        return PythonTypes.DICT;
    }
}
