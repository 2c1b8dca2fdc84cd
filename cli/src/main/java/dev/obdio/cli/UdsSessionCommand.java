package dev.obdio.cli;

import dev.obdio.uds.Addressing;
import dev.obdio.uds.DiagnosticSessionControl;
import dev.obdio.uds.script.UdsAction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code obdio uds BUS session default|extended|programming|safety|N}. */
@Command(name = "session", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Switch the diagnostic session (0x10) and show the ECU's P2/P2*.",
            "The session lasts while the ECU hears a tester (about 5 s after this command ends)."})
final class UdsSessionCommand implements Callable<Integer> {
    @ParentCommand
    UdsCommand parent;

    @Parameters(index = "0", paramLabel = "SESSION", description = "default, extended, programming, safety or a number")
    String session;

    @Option(names = "--functional", description = "send to every ECU on the functional identifier (--functional ID "
            + "before the command)")
    boolean functional;

    @Option(names = "--suppress", description = "ask the ECU not to answer unless it refuses (bit 7)")
    boolean suppress;

    @Override
    public Integer call() {
        return parent.guarded(() -> parent.execute(new UdsAction.Session(DiagnosticSessionControl.parseSession(session),
                functional ? Addressing.FUNCTIONAL : Addressing.PHYSICAL, suppress)));
    }
}
