package dev.obdio.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated vehicle: a physical model driven through its drive cycle and the ECUs that report
 * on it over OBD-II and UDS. It is the embedded default of every obdio command.
 *
 * <p>Time: the vehicle has no clock and no thread. Every call takes {@code nowNanos} from the
 * caller's monotonic clock (a {@code Ticker}, {@link System#nanoTime()}, or a test's fake clock);
 * the model advances in fixed 10 ms steps up to that time, measured from the {@code startNanos}
 * given at creation. Time never runs backwards: an older {@code nowNanos} is treated as the newest
 * seen. The same description, seed and sequence of calls give the same answers.
 *
 * <p>Threading: all methods of the vehicle and its ECUs synchronise on one lock, so a transport
 * binding may call them from its receive thread while a CLI or test switches faults.
 *
 * <p>Typical use by a transport binding: listen on {@link #functionalId()} and each ECU's
 * {@link EcuIds#requestId()}; pass a physical request to {@link #ecuForRequestId} → {@link
 * SimulatedEcu#respond}, a functional one to {@link #respondFunctional}; send each
 * {@link ScheduledResponse} on the ECU's {@link EcuIds#responseId()} once its delay has passed.
 */
public final class Vehicle {
    private final Object lock = new Object();
    private final VehicleDescription description;
    private final long seed;
    private final long startNanos;
    private final VehicleModel model;
    private final List<SimulatedEcu> ecus;
    private long latestNanos;
    private VehicleSnapshot cached;

    private Vehicle(VehicleDescription description, long seed, long startNanos) {
        this.description = Objects.requireNonNull(description, "description");
        this.seed = seed;
        this.startNanos = startNanos;
        this.latestNanos = startNanos;
        this.model = new VehicleModel(description, seed);
        List<SimulatedEcu> list = new ArrayList<>();
        for (int i = 0; i < description.ecus().size(); i++) {
            list.add(new SimulatedEcu(this, description.ecus().get(i), i, model));
        }
        this.ecus = Collections.unmodifiableList(list);
    }

    /** A vehicle with the description's own seed, whose model time 0 is {@code startNanos}. */
    public static Vehicle create(VehicleDescription description, long startNanos) {
        return new Vehicle(description, description.seed(), startNanos);
    }

    /** A vehicle with another seed: other noise, route variation, security seeds and latencies. */
    public static Vehicle create(VehicleDescription description, long seed, long startNanos) {
        return new Vehicle(description, seed, startNanos);
    }

    /** The description it was built from. */
    public VehicleDescription description() {
        return description;
    }

    /** The seed in use. */
    public long seed() {
        return seed;
    }

    /** Its ECUs in description order. */
    public List<SimulatedEcu> ecus() {
        return ecus;
    }

    /** The ECU named {@code name}. */
    public SimulatedEcu ecu(String name) {
        for (SimulatedEcu e : ecus) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no ECU named \"" + name + "\"; ECUs: "
                + ecus.stream().map(SimulatedEcu::name).toList());
    }

    /** The functional request id all ECUs listen on (0x7DF or 0x18DB33F1). */
    public int functionalId() {
        return description.functionalId();
    }

    /** True when the vehicle uses 29-bit identifiers. */
    public boolean extendedIds() {
        return description.extendedIds();
    }

    /** The ECU whose physical request id is {@code canId}, if any. */
    public Optional<SimulatedEcu> ecuForRequestId(int canId, boolean extended) {
        if (extended != description.extendedIds()) {
            return Optional.empty();
        }
        return ecus.stream().filter(e -> e.ids().requestId() == canId).findFirst();
    }

    /** Offers a functional request to every ECU; the map holds each ECU's schedule, silent ones included. */
    public Map<SimulatedEcu, ResponseSchedule> respondFunctional(byte[] request, long nowNanos) {
        synchronized (lock) {
            Map<SimulatedEcu, ResponseSchedule> out = new LinkedHashMap<>();
            for (SimulatedEcu e : ecus) {
                out.put(e, e.respond(request, Addressing.FUNCTIONAL, nowNanos));
            }
            return out;
        }
    }

    /** Advances the model to {@code nowNanos}. */
    public void advanceTo(long nowNanos) {
        synchronized (lock) {
            advanceLocked(nowNanos);
        }
    }

    /** The sensor values at {@code nowNanos} (advancing the model first). */
    public VehicleSnapshot snapshot(long nowNanos) {
        synchronized (lock) {
            advanceLocked(nowNanos);
            return snapshotLocked();
        }
    }

    /**
     * Switches the ignition. Off: the engine stops, the car rolls to a stop, every ECU is silent and
     * the engine cools. On: a new ignition (operation) cycle: engine start, drive cycle from its
     * first leg, ECUs in their power-on state (default session, security locked).
     */
    public void setIgnition(boolean on, long nowNanos) {
        synchronized (lock) {
            long now = advanceLocked(nowNanos);
            if (on == model.ignitionOn()) {
                return;
            }
            model.setIgnition(on);
            cached = null;
            if (on) {
                for (SimulatedEcu e : ecus) {
                    e.onIgnitionOn(now);
                }
            }
        }
    }

    /** True while the ignition is on. */
    public boolean ignitionOn() {
        synchronized (lock) {
            return model.ignitionOn();
        }
    }

    /** Injects a fault into every ECU. */
    public void injectFault(Fault fault) {
        synchronized (lock) {
            ecus.forEach(e -> e.injectFault(fault));
        }
    }

    /** Clears every ECU's faults. */
    public void clearFaults() {
        synchronized (lock) {
            ecus.forEach(SimulatedEcu::clearFaults);
        }
    }

    /** The drive cycle's current lap (0-based) and leg index, for status displays. */
    public int[] drivePosition(long nowNanos) {
        synchronized (lock) {
            advanceLocked(nowNanos);
            return new int[] {model.driver().lap(), model.driver().legIndex()};
        }
    }

    // ---------------------------------------------------------------- for the ECUs (lock held)

    Object lock() {
        return lock;
    }

    /** Advances to {@code nowNanos} (clamped to be monotonic) and returns the effective time. */
    long advanceLocked(long nowNanos) {
        if (nowNanos - latestNanos > 0) {
            latestNanos = nowNanos;
        }
        model.advanceTo(latestNanos - startNanos);
        return latestNanos;
    }

    /** The newest time seen (the model's clock), for a binding that checks it shares the clock. */
    long latestNanos() {
        synchronized (lock) {
            return latestNanos;
        }
    }

    boolean ignitionOnLocked() {
        return model.ignitionOn();
    }

    VehicleSnapshot snapshotLocked() {
        if (cached == null || cached.modelNanos() != model.modelNanos()) {
            cached = model.snapshot();
        }
        return cached;
    }

    /** The model, for tests in this package. */
    VehicleModel model() {
        return model;
    }
}
