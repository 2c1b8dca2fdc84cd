package dev.obdio.cli;

import dev.obdio.obd.ConnectProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr ({@code [#######.......]  7/16  0120 PIDS_B}), redrawn in
 * place with a carriage return; drawn only when stderr is a terminal, otherwise silent. It takes
 * the connection's steps while it finds the vehicle, then the command's own.
 */
final class ProgressLine implements ConnectProgress {
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean enabled;
    private final int ownSteps;
    private int connectTotal;
    private boolean drawn;

    /**
     * @param err      where to draw
     * @param enabled  whether to draw at all
     * @param ownSteps the steps the command takes after connecting
     */
    ProgressLine(PrintWriter err, boolean enabled, int ownSteps) {
        this.err = err;
        this.enabled = enabled;
        this.ownSteps = ownSteps;
    }

    @Override
    public synchronized void step(String step, int done, int total) {
        connectTotal = total;
        draw(step, done, total + ownSteps);
    }

    /** Draws the command's own step {@code done} (0-based). */
    synchronized void own(String step, int done) {
        draw(step, connectTotal + done, connectTotal + ownSteps);
    }

    private void draw(String step, int done, int total) {
        if (!enabled) {
            return;
        }
        int filled = total <= 0 ? 0 : Math.min(WIDTH, done * WIDTH / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        err.print(String.format(Locale.ROOT, "\r\u001B[2K[%s] %2d/%d  %s", bar, Math.min(done, total), total, step));
        err.flush();
        drawn = true;
    }

    /** Clears the line. */
    synchronized void finish() {
        if (enabled && drawn) {
            err.print("\r\u001B[2K");
            err.flush();
        }
    }
}
