package dev.obdio.isotp;

import dev.obdio.can.CanBus;
import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.FrameListener;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.Subscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The java engine's driver for one bus endpoint: every channel opened on the bus shares it. It
 * takes the endpoint's frames on the endpoint's delivery thread and hands each to the channels
 * listening on its identifier; one {@link DeadlineTimer} serves all their deadlines, one
 * executor all their listeners. Hundreds of channels cost a map entry and a state machine each.
 *
 * <p>When the hub opened the endpoint itself it also sets the endpoint's receive filters to the
 * identifiers its channels listen on, and receives its own frames, so channels on the same hub
 * hear each other as CAN_ISOTP sockets on one host do.
 *
 * <p>Threads: frames arrive on the endpoint's delivery thread (a SocketCAN endpoint's reader);
 * deadlines fire on the timer thread; listeners run on the event thread; blocks of consecutive
 * frames released by a flow control are sent on the burst sender thread
 * ({@code obdio-isotp-tx-<bus>}, started on first use, gone after 5 s idle), so the delivery
 * thread keeps reading while a block goes out.
 */
final class IsoTpHub implements FrameListener {
    /** Beyond this many receive identifiers the endpoint takes every frame (SocketCAN allows 512 filters). */
    private static final int MAX_FILTERS = 256;

    private final CanBus bus;
    private final boolean ownsBus;
    private final Ticker ticker;
    private final DeadlineTimer timer;
    private final Executor events;
    private final Runnable onClose;
    private final Object lock = new Object();
    private final List<JavaIsoTpChannel> channels = new ArrayList<>();
    /** Channels by 11-bit receive identifier, indexed directly: no boxing on the per-frame path. */
    private volatile JavaIsoTpChannel[][] byStandardId = new JavaIsoTpChannel[CanFrame.MAX_STANDARD_ID + 1][];
    /** Channels by 29-bit receive identifier. */
    private volatile Map<Integer, JavaIsoTpChannel[]> byExtendedId = Map.of();
    private Subscription subscription;
    private boolean closed;
    /** Null: bursts go out on the thread that delivered the flow control. */
    private final ThreadPoolExecutor burstSender;

    /**
     * @param bus     the endpoint
     * @param ownsBus the hub opened the endpoint: it manages its filters and closes it at the end
     * @param ticker  the clock of all channels
     * @param timer   the deadline timer of all channels
     * @param events  where listener calls and future completions run
     * @param onClose called once when the last channel closed and the hub shut down
     */
    IsoTpHub(CanBus bus, boolean ownsBus, Ticker ticker, DeadlineTimer timer, Executor events, Runnable onClose) {
        this.bus = bus;
        this.ownsBus = ownsBus;
        this.ticker = ticker;
        this.timer = timer;
        this.events = events;
        this.onClose = onClose;
        this.burstSender = null;
    }

