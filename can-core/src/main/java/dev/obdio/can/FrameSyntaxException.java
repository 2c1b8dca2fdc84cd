package dev.obdio.can;

/**
 * Text that is not a valid can-utils frame ({@code 123#DEADBEEF}) or candump log line. The only
 * exception {@link CanFrameText#parse} and {@link CandumpLog#parse} throw for bad input; it says
 * where the text went wrong and why, e.g. {@code position 4: 'G' is not a hex digit}.
 */
public final class FrameSyntaxException extends IllegalArgumentException {
    private final String input;
    private final int position;
    private final String reason;

    /**
     * @param input    the text that was parsed
     * @param position the 0-based index of the offending character in {@code input}
     * @param reason   what is wrong there, for a person
     */
    public FrameSyntaxException(String input, int position, String reason) {
        super("position " + position + ": " + reason);
        this.input = input == null ? "" : input;
        this.position = position;
        this.reason = reason;
    }

    /** The text that was parsed. */
    public String input() {
        return input;
    }

    /** The 0-based index in {@link #input()} where the text went wrong. */
    public int position() {
        return position;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** This error moved into a longer text where the parsed part starts at {@code offset}. */
    FrameSyntaxException within(String outerInput, int offset) {
        return new FrameSyntaxException(outerInput, offset + position, reason);
    }

    /** How a character is named in a message: {@code 'G'}, or {@code U+0009} if not printable. */
    static String describe(char c) {
        return c >= ' ' && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
