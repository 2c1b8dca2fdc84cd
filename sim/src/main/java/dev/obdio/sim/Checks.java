package dev.obdio.sim;

import java.util.Collection;

/** Range checks for the description records; messages start with the field name. */
final class Checks {
    private Checks() {
    }

    static void range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + ": " + fmt(value) + " out of range " + fmt(min) + ".." + fmt(max));
        }
    }

    static void notNull(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
    }

    static void notEmpty(String field, Collection<?> value) {
        notNull(field, value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + ": must not be empty");
        }
    }

    static void text(String field, String value, int maxLength) {
        notNull(field, value);
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(field + ": \"" + value + "\" must be 1.." + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(field + ": \"" + value + "\" must be printable ASCII");
            }
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
