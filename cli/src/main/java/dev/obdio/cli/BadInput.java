package dev.obdio.cli;

import dev.obdio.can.CanFrame;
import dev.obdio.can.CanFrameText;
import dev.obdio.can.FrameSyntaxException;

/**
 * Errors for bad text on the command line or in an input file: a one-line message, optionally
 * followed by the syntax help, which {@link ErrorReporter} prints without a stack trace.
 */
final class BadInput {
    private BadInput() {
    }

    /** The message, a blank line and the help. */
    static IllegalArgumentException withHelp(String message, String help) {
        return new IllegalArgumentException(message + "\n\n" + help);
    }

    /** Parses a frame argument, or fails with the position, the reason and the frame syntax. */
    static CanFrame frame(String text) {
        try {
            return CanFrameText.parse(text);
        } catch (FrameSyntaxException e) {
            throw withHelp("bad frame \"" + text + "\": " + e.getMessage(), CanFrameText.SYNTAX);
        }
    }
}
