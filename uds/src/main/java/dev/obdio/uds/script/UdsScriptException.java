package dev.obdio.uds.script;

/**
 * A UDS script, or a command in one, cannot be parsed: the message names the line and column
 * ({@code readout.uds:7:12: …}).
 */
public final class UdsScriptException extends IllegalArgumentException {
    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param source the script's name (a file name), for the message
     * @param line   1-based line
     * @param column 1-based column
     * @param reason what is wrong
     */
    public UdsScriptException(String source, int line, int column, String reason) {
        super(source + ":" + line + ":" + column + ": " + reason);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The script's name. */
    public String source() {
        return source;
    }

    /** The 1-based line. */
    public int line() {
        return line;
    }

    /** The 1-based column. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
