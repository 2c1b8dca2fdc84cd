package dev.obdio.can;

/**
 * candump's log line, as {@code candump -L} and {@code -l} write it and canplayer and python-can
 * read it: {@code (1576495052.545849) can0 301#084C014E02C20C5C}, with an optional trailing
 * {@code R} or {@code T} (received / sent by this host) that candump writes with {@code -x}.
 * CAN FD frames are written with the FDF bit in their flags digit ({@code 123##5AABB} for BRS),
 * as candump writes what kernels since 6.1 deliver; both forms are read.
 *
 * <p>The timestamp is written with exactly 6 decimals (seconds zero-padded to 10 digits, as
 * candump's {@code %010lu.%06lu}); 9 decimals (candump {@code -N}) are read as well. Fields may
 * be separated by several spaces or tabs, since candump right-aligns the interface names when it
 * dumps several interfaces.
 *
 * <p>canplayer ignores lines that do not start with {@code '('}: {@link #isFrameLine} tells such
 * lines (comments, DROPCOUNT notes, empty lines) apart from frame lines, which {@link #parse}
 * reads or rejects with a {@link FrameSyntaxException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class CandumpLog {

    private CandumpLog() {
    }

    /** Whether canplayer would treat the line as a frame line: it starts with {@code '('}. */
    public static boolean isFrameLine(String line) {
        return line != null && !line.isEmpty() && line.charAt(0) == '(';
    }

    /** The line for a frame, without direction marker and without padding: {@code (ts) if frame}. */
    public static String format(ReceivedFrame frame) {
        return format(frame, 0, false);
    }

    /**
     * The line for a frame, as candump writes it.
     *
     * @param frame        the frame; its channel is the interface name and must not contain
     *                     white space
     * @param channelWidth the channel is right-aligned to this many characters, as candump aligns
     *                     the names when it dumps several interfaces (0 for no padding)
     * @param direction    append {@code " R"} or {@code " T"} as {@code candump -x} does
     * @throws IllegalArgumentException for a negative timestamp or a channel name that is empty or
     *                                  has white space, which no log reader could split
     */
    public static String format(ReceivedFrame frame, int channelWidth, boolean direction) {
        if (frame == null) {
            throw new IllegalArgumentException("frame must not be null");
        }
        String channel = frame.channel();
        if (channel.isEmpty() || channel.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("channel \"" + channel + "\" cannot be logged: empty or white space in it");
        }
        StringBuilder out = new StringBuilder(48 + 2 * frame.frame().length());
        appendTimestamp(out, frame.timestampNanos());
        out.append(' ');
        for (int i = channel.length(); i < channelWidth; i++) {
            out.append(' ');
        }
        out.append(channel).append(' ');
        // Logs carry FDF in CAN FD flags, byte for byte what candump writes on current kernels.
        CanFrameText.appendTo(out, frame.frame(), false, true);
        if (direction) {
            out.append(frame.direction() == ReceivedFrame.Direction.TX ? " T" : " R");
        }
        return out.toString();
    }

    /**
     * candump's absolute timestamp {@code (1576495052.545849)}: seconds zero-padded to 10 digits,
     * microseconds to 6 (truncated, as the kernel's timeval is).
     *
     * @throws IllegalArgumentException for a negative timestamp
     */
    public static String timestamp(long epochNanos) {
        StringBuilder out = new StringBuilder(20);
        appendTimestamp(out, epochNanos);
        return out.toString();
    }

    static void appendTimestamp(StringBuilder out, long epochNanos) {
        if (epochNanos < 0) {
            throw new IllegalArgumentException("timestamp before 1970 cannot be logged: " + epochNanos + " ns");
        }
        long seconds = epochNanos / 1_000_000_000L;
        long micros = epochNanos % 1_000_000_000L / 1000L;
        out.append('(');
        appendPadded(out, seconds, 10);
        out.append('.');
        appendPadded(out, micros, 6);
        out.append(')');
    }

    static void appendPadded(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /**
     * Reads a frame line. The channel of the result is the logged interface name; the direction
     * is {@code TX} for a trailing {@code T}, else {@code RX}. Trailing white space (a line end)
     * is allowed.
     *
     * @throws FrameSyntaxException for a line that is not a well-formed frame line, including a
     *                              line that {@link #isFrameLine} would skip
     */
    public static ReceivedFrame parse(String line) {
        if (line == null || line.isEmpty()) {
            throw new FrameSyntaxException(line, 0, "empty line: expected (<seconds>.<micros>) <interface> <frame>");
        }
        return new LineParser(line).parse();
    }

    /** One parse of one line; positions in errors index into the line. */
    private static final class LineParser {
        private final String s;
        private final int n;
        private int pos;

        LineParser(String s) {
            this.s = s;
            int end = s.length();
            while (end > 0 && isBlank(s.charAt(end - 1))) {
                end--;
            }
            this.n = end;
        }

        ReceivedFrame parse() {
            if (s.charAt(0) != '(') {
                throw fail(0, "a frame line starts with '(' and a timestamp, got " + FrameSyntaxException.describe(s.charAt(0)));
            }
            pos = 1;
            int secondsStart = pos;
            long seconds = digits(18, "seconds");
            if (pos == n || s.charAt(pos) != '.') {
                throw fail(pos, "expected '.' and the fraction of the timestamp");
            }
            pos++;
            int fractionStart = pos;
            long fraction = digits(9, "fraction");
            int decimals = pos - fractionStart;
            if (decimals != 6 && decimals != 9) {
                throw fail(fractionStart, "the timestamp needs 6 or 9 decimal places, got " + decimals);
            }
            if (pos == n || s.charAt(pos) != ')') {
                throw fail(pos, "expected ')' after the timestamp");
            }
            pos++;
            long nanos;
            try {
                nanos = Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), decimals == 6 ? fraction * 1000 : fraction);
            } catch (ArithmeticException e) {
                throw fail(secondsStart, "timestamp out of range");
            }
            skipBlanks("the interface name");
            int channelStart = pos;
            String channel = token();
            if (channel.equals("")) {
                throw fail(channelStart, "expected the interface name");
            }
            skipBlanks("the frame");
            int frameStart = pos;
            String text = token();
            CanFrame frame;
            try {
                frame = CanFrameText.parse(text);
            } catch (FrameSyntaxException e) {
                throw e.within(s, frameStart);
            }
            ReceivedFrame.Direction direction = ReceivedFrame.Direction.RX;
            if (pos < n) {
                skipBlanks("R or T");
                int markStart = pos;
                String mark = token();
                if (mark.equalsIgnoreCase("T")) {
                    direction = ReceivedFrame.Direction.TX;
                } else if (!mark.equalsIgnoreCase("R")) {
                    throw fail(markStart, "unexpected text after the frame (only R or T may follow)");
                }
                if (pos < n) {
                    skipBlanks("the end of the line");
                    throw fail(pos, "unexpected text after the frame (only R or T may follow)");
                }
            }
            return new ReceivedFrame(frame, nanos, channel, direction);
        }

        private long digits(int max, String what) {
            int start = pos;
            long value = 0;
            while (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                if (pos - start == max) {
                    throw fail(start, "too many digits in the " + what + " of the timestamp");
                }
                value = value * 10 + (s.charAt(pos) - '0');
                pos++;
            }
            if (pos == start) {
                throw fail(pos, "expected the " + what + " of the timestamp, got "
                        + (pos == n ? "the end of the line" : FrameSyntaxException.describe(s.charAt(pos))));
            }
            return value;
        }

        private void skipBlanks(String before) {
            if (pos == n || !isBlank(s.charAt(pos))) {
                throw fail(pos, pos == n ? "the line ends before " + before : "expected a space before " + before);
            }
            while (pos < n && isBlank(s.charAt(pos))) {
                pos++;
            }
        }

        private String token() {
            int start = pos;
            while (pos < n && !isBlank(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private FrameSyntaxException fail(int at, String reason) {
            return new FrameSyntaxException(s, at, reason);
        }
    }
}
