package dev.obdio.cli;

import dev.obdio.can.CanFrame;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpOptions;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The option values of can-utils' isotp tools, parsed as they parse them (hex ids where more than
 * 7 characters mean a 29-bit id, hex bytes, {@code TX:RX} pairs, decimal link layer triples), but
 * refusing what they would silently misread, with a message that names the option.
 */
final class IsoTpArgs {

    /**
     * A CAN identifier as given to {@code -s}/{@code -d}.
     *
     * @param id       the identifier
     * @param extended 29-bit (given with more than 7 characters, as can-utils decides)
     */
    record CanId(int id, boolean extended) {
        /** The kernel's {@code canid_t}: the id with the 29-bit flag. */
        int raw() {
            return extended ? id | CanFrame.EFF_FLAG : id;
        }

        @Override
        public String toString() {
            return extended ? String.format("%08X", id) : String.format("%03X", id);
        }
    }

    private IsoTpArgs() {
    }

    /**
     * {@code -s}/{@code -d}: hex, optionally with {@code 0x}; more than 7 characters mean a 29-bit id.
     *
     * @throws IllegalArgumentException naming the option and the valid range
     */
    static CanId canId(String option, String text) {
        String digits = stripHexPrefix(text);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0) || digits.length() > 8) {
            throw new IllegalArgumentException(option + " " + text + ": a CAN id is hex, e.g. 7E0 or 18DAF110");
        }
        long value = Long.parseLong(digits, 16);
        boolean extended = text.length() > 7;
        long max = extended ? CanFrame.MAX_EXTENDED_ID : CanFrame.MAX_STANDARD_ID;
        if (value > max) {
            throw new IllegalArgumentException(option + " " + text + ": " + (extended
                    ? "a 29-bit id is 0..1FFFFFFF"
                    : "an 11-bit id is 0..7FF; give 8 hex digits for a 29-bit id (e.g. " + String.format("%08X", value)
                    + ")"));
        }
        return new CanId((int) value, extended);
    }

    /** One byte in hex (can-utils' {@code %hhx} and {@code strtoul(…, 16)}), e.g. {@code F1} or {@code 0x0A}. */
    static int hexByte(String option, String text) {
        String digits = stripHexPrefix(text);
        if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(option + " " + text + ": expected one byte in hex, 00..FF");
        }
        return Integer.parseInt(digits, 16);
    }

    /** A non-negative decimal number of nanoseconds that fits the kernel's u32 ({@code -f}, {@code -t}). */
    static long nanos(String option, String text) {
        try {
            long value = Long.parseLong(text);
            if (value < 0 || value > 0xFFFF_FFFEL) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + text + ": expected nanoseconds, 0..4294967294");
        }
    }

    /**
     * {@code -x ADDR[:RXADDR]}: the address byte we send and the one we accept (the same when
     * only one is given).
     */
    static int[] addressBytes(String option, String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            int a = hexByte(option, text);
            return new int[] {a, a};
        }
        return new int[] {hexByte(option, text.substring(0, colon)), hexByte(option, text.substring(colon + 1))};
    }

    /**
     * {@code -p [TX]:[RX]}: {@code AA} pads what we send, {@code AA:BB} also expects {@code BB} in
     * what we receive, {@code :BB} only the latter.
     */
    static IsoTpOptions.Padding padding(String text, String checks) {
        int colon = text.indexOf(':');
        OptionalInt tx;
        OptionalInt rx;
        if (colon < 0) {
            tx = OptionalInt.of(hexByte("-p", text));
            rx = OptionalInt.empty();
        } else {
            String t = text.substring(0, colon);
            String r = text.substring(colon + 1);
            if (t.isEmpty() && r.isEmpty()) {
                throw new IllegalArgumentException("-p " + text + ": give TX, TX:RX or :RX pad bytes in hex");
            }
            tx = t.isEmpty() ? OptionalInt.empty() : OptionalInt.of(hexByte("-p", t));
            rx = r.isEmpty() ? OptionalInt.empty() : OptionalInt.of(hexByte("-p", r));
        }
        return withChecks(new IsoTpOptions.Padding(tx, rx, false, false), checks);
    }

    /** {@code -P l|c|a}: check the length, the content or both of what we receive. */
    static IsoTpOptions.Padding withChecks(IsoTpOptions.Padding padding, String checks) {
        if (checks == null) {
            return padding;
        }
        boolean length;
        boolean content;
        switch (checks) {
            case "l" -> {
                length = true;
                content = false;
            }
            case "c" -> {
                length = false;
                content = true;
            }
            case "a" -> {
                length = true;
                content = true;
            }
            default -> throw new IllegalArgumentException("-P " + checks + ": padding checks are l (length),"
                    + " c (content) or a (all)");
        }
        if (content && padding.rx().isEmpty()) {
            throw new IllegalArgumentException("-P " + checks + ": checking the padding content needs the expected"
                    + " pad byte: -p TX:RX or -p :RX");
        }
        return padding.withCheckLength(length).withCheckContent(content);
    }

    /** {@code -L MTU:TX_DL:TX_FLAGS} in decimal: {@code 16:8:0} classic, {@code 72:64:1} CAN FD with BRS. */
    static IsoTpOptions.LinkLayer linkLayer(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("-L " + text + ": expected MTU:TX_DL:TX_FLAGS, e.g. 72:64:1");
        }
        int mtu;
        int txDl;
        int flags;
        try {
            mtu = Integer.parseInt(parts[0]);
            txDl = Integer.parseInt(parts[1]);
            flags = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-L " + text + ": MTU, TX_DL and TX_FLAGS are decimal numbers");
        }
        if (mtu != 16 && mtu != 72) {
            throw new IllegalArgumentException("-L " + text + ": MTU is 16 (classic CAN) or 72 (CAN FD)");
        }
        if (flags != 0 && flags != 1) {
            throw new IllegalArgumentException("-L " + text + ": TX_FLAGS is 0, or 1 for bit rate switching (BRS)");
        }
        try {
            return new IsoTpOptions.LinkLayer(mtu == 72, txDl, flags == 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-L " + text + ": " + e.getMessage());
        }
    }

    /** {@code --engine kernel|java|auto}. */
    static IsoTp.Engine engine(String text) {
        try {
            return IsoTp.Engine.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--engine " + text + ": expected kernel, java or auto");
        }
    }

    private static String stripHexPrefix(String text) {
        return text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    }
}
