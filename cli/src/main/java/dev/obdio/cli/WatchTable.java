package dev.obdio.cli;

import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live table of {@code obdio obd BUS watch} on a terminal: a header and one line per command,
 * redrawn in place with ANSI escape codes (cursor up, clear line). Responses come in on the
 * callback thread, drawing happens on the command's thread; both go through this object's lock.
 */
final class WatchTable {
    private static final String ESC = "\u001B[";
    /** Hides the cursor while the table is live. */
    static final String HIDE_CURSOR = ESC + "?25l";
    /** Shows it again. */
    static final String SHOW_CURSOR = ESC + "?25h";

    private record Row(ObdResponse latest, long count) {
    }

    private final List<ObdCommand> commands;
    private final boolean imperial;
    private final Map<ObdCommand, Row> rows = new LinkedHashMap<>();
    private final int nameWidth;
    private int drawnLines;

    WatchTable(List<ObdCommand> commands, boolean imperial) {
        this.commands = List.copyOf(commands);
        this.imperial = imperial;
        this.nameWidth = commands.stream().mapToInt(c -> c.name().length()).max().orElse(4);
    }

    /** A new response of one command. */
    synchronized void update(ObdResponse r) {
        Row old = rows.get(r.command());
        rows.put(r.command(), new Row(r, old == null ? 1 : old.count + 1));
    }

    /** Responses seen so far, of all commands. */
    synchronized long total() {
        return rows.values().stream().mapToLong(Row::count).sum();
    }

    /**
     * The text that draws the table over the previous drawing: the cursor goes up over the lines
     * drawn last time, and each line is cleared before it is written.
     *
     * @param header         the first line (bus, status, protocol)
     * @param elapsedSeconds time since the watch started, for the rates
     */
    synchronized String render(String header, double elapsedSeconds) {
        StringBuilder sb = new StringBuilder();
        if (drawnLines > 0) {
            sb.append(ESC).append(drawnLines).append('A');
        }
        line(sb, header);
        for (ObdCommand c : commands) {
            Row row = rows.get(c);
            String value = row == null ? "…" : ValueText.of(row.latest, imperial);
            String rate = row == null || elapsedSeconds <= 0 ? ""
                    : String.format(Locale.ROOT, "%8.1f/s", row.count / elapsedSeconds);
            line(sb, String.format(Locale.ROOT, "  %-" + nameWidth + "s  %-40s %s", c.name(), value, rate));
        }
        drawnLines = commands.size() + 1;
        return sb.toString();
    }

    private static void line(StringBuilder sb, String text) {
        sb.append('\r').append(ESC).append("2K").append(text).append('\n');
    }
}
