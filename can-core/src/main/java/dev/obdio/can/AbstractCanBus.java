package dev.obdio.can;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every bus endpoint shares: receive filtering with SocketCAN's rules, the bounded receive
 * queue with its drop counter, polling and listener delivery, error reporting, and software
 * cyclic transmission and content watching for transports without a kernel broadcast manager.
 * A transport supplies {@link #transmit(CanFrame)} and {@link #closeTransport()} and hands every
 * frame it sees to {@link #deliver(CanFrame, long, boolean)}.
 *
 * <p>Threading: {@code deliver} may be called from any transport thread. Listeners run on one
 * at a time per endpoint, in arrival order: on the transport's own reader thread when it has one
 * (SocketCAN, UDP: no extra hop between the socket and the listener; a failed send may report
 * a link error from the sending thread), otherwise on a delivery thread started with the first
 * subscription (the virtual bus, whose frames arrive on the senders' threads).
 */
public abstract class AbstractCanBus implements CanBus {

    private static final System.Logger LOG = System.getLogger(AbstractCanBus.class.getName());

    /** Wakes the delivery thread or a poller without carrying a frame. */
    private static final ReceivedFrame WAKE_UP = new ReceivedFrame(CanFrame.of(0), 0, "", ReceivedFrame.Direction.RX);

    private final String channel;
    private volatile BusOptions options;
    private final ArrayBlockingQueue<ReceivedFrame> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicReference<CanException> pendingError = new AtomicReference<>();
    private final CopyOnWriteArrayList<FrameListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<AutoCloseable> companions = ConcurrentHashMap.newKeySet();
    private final Object dispatcherLock = new Object();
    private Thread dispatcher;
    private volatile boolean open = true;
    private final boolean readerThreadDelivers;
    private final Object directDelivery = new Object();

    /**
     * An endpoint whose frames arrive on arbitrary threads; listeners get a delivery thread.
     *
     * @param channel the bus name as opened
     * @param options the endpoint's options
     */
    protected AbstractCanBus(String channel, BusOptions options) {
        this(channel, options, false);
    }

    /**
     * @param channel             the bus name as opened
     * @param options             the endpoint's options
     * @param readerThreadDelivers whether the transport calls {@link #deliver} and
     *                            {@link #deliverError} from one reader thread of its own, which
     *                            then also runs the listeners
     */
    protected AbstractCanBus(String channel, BusOptions options, boolean readerThreadDelivers) {
        this.channel = channel;
        this.options = options;
        this.queue = new ArrayBlockingQueue<>(options.receiveQueueCapacity());
        this.readerThreadDelivers = readerThreadDelivers;
    }

    @Override
    public final String channel() {
        return channel;
    }

    @Override
    public final BusOptions options() {
        return options;
    }

    @Override
    public final boolean isOpen() {
        return open;
    }

    @Override
    public final long droppedFrames() {
        return dropped.get() + transportDrops();
    }

    /** Frames the transport itself lost (e.g. the kernel's drop counter); 0 by default. */
    protected long transportDrops() {
        return 0;
    }

    @Override
    public final void send(CanFrame frame) {
        if (!open) {
            throw new CanException(CanException.Reason.CLOSED, channel + ": the bus endpoint is closed");
        }
        if (frame.fd() && !options.fdFrames()) {
            throw new CanException(CanException.Reason.NOT_SUPPORTED,
                    channel + ": CAN FD frame on an endpoint opened without CAN FD");
        }
        transmit(frame);
    }

    /** Puts a validated frame on the transport. */
    protected abstract void transmit(CanFrame frame);

    /** Releases the transport's resources; called once by {@link #close()}. */
    protected abstract void closeTransport();

    /** The transport applies new filters (e.g. in the kernel); the software filter applies as well. */
    protected void applyFilters(CanFilterSet filters) {
    }

    @Override
    public final void setFilters(CanFilterSet filters) {
        if (filters == null) {
            throw new IllegalArgumentException("filters must not be null");
        }
        applyFilters(filters);
        options = options.withFilters(filters);
    }

    /**
     * Hands a frame seen on the transport to this endpoint, which keeps it when SocketCAN would:
     * own frames only with receiveOwnFrames, FD frames only with fdFrames, then the filters.
     *
     * @param frame          the frame
     * @param timestampNanos epoch nanoseconds of reception
     * @param own            whether this endpoint sent it
     */
    protected final void deliver(CanFrame frame, long timestampNanos, boolean own) {
        BusOptions o = options;
        if (!open || (own && !o.receiveOwnFrames()) || (frame.fd() && !o.fdFrames())
                || !o.filters().accepts(frame)) {
            return;
        }
        ReceivedFrame received = new ReceivedFrame(frame, timestampNanos, channel,
                own ? ReceivedFrame.Direction.TX : ReceivedFrame.Direction.RX);
        if (readerThreadDelivers && !listeners.isEmpty()) {
            synchronized (directDelivery) {
                drainQueuedToListeners(); // frames that came before the first subscription go first
                dispatch(received);
            }
        } else if (!queue.offer(received)) {
            dropped.incrementAndGet();
        }
    }

    /** Reports a condition (e.g. interface down) to the reader or the listeners, once. */
    protected final void deliverError(CanException error) {
        if (readerThreadDelivers && !listeners.isEmpty()) {
            // A send can report a link failure too: the lock keeps listener calls one at a time.
            synchronized (directDelivery) {
                for (FrameListener l : listeners) {
                    safeCall(() -> l.onError(error));
                }
            }
            return;
        }
        pendingError.set(error);
        queue.offer(WAKE_UP);
    }

    private void drainQueuedToListeners() {
        ReceivedFrame queued;
        while ((queued = queue.poll()) != null) {
            dispatch(queued);
        }
    }

    /** Epoch nanoseconds now, for transports without their own timestamps. */
    protected static long nowNanos() {
        return EpochClock.nowNanos();
    }

    @Override
    public final ReceivedFrame receive(Duration timeout) throws InterruptedException {
        if (!listeners.isEmpty()) {
            throw new IllegalStateException(channel + ": frames go to the subscribed listeners; receive() is unavailable");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            throwPendingError();
            if (!open) {
                throw new CanException(CanException.Reason.CLOSED, channel + ": the bus endpoint is closed");
            }
            long remaining = deadline - System.nanoTime();
            ReceivedFrame f = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : queue.poll();
            if (f == null) {
                throwPendingError();
                return null;
            }
            if (f != WAKE_UP) {
                return f;
            }
        }
    }

    private void throwPendingError() {
        CanException e = pendingError.getAndSet(null);
        if (e != null) {
            throw e;
        }
    }

    @Override
    public final Subscription subscribe(FrameListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        if (!open) {
            throw new CanException(CanException.Reason.CLOSED, channel + ": the bus endpoint is closed");
        }
        listeners.add(listener);
        if (readerThreadDelivers) {
            return () -> listeners.remove(listener);
        }
        synchronized (dispatcherLock) {
            if (dispatcher == null || !dispatcher.isAlive()) {
                dispatcher = new Thread(this::dispatchLoop, "obdio-bus-" + channel);
                dispatcher.setDaemon(true);
                dispatcher.start();
            }
        }
        return () -> listeners.remove(listener);
    }

    private void dispatchLoop() {
        ReceivedFrame[] batch = new ReceivedFrame[256];
        java.util.ArrayList<ReceivedFrame> drain = new java.util.ArrayList<>(batch.length);
        while (open) {
            synchronized (dispatcherLock) {
                if (listeners.isEmpty()) {
                    dispatcher = null;
                    return;
                }
            }
            try {
                ReceivedFrame first = queue.poll(100, TimeUnit.MILLISECONDS);
                CanException error = pendingError.getAndSet(null);
                if (error != null) {
                    for (FrameListener l : listeners) {
                        safeCall(() -> l.onError(error));
                    }
                }
                if (first == null) {
                    continue;
                }
                dispatch(first);
                drain.clear();
                queue.drainTo(drain, batch.length);
                for (ReceivedFrame f : drain) {
                    dispatch(f);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void dispatch(ReceivedFrame f) {
        if (f == WAKE_UP) {
            return;
        }
        for (FrameListener l : listeners) {
            safeCall(() -> l.onFrame(f));
        }
    }

    private void safeCall(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // A failing listener must not stop delivery to the others or kill the thread.
            LOG.log(System.Logger.Level.WARNING, channel + ": a frame listener failed", e);
        }
    }

    @Override
    public CyclicTransmission sendCyclic(CanFrame frame, Duration period, long count) {
        SoftwareCyclicTransmission tx = new SoftwareCyclicTransmission(this, frame, period, count);
        companions.add(tx);
        return tx;
    }

    @Override
    public Subscription watchContent(ContentFilter filter, ContentListener listener) {
        // Like a BCM socket, the watch is a separate endpoint on the same bus.
        CanBus watcher = CanBuses.open(channel, BusOptions.DEFAULTS.withFilters(CanFilterSet.of(
                filter.extended() ? CanFilter.extendedId(filter.id()) : CanFilter.standardId(filter.id()))));
        SoftwareContentWatch watch = new SoftwareContentWatch(watcher, filter, listener);
        companions.add(watch);
        return () -> {
            companions.remove(watch);
            watch.close();
        };
    }

    /** Registers something to close with this endpoint (a cyclic transmission, a watch). */
    protected final void addCompanion(AutoCloseable companion) {
        companions.add(companion);
    }

    @Override
    public final void close() {
        if (!open) {
            return;
        }
        open = false;
        for (AutoCloseable c : companions) {
            try {
                c.close();
            } catch (Exception e) {
                // closing must go on for the rest
            }
        }
        companions.clear();
        closeTransport();
        queue.offer(WAKE_UP);
        listeners.clear();
    }
}
