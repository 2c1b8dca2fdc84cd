package dev.obdio.isotp;

import dev.obdio.can.CanException;
import dev.obdio.can.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A channel of the kernel engine: one CAN_ISOTP socket ({@link KernelIsoTpSocket}), the kernel
 * running the protocol.
 *
 * <p>Threads, all daemons and started only when needed:
 * <ul>
 *   <li><b>sender</b> ({@code obdio-isotp-kernel-tx-<bus>-<id>}), from the first send: takes the
 *       queued PDUs one after the other and writes each with CAN_ISOTP_WAIT_TX_DONE, so it learns
 *       the outcome of every transfer; completes the send's future itself;</li>
 *   <li><b>reader</b> ({@code obdio-isotp-kernel-rx-<bus>-<id>}), while a listener is subscribed:
 *       receives PDUs and faults and hands them to the event thread;</li>
 *   <li><b>event thread</b> ({@code obdio-isotp-events-<bus>-<id>}), from the first subscription
 *       or {@code sendAsync}: calls the listeners in order and completes {@code sendAsync}
 *       futures;</li>
 *   <li>callers of {@link #receive} read from the socket on their own thread.</li>
 * </ul>
 * Nobody blocks in the kernel for longer than {@link KernelIsoTpSocket#SLICE}, so {@link #close}
 * returns after about that long even with receivers waiting; a send the kernel is still carrying
 * out fails at once with CLOSED, and the descriptor is closed when the kernel is done with it.
 */
final class KernelIsoTpChannel implements IsoTpChannel {
    private static final Object CLOSED = new Object();

    private record SendRequest(byte[] pdu, CompletableFuture<Void> future) {
    }

    private final String busName;
    private final IsoTpOptions options;
    private final KernelIsoTpSocket socket;
    private final IsoTpStateMachine limits;
    private final String threadSuffix;
    private final Object state = new Object();
    private final LinkedBlockingQueue<SendRequest> sendQueue =
            new LinkedBlockingQueue<>(JavaIsoTpChannel.MAX_QUEUED_SENDS);
    /** PDUs and faults that arrived while no receive call was there to take them (drained before sends). */
    private final ArrayBlockingQueue<Object> inbox;
    private final CopyOnWriteArrayList<IsoTpListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean open = true;
    /** Set when the kernel unbound the socket (the interface went away): every call fails with it. */
    private volatile CanException broken;
    /** A send failed with EBADMSG: the same error may still be pending for receivers once. */
    private volatile boolean swallowBadMessage;
    // Guarded by state.
    private Thread sender;
    private Thread reader;
    private EventDispatcher events;
    private SendRequest active;

    KernelIsoTpChannel(String busName, IsoTpOptions options, KernelIsoTpSocket socket) {
        this.busName = busName;
        this.options = options;
        this.socket = socket;
        this.limits = new IsoTpStateMachine(options);
        this.inbox = new ArrayBlockingQueue<>(options.receiveQueueCapacity());
        this.threadSuffix = busName + "-" + Integer.toHexString(options.address().rxId()).toUpperCase();
    }

    @Override
    public IsoTpOptions options() {
        return options;
    }

    @Override
    public String busName() {
        return busName;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public long droppedPdus() {
        return dropped.get();
    }

    /** The socket, for tests. */
    KernelIsoTpSocket socket() {
        return socket;
    }

    // ------------------------------------------------------------------------------ sending

    @Override
    public void send(byte[] pdu) throws InterruptedException {
        PduSend.await(enqueue(pdu));
    }

    @Override
    public CompletableFuture<Void> sendAsync(byte[] pdu) {
        return PduSend.completedOn(enqueue(pdu), dispatcher());
    }

    private CompletableFuture<Void> enqueue(byte[] pdu) {
        if (pdu == null) {
            throw new IllegalArgumentException("pdu must not be null");
        }
        limits.checkSendable(pdu.length);
        CompletableFuture<Void> future = new CompletableFuture<>();
        synchronized (state) {
            if (!open) {
                future.completeExceptionally(closedException());
                return future;
            }
            if (broken != null) {
                future.completeExceptionally(broken);
                return future;
            }
            if (!sendQueue.offer(new SendRequest(pdu.clone(), future))) {
                throw new IllegalStateException(busName + ": " + JavaIsoTpChannel.MAX_QUEUED_SENDS
                        + " sends are already queued");
            }
            if (sender == null) {
                sender = daemon(this::sendLoop, "obdio-isotp-kernel-tx-" + threadSuffix);
            }
        }
        return future;
    }

    private void sendLoop() {
        while (open) {
            SendRequest request;
            try {
                request = sendQueue.take();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (state) {
                if (!open) {
                    request.future().completeExceptionally(closedException());
                    return;
                }
                active = request;
            }
            try {
                transfer(request);
            } catch (InterruptedException e) {
                request.future().completeExceptionally(closedException());
                return;
            } catch (RuntimeException e) {
                request.future().completeExceptionally(e);
            } finally {
                synchronized (state) {
                    active = null;
                }
            }
        }
    }

    /** One PDU to the kernel and its outcome to the future and the listeners. */
    private void transfer(SendRequest request) throws InterruptedException {
        byte[] pdu = request.pdu();
        boolean segmented = pdu.length > limits.singleFrameCapacity();
        for (int attempt = 1; ; attempt++) {
            KernelIsoTpSocket.Result result = socket.send(pdu, segmented, this::onReceived);
            if (result instanceof KernelIsoTpSocket.Sent) {
                succeeded(request);
                return;
            }
            if (result instanceof KernelIsoTpSocket.Closed) {
                request.future().completeExceptionally(closedException());
                return;
            }
            KernelIsoTpSocket.Failure failure = (KernelIsoTpSocket.Failure) result;
            int errno = failure.errno();
            KernelErrors.Path path = KernelErrors.pathOf(errno);
            boolean staleReceiveError = path == KernelErrors.Path.RECEIVE
                    || (path == KernelErrors.Path.EITHER && !segmented);
            if (staleReceiveError) {
                // A receive error was pending: the kernel reports it on the write. A single frame
                // was then not sent (try once more); after a segmented transfer the kernel's own
                // result is what counts, and this error belongs to the receive path.
                onReceived(failure);
                if (segmented) {
                    succeeded(request);
                    return;
                }
                if (attempt < 2) {
                    continue;
                }
            }
            if (KernelErrors.unbound(errno)) {
                broken = KernelErrors.gone(socket.ifname());
                request.future().completeExceptionally(broken);
                return;
            }
            if (errno == KernelErrors.EBADMSG) {
                swallowBadMessage = true;
            }
            IsoTpError error = KernelErrors.transmitFault(errno, failure.description(), pdu.length, segmented,
                    options.broadcast() == IsoTpOptions.Broadcast.NONE, options.padding().checksReceived());
            request.future().completeExceptionally(new IsoTpException(error));
            publish(new IsoTpEvent.Failed(error));
            return;
        }
    }

    private void succeeded(SendRequest request) {
        request.future().complete(null);
        publish(new IsoTpEvent.Sent(request.pdu().length));
    }

    // ------------------------------------------------------------------------------ receiving

    @Override
    public byte[] receive(Duration timeout) throws InterruptedException {
        if (!listeners.isEmpty()) {
            throw new IllegalStateException(busName + ": PDUs go to the subscribed listeners; receive() is unavailable");
        }
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        boolean first = true;
        while (true) {
            if (!open) {
                throw closedException();
            }
            Object item = inbox.poll();
            if (item != null) {
                return unwrap(item);
            }
            if (broken != null) {
                throw broken;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 && !first) {
                return null;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            first = false;
            // Waiting to get past a send is bounded too, so PDUs drained meanwhile are seen soon.
            long wait = Math.max(0, Math.min(left, KernelIsoTpSocket.SLICE.toNanos()));
            Object got = interpret(socket.receive(Duration.ofNanos(wait)));
            if (got != null) {
                return unwrap(got);
            }
        }
    }

    private byte[] unwrap(Object item) {
        if (item == CLOSED) {
            inbox.offer(CLOSED);
            throw closedException();
        }
        if (item instanceof IsoTpError error) {
            throw new IsoTpException(error);
        }
        if (item instanceof CanException e) {
            throw e;
        }
        return (byte[]) item;
    }

    /**
     * What a socket result means for a receiver: a PDU, an {@link IsoTpError}, a
     * {@link CanException}, {@link #CLOSED}, or null for nothing to report.
     */
    private Object interpret(KernelIsoTpSocket.Result result) {
        if (result instanceof KernelIsoTpSocket.Pdu pdu) {
            byte[] data = pdu.data();
            return data.length > options.maxPduLength() ? new IsoTpError.PduTooLong(data.length,
                    options.maxPduLength()) : data;
        }
        if (result instanceof KernelIsoTpSocket.Closed) {
            return open ? new CanException(CanException.Reason.CLOSED, busName + ": the ISO-TP socket was closed")
                    : CLOSED;
        }
        if (!(result instanceof KernelIsoTpSocket.Failure failure)) {
            return null;
        }
        int errno = failure.errno();
        switch (KernelErrors.pathOf(errno)) {
            case RECEIVE:
                return KernelErrors.receiveFault(errno);
            case EITHER:
                if (swallowBadMessage) {
                    swallowBadMessage = false; // the failed send's error, already reported there
                    return null;
                }
                return KernelErrors.receiveFault(errno);
            case TRANSMIT:
                return null; // the sender has the outcome of its own transfer
            default:
                if (KernelErrors.unbound(errno)) {
                    broken = KernelErrors.gone(socket.ifname());
                    return broken;
                }
                return KernelErrors.receiveProblem(socket.ifname(), errno, failure.description());
        }
    }

    /**
     * Something read outside a receive call (by the reader thread, or drained before a send): to
     * the listeners, or kept for the next receive call when there are none (any more).
     */
    private void onReceived(KernelIsoTpSocket.Result result) {
        Object item = interpret(result);
        if (item != null && item != CLOSED) {
            dispatch(item);
        }
    }

    private void dispatch(Object item) {
        if (!listeners.isEmpty()) {
            if (item instanceof byte[] data) {
                if (publish(new IsoTpEvent.Received(data))) {
                    return;
                }
                dropped.incrementAndGet();
                return;
            }
            if (item instanceof IsoTpError error) {
                publish(new IsoTpEvent.Failed(error));
                return;
            }
            // Link problems have no event: they wait for a receive call; listeners carry on.
        }
        if (!inbox.offer(item) && item instanceof byte[]) {
            dropped.incrementAndGet();
        }
    }

    // ------------------------------------------------------------------------------ listeners

    @Override
    public Subscription subscribe(IsoTpListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        synchronized (state) {
            if (!open) {
                throw closedException();
            }
            listeners.add(listener);
            dispatcher();
            if (reader == null) {
                reader = daemon(this::readLoop, "obdio-isotp-kernel-rx-" + threadSuffix);
            }
        }
        return () -> listeners.remove(listener);
    }

    private void readLoop() {
        try {
            while (true) {
                synchronized (state) {
                    if (!open || listeners.isEmpty() || broken != null) {
                        reader = null; // a later subscription starts a new reader
                        return;
                    }
                }
                drainInboxToListeners();
                onReceived(socket.receive(KernelIsoTpSocket.SLICE));
            }
        } catch (InterruptedException e) {
            synchronized (state) {
                reader = null;
            }
        }
    }

    /** What waited in the inbox goes to the listeners first (PDUs kept while there were none). */
    private void drainInboxToListeners() {
        Object item;
        while (!listeners.isEmpty() && (item = inbox.peek()) != null) {
            if (item == CLOSED || item instanceof CanException) {
                return; // for receive calls
            }
            inbox.poll();
            dispatch(item);
        }
    }

    /**
     * Hands an event to the listeners' thread (each listener present when it runs gets it); false
     * when it could not be queued.
     */
    private boolean publish(IsoTpEvent event) {
        if (listeners.isEmpty()) {
            return true;
        }
        try {
            dispatcher().execute(() -> {
                for (IsoTpListener l : listeners) {
                    try {
                        l.onEvent(event);
                    } catch (RuntimeException e) {
                        Thread t = Thread.currentThread();
                        t.getUncaughtExceptionHandler().uncaughtException(t, e);
                    }
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private EventDispatcher dispatcher() {
        synchronized (state) {
            if (events == null) {
                events = new EventDispatcher("obdio-isotp-events-" + threadSuffix);
            }
            return events;
        }
    }

    // ------------------------------------------------------------------------------ closing

    @Override
    public void close() {
        List<SendRequest> abandoned = new ArrayList<>();
        Thread senderThread;
        EventDispatcher dispatcher;
        synchronized (state) {
            if (!open) {
                return;
            }
            open = false;
            sendQueue.drainTo(abandoned);
            if (active != null) {
                abandoned.add(0, active);
            }
            senderThread = sender;
            dispatcher = events;
        }
        for (SendRequest r : abandoned) {
            r.future().completeExceptionally(closedException());
        }
        socket.close(KernelIsoTpSocket.SLICE.multipliedBy(5));
        if (senderThread != null) {
            senderThread.interrupt(); // wakes it from the queue; a write in the kernel finishes first
        }
        while (!inbox.offer(CLOSED)) {
            inbox.poll();
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private CanException closedException() {
        return new CanException(CanException.Reason.CLOSED, busName + ": the ISO-TP channel " + options.address()
                + " is closed");
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public String toString() {
        return "IsoTpChannel[" + busName + " " + options.address() + " kernel]";
    }
}
