package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A vehicle served on a fresh virtual bus, with a tester endpoint (java ISO-TP engine channels
 * and raw frames), a sniffer that records every frame with its timestamp, and the server's log.
 */
final class SimOnBus implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(3);
    private static final AtomicInteger BUSES = new AtomicInteger();

    final String bus;
    final Vehicle vehicle;
    final VehicleServer server;
    final CanBus tester;
    final CanBus sniffer;
    final List<ReceivedFrame> frames = new CopyOnWriteArrayList<>();
    final List<ServedRequest> log = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> faults = new LinkedBlockingQueue<>();
    private final List<IsoTpChannel> channels = new ArrayList<>();
    private volatile Instant since = Instant.now();

    private SimOnBus(VehicleDescription description) {
        this(description, System.nanoTime());
    }

    private SimOnBus(VehicleDescription description, long startNanos) {
        bus = "virtual:sim-test-" + BUSES.incrementAndGet();
        sniffer = CanBuses.open(bus, BusOptions.DEFAULTS);
        sniffer.subscribe(frames::add);
        tester = CanBuses.open(bus, BusOptions.DEFAULTS);
        // Frames nobody listens for must not queue up for the first channel opened later.
        tester.subscribe(frame -> { });
        vehicle = Vehicle.create(description, startNanos);
        RequestLog requestLog = new RequestLog() {
            @Override
            public void served(ServedRequest request) {
                log.add(request);
            }

            @Override
            public void transportFault(String ecu, String message) {
                faults.add(ecu + ": " + message);
            }
        };
        server = VehicleServer.start(vehicle, bus,
                ServerOptions.DEFAULTS.withEngine(IsoTp.Engine.JAVA).withRequestLog(requestLog));
    }

    static SimOnBus start(VehicleDescription description) {
        return new SimOnBus(description);
    }

    /** A vehicle whose ignition went on at {@code startNanos} ({@link System#nanoTime()}), e.g. a minute ago. */
    static SimOnBus start(VehicleDescription description, long startNanos) {
        return new SimOnBus(description, startNanos);
    }

    static SimOnBus petrol() {
        return start(VehicleFiles.builtIn("petrol"));
    }

    /** A tester channel (java engine) on the tester endpoint. */
    IsoTpChannel channel(IsoTpOptions options) {
        IsoTpChannel c = IsoTp.open(tester, options, IsoTp.Engine.JAVA);
        channels.add(c);
        return c;
    }

    /** A tester channel sending on {@code tx}, receiving on {@code rx}, with the vehicle's id size. */
    IsoTpChannel channel(int tx, int rx) {
        return channel(IsoTpOptions.DEFAULTS.withAddress(address(tx, rx)));
    }

    IsoTpAddress address(int tx, int rx) {
        return vehicle.extendedIds() ? IsoTpAddress.normal29(tx, rx) : IsoTpAddress.normal11(tx, rx);
    }

    /** Sends a request on {@code tx} and returns the answer received on {@code rx}. */
    byte[] ask(int tx, int rx, String requestHex) throws InterruptedException {
        IsoTpChannel c = channel(tx, rx);
        try {
            c.send(Hex.bytes(requestHex));
            return c.receive(WAIT);
        } finally {
            c.close();
        }
    }

    /** Sends one raw frame from the tester endpoint. */
    void sendRaw(int id, String dataHex) {
        tester.send(CanFrame.data(id, vehicle.extendedIds(), Hex.bytes(dataHex)));
    }

    /** From now on, {@link #served} only looks at requests that arrive after this moment. */
    void mark() {
        since = Instant.now();
    }

    /**
     * The log entry of {@code ecu} for a request (hex without spaces) that arrived after the last
     * {@link #mark()}, failing the test when none comes in time.
     */
    ServedRequest served(String ecu, String requestHex) {
        Instant from = since;
        Predicate<ServedRequest> match = r -> r.ecu().equals(ecu) && !r.time().isBefore(from)
                && HexFormat.of().withUpperCase().formatHex(r.request()).equals(requestHex);
        await().atMost(WAIT).until(() -> log.stream().anyMatch(match));
        return log.stream().filter(match).findFirst().orElseThrow();
    }

    /** The frames seen so far with this identifier. */
    List<ReceivedFrame> framesOn(int id) {
        return frames.stream().filter(f -> f.frame().id() == id).toList();
    }

    /** Waits until at least {@code count} frames match {@code p} and returns all that do. */
    List<ReceivedFrame> awaitFrames(Predicate<ReceivedFrame> p, int count) {
        await().atMost(WAIT).until(() -> frames.stream().filter(p).count() >= count);
        return frames.stream().filter(p).toList();
    }

    /** Waits for a frame matching {@code p} and returns it. */
    ReceivedFrame awaitFrame(Predicate<ReceivedFrame> p) {
        await().atMost(WAIT).until(() -> frames.stream().anyMatch(p));
        return frames.stream().filter(p).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        channels.forEach(IsoTpChannel::close);
        server.close();
        tester.close();
        sniffer.close();
    }
}
