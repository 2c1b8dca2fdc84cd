package dev.obdio.sim;

import dev.obdio.can.CanBus;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpEvent;
import dev.obdio.isotp.IsoTpOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs a {@link Vehicle} on a CAN bus, so that testers on the bus (obdio, python-can, can-utils'
 * {@code isotpsend}, a scan tool on {@code can0}) talk to its ECUs over ISO-TP as to a car's.
 *
 * <pre>{@code
 * Vehicle car = Vehicle.create(VehicleFiles.builtIn("petrol"), System.nanoTime());
 * try (VehicleServer server = VehicleServer.start(car, "vcan0")) {
 *     ... // obdio obd vcan0 scan, isotpsend -s 7E0 -d 7E8 vcan0, ...
 * }
 * }</pre>
 *
 * <p>What runs on the bus:
 * <ul>
 *   <li>one ISO-TP channel per ECU on its physical ids: it receives requests on the ECU's request
 *       id (announcing the vehicle's {@linkplain IsoTpSpec block size and STmin} to a tester that
 *       sends a segmented request) and sends answers on its response id, honouring the tester's
 *       flow control, which comes on the request id (ISO 15765-4);</li>
 *   <li>one listen-only channel on the functional id (0x7DF or 0x18DB33F1): a request there is
 *       offered to every ECU, and each answers on its own response id. Functional requests are
 *       single frames (ISO 15765-4); a longer PDU is ignored and logged.</li>
 * </ul>
 * Every frame the ECUs send is padded as the vehicle file says ({@link IsoTpSpec#padding()}).
 * Each response goes out when its {@link ScheduledResponse#delayNanos() delay} has passed since
 * the request arrived, so latencies and response-pending (0x78) sequences are on the wire as the
 * vehicle scheduled them.
 *
 * <p>Time: the server reads {@link System#nanoTime()}, so the vehicle must run on that clock
 * ({@code Vehicle.create(description, System.nanoTime())}); it also advances the model every
 * 100 ms, so the car keeps driving between requests and a request never pays for catching up.
 *
 * <p>Threading: no thread per ECU. Requests arrive on the ISO-TP engine's event thread, which asks
 * the vehicle (microseconds, under the vehicle's lock) and hands the schedule to the server's one
 * timer thread ({@code obdio-sim-<bus>}); that thread starts each response when it is due and
 * advances the model. The rest of a segmented response is paced by the ISO-TP engine. The
 * {@link RequestLog} is called as {@link RequestLog} says. Runtime controls (faults, ignition,
 * DTCs) are the vehicle's own methods, safe from any thread while the server runs.
 *
 * <p>{@link #close()} closes every channel and stops the timer thread; nothing is left running.
 */
public final class VehicleServer implements AutoCloseable {
    /** How often the timer thread advances the model when no request does. */
    static final long ADVANCE_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The longest PDU a classic single frame carries with normal addressing. */
    static final int MAX_SINGLE_FRAME = 7;
    /**
     * How far apart the vehicle's clock and {@link System#nanoTime()} may be at start: an hour of
     * catching up costs about a second; much more means the vehicle runs on another clock.
     */
    private static final long CLOCK_TOLERANCE_NANOS = TimeUnit.HOURS.toNanos(1);
    /** How long {@link #close()} waits for a response send in progress on the timer thread. */
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final Vehicle vehicle;
    private final String busName;
    private final RequestLog log;
    private final ScheduledThreadPoolExecutor timer;
    private final Map<SimulatedEcu, EcuEndpoint> endpoints = new IdentityHashMap<>();
    private final List<EcuEndpoint> endpointList = new ArrayList<>();
    private final List<IsoTpChannel> channels = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong requests = new AtomicLong();

    private VehicleServer(Vehicle vehicle, String busName, ServerOptions options,
                          Function<IsoTpOptions, IsoTpChannel> opener) {
        this.vehicle = vehicle;
        this.busName = busName;
        this.log = options.requestLog();
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "obdio-sim-" + busName);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        try {
            IsoTpSpec spec = vehicle.description().isoTp();
            for (SimulatedEcu ecu : vehicle.ecus()) {
                IsoTpChannel channel = opener.apply(ecuOptions(ecu.ids(), spec));
                channels.add(channel);
                EcuEndpoint endpoint = new EcuEndpoint(this, ecu, channel);
                endpoints.put(ecu, endpoint);
                endpointList.add(endpoint);
            }
            IsoTpChannel functional = opener.apply(functionalOptions(vehicle));
            channels.add(functional);
            for (EcuEndpoint e : endpointList) {
                e.channel().subscribe(e::onEvent);
            }
            functional.subscribe(this::onFunctionalEvent);
            timer.scheduleWithFixedDelay(this::advanceModel, ADVANCE_PERIOD_NANOS, ADVANCE_PERIOD_NANOS,
                    TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Runs {@code vehicle} on the bus named {@code busName} with {@link ServerOptions#DEFAULTS}. */
    public static VehicleServer start(Vehicle vehicle, String busName) {
        return start(vehicle, busName, ServerOptions.DEFAULTS);
    }

    /**
     * Runs {@code vehicle} on the bus named {@code busName} ({@code vcan0}, {@code virtual:car},
     * {@code udp:…}); the ISO-TP engine opens (and at the end closes) its endpoint.
     *
     * @throws IllegalArgumentException when the vehicle runs on another clock than {@link System#nanoTime()}
     * @throws dev.obdio.can.CanException when the bus cannot be opened or the engine is not available
     */
    public static VehicleServer start(Vehicle vehicle, String busName, ServerOptions options) {
        Checks.notNull("busName", busName);
        check(vehicle, options);
        return new VehicleServer(vehicle, busName, options, o -> IsoTp.open(busName, o, options.engine()));
    }

    /**
     * Runs {@code vehicle} on an open bus endpoint, which stays open when the server stops. The
     * kernel engine needs a bus name: here {@link IsoTp.Engine#AUTO} means the java engine.
     *
     * @throws IllegalArgumentException when the vehicle runs on another clock than {@link System#nanoTime()}
     * @throws dev.obdio.can.CanException when the kernel engine was asked for
     */
    public static VehicleServer start(Vehicle vehicle, CanBus bus, ServerOptions options) {
        Checks.notNull("bus", bus);
        check(vehicle, options);
        return new VehicleServer(vehicle, bus.channel(), options, o -> IsoTp.open(bus, o, options.engine()));
    }

    private static void check(Vehicle vehicle, ServerOptions options) {
        Checks.notNull("vehicle", vehicle);
        Checks.notNull("options", options);
        long apart = System.nanoTime() - vehicle.latestNanos();
        if (apart > CLOCK_TOLERANCE_NANOS || apart < -CLOCK_TOLERANCE_NANOS) {
            throw new IllegalArgumentException("the vehicle runs on another clock than System.nanoTime() ("
                    + Duration.ofNanos(apart) + " apart): create it with Vehicle.create(description, System.nanoTime())");
        }
    }

    /** The ISO-TP options of an ECU's physical channel: receive on the request id, send on the response id. */
    static IsoTpOptions ecuOptions(EcuIds ids, IsoTpSpec spec) {
        IsoTpAddress address = ids.extended() ? IsoTpAddress.normal29(ids.responseId(), ids.requestId())
                : IsoTpAddress.normal11(ids.responseId(), ids.requestId());
        return IsoTpOptions.DEFAULTS.withAddress(address)
                .withPadding(IsoTpOptions.Padding.NONE.withTx(spec.padding()))
                .withBlockSize(spec.blockSize())
                .withStMin(spec.stMin());
    }

    /**
     * The functional channel: listen-only on the functional id, so a first frame there gets no
     * flow control. It never sends; its transmit id is only there because a channel needs one.
     */
    static IsoTpOptions functionalOptions(Vehicle vehicle) {
        int rx = vehicle.functionalId();
        int tx = vehicle.ecus().get(0).ids().responseId();
        IsoTpAddress address = vehicle.extendedIds() ? IsoTpAddress.normal29(tx, rx) : IsoTpAddress.normal11(tx, rx);
        return IsoTpOptions.DEFAULTS.withAddress(address).withListenOnly(true);
    }

    /** The vehicle being served. */
    public Vehicle vehicle() {
        return vehicle;
    }

    /** The bus it runs on, as named when started. */
    public String busName() {
        return busName;
    }

    /**
     * The ISO-TP engine running the ECUs' channels ({@code JAVA} or {@code KERNEL}: what
     * {@link IsoTp.Engine#AUTO} chose), or empty for a channel of another implementation.
     */
    public java.util.Optional<IsoTp.Engine> engine() {
        return IsoTp.engineOf(endpointList.get(0).channel());
    }

    /** Requests received so far (a functional request counts once), whatever came of them. */
    public long requestsReceived() {
        return requests.get();
    }

    /** Whether the server runs (not yet closed). */
    public boolean isRunning() {
        return !closed.get();
    }

    /**
     * Stops serving: closes every channel (responses not yet sent are dropped) and stops the timer
     * thread. Idempotent; the vehicle stays usable.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timer.shutdownNow();
        for (IsoTpChannel c : channels) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // closing the others matters more
            }
        }
        try {
            timer.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- requests

    /** A request PDU on an ECU's physical channel (ISO-TP event thread). */
    void onPhysical(EcuEndpoint endpoint, byte[] request) {
        long arrival = System.nanoTime();
        Instant wall = Instant.now();
        requests.incrementAndGet();
        SimulatedEcu ecu = endpoint.ecu();
        ResponseSchedule schedule;
        try {
            schedule = ecu.respond(request, Addressing.PHYSICAL, arrival);
        } catch (RuntimeException e) {
            served(new ServedRequest(wall, ecu.name(), ecu.ids().requestId(), ecu.ids().extended(),
                    Addressing.PHYSICAL, request, new ServedRequest.Failed("simulator error: " + e, Duration.ZERO)));
            return;
        }
        dispatch(endpoint, request, Addressing.PHYSICAL, schedule, arrival, wall);
    }

    private void onFunctionalEvent(IsoTpEvent event) {
        if (event instanceof IsoTpEvent.Received r) {
            onFunctional(r.data());
        } else if (event instanceof IsoTpEvent.Failed f) {
            transportFault("*", f.error().message());
        }
    }

    /** A request PDU on the functional channel (ISO-TP event thread): offered to every ECU. */
    private void onFunctional(byte[] request) {
        long arrival = System.nanoTime();
        Instant wall = Instant.now();
        requests.incrementAndGet();
        int id = vehicle.functionalId();
        if (request.length > MAX_SINGLE_FRAME) {
            served(new ServedRequest(wall, "*", id, vehicle.extendedIds(), Addressing.FUNCTIONAL, request,
                    new ServedRequest.Ignored("a functional request must be a single frame (ISO 15765-4), this one has "
                            + request.length + " bytes")));
            return;
        }
        Map<SimulatedEcu, ResponseSchedule> answers;
        try {
            answers = vehicle.respondFunctional(request, arrival);
        } catch (RuntimeException e) {
            served(new ServedRequest(wall, "*", id, vehicle.extendedIds(), Addressing.FUNCTIONAL, request,
                    new ServedRequest.Failed("simulator error: " + e, Duration.ZERO)));
            return;
        }
        for (Map.Entry<SimulatedEcu, ResponseSchedule> a : answers.entrySet()) {
            dispatch(endpoints.get(a.getKey()), request, Addressing.FUNCTIONAL, a.getValue(), arrival, wall);
        }
    }

    /** Logs silence, or hands each response of the schedule to the timer for its due time. */
    private void dispatch(EcuEndpoint endpoint, byte[] request, Addressing addressing, ResponseSchedule schedule,
                          long arrival, Instant wall) {
        SimulatedEcu ecu = endpoint.ecu();
        int id = addressing == Addressing.PHYSICAL ? ecu.ids().requestId() : ecu.ids().functionalId();
        ServedRequest.Outcome silent = new ServedRequest.Silent();
        if (schedule.isSilent()) {
            served(new ServedRequest(wall, ecu.name(), id, ecu.ids().extended(), addressing, request, silent));
            return;
        }
        EcuEndpoint.Reply reply = endpoint.reply(new ServedRequest(wall, ecu.name(), id, ecu.ids().extended(),
                addressing, request, silent), schedule, arrival);
        List<ScheduledResponse> responses = schedule.responses();
        for (int i = 0; i < responses.size(); i++) {
            int index = i;
            long due = arrival + responses.get(i).delayNanos() - System.nanoTime();
            try {
                timer.schedule(() -> reply.send(index), Math.max(0, due), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                return; // the server is stopping: unsent responses are dropped
            }
        }
    }

    /** Keeps the model in step with the clock between requests (timer thread). */
    private void advanceModel() {
        try {
            vehicle.advanceTo(System.nanoTime());
        } catch (RuntimeException e) {
            // a model failure must not cancel the periodic task; requests will report it
        }
    }

    /** Reports a request to the log unless the server has stopped. */
    void served(ServedRequest request) {
        if (closed.get()) {
            return;
        }
        try {
            log.served(request);
        } catch (RuntimeException e) {
            // a failing log must not stop the server
        }
    }

    /** Reports an ISO-TP fault to the log unless the server has stopped. */
    void transportFault(String ecu, String message) {
        if (closed.get()) {
            return;
        }
        try {
            log.transportFault(ecu, message);
        } catch (RuntimeException e) {
            // a failing log must not stop the server
        }
    }

    /** The ECUs' channels in description order, for tests. */
    List<EcuEndpoint> endpoints() {
        return Collections.unmodifiableList(endpointList);
    }
}
