package dev.obdio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code obdio obd}: OBD-II tools. {@code obd decode} needs no bus; the commands that talk to a
 * vehicle take the bus first: {@code obdio obd BUS query|watch|scan|dtc}. The bus is an optional
 * positional parameter here, which they read through {@code @ParentCommand}; picocli matches
 * subcommand names before positionals, so {@code obdio obd decode …} works without one.
 */
@Command(name = "obd",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"OBD-II (SAE J1979): read a vehicle's ECUs, python-OBD compatible values and units.",
            "Run obdio obd BUS query|watch|scan|dtc …  or  obdio obd decode COMMAND HEX…"},
        subcommands = {ObdDecodeCommand.class, ObdQueryCommand.class, ObdWatchCommand.class, ObdScanCommand.class,
            ObdDtcCommand.class})
public final class ObdToolCommand implements Runnable {

    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "BUS",
            description = {"the bus the vehicle is on, for query, watch, scan and dtc (can0, vcan0, virtual:NAME, "
                + "udp:…); none: the built-in simulated car"})
    String bus;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
