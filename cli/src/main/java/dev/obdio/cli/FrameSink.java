package dev.obdio.cli;

import dev.obdio.can.CandumpLog;
import dev.obdio.can.CandumpScreen;
import dev.obdio.can.ReceivedFrame;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Where a dump writes its frames: candump's screen view, its log lines, or its silent
 * animation. Not thread-safe: one consuming thread writes.
 */
interface FrameSink {

    /** Writes one frame. */
    void accept(ReceivedFrame frame);

    /** Writes a line that is not a frame (candump's DROPCOUNT notes). */
    void note(String line);

    /** Pushes buffered output out. */
    void flush();

    /** Whether writing failed (a closed pipe, a full disk); {@link PrintWriter} keeps such errors quiet. */
    boolean failed();

    /** candump's screen view, one frame per line (error frames decoded with -e take several). */
    static FrameSink screen(PrintWriter out, CandumpScreen screen) {
        return new FrameSink() {
            @Override
            public void accept(ReceivedFrame frame) {
                out.print(screen.format(frame));
                out.print('\n');
            }

            @Override
            public void note(String line) {
                out.print(line);
                out.print('\n');
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public boolean failed() {
                return out.checkError();
            }
        };
    }

    /**
     * candump's log lines ({@code -L}, {@code -l}, {@code -f}).
     *
     * @param channelWidth the width the interface names are right-aligned to
     * @param direction    append R or T ({@code -x})
     */
    static FrameSink log(Writer out, int channelWidth, boolean direction) {
        PrintWriter printer = out instanceof PrintWriter p ? p : new PrintWriter(out);
        return new FrameSink() {
            @Override
            public void accept(ReceivedFrame frame) {
                printer.print(CandumpLog.format(frame, channelWidth, direction));
                printer.print('\n');
            }

            @Override
            public void note(String line) {
                printer.print(line);
                printer.print('\n');
            }

            @Override
            public void flush() {
                printer.flush();
            }

            @Override
            public boolean failed() {
                return printer.checkError();
            }
        };
    }

    /** candump's {@code -s 1}: a spinning character instead of frames. */
    static FrameSink animation(PrintWriter out) {
        return new FrameSink() {
            private static final String CHARS = "|/-\\";
            private int next;

            @Override
            public void accept(ReceivedFrame frame) {
                out.print(CHARS.charAt(next));
                out.print('\b');
                next = (next + 1) % CHARS.length();
            }

            @Override
            public void note(String line) {
                out.print(line);
                out.print('\n');
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public boolean failed() {
                return out.checkError();
            }
        };
    }
}
