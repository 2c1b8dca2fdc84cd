package dev.obdio.cli;

import dev.obdio.uds.Hex;
import dev.obdio.uds.script.UdsAction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code obdio uds BUS clear-dtc [GROUP] --allow-write}. */
@Command(name = "clear-dtc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Clear DTCs (0x14) of a group, all by default. Needs --allow-write.")
final class UdsClearDtcCommand implements Callable<Integer> {
    @ParentCommand
    UdsCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GROUP", description = "the DTC group in hex (default FFFFFF: all)")
    String group = "FFFFFF";

    @Override
    public Integer call() {
        return parent.guarded(() -> parent.execute(new UdsAction.ClearDtcs((int) Hex.parseNumber(group, 6, "GROUP"))));
    }
}
