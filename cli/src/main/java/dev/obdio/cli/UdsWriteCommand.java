package dev.obdio.cli;

import dev.obdio.uds.Hex;
import dev.obdio.uds.script.UdsAction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code obdio uds BUS write DID VALUE --allow-write}. */
@Command(name = "write", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write a data identifier (0x2E). Needs --allow-write.",
            "VALUE is text for the DID's codec (a VIN, a number for a numeric --codec), hex for DIDs read as bytes, "
                + "and always hex after 0x.",
            "Example: obdio uds vcan0 --allow-write write F198 WS-0042"})
final class UdsWriteCommand implements Callable<Integer> {
    @ParentCommand
    UdsCommand parent;

    @Parameters(index = "0", paramLabel = "DID", description = "the data identifier in hex")
    String did;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "VALUE", description = "the value (words are joined with spaces)")
    List<String> value = new ArrayList<>();

    @Override
    public Integer call() {
        return parent.guarded(() -> parent.execute(new UdsAction.Write((int) Hex.parseNumber(did, 4, "DID"),
                new UdsAction.WriteValue.CodecText(String.join(" ", value), false))));
    }
}
