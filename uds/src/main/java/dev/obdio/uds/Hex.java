package dev.obdio.uds;

import java.util.HexFormat;

/**
 * The hex text of UDS messages, as people type it: {@code 22F190}, {@code 22 F1 90},
 * {@code 22.F1.90}, {@code 0x22F190}; and as obdio prints it: {@code 22 F1 90}.
 */
public final class Hex {
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();
    private static final HexFormat COMPACT = HexFormat.of().withUpperCase();

    private Hex() {
    }

    /**
     * Parses hex bytes; spaces, dots, colons and underscores between bytes are ignored, as is a
     * leading {@code 0x}.
     *
     * @throws IllegalArgumentException naming the position of a character that is not a hex
     *                                  digit, or an odd number of digits
     */
    public static byte[] parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no hex given");
        }
        String s = text.strip();
        int start = s.startsWith("0x") || s.startsWith("0X") ? 2 : 0;
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                digits.append(c);
            } else if (c != ' ' && c != '.' && c != ':' && c != '_' && c != '\t') {
                throw new IllegalArgumentException("\"" + text + "\": '" + c + "' at position " + (i + 1)
                        + " is not a hex digit");
            }
        }
        if (digits.length() == 0) {
            throw new IllegalArgumentException("\"" + text + "\": no hex digits");
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("\"" + text + "\": odd number of hex digits (" + digits.length()
                    + "); write every byte with two digits");
        }
        return COMPACT.parseHex(digits);
    }

    /** Whether {@link #parse} accepts the text. */
    public static boolean isHex(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Parses an unsigned hex number of at most {@code maxDigits} digits ({@code F190},
     * {@code 0xF190}), for identifiers and addresses.
     *
     * @param what names the value in the error message
     */
    public static long parseNumber(String text, int maxDigits, String what) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if (s.isEmpty() || s.length() > maxDigits || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(what + " \"" + text + "\" must be 1.." + maxDigits + " hex digits");
        }
        return Long.parseUnsignedLong(s, 16);
    }

    /** {@code 22 F1 90}. */
    public static String format(byte[] bytes) {
        return SPACED.formatHex(bytes);
    }

    /** {@code 22F190}. */
    public static String compact(byte[] bytes) {
        return COMPACT.formatHex(bytes);
    }
}
