package dev.obdio.cli;

import dev.obdio.uds.Hex;
import dev.obdio.uds.script.UdsAction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code obdio uds BUS read DID…}. */
@Command(name = "read", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Read data identifiers (0x22), several in one request; decoded by their codecs (--codec).",
            "Example: obdio uds vcan0 read F190 F18C"})
final class UdsReadCommand implements Callable<Integer> {
    @ParentCommand
    UdsCommand parent;

    @Parameters(arity = "1..*", paramLabel = "DID", description = "data identifiers in hex (F190)")
    List<String> dids = new ArrayList<>();

    @Override
    public Integer call() {
        return parent.guarded(() -> {
            List<Integer> ids = new ArrayList<>();
            for (String d : dids) {
                int id = (int) Hex.parseNumber(d, 4, "DID");
                if (ids.contains(id)) {
                    throw new IllegalArgumentException(String.format("DID %04X given twice", id));
                }
                ids.add(id);
            }
            return parent.execute(new UdsAction.Read(ids));
        });
    }
}