    /**
     * A hub whose consecutive-frame bursts released by flow controls go to a burst sender thread
     * of its own; the other constructor sends them on the thread that delivered the flow control.
     */
    IsoTpHub(CanBus bus, boolean ownsBus, Ticker ticker, DeadlineTimer timer, Executor events, String burstThreadName,
             Runnable onClose) {
        this.bus = bus;
        this.ownsBus = ownsBus;
        this.ticker = ticker;
        this.timer = timer;
        this.events = events;
        this.onClose = onClose;
        this.burstSender = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, burstThreadName);
            t.setDaemon(true);
            return t;
        });
        burstSender.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs a channel's burst of consecutive frames on the burst sender thread; false when the
     * hub has no burst sender or is shutting down (the caller then sends on its own thread).
     */
    boolean sendBurst(Runnable burst) {
        if (burstSender == null) {
            return false;
        }
        try {
            burstSender.execute(() -> {
                try {
                    burst.run();
                } catch (RuntimeException e) {
                    Thread t = Thread.currentThread();
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    CanBus bus() {
        return bus;
    }

    Ticker ticker() {
        return ticker;
    }

    DeadlineTimer timer() {
        return timer;
    }

    Executor events() {
        return events;
    }

    /** Opens a channel on this hub. */
    JavaIsoTpChannel open(IsoTpOptions options) {
        JavaIsoTpChannel channel = new JavaIsoTpChannel(this, options);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the ISO-TP driver of " + bus.channel() + " is shut down");
            }
            channels.add(channel);
            try {
                rebuildRouting();
                if (subscription == null) {
                    subscription = bus.subscribe(this);
                }
            } catch (RuntimeException e) {
                channels.remove(channel);
                if (channels.isEmpty()) {
                    closed = true;
                }
                if (closed) {
                    shutDown();
                }
                throw e;
            }
        }
        return channel;
    }

    /** Removes a closed channel; the last one shuts the hub down. */
    void remove(JavaIsoTpChannel channel) {
        timer.schedule(channel, false, 0, false);
        boolean shutDown;
        synchronized (lock) {
            if (!channels.remove(channel)) {
                return;
            }
            rebuildRouting();
            shutDown = channels.isEmpty() && !closed;
            if (shutDown) {
                closed = true;
            }
        }
        if (shutDown) {
            shutDown();
        }
    }

    private void shutDown() {
        if (subscription != null) {
            subscription.close();
        }
        timer.close();
        if (burstSender != null) {
            burstSender.shutdown();
        }
        if (events instanceof EventDispatcher dispatcher) {
            dispatcher.close();
        }
        if (ownsBus) {
            bus.close();
        }
        onClose.run();
    }

    /** Whether the last channel closed and the hub shut down. */
    boolean isShutDown() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Number of open channels. */
    int channelCount() {
        synchronized (lock) {
            return channels.size();
        }
    }

    /** Sends a frame of a channel on the endpoint. */
    void transmit(CanFrame frame) {
        bus.send(frame);
    }

    @Override
    public void onFrame(ReceivedFrame received) {
        CanFrame frame = received.frame();
        if (!frame.isData()) {
            return;
        }
        JavaIsoTpChannel[] targets = frame.extended() ? byExtendedId.get(frame.id()) : byStandardId[frame.id()];
        if (targets == null) {
            return;
        }
        for (JavaIsoTpChannel channel : targets) {
            try {
                channel.onFrame(frame);
            } catch (RuntimeException e) {
                // One channel's failure must not stop delivery to the others.
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }

    private static long key(int id, boolean extended) {
        return (extended ? 1L << 32 : 0) | (id & 0xFFFFFFFFL);
    }

    private static JavaIsoTpChannel[] append(JavaIsoTpChannel[] current, JavaIsoTpChannel c) {
        JavaIsoTpChannel[] next = current == null ? new JavaIsoTpChannel[1] : Arrays.copyOf(current, current.length + 1);
        next[next.length - 1] = c;
        return next;
    }

    /** Rebuilds the identifier map (and the endpoint's filters); called under the lock. */
    private void rebuildRouting() {
        JavaIsoTpChannel[][] standard = new JavaIsoTpChannel[CanFrame.MAX_STANDARD_ID + 1][];
        Map<Integer, JavaIsoTpChannel[]> extended = new HashMap<>();
        Set<Long> keys = new LinkedHashSet<>();
        for (JavaIsoTpChannel c : channels) {
            IsoTpOptions o = c.options();
            if (o.broadcast() != IsoTpOptions.Broadcast.NONE) {
                continue; // broadcast channels only send
            }
            int id = o.address().rxId();
            if (o.address().extendedIds()) {
                extended.put(id, append(extended.get(id), c));
            } else {
                standard[id] = append(standard[id], c);
            }
            keys.add(key(id, o.address().extendedIds()));
        }
        byStandardId = standard;
        byExtendedId = Map.copyOf(extended);
        if (ownsBus) {
            bus.setFilters(filtersFor(keys));
        }
    }

    private static CanFilterSet filtersFor(Iterable<Long> keys) {
        List<CanFilter> filters = new ArrayList<>();
        for (long k : keys) {
            int id = (int) k;
            filters.add((k >>> 32) != 0 ? CanFilter.extendedId(id) : CanFilter.standardId(id));
            if (filters.size() > MAX_FILTERS) {
                return CanFilterSet.ALL;
            }
        }
        return new CanFilterSet(filters, 0, false);
    }
}
