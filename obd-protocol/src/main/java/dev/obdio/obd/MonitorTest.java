package dev.obdio.obd;

import java.util.Objects;

/**
 * One on-board monitor test result of mode 06: python-OBD's {@code MonitorTest}. {@code value},
 * {@code min} and {@code max} are {@link Quantity}s scaled by the test's unit-and-scaling id, or
 * {@link BooleanValue}s for UAS id 0x2E. On the wire:
 * {@code {"tid":1,"name":"RTL_THRESHOLD_VOLTAGE","desc":"…","value":365.024,"min":…,"max":…,
 * "passed":true,"unit":"millivolt"}}.
 *
 * @param tid   test id
 * @param name  test name from python-OBD's table, {@code "Unknown"} for other ids
 * @param desc  test description, {@code "Unknown"} for other ids
 * @param value measured value
 * @param min   lower limit
 * @param max   upper limit
 */
public record MonitorTest(int tid, String name, String desc, ObdValue value, ObdValue min, ObdValue max) {

    /** Validates: the three values are of one kind (quantities of one unit, or booleans). */
    public MonitorTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(desc, "desc");
        if (tid < 0 || tid > 0xFF) {
            throw new IllegalArgumentException("tid must be 0..255, not " + tid);
        }
        checkKind(value, min, "min");
        checkKind(value, max, "max");
    }

    private static void checkKind(ObdValue value, ObdValue other, String what) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(other, what);
        boolean ok = value instanceof Quantity q && other instanceof Quantity o && q.unit().equals(o.unit())
                || value instanceof BooleanValue && other instanceof BooleanValue;
        if (!ok) {
            throw new IllegalArgumentException(what + " (" + other + ") is not of the kind of value (" + value + ")");
        }
    }

    /** Whether {@code min <= value <= max} (python-OBD {@code MonitorTest.passed}). */
    public boolean passed() {
        return compare(value, min) >= 0 && compare(value, max) <= 0;
    }

    /** The unit: pint name of the quantities, or {@code "<class 'bool'>"}. */
    public String unit() {
        return value.unit();
    }

    private static int compare(ObdValue a, ObdValue b) {
        if (a instanceof Quantity qa && b instanceof Quantity qb) {
            return Double.compare(qa.doubleValue(), qb.doubleValue());
        }
        return Boolean.compare(((BooleanValue) a).value(), ((BooleanValue) b).value());
    }
}
