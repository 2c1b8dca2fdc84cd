package dev.obdio.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obdio.isotp.IsoTpAddress;
import java.util.Locale;

/**
 * The ECU of a {@code uds_request}: the identifier requests go to and the one it answers on, as
 * {@code obdio uds --tx/--rx} take them. In JSON a hex string (1–3 digits: 11-bit, 8 digits: 29-bit)
 * or a number (above 0x7FF: 29-bit). Without {@code rx}: tx + 8 for 7E0..7E7, and {@code 18DAyyxx}
 * for {@code 18DAxxyy}.
 *
 * @param tx       the request identifier
 * @param rx       the response identifier
 * @param extended whether both are 29-bit
 */
record UdsTarget(int tx, int rx, boolean extended) {

    UdsTarget {
        int max = extended ? 0x1FFFFFFF : 0x7FF;
        if (tx < 0 || tx > max || rx < 0 || rx > max) {
            throw new IllegalArgumentException("identifiers out of range");
        }
    }

    /**
     * The target of a request's {@code tx} and {@code rx} fields ({@code rx} may be missing or null).
     *
     * @throws EventException naming the field and what is expected
     */
    static UdsTarget parse(JsonNode tx, JsonNode rx) throws EventException {
        Id t = id("tx", tx);
        Id r;
        if (rx != null && !rx.isNull() && !rx.isMissingNode()) {
            r = id("rx", rx);
        } else if (!t.extended && t.value >= 0x7E0 && t.value <= 0x7E7) {
            r = new Id(t.value + 8, false);
        } else if (t.extended && (t.value & 0xFFFF0000) == IsoTpAddress.NORMAL_FIXED_PHYSICAL) {
            r = new Id(IsoTpAddress.NORMAL_FIXED_PHYSICAL | (t.value & 0xFF) << 8 | (t.value >> 8 & 0xFF), true);
        } else {
            throw new EventException("rx is needed for tx " + format(t.value, t.extended)
                    + " (it is implied only for 7E0..7E7 and 18DAxxyy)");
        }
        if (t.extended != r.extended) {
            throw new EventException("tx and rx must both be 11-bit or both 29-bit");
        }
        if (t.value == r.value) {
            throw new EventException("tx and rx must differ");
        }
        return new UdsTarget(t.value, r.value, t.extended);
    }

    private record Id(int value, boolean extended) {
    }

    private static Id id(String field, JsonNode node) throws EventException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new EventException(field + " is missing: the identifier as hex (\"7E0\", \"18DA10F1\")");
        }
        if (node.isIntegralNumber()) {
            long v = node.asLong();
            if (v < 0 || v > 0x1FFFFFFF || !node.canConvertToLong()) {
                throw new EventException(field + " " + node + " is not a CAN identifier (0..1FFFFFFF)");
            }
            return new Id((int) v, v > 0x7FF);
        }
        if (!node.isTextual()) {
            throw new EventException(field + " must be a hex string or a number, got " + EventRequest.describe(node));
        }
        String s = node.textValue().trim();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if (s.isEmpty() || s.length() > 8 || !s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new EventException(field + " \"" + node.textValue() + "\" is not a hex identifier");
        }
        long v = Long.parseLong(s, 16);
        if (s.length() <= 3 && v <= 0x7FF) {
            return new Id((int) v, false);
        }
        if (s.length() != 8 || v > 0x1FFFFFFF) {
            throw new EventException(field + " \"" + node.textValue() + "\": use 1..3 hex digits for an 11-bit "
                    + "identifier or 8 (up to 1FFFFFFF) for a 29-bit one");
        }
        return new Id((int) v, true);
    }

    /** The ISO-TP address of a tester talking to this ECU. */
    IsoTpAddress address() {
        return extended ? IsoTpAddress.normal29(tx, rx) : IsoTpAddress.normal11(tx, rx);
    }

    /** An identifier as candump writes it. */
    static String format(int id, boolean extended) {
        return String.format(Locale.ROOT, extended ? "%08X" : "%03X", id);
    }

    String txText() {
        return format(tx, extended);
    }

    String rxText() {
        return format(rx, extended);
    }
}
