package dev.obdio.cli;

import dev.obdio.uds.SecurityAccess;
import dev.obdio.uds.SecurityKeyAlgorithms;
import dev.obdio.uds.script.UdsAction;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code obdio uds BUS security LEVEL --key-algo NAME}. */
@Command(name = "security", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Unlock a security level (0x27): request the seed, send the key the algorithm computes.",
            "A zero seed means the level is already unlocked. Algorithms: none; xor:HEX; "
                + "obdio-xor-rotate-add:secret=HEX,rotate=N (the obdio simulator's).",
            "The level stays unlocked only within the session: run it in a script to use it."})
final class UdsSecurityCommand implements Callable<Integer> {
    @ParentCommand
    UdsCommand parent;

    @Parameters(index = "0", paramLabel = "LEVEL", description = "the odd seed level: 1, 3, 0x11, …")
    String level;

    @Option(names = "--key-algo", paramLabel = "NAME[:PARAMS]", description = "the key algorithm (default none)")
    String keyAlgorithm = SecurityKeyAlgorithms.NONE;

    @Override
    public Integer call() {
        return parent.guarded(() -> {
            SecurityKeyAlgorithms.byName(keyAlgorithm); // a bad name fails before the bus is opened
            return parent.execute(new UdsAction.Security(SecurityAccess.parseLevel(level), Optional.of(keyAlgorithm)));
        });
    }
}
