package dev.obdio.can;

/**
 * The one text codec for single frames, in can-utils' compact syntax as cansend reads it and
 * candump {@code -L}, canplayer and python-can write it: {@code 123#DEADBEEF},
 * {@code 12345678#00}, {@code 123#R3}, {@code 123#1122334455667788_E}, {@code 123##1AABB}.
 * {@link #format} writes exactly what can-utils writes (upper-case hex, 3-digit 11-bit ids,
 * 8-digit 29-bit ids) and {@link #parse} reads everything it writes back to an equal frame.
 *
 * <p>Parsing is stricter than can-utils where can-utils silently ignores input (extra bytes,
 * an RTR length above 8, a raw DLC on a short frame, an 11-bit id above 7FF): such text is
 * rejected with a {@link FrameSyntaxException} that names the position and the reason. Like
 * cansend, CAN FD data whose length is not a CAN FD length is padded with zero bytes to the
 * next one, and the FDF flag bit (4) that newer kernels and can-utils write is accepted and
 * ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class CanFrameText {

    /** The syntax, for help texts (what cansend prints on a wrong frame). */
    public static final String SYNTAX = """
            A frame is written as cansend takes it and candump -L writes it:
              <id>#<data>              classic data frame of 0..8 bytes: 123#DEADBEEF, 5AA#
              <id>#<data>_<dlc>        8 data bytes sent with a raw DLC 9..F: 123#1122334455667788_E
              <id>#R[<len>[_<dlc>]]    remote request (RTR) for 0..8 bytes: 123#R, 123#R3, 333#R8_E
              <id>##<flags><data>      CAN FD frame of 0..64 bytes: 123##1AABB, 213##311223344
            <id>     3 hex digits for an 11-bit id (000..7FF) or 8 for a 29-bit id (00000000..1FFFFFFF);
                     8 digits with bit 20000000 set make an error frame (error class bits),
                     e.g. 20000004#0004000000000000
            <data>   hex, two digits a byte, optionally separated by dots: 5A1#11.2233.44556677.88
            <flags>  one hex digit: 1 bit rate switch (BRS), 2 error state indicator (ESI);
                     4 (FDF) is accepted and ignored. CAN FD data is padded with zeros to the next
                     CAN FD length (0..8, 12, 16, 20, 24, 32, 48, 64).""";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int FDF = 4;

    private CanFrameText() {
    }

    /**
     * Writes a frame as can-utils does ({@code sprint_canframe} without separators).
     *
     * @throws IllegalArgumentException if {@code frame} is null
     */
    public static String format(CanFrame frame) {
        return format(frame, false);
    }

    /**
     * Writes a frame as can-utils does; with {@code dots}, data bytes are separated by
     * {@code '.'} as {@code cangen -v} prints them ({@code 123#11.22.33}, {@code 123##1.AA.BB}).
     */
    public static String format(CanFrame frame, boolean dots) {
        if (frame == null) {
            throw new IllegalArgumentException("frame must not be null");
        }
        StringBuilder out = new StringBuilder(24 + 3 * frame.length());
        appendTo(out, frame, dots, false);
        return out.toString();
    }

    /**
     * Appends the compact text of {@code frame} to {@code out}. With {@code fdfFlag}, the CAN FD
     * flags digit includes FDF (4), as candump writes frames received from kernels since 6.1 and
     * as current can-utils always writes them ({@code 123##5AABB} for BRS).
     */
    static void appendTo(StringBuilder out, CanFrame frame, boolean dots, boolean fdfFlag) {
        if (frame.isError()) {
            appendHex(out, frame.id() | CanFrame.ERR_FLAG, 8);
        } else if (frame.extended()) {
            appendHex(out, frame.id(), 8);
        } else {
            appendHex(out, frame.id(), 3);
        }
        out.append('#');
        int len = frame.length();
        if (frame.isRemote()) {
            out.append('R');
            if (len > 0) {
                out.append(HEX[len]);
                if (frame.len8Dlc() != 0) {
                    out.append('_').append(HEX[frame.len8Dlc()]);
                }
            }
            return;
        }
        if (frame.fd()) {
            out.append('#').append(HEX[frame.fdFlags() | (fdfFlag ? FDF : 0)]);
            if (dots && len > 0) {
                out.append('.');
            }
        }
        for (int i = 0; i < len; i++) {
            int b = frame.dataByte(i);
            out.append(HEX[b >> 4]).append(HEX[b & 0xF]);
            if (dots && i + 1 < len) {
                out.append('.');
            }
        }
        if (frame.len8Dlc() != 0) {
            out.append('_').append(HEX[frame.len8Dlc()]);
        }
    }

    static void appendHex(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(value >>> shift) & 0xF]);
        }
    }

    /**
     * Reads a frame in the compact syntax (see {@link #SYNTAX}).
     *
     * @throws FrameSyntaxException for anything else, with the position and the reason
     */
    public static CanFrame parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new FrameSyntaxException(text, 0, "empty frame: expected <id>#<data>");
        }
        return new Parser(text).frame();
    }

    /** The value of a hex digit, or -1. Only ASCII digits count. */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** One parse of one text; positions in errors index into that text. */
    private static final class Parser {
        private final String s;
        private final int n;
        private int pos;

        Parser(String s) {
            this.s = s;
            this.n = s.length();
        }

        CanFrame frame() {
            while (pos < n && hexValue(s.charAt(pos)) >= 0) {
                pos++;
            }
            int digits = pos;
            if (pos == n) {
                throw fail(n, digits == 0 ? "expected a hex id" : "missing '#' after the id");
            }
            if (s.charAt(pos) != '#') {
                throw fail(pos, FrameSyntaxException.describe(s.charAt(pos)) + " is not a hex digit");
            }
            if (digits != 3 && digits != 8) {
                throw fail(0, "the id needs 3 hex digits (11-bit) or 8 (29-bit), got " + digits);
            }
            long raw = Long.parseLong(s, 0, digits, 16);
            pos++; // '#'
            boolean error = false;
            boolean extended = false;
            int id;
            if (digits == 3) {
                if (raw > CanFrame.MAX_STANDARD_ID) {
                    throw fail(0, String.format("11-bit id %03X is above 7FF (write 8 digits for a 29-bit id)", raw));
                }
                id = (int) raw;
            } else if ((raw & CanFrame.ERR_FLAG) != 0) {
                if ((raw & (CanFrame.EFF_FLAG | CanFrame.RTR_FLAG) & 0xFFFFFFFFL) != 0) {
                    throw fail(0, String.format("error frame id %08X has the EFF or RTR flag set", raw));
                }
                error = true;
                id = (int) (raw & CanFrame.MAX_EXTENDED_ID);
            } else {
                if (raw > CanFrame.MAX_EXTENDED_ID) {
                    throw fail(0, String.format("29-bit id %08X is above 1FFFFFFF", raw));
                }
                extended = true;
                id = (int) raw;
            }
            if (pos < n && (s.charAt(pos) == 'R' || s.charAt(pos) == 'r')) {
                if (error) {
                    throw fail(pos, "an error frame cannot be a remote request");
                }
                return remote(id, extended);
            }
            if (pos < n && s.charAt(pos) == '#') {
                if (error) {
                    throw fail(pos, "an error frame cannot be a CAN FD frame");
                }
                return fd(id, extended);
            }
            byte[] data = data(Dlc.CLASSIC_MAX_LENGTH, "more than 8 data bytes (a CAN FD frame takes 64: <id>##<flags><data>)");
            int len8Dlc = rawDlcSuffix(data.length);
            expectEnd();
            return new CanFrame(id, extended, error ? CanFrame.Kind.ERROR : CanFrame.Kind.DATA, false, false,
                    false, len8Dlc, data);
        }

        private CanFrame remote(int id, boolean extended) {
            pos++; // 'R'
            int length = 0;
            int len8Dlc = 0;
            if (pos < n) {
                char c = s.charAt(pos);
                if (c < '0' || c > '8') {
                    throw fail(pos, "expected the requested length 0..8 after 'R', got "
                            + FrameSyntaxException.describe(c));
                }
                length = c - '0';
                pos++;
                len8Dlc = rawDlcSuffix(length);
            }
            expectEnd();
            return new CanFrame(id, extended, CanFrame.Kind.REMOTE, false, false, false, len8Dlc, new byte[length]);
        }

        private CanFrame fd(int id, boolean extended) {
            pos++; // second '#'
            if (pos == n) {
                throw fail(pos, "missing the CAN FD flags digit after '##'");
            }
            int flags = hexValue(s.charAt(pos));
            if (flags < 0) {
                throw fail(pos, FrameSyntaxException.describe(s.charAt(pos)) + " is not a hex digit (CAN FD flags)");
            }
            if ((flags & 8) != 0) {
                throw fail(pos, "unknown CAN FD flag bit 8 (BRS=1, ESI=2, FDF=4)");
            }
            pos++;
            byte[] data = data(Dlc.FD_MAX_LENGTH, "more than 64 data bytes");
            if (pos < n && s.charAt(pos) == '_') {
                throw fail(pos, "a raw DLC (_<dlc>) is for classic frames only");
            }
            expectEnd();
            int padded = Dlc.fdLengthAtLeast(data.length);
            if (padded != data.length) {
                data = java.util.Arrays.copyOf(data, padded);
            }
            return new CanFrame(id, extended, CanFrame.Kind.DATA, true, (flags & 1) != 0, (flags & 2) != 0, 0, data);
        }

        /** Hex byte pairs, each optionally preceded by one '.', up to '_' or the end. */
        private byte[] data(int max, String tooLong) {
            byte[] buf = new byte[max];
            int count = 0;
            while (true) {
                if (pos < n && s.charAt(pos) == '.') {
                    pos++;
                }
                if (pos == n || s.charAt(pos) == '_') {
                    break;
                }
                if (count == max) {
                    throw fail(pos, tooLong);
                }
                int hi = hexValue(s.charAt(pos));
                if (hi < 0) {
                    throw fail(pos, FrameSyntaxException.describe(s.charAt(pos)) + " is not a hex digit");
                }
                if (pos + 1 == n) {
                    throw fail(pos + 1, "odd number of hex digits: a byte needs two");
                }
                int lo = hexValue(s.charAt(pos + 1));
                if (lo < 0) {
                    throw fail(pos + 1, FrameSyntaxException.describe(s.charAt(pos + 1)) + " is not a hex digit");
                }
                buf[count++] = (byte) (hi << 4 | lo);
                pos += 2;
            }
            return java.util.Arrays.copyOf(buf, count);
        }

        /** An optional {@code _<dlc>} suffix; returns the raw DLC or 0. */
        private int rawDlcSuffix(int length) {
            if (pos == n || s.charAt(pos) != '_') {
                return 0;
            }
            if (length != Dlc.CLASSIC_MAX_LENGTH) {
                throw fail(pos, "a raw DLC (_<dlc>) needs a length of 8, got " + length);
            }
            pos++;
            int dlc = pos < n ? hexValue(s.charAt(pos)) : -1;
            if (dlc < 9) {
                throw fail(pos, "expected a raw DLC 9..F after '_'");
            }
            pos++;
            return dlc;
        }

        private void expectEnd() {
            if (pos < n) {
                throw fail(pos, "unexpected " + FrameSyntaxException.describe(s.charAt(pos)) + " after the frame");
            }
        }

        private FrameSyntaxException fail(int at, String reason) {
            return new FrameSyntaxException(s, at, reason);
        }
    }
}
