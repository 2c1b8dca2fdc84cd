package dev.obdio.obd;

import java.util.List;

/**
 * Which oxygen sensors are present (PIDs 13 and 1D), python-OBD's tuple of tuples: entry 0 is an
 * empty placeholder (there is no bank 0), then one list per bank, sensor 1 first. PID 13 has two
 * banks of four sensors, PID 1D four banks of two. On the wire:
 * {@code [[],[false,false,true,true],[false,false,false,false]]}.
 *
 * @param banks index 0 empty, then each bank's sensors
 */
public record O2Sensors(List<List<Boolean>> banks) implements ObdValue {

    /** Copies. */
    public O2Sensors {
        banks = banks.stream().map(List::copyOf).toList();
    }

    /** Whether sensor {@code sensor} (1-based) of bank {@code bank} (1-based) is present. */
    public boolean present(int bank, int sensor) {
        if (bank < 1 || bank >= banks.size()) {
            return false;
        }
        List<Boolean> b = banks.get(bank);
        return sensor >= 1 && sensor <= b.size() && b.get(sensor - 1);
    }

    @Override
    public String pythonType() {
        return PythonTypes.TUPLE;
    }
}
