package dev.obdio.cli;

import dev.obdio.sim.EmbeddedVehicle;
import dev.obdio.sim.VehicleFiles;
import java.io.PrintWriter;

/**
 * The embedded default of the commands that talk to a vehicle: given no BUS, they talk to the
 * built-in simulated car ({@link EmbeddedVehicle}, the default petrol car on an in-process
 * virtual bus) and say so with one line on standard error.
 *
 * <p>The vehicle is started at the first command that needs it and runs for the rest of the
 * process, like a parked car that stays on: a session opened, a DID written or DTCs cleared by
 * one command are still there for the next one in the same process (the obdio launcher runs one
 * command per process). A shutdown hook stops it.
 *
 * <p>Thread-safe.
 */
final class EmbeddedSimulator {
    private static EmbeddedVehicle vehicle;

    private EmbeddedSimulator() {
    }

    /**
     * {@code bus} when one was given; otherwise the embedded vehicle's bus, started if needed,
     * after a note on {@code err}.
     *
     * @param command the command for the note, e.g. {@code uds}
     */
    static String busOrSimulator(String bus, String command, PrintWriter err) {
        if (bus != null) {
            return bus;
        }
        String name = start();
        err.println("obdio " + command + ": no BUS given: talking to the simulated " + VehicleFiles.DEFAULT
                + " car on " + name + " (give vcan0, can0 or udp: for another bus)");
        err.flush();
        return name;
    }

    /** Starts the embedded vehicle unless it runs; its bus name. */
    static synchronized String start() {
        if (vehicle == null || !vehicle.server().isRunning()) {
            EmbeddedVehicle started = EmbeddedVehicle.start();
            vehicle = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "obdio-sim-stop"));
        }
        return vehicle.busName();
    }
}
