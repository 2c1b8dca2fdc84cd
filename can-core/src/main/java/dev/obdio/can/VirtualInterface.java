package dev.obdio.can;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * An in-process CAN interface that behaves like Linux vcan: every endpoint opened on it with
 * {@code virtual:NAME} sees the frames of all the others, in the order they were sent. It can
 * also behave like a real wire ({@link VirtualLinkSettings#bitrate()}), lose or delay frames, and
 * go down and up again, for tests.
 *
 * <p>Interfaces live for the life of the JVM, like a vcan interface lives until deleted.
 *
 * <p>Threading: with instant settings a frame is handed to the receivers' queues on the
 * sender's thread; with wire timing or faults, one wire thread per interface delivers frames at
 * their simulated end of transmission, and senders block while 1000 frames are in flight (the
 * device's transmit queue).
 */
public final class VirtualInterface {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final ConcurrentHashMap<String, VirtualInterface> INTERFACES = new ConcurrentHashMap<>();
    private static final int TX_QUEUE_LENGTH = 1000;
    private static final long SPIN_NANOS = 50_000;

    private final String name;
    private final Object lock = new Object();
    private final Object wireOrder = new Object();
    private volatile VirtualCanBus[] endpoints = new VirtualCanBus[0];
    private volatile VirtualLinkSettings settings = VirtualLinkSettings.IDEAL;
    private volatile boolean up = true;
    private final AtomicLong transmitted = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    // Wire simulation, guarded by lock.
    private Random random = new Random(1);
    private long busyUntilNanoTime;
    private LinkedBlockingQueue<InFlight> inFlight;
    private volatile Thread wire;

    private record InFlight(VirtualCanBus sender, CanFrame frame, long deliverAtNanoTime, boolean lost) {
    }

    private VirtualInterface(String name) {
        this.name = name;
    }

    /**
     * The interface called {@code name}, created on first use.
     *
     * @throws IllegalArgumentException if the name has characters other than letters, digits, {@code _ . -}
     */
    public static VirtualInterface named(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("virtual bus name \"" + name
                    + "\": use 1..64 letters, digits, '_', '.' or '-'");
        }
        return INTERFACES.computeIfAbsent(name, VirtualInterface::new);
    }

    /** Opens an endpoint for a bus spec after {@code virtual:}, i.e. {@code NAME[?settings]}. */
    static CanBus open(String spec, BusOptions options) {
        int q = spec.indexOf('?');
        String name = q < 0 ? spec : spec.substring(0, q);
        VirtualInterface vi;
        try {
            vi = named(name);
            if (q >= 0) {
                vi.configure(VirtualLinkSettings.parse(spec.substring(q + 1)));
            }
        } catch (IllegalArgumentException e) {
            throw new CanException(CanException.Reason.INVALID_NAME, e.getMessage());
        }
        return vi.openEndpoint(options);
    }

    /** A new endpoint on this interface. */
    public CanBus openEndpoint(BusOptions options) {
        VirtualCanBus bus = new VirtualCanBus(this, options);
        synchronized (lock) {
            VirtualCanBus[] next = Arrays.copyOf(endpoints, endpoints.length + 1);
            next[next.length - 1] = bus;
            endpoints = next;
        }
        return bus;
    }

    void detach(VirtualCanBus bus) {
        synchronized (lock) {
            endpoints = Arrays.stream(endpoints).filter(b -> b != bus).toArray(VirtualCanBus[]::new);
        }
    }

    /** The interface name (without {@code virtual:}). */
    public String name() {
        return name;
    }

    /** The channel name endpoints report: {@code virtual:NAME}. */
    public String channel() {
        return "virtual:" + name;
    }

    /** Changes how the wire behaves from the next frame on. */
    public void configure(VirtualLinkSettings newSettings) {
        synchronized (lock) {
            if (newSettings.seed() != settings.seed() || settings == VirtualLinkSettings.IDEAL) {
                random = new Random(newSettings.seed());
            }
            settings = newSettings;
        }
    }

    /** The current wire settings. */
    public VirtualLinkSettings settings() {
        return settings;
    }

    /**
     * Brings the interface up or down ({@code ip link set NAME up|down}). Down, sends fail with
     * {@link CanException.Reason#INTERFACE_DOWN}, frames in flight are lost, and every endpoint
     * reports the condition once; endpoints stay open and work again when it comes back up.
     */
    public void setUp(boolean value) {
        boolean wasUp = up;
        up = value;
        if (wasUp && !value) {
            for (VirtualCanBus bus : endpoints) {
                bus.linkWentDown(new CanException(CanException.Reason.INTERFACE_DOWN,
                        channel() + ": the interface went down"));
            }
        }
    }

    /** Whether the interface is up. */
    public boolean isUp() {
        return up;
    }

    /** Endpoints open on it now. */
    public int endpointCount() {
        return endpoints.length;
    }

    /** Frames sent on it so far. */
    public long transmittedFrames() {
        return transmitted.get();
    }

    /** Frames lost by fault injection so far. */
    public long lostFrames() {
        return lost.get();
    }

    void transmit(VirtualCanBus sender, CanFrame frame) {
        if (!up) {
            throw new CanException(CanException.Reason.INTERFACE_DOWN, channel() + ": the interface is down");
        }
        transmitted.incrementAndGet();
        VirtualLinkSettings s = settings;
        if (s.isInstant() && wire == null) {
            deliverToAll(sender, frame);
            return;
        }
        InFlight item;
        LinkedBlockingQueue<InFlight> queue;
        synchronized (lock) {
            long now = System.nanoTime();
            long start = Math.max(now, busyUntilNanoTime);
            busyUntilNanoTime = start + s.wireNanos(frame);
            boolean dropped = s.dropRate() > 0 && random.nextDouble() < s.dropRate();
            item = new InFlight(sender, frame, busyUntilNanoTime + s.delay().toNanos(), dropped);
            queue = startWireIfNeeded();
        }
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CanException(CanException.Reason.IO, channel() + ": interrupted while the transmit queue was full");
        }
    }

    private LinkedBlockingQueue<InFlight> startWireIfNeeded() {
        if (wire == null) {
            inFlight = new LinkedBlockingQueue<>(TX_QUEUE_LENGTH);
            LinkedBlockingQueue<InFlight> queue = inFlight;
            wire = new Thread(() -> runWire(queue), "obdio-vbus-" + name + "-wire");
            wire.setDaemon(true);
            wire.start();
        }
        return inFlight;
    }

    private void runWire(LinkedBlockingQueue<InFlight> queue) {
        while (true) {
            InFlight item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            long wait;
            while ((wait = item.deliverAtNanoTime - System.nanoTime()) > 0) {
                if (wait > SPIN_NANOS) {
                    LockSupport.parkNanos(wait - SPIN_NANOS);
                } else {
                    Thread.onSpinWait();
                }
            }
            if (item.lost) {
                lost.incrementAndGet();
            } else if (up) {
                deliverToAll(item.sender, item.frame);
            }
        }
    }

    private void deliverToAll(VirtualCanBus sender, CanFrame frame) {
        // One frame at a time, as on a wire: every endpoint sees the frames of concurrent senders
        // in the same order (vcan's loopback gives the same guarantee).
        synchronized (wireOrder) {
            long stamp = EpochClock.nowNanos(); // taken in wire order, so timestamps never go back
            for (VirtualCanBus bus : endpoints) {
                bus.receiveFromWire(frame, stamp, bus == sender);
            }
        }
    }

    /** Frames still on the simulated wire (for tests that wait for a quiet bus). */
    public int framesInFlight() {
        LinkedBlockingQueue<InFlight> queue = inFlight;
        return queue == null ? 0 : queue.size();
    }

    @Override
    public String toString() {
        return channel() + (up ? " up " : " down ") + settings;
    }
}
