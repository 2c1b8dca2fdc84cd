package dev.obdio.obd;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A measurement: a number and its pint unit name, python-OBD's {@code pint.Quantity}.
 *
 * <p>The magnitude keeps Python's int-versus-float distinction, because it shows on the wire:
 * {@code temp} gives the integer {@code 36}, {@code uas(0x09)} gives the float {@code 55.0}. It is a
 * {@link Long} or a {@link BigInteger} (integers; a {@code BigInteger} only when the value does not
 * fit a long) or a {@link Double}.
 *
 * @param magnitude the number, {@code Long}, {@code BigInteger} or {@code Double}
 * @param unit      pint's name for the unit ({@code "kilometer_per_hour"}, {@code "degree_Celsius"}, ...)
 */
public record Quantity(Number magnitude, String unit) implements ObdValue {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** Validates and normalizes integers to {@code Long} where they fit. */
    public Quantity {
        Objects.requireNonNull(magnitude, "magnitude");
        Objects.requireNonNull(unit, "unit");
        if (unit.isBlank()) {
            throw new IllegalArgumentException("unit must not be blank");
        }
        if (magnitude instanceof Integer || magnitude instanceof Short || magnitude instanceof Byte) {
            magnitude = magnitude.longValue();
        } else if (magnitude instanceof Float f) {
            magnitude = f.doubleValue();
        } else if (magnitude instanceof BigInteger b) {
            if (b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0) {
                magnitude = b.longValue();
            }
        } else if (!(magnitude instanceof Long) && !(magnitude instanceof Double)) {
            throw new IllegalArgumentException("magnitude must be an integer or a double, not "
                    + magnitude.getClass().getName());
        }
    }

    /** An integer quantity (Python {@code int}). */
    public static Quantity of(long value, String unit) {
        return new Quantity(value, unit);
    }

    /** A floating-point quantity (Python {@code float}). */
    public static Quantity of(double value, String unit) {
        return new Quantity(value, unit);
    }

    /** Whether the magnitude is an integer (Python {@code int}) rather than a float. */
    public boolean isInteger() {
        return !(magnitude instanceof Double);
    }

    /** The magnitude as a double (integers beyond 2^53 are rounded). */
    public double doubleValue() {
        return magnitude.doubleValue();
    }

    /**
     * This quantity in another unit, e.g. {@code to("mile_per_hour")} or {@code to("degF")}; the
     * result is a float. See {@link ObdUnits} for the names understood.
     *
     * @throws IllegalArgumentException if a unit is unknown or the units measure different things
     */
    public Quantity to(String targetUnit) {
        return ObdUnits.convert(this, targetUnit);
    }

    @Override
    public String pythonType() {
        return PythonTypes.QUANTITY;
    }

    @Override
    public String toString() {
        return (magnitude instanceof Double d ? PythonFloat.repr(d) : magnitude.toString()) + " " + unit;
    }
}
