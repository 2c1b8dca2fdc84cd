package dev.obdio.cli;

import dev.obdio.uds.Hex;
import dev.obdio.uds.RoutineControl;
import dev.obdio.uds.script.BytePattern;
import dev.obdio.uds.script.UdsAction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code obdio uds BUS routine start|stop|result ID [DATA] --allow-write}. */
@Command(name = "routine", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Start or stop a routine, or ask its results (0x31). Needs --allow-write.",
            "Example: obdio uds vcan0 --allow-write routine start 0202 01"})
final class UdsRoutineCommand implements Callable<Integer> {
    @ParentCommand
    UdsCommand parent;

    @Parameters(index = "0", paramLabel = "start|stop|result", description = "what to do")
    String type;

    @Parameters(index = "1", paramLabel = "ID", description = "the routine identifier in hex")
    String id;

    @Parameters(index = "2..*", arity = "0..*", paramLabel = "DATA", description = "option record in hex")
    List<String> data = new ArrayList<>();

    @Override
    public Integer call() {
        return parent.guarded(() -> {
            byte[] option = data.isEmpty() ? new byte[0] : Hex.parse(String.join(" ", data));
            return parent.execute(new UdsAction.Routine(RoutineControl.parseType(type), (int) Hex.parseNumber(id, 4,
                    "routine ID"), BytePattern.of(option)));
        });
    }
}
