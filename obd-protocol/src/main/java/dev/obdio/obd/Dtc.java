package dev.obdio.obd;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A diagnostic trouble code and its generic (SAE J2012) description, {@code ""} when there is
 * none: python-OBD's {@code (code, description)} tuple. On the wire: {@code ["P0104","Mass or Volume
 * Air Flow Circuit Intermittent"]}.
 *
 * @param code        five characters, e.g. {@code P0104}, {@code U01D2}; hex digits in upper case
 * @param description the generic description, or {@code ""}
 */
public record Dtc(String code, String description) implements ObdValue {

    private static final Pattern CODE = Pattern.compile("[PCBU][0-3][0-9A-F]{3}");

    /** Validates. */
    public Dtc {
        Objects.requireNonNull(description, "description");
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("DTC code must look like P0104 (letter PCBU, digit 0-3, three "
                    + "upper-case hex digits), not " + code);
        }
    }

    /**
     * The DTC encoded in two bytes (SAE J2012): letter from the top two bits, then a digit, then the
     * low 12 bits in hex, with its generic description. {@code 01 04} is {@code P0104}.
     */
    public static Dtc fromBytes(int b0, int b1) {
        String code = DtcDescriptions.code(b0, b1);
        return new Dtc(code, DtcDescriptions.describe(code));
    }

    /** A DTC parsed from its text ({@code "p0104"} is accepted and upper-cased), with its description. */
    public static Dtc parse(String code) {
        String c = code.trim().toUpperCase(java.util.Locale.ROOT);
        return new Dtc(c, DtcDescriptions.describe(c));
    }

    @Override
    public String pythonType() {
        return PythonTypes.TUPLE;
    }

    @Override
    public String toString() {
        return description.isEmpty() ? code : code + " " + description;
    }
}
