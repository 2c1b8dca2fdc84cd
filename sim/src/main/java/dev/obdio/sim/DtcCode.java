package dev.obdio.sim;

/**
 * A two-byte diagnostic trouble code as OBD-II sends it (SAE J2012): {@code P0301} is
 * {@code 03 01}, {@code U0100} is {@code C1 00}. The first byte's top two bits give the letter
 * (P, C, B, U), the next two bits the first digit, and the low 12 bits the three hex digits.
 *
 * @param value the 16-bit code, 0x0001..0xFFFF (0x0000 means "no DTC" on the wire)
 */
public record DtcCode(int value) implements Comparable<DtcCode> {
    private static final String LETTERS = "PCBU";

    /** Validates the range. */
    public DtcCode {
        if (value < 1 || value > 0xFFFF) {
            throw new IllegalArgumentException(String.format("DTC value 0x%X out of range 0x0001..0xFFFF", value));
        }
    }

    /**
     * Parses {@code P0301}, {@code c1a2b} or {@code U0100}: a letter P/C/B/U, a digit 0..3 and
     * three hex digits.
     *
     * @throws IllegalArgumentException naming the text when it is not a DTC
     */
    public static DtcCode parse(String text) {
        if (text == null || text.length() != 5) {
            throw new IllegalArgumentException("\"" + text + "\" is not a DTC (expected e.g. P0301)");
        }
        int letter = LETTERS.indexOf(Character.toUpperCase(text.charAt(0)));
        int digit = text.charAt(1) - '0';
        if (letter < 0 || digit < 0 || digit > 3) {
            throw new IllegalArgumentException("\"" + text + "\" is not a DTC (expected e.g. P0301)");
        }
        int low;
        try {
            low = Integer.parseInt(text.substring(2), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a DTC (expected e.g. P0301)");
        }
        if (text.substring(2).chars().anyMatch(c -> c == '+' || c == '-')) {
            throw new IllegalArgumentException("\"" + text + "\" is not a DTC (expected e.g. P0301)");
        }
        return new DtcCode((letter << 14) | (digit << 12) | low);
    }

    /** The high byte on the wire. */
    public int highByte() {
        return value >> 8;
    }

    /** The low byte on the wire. */
    public int lowByte() {
        return value & 0xFF;
    }

    /** The code as text, e.g. {@code P0301}. */
    @Override
    public String toString() {
        return LETTERS.charAt(value >> 14) + Integer.toString((value >> 12) & 3) + String.format("%03X", value & 0xFFF);
    }

    @Override
    public int compareTo(DtcCode o) {
        return Integer.compare(value, o.value);
    }
}
