package dev.obdio.cli;

import dev.obdio.uds.Addressing;
import dev.obdio.uds.Hex;
import dev.obdio.uds.script.BytePattern;
import dev.obdio.uds.script.UdsAction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code obdio uds BUS raw HEX…}. */
@Command(name = "raw", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Send any request in hex and print the final response (after response-pending answers).",
            "Services that change the vehicle (0x11, 0x14, 0x2E, 0x2F, 0x31, 0x34.., 0x3D, 0x28, 0x85, unknown ones) "
                + "need --allow-write.",
            "Example: obdio uds vcan0 raw 22 F1 90"})
final class UdsRawCommand implements Callable<Integer> {
    @ParentCommand
    UdsCommand parent;

    @Parameters(arity = "1..*", paramLabel = "HEX", description = "the request, service identifier first")
    List<String> hex = new ArrayList<>();

    @Option(names = "--functional", description = "send on the functional identifier (single frame)")
    boolean functional;

    @Override
    public Integer call() {
        return parent.guarded(() -> parent.execute(new UdsAction.Raw(BytePattern.of(Hex.parse(String.join(" ", hex))),
                functional ? Addressing.FUNCTIONAL : Addressing.PHYSICAL)));
    }
}
