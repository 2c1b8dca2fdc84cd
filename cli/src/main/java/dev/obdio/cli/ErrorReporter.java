package dev.obdio.cli;

import dev.obdio.can.CanException;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and an exit status: expected conditions (no SocketCAN,
 * no such interface, a bad argument) never print a stack trace; unexpected ones do, so they can
 * be reported.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    /** Exit status for a failure of the bus or the vehicle (not of the command line). */
    static final int EXIT_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        String name = cl.getCommandName();
        if (e instanceof CanException ce && ce.isExpectedCondition()) {
            cl.getErr().println("obdio " + name + ": " + ce.getMessage());
            return EXIT_FAILURE;
        }
        if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
                || e instanceof java.io.IOException) {
            cl.getErr().println("obdio " + name + ": " + e.getMessage());
            return e instanceof IllegalArgumentException ? cl.getCommandSpec().exitCodeOnInvalidInput() : EXIT_FAILURE;
        }
        cl.getErr().println("obdio " + name + ": unexpected error: " + e);
        e.printStackTrace(cl.getErr());
        return cl.getCommandSpec().exitCodeOnExecutionException();
    }
}
