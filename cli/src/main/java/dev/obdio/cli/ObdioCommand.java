package dev.obdio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code obdio} command; every tool is a subcommand. */
@Command(name = "obdio",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A direct line from a terminal, a script or a browser to a car's ECUs over CAN.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, DumpCommand.class, SendCommand.class,
            PlayCommand.class, GenCommand.class,
            ObdToolCommand.class, UdsCommand.class, IsoTpCommand.class, SimCommand.class, ServeCommand.class})
public final class ObdioCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line, with obdio's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ObdioCommand());
        cl.setExecutionExceptionHandler(new ErrorReporter());
        return cl;
    }
}
