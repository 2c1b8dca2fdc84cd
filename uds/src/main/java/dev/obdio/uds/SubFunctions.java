package dev.obdio.uds;

import java.util.Locale;
import java.util.Map;

/** Names for sub-function values, typed by people as words or numbers. */
final class SubFunctions {
    private SubFunctions() {
    }

    /** A sub-function value without the suppress bit: 0x01..0x7F (0x00 where {@code zeroAllowed}). */
    static int check(String field, int value, boolean zeroAllowed) {
        return Checks.range(field, value, zeroAllowed ? 0 : 1, 0x7F);
    }

    /** The value with bit 7 set when the positive response is suppressed. */
    static int withSuppress(int value, boolean suppress) {
        return suppress ? value | UdsService.SUPPRESS_POSITIVE_RESPONSE : value;
    }

    /**
     * A value from a word of {@code words} (case-insensitive, '-' and '_' alike) or a number
     * (decimal, or hex with {@code 0x}).
     */
    static int parse(String what, String text, Map<String, Integer> words) {
        String key = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        Integer known = words.get(key);
        if (known != null) {
            return known;
        }
        try {
            int value = key.startsWith("0x") ? Integer.parseInt(key.substring(2), 16) : Integer.parseInt(key);
            return check(what, value, false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " \"" + text + "\": use " + String.join(", ", words.keySet())
                    + " or a number 1..0x7F");
        }
    }
}
