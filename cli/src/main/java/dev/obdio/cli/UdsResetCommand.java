package dev.obdio.cli;

import dev.obdio.uds.EcuReset;
import dev.obdio.uds.script.UdsAction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code obdio uds BUS reset hard|soft|key-off-on|N --allow-write}. */
@Command(name = "reset", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Reset the ECU (0x11). Needs --allow-write.")
final class UdsResetCommand implements Callable<Integer> {
    @ParentCommand
    UdsCommand parent;

    @Parameters(index = "0", paramLabel = "TYPE", description = "hard, soft, key-off-on or a number")
    String type;

    @Override
    public Integer call() {
        return parent.guarded(() -> parent.execute(new UdsAction.Reset(EcuReset.parseType(type))));
    }
}
