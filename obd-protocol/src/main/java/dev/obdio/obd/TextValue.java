package dev.obdio.obd;

import java.util.Objects;

/**
 * A text value: a fuel type, an OBD standard, a VIN. python-OBD returns most of these as
 * {@code str}, but the VIN and calibration id as {@code bytearray}; the type string is kept so the
 * {@code unit} on the wire stays the same. On the wire the value is always a JSON string.
 *
 * @param text       the text
 * @param pythonType {@code "<class 'str'>"} or {@code "<class 'bytearray'>"}
 */
public record TextValue(String text, String pythonType) implements ObdValue {

    /** Validates. */
    public TextValue {
        Objects.requireNonNull(text, "text");
        if (!PythonTypes.STR.equals(pythonType) && !PythonTypes.BYTEARRAY.equals(pythonType)) {
            throw new IllegalArgumentException("pythonType must be " + PythonTypes.STR + " or "
                    + PythonTypes.BYTEARRAY + ", not " + pythonType);
        }
    }

    /** A Python {@code str}. */
    public static TextValue str(String text) {
        return new TextValue(text, PythonTypes.STR);
    }

    /** Text that python-OBD returns as a {@code bytearray} (VIN, calibration id). */
    public static TextValue bytearray(String text) {
        return new TextValue(text, PythonTypes.BYTEARRAY);
    }

    @Override
    public String toString() {
        return text;
    }
}
