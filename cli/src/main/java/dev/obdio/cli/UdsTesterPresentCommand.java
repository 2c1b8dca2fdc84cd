package dev.obdio.cli;

import dev.obdio.uds.script.UdsAction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code obdio uds BUS tester-present}. */
@Command(name = "tester-present", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Ask whether the ECU is there (3E 00, answered by 7E 00).")
final class UdsTesterPresentCommand implements Callable<Integer> {
    @ParentCommand
    UdsCommand parent;

    @Override
    public Integer call() {
        return parent.guarded(() -> parent.execute(new UdsAction.TesterPresent()));
    }
}
