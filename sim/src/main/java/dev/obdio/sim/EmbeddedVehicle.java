package dev.obdio.sim;

import dev.obdio.isotp.IsoTp;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated vehicle a command talks to when it is given no bus: the default petrol car
 * ({@link VehicleFiles#DEFAULT}) served on a fresh in-process virtual bus. The caller opens its
 * ISO-TP channels on {@link #busName()} as on any bus.
 *
 * <pre>{@code
 * try (EmbeddedVehicle car = EmbeddedVehicle.start();
 *      IsoTpChannel engine = IsoTp.open(car.busName(), IsoTpOptions.DEFAULTS)) {
 *     engine.send(new byte[] {0x09, 0x02});
 *     byte[] vin = engine.receive(Duration.ofSeconds(1));
 * }
 * }</pre>
 *
 * <p>Bus names are unique per process: {@code virtual:obdio-sim} for the first, then
 * {@code virtual:obdio-sim-2}, ... so embedded vehicles never share a bus. The virtual bus is
 * in-process: other processes cannot join it (run {@code obdio sim} for that).
 */
public final class EmbeddedVehicle implements AutoCloseable {
    /** The name of the first embedded vehicle's bus. */
    public static final String BUS = "virtual:obdio-sim";
    private static final AtomicInteger STARTED = new AtomicInteger();

    private final VehicleServer server;

    private EmbeddedVehicle(VehicleServer server) {
        this.server = server;
    }

    /** Starts the default vehicle. */
    public static EmbeddedVehicle start() {
        return start(VehicleFiles.builtIn(VehicleFiles.DEFAULT), ServerOptions.DEFAULTS);
    }

    /**
     * Starts a vehicle of this description on a new virtual bus, on the java ISO-TP engine
     * (whatever {@code options} say about the engine: a virtual bus has no kernel).
     */
    public static EmbeddedVehicle start(VehicleDescription description, ServerOptions options) {
        Checks.notNull("description", description);
        Checks.notNull("options", options);
        int n = STARTED.incrementAndGet();
        String bus = n == 1 ? BUS : BUS + "-" + n;
        Vehicle vehicle = Vehicle.create(description, System.nanoTime());
        return new EmbeddedVehicle(VehicleServer.start(vehicle, bus, options.withEngine(IsoTp.Engine.JAVA)));
    }

    /** The virtual bus the vehicle answers on, e.g. {@code virtual:obdio-sim}. */
    public String busName() {
        return server.busName();
    }

    /** The vehicle, for runtime controls (faults, ignition, DTCs). */
    public Vehicle vehicle() {
        return server.vehicle();
    }

    /** The server running it. */
    public VehicleServer server() {
        return server;
    }

    /** Stops the vehicle's server; see {@link VehicleServer#close()}. */
    @Override
    public void close() {
        server.close();
    }
}
