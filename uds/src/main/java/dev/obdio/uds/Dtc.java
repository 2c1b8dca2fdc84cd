package dev.obdio.uds;

import java.util.Locale;

/**
 * A 3-byte diagnostic trouble code as UDS carries it. {@link #toString()} shows it in the
 * SAE J2012 style mechanics know ({@code P0301-00}: the first two bytes as letter and four
 * digits, the third, the failure type, after the dash); {@link #hex()} as bytes ({@code 030100}).
 *
 * @param code the code, 0..0xFFFFFF
 */
public record Dtc(int code) {
    private static final char[] SYSTEMS = {'P', 'C', 'B', 'U'};
    private static final java.util.regex.Pattern J2012 =
            java.util.regex.Pattern.compile("[PCBU][0-3][0-9A-F]{3}(-?[0-9A-F]{2})?");

    /** Validates the code. */
    public Dtc {
        Checks.range("code", code, 0, 0xFFFFFF);
    }

    /** The code as six hex digits. */
    public String hex() {
        return String.format("%06X", code);
    }

    /** The failure type byte (the third). */
    public int failureType() {
        return code & 0xFF;
    }

    /** {@code P0301-00}. */
    @Override
    public String toString() {
        int high = code >> 8;
        return String.format("%c%X%03X-%02X", SYSTEMS[high >> 14], (high >> 12) & 0x3, high & 0xFFF, code & 0xFF);
    }

    /**
     * A code from {@code P0301-00}, {@code P030100}, {@code P0301} (failure type 00) or hex
     * {@code 030100} / {@code 0x030100}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Dtc parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (J2012.matcher(s).matches()) {
            int system = "PCBU".indexOf(s.charAt(0));
            String digits = s.substring(1).replace("-", "");
            int value = Integer.parseInt(digits, 16);
            return new Dtc(system << 22 | (digits.length() == 4 ? value << 8 : value));
        }
        try {
            return new Dtc((int) Hex.parseNumber(s, 6, "DTC"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DTC \"" + text + "\": use P0301-00, P0301, or six hex digits (030100)");
        }
    }
}
