package dev.obdio.cli;

import picocli.CommandLine;

/** Entry point of the {@code obdio} command. */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(ObdioCommand.commandLine().execute(args));
    }
}
