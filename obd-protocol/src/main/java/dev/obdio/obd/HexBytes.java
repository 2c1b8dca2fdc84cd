package dev.obdio.obd;

import java.util.HexFormat;

/** Parses hex payloads typed by people: {@code 410C1AF8}, {@code 41 0C 1A F8}, {@code 41.0C.1A.F8}. */
final class HexBytes {
    private HexBytes() {
    }

    /**
     * The bytes of {@code text}; separators (space, tab, '.', ':', '-') may stand between bytes.
     *
     * @throws IllegalArgumentException with the position of the first bad character
     */
    static byte[] parse(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                digits.append(c);
            } else if (c == ' ' || c == '\t' || c == '.' || c == ':' || c == '-') {
                if (digits.length() % 2 != 0) {
                    throw new IllegalArgumentException("bad hex '" + text + "': separator at position " + (i + 1)
                            + " splits a byte");
                }
            } else {
                throw new IllegalArgumentException("bad hex '" + text + "': '" + c + "' at position " + (i + 1)
                        + " is not a hex digit");
            }
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("bad hex '" + text + "': odd number of hex digits ("
                    + digits.length() + ")");
        }
        return HexFormat.of().parseHex(digits);
    }

    /** Upper-case hex of {@code bytes}, no separators. */
    static String format(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
