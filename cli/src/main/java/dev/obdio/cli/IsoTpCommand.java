package dev.obdio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code obdio isotp}: ISO-TP tools, work-alikes of can-utils' isotpsend, isotprecv, isotpdump and
 * isotpsniffer with their options and output formats, on any bus ({@code can0}, {@code vcan0},
 * {@code virtual:NAME}, {@code udp:…}) and with either ISO-TP engine ({@code --engine}).
 */
@Command(name = "isotp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"ISO-TP (ISO 15765-2) tools, like can-utils' isotpsend, isotprecv, isotpdump and isotpsniffer.",
            "Example: echo 22 F1 90 | obdio isotp send -s 7E0 -d 7E8 vcan0"},
        subcommands = {IsoTpSendCommand.class, IsoTpRecvCommand.class, IsoTpDumpCommand.class, IsoTpSniffCommand.class})
public final class IsoTpCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
