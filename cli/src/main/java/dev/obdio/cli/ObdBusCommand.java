package dev.obdio.cli;

import dev.obdio.obd.ConnectProgress;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What every {@code obdio obd BUS …} command shares: the bus from the parent command, the
 * connection options, opening the connection, and the message when no vehicle answers.
 */
abstract class ObdBusCommand implements Callable<Integer> {

    @ParentCommand
    ObdToolCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ObdConnectOptions connect = new ObdConnectOptions();

    private String resolvedBus;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The bus named before the subcommand; without one, the embedded simulated car's. */
    String bus() {
        if (resolvedBus == null) {
            String given = parent == null || parent.bus == null || parent.bus.isBlank() ? null : parent.bus;
            resolvedBus = EmbeddedSimulator.busOrSimulator(given, "obd " + spec.name(), err());
        }
        return resolvedBus;
    }

    /** Opens the connection (finding the vehicle). */
    ObdConnection open(ConnectProgress progress) {
        return ObdConnection.open(bus(), connect.toOptions(), progress);
    }

    /** Prints why there is no vehicle and returns the failure status; 0 when the vehicle answers. */
    int requireVehicle(ObdConnection car) {
        ObdStatus s = car.status();
        if (s == ObdStatus.CAR_CONNECTED) {
            return 0;
        }
        String why = s == ObdStatus.NOT_CONNECTED
                ? bus() + " does not work (is the interface up?)"
                : "no ECU answers on " + bus() + " (ignition off? another bit rate or --ids?)";
        err().println("obdio obd " + spec.name() + ": " + why);
        err().flush();
        return ErrorReporter.EXIT_FAILURE;
    }
}
