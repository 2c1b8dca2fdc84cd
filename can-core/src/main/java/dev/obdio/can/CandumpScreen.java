package dev.obdio.can;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * candump's screen output (can-utils 2020.11.0, Debian's), byte for byte:
 * {@code "  vcan0  123   [4]  DE AD BE EF"}. One instance formats the frames of one dump in
 * arrival order, because candump's output depends on what came before: delta and zero-based
 * timestamps, and the indentation of 11-bit ids once a 29-bit id has been seen.
 *
 * <p>Not thread-safe: use one instance from one thread.
 */
public final class CandumpScreen {

    /** candump's {@code -t} modes. */
    public enum Timestamps {
        /** No timestamp (default). */
        NONE,
        /** {@code -t a}: {@code (1576495052.545849)}. */
        ABSOLUTE,
        /** {@code -t d}: time since the previous frame, {@code (000.000120)}. */
        DELTA,
        /** {@code -t z}: time since the first frame. */
        ZERO,
        /** {@code -t A}: local date and time, {@code (2019-12-16 12:17:32.545849)}. */
        DATE;

        /**
         * The mode for candump's letter {@code a}, {@code d}, {@code z} or {@code A}.
         *
         * @throws IllegalArgumentException for any other letter
         */
        public static Timestamps ofLetter(String letter) {
            return switch (letter == null ? "" : letter) {
                case "a" -> ABSOLUTE;
                case "d" -> DELTA;
                case "z" -> ZERO;
                case "A" -> DATE;
                default -> throw new IllegalArgumentException("unknown timestamp mode \"" + letter
                        + "\": use a (absolute), d (delta), z (zero-based) or A (absolute with date)");
            };
        }
    }

    /**
     * What candump shows, by its options.
     *
     * @param timestamps   {@code -t}
     * @param extraInfo    {@code -x}: RX/TX and the CAN FD BRS/ESI flags after the interface
     * @param decodeErrors {@code -e}: error frames decoded on extra lines
     * @param ascii        {@code -a}: the printable bytes of frames up to 8 bytes
     * @param binary       {@code -i}: bytes in binary
     * @param swap         {@code -S}: bytes in reverse order, marked with {@code `}
     * @param rawDlc       {@code -8}: classic frames show {@code {dlc}} (raw DLC 9..F) instead of
     *                     {@code [len]} (newer candump)
     * @param zone         the local time zone of {@code -t A}
     */
    public record Format(Timestamps timestamps, boolean extraInfo, boolean decodeErrors, boolean ascii,
                         boolean binary, boolean swap, boolean rawDlc, ZoneId zone) {

        /** candump without options. */
        public static final Format DEFAULTS = new Format(Timestamps.NONE, false, false, false, false, false, false,
                ZoneId.systemDefault());

        /** Checks that nothing is null. */
        public Format {
            if (timestamps == null || zone == null) {
                throw new IllegalArgumentException("timestamps and zone must not be null");
            }
        }

        /** With another timestamp mode. */
        public Format withTimestamps(Timestamps value) {
            return new Format(value, extraInfo, decodeErrors, ascii, binary, swap, rawDlc, zone);
        }

        /** With or without {@code -x}. */
        public Format withExtraInfo(boolean value) {
            return new Format(timestamps, value, decodeErrors, ascii, binary, swap, rawDlc, zone);
        }

        /** With or without {@code -e}. */
        public Format withDecodeErrors(boolean value) {
            return new Format(timestamps, extraInfo, value, ascii, binary, swap, rawDlc, zone);
        }

        /** With or without {@code -a}. */
        public Format withAscii(boolean value) {
            return new Format(timestamps, extraInfo, decodeErrors, value, binary, swap, rawDlc, zone);
        }

        /** With or without {@code -i}. */
        public Format withBinary(boolean value) {
            return new Format(timestamps, extraInfo, decodeErrors, ascii, value, swap, rawDlc, zone);
        }

        /** With or without {@code -S}. */
        public Format withSwap(boolean value) {
            return new Format(timestamps, extraInfo, decodeErrors, ascii, binary, value, rawDlc, zone);
        }

        /** With or without {@code -8}. */
        public Format withRawDlc(boolean value) {
            return new Format(timestamps, extraInfo, decodeErrors, ascii, binary, swap, value, zone);
        }

        /** With another zone for {@code -t A}. */
        public Format withZone(ZoneId value) {
            return new Format(timestamps, extraInfo, decodeErrors, ascii, binary, swap, rawDlc, value);
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char SWAP_DELIMITER = '`';
    private static final String[] FD_FLAGS = {"- -", "B -", "- E", "B E"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final Format format;
    private final int channelWidth;
    private final DateTimeFormatter date;
    private boolean indentSff;
    private boolean haveLast;
    private long lastMicros;

    /**
     * @param format       what to show
     * @param channelWidth interface names are right-aligned to this width: the longest name of
     *                     the dumped interfaces, as candump does
     */
    public CandumpScreen(Format format, int channelWidth) {
        if (format == null) {
            throw new IllegalArgumentException("format must not be null");
        }
        this.format = format;
        this.channelWidth = Math.max(0, channelWidth);
        this.date = DATE.withZone(format.zone());
    }

    /**
     * The output for one frame, without the final line break; with {@code -e}, an error frame
     * takes several lines, each continuation starting with a tab.
     */
    public String format(ReceivedFrame received) {
        CanFrame frame = received.frame();
        if (frame.extended()) {
            indentSff = true; // candump indents 11-bit ids from the first 29-bit id on
        }
        StringBuilder out = new StringBuilder(64);
        out.append(' ');
        appendTimestamp(out, received.timestampNanos());
        out.append(' ');
        for (int i = received.channel().length(); i < channelWidth; i++) {
            out.append(' ');
        }
        out.append(received.channel());
        if (format.extraInfo()) {
            out.append(received.direction() == ReceivedFrame.Direction.TX ? "  TX " : "  RX ");
            out.append(FD_FLAGS[frame.fdFlags()]);
        }
        out.append("  ");
        appendLongFrame(out, frame, format, indentSff);
        return out.toString();
    }

    private void appendTimestamp(StringBuilder out, long nanos) {
        switch (format.timestamps()) {
            case NONE -> {
            }
            case ABSOLUTE -> {
                CandumpLog.appendTimestamp(out, nanos);
                out.append(' ');
            }
            case DATE -> {
                long micros = Math.floorDiv(nanos, 1000L);
                out.append('(').append(date.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L))))
                        .append('.');
                CandumpLog.appendPadded(out, Math.floorMod(micros, 1_000_000L), 6);
                out.append(") ");
            }
            case DELTA, ZERO -> {
                long micros = Math.floorDiv(nanos, 1000L);
                if (!haveLast) {
                    haveLast = true;
                    lastMicros = micros;
                }
                long diff = Math.max(0, micros - lastMicros);
                out.append('(');
                CandumpLog.appendPadded(out, diff / 1_000_000L, 3);
                out.append('.');
                CandumpLog.appendPadded(out, diff % 1_000_000L, 6);
                out.append(") ");
                if (format.timestamps() == Timestamps.DELTA) {
                    lastMicros = micros;
                }
            }
        }
    }

