package dev.obdio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code obdio obd}: OBD-II tools. Today {@code obd decode}, which needs no bus.
 *
 * <p>Commands that talk to a vehicle take the bus first: {@code obdio obd BUS query|watch|scan|dtc}.
 * They are added as further subcommands together with an optional positional {@code BUS}
 * parameter here ({@code @Parameters(index = "0", arity = "0..1")}) that they read through
 * {@code @ParentCommand}; picocli matches subcommand names before positionals, so
 * {@code obdio obd decode …} keeps working unchanged.
 */
@Command(name = "obd",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "OBD-II (SAE J1979): decode answers, python-OBD compatible values and units.",
        subcommands = {ObdDecodeCommand.class})
public final class ObdToolCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