    /**
     * can-utils' long frame text ({@code sprint_long_canframe}) as candump, canplayer {@code -v}
     * and cangen {@code -v -v} print it: {@code 123   [4]  DE AD BE EF}; with
     * {@link Format#decodeErrors()}, an error frame is followed by its decoded lines.
     *
     * @param indentSff indent 11-bit ids to the width of 29-bit ids (candump after the first
     *                  29-bit id; canplayer always)
     */
    public static String longFrame(CanFrame frame, Format format, boolean indentSff) {
        StringBuilder out = new StringBuilder(64);
        appendLongFrame(out, frame, format, indentSff);
        return out.toString();
    }

    private static void appendLongFrame(StringBuilder out, CanFrame frame, Format format, boolean indentSff) {
        int start = out.length();
        int offset;
        if (frame.isError()) {
            CanFrameText.appendHex(out, frame.id() | CanFrame.ERR_FLAG, 8);
            offset = 10;
        } else if (frame.extended()) {
            CanFrameText.appendHex(out, frame.id(), 8);
            offset = 10;
        } else if (indentSff) {
            out.append("     ");
            CanFrameText.appendHex(out, frame.id(), 3);
            offset = 10;
        } else {
            CanFrameText.appendHex(out, frame.id(), 3);
            offset = 5;
        }
        int len = frame.length();
        if (!frame.fd()) {
            padTo(out, start + offset + 1);
            if (format.rawDlc()) {
                int dlc = frame.len8Dlc() != 0 ? frame.len8Dlc() : len;
                out.append('{').append(HEX[dlc]).append('}');
            } else {
                out.append('[').append((char) ('0' + len)).append(']');
            }
            out.append(' ');
            if (frame.isRemote()) {
                out.append(" remote request");
                return;
            }
        } else {
            padTo(out, start + offset);
            out.append('[').append((char) ('0' + len / 10)).append((char) ('0' + len % 10)).append("] ");
        }
        int width = format.binary() ? 9 : 3;
        if (format.swap()) {
            for (int i = len - 1; i >= 0; i--) {
                out.append(i == len - 1 ? ' ' : SWAP_DELIMITER);
                appendByte(out, frame.dataByte(i), format.binary());
            }
        } else {
            for (int i = 0; i < len; i++) {
                out.append(' ');
                appendByte(out, frame.dataByte(i), format.binary());
            }
        }
        if (len <= Dlc.CLASSIC_MAX_LENGTH) {
            if (frame.isError()) {
                padLeft(out, "ERRORFRAME", width * (8 - len) + 13);
            } else if (format.ascii()) {
                char quote = format.swap() ? SWAP_DELIMITER : '\'';
                padLeft(out, String.valueOf(quote), width * (8 - len) + 4);
                for (int k = 0; k < len; k++) {
                    int b = frame.dataByte(format.swap() ? len - 1 - k : k);
                    out.append(b > 0x1F && b < 0x7F ? (char) b : '.');
                }
                out.append(quote);
            }
        }
        if (format.decodeErrors() && frame.isError()) {
            CanErrorFrame error = CanErrorFrame.decode(frame);
            out.append("\n\t");
            if (error.isDescribable()) {
                out.append(error.describe("\n\t"));
            } else {
                // candump 2020.11.0 rejects the class and prints its frame text buffer again.
                out.append(out.substring(start, out.length() - 2));
            }
        }
    }

    private static void appendByte(StringBuilder out, int b, boolean binary) {
        if (binary) {
            for (int bit = 7; bit >= 0; bit--) {
                out.append((b >> bit & 1) != 0 ? '1' : '0');
            }
        } else {
            out.append(HEX[b >> 4]).append(HEX[b & 0xF]);
        }
    }

    private static void padTo(StringBuilder out, int length) {
        while (out.length() < length) {
            out.append(' ');
        }
    }

    private static void padLeft(StringBuilder out, String text, int width) {
        for (int i = text.length(); i < width; i++) {
            out.append(' ');
        }
        out.append(text);
    }
}
