package dev.obdio.isotp;

import dev.obdio.can.CanException;
import dev.obdio.can.CanFrame;
import dev.obdio.can.Subscription;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A channel of the java engine: an {@link IsoTpStateMachine} fed by its {@link IsoTpHub}.
 *
 * <p>Every input (a frame from the hub, a timer expiry, a send, the outcome of a frame we sent)
 * runs the state machine under the channel's lock, on whatever thread brought it; the frames it
 * asks for are then sent on that same thread outside the lock, and their outcome is fed back in.
 * One exception: consecutive frames that a frame from the bus (a flow control) releases are sent
 * on the hub's burst sender thread, so the bus endpoint's reader, which delivered the flow
 * control, goes back to reading at once instead of writing a whole block while frames (our own
 * echoes among them) pile up in its socket. Events go to the hub's executor while the lock is
 * held, so listeners see them in order.
 */
final class JavaIsoTpChannel implements IsoTpChannel {
    /** Sends queued behind the one in progress before {@code sendAsync} refuses more. */
    static final int MAX_QUEUED_SENDS = 1024;
    private static final Object CLOSED = new Object();

    /** One input of the state machine. */
    @FunctionalInterface
    private interface Step {
        IsoTpStateMachine.Output apply(IsoTpStateMachine machine, long now);
    }

    private record SendRequest(byte[] pdu, CompletableFuture<Void> future) {
    }

    private final IsoTpHub hub;
    private final IsoTpOptions options;
    private final IsoTpStateMachine machine;
    private final Object lock = new Object();
    private final ArrayDeque<SendRequest> sendQueue = new ArrayDeque<>();
    private final ArrayBlockingQueue<Object> inbox;
    private final CopyOnWriteArrayList<IsoTpListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private SendRequest active;
    private volatile boolean open = true;

    /** The channel's entry in its timer's queue; guarded by the timer. */
    DeadlineQueue.Entry timerEntry;

    JavaIsoTpChannel(IsoTpHub hub, IsoTpOptions options) {
        this.hub = hub;
        this.options = options;
        this.machine = new IsoTpStateMachine(options);
        this.inbox = new ArrayBlockingQueue<>(options.receiveQueueCapacity());
    }

    @Override
    public IsoTpOptions options() {
        return options;
    }

    @Override
    public String busName() {
        return hub.bus().channel();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public long droppedPdus() {
        return dropped.get();
    }

    /** The state machine, for tests that run the channel on one thread. */
    IsoTpStateMachine machine() {
        return machine;
    }

    // ------------------------------------------------------------------------------ user API

    @Override
    public void send(byte[] pdu) throws InterruptedException {
        // Waits on the future the protocol threads complete themselves, so a blocking send
        // works from a listener too (the event thread is not needed to wake it).
        PduSend.await(enqueue(pdu));
    }

    @Override
    public CompletableFuture<Void> sendAsync(byte[] pdu) {
        return PduSend.completedOn(enqueue(pdu), hub.events());
    }

    /** Queues a send; the future is completed by whichever thread finishes the transfer. */
    private CompletableFuture<Void> enqueue(byte[] pdu) {
        if (pdu == null) {
            throw new IllegalArgumentException("pdu must not be null");
        }
        machine.checkSendable(pdu.length);
        CompletableFuture<Void> future = new CompletableFuture<>();
        synchronized (lock) {
            if (!open) {
                future.completeExceptionally(closedException());
                return future;
            }
            if (sendQueue.size() >= MAX_QUEUED_SENDS) {
                throw new IllegalStateException(busName() + ": " + MAX_QUEUED_SENDS + " sends are already queued");
            }
            sendQueue.add(new SendRequest(pdu.clone(), future));
        }
        drive(IsoTpStateMachine::onTick);
        return future;
    }

    @Override
    public byte[] receive(Duration timeout) throws InterruptedException {
        if (!listeners.isEmpty()) {
            throw new IllegalStateException(busName() + ": PDUs go to the subscribed listeners; receive() is unavailable");
        }
        if (!open) {
            throw closedException();
        }
        Object item = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (item == null) {
            if (!open) {
                throw closedException();
            }
            return null;
        }
        if (item == CLOSED) {
            inbox.offer(CLOSED); // wake the next waiting receiver too
            throw closedException();
        }
        if (item instanceof IsoTpError error) {
            throw new IsoTpException(error);
        }
        return (byte[]) item;
    }

    @Override
    public Subscription subscribe(IsoTpListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        if (!open) {
            throw closedException();
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        List<SendRequest> abandoned;
        synchronized (lock) {
            if (!open) {
                return;
            }
            open = false;
            abandoned = new ArrayList<>(sendQueue);
            if (active != null) {
                abandoned.add(0, active);
            }
            sendQueue.clear();
            active = null;
        }
        hub.remove(this);
        for (SendRequest r : abandoned) {
            r.future().completeExceptionally(closedException());
        }
        while (!inbox.offer(CLOSED)) {
            inbox.poll();
        }
    }

    private CanException closedException() {
        return new CanException(CanException.Reason.CLOSED, busName() + ": the ISO-TP channel "
                + options.address() + " is closed");
    }

    // ------------------------------------------------------------------------------ driver side

    /** A frame with our receive identifier, on the bus delivery thread. */
    void onFrame(CanFrame frame) {
        if (machine.accepts(frame)) { // reads only final fields: no lock needed
            drive((m, now) -> m.onFrame(frame, now), true);
        }
    }

    /** Our deadline came, on the timer thread. */
    void onTimer() {
        drive(IsoTpStateMachine::onTick);
    }

    private void drive(Step first) {
        drive(first, false);
    }

    /**
     * Runs one input, then sends the frames it asked for on this thread and feeds their outcome
     * back in, until nothing is left to send. With {@code fromBus}, a consecutive frame (the
     * start of a block) goes to the hub's burst sender, which continues the loop there.
     */
    private void drive(Step first, boolean fromBus) {
        ArrayDeque<IsoTpStateMachine.Transmission> toSend = new ArrayDeque<>(4);
        Step step = first;
        while (true) {
            synchronized (lock) {
                if (!open) {
                    return;
                }
                absorb(step.apply(machine, hub.ticker().read()), toSend);
                startQueuedSends(toSend);
                IsoTpStateMachine.Output d = machine.pendingDeadline();
                hub.timer().schedule(this, d.hasDeadline(), d.deadline(), d.deadlineIsTxGap());
            }
            IsoTpStateMachine.Transmission t = toSend.poll();
            if (t == null) {
                return;
            }
            if (fromBus && toSend.isEmpty() && t.frameType() == FrameType.CONSECUTIVE_FRAME
                    && hub.sendBurst(() -> drive(transmit(t)))) {
                return;
            }
            step = transmit(t);
        }
    }

    /** Sends one frame; returns the input that tells the machine how it went. */
    private Step transmit(IsoTpStateMachine.Transmission t) {
        long token = t.token();
        try {
            hub.transmit(t.frame());
            // The gap to the next consecutive frame counts from when the bus accepted this
            // one, not from before the call: a thread preempted in between would otherwise
            // send the next frame too early.
            return (m, now) -> m.onTransmitted(token, now);
        } catch (RuntimeException e) {
            // CanException normally; anything else the bus throws fails the frame just as well.
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            return (m, now) -> m.onTransmitFailed(token, reason, now);
        }
    }

    /** Starts queued sends while the machine can take one; under the lock. */
    private void startQueuedSends(ArrayDeque<IsoTpStateMachine.Transmission> toSend) {
        while (active == null && !sendQueue.isEmpty() && machine.canSend()) {
            active = sendQueue.poll();
            absorb(machine.send(active.pdu(), hub.ticker().read()), toSend);
        }
    }

    /** Takes an output's frames and routes its events; under the lock. */
    private void absorb(IsoTpStateMachine.Output out, ArrayDeque<IsoTpStateMachine.Transmission> toSend) {
        toSend.addAll(out.transmissions());
        for (IsoTpEvent event : out.events()) {
            route(event);
        }
    }

    private void route(IsoTpEvent event) {
        if (event instanceof IsoTpEvent.Sent && active != null) {
            complete(active.future(), null);
            active = null;
        } else if (event instanceof IsoTpEvent.Failed failed && failed.error().abortsTransfer()
                && failed.error().direction() == IsoTpError.Direction.TRANSMIT && active != null) {
            complete(active.future(), new IsoTpException(failed.error()));
            active = null;
        }
        if (!listeners.isEmpty()) {
            try {
                hub.events().execute(() -> deliver(event));
            } catch (RejectedExecutionException e) {
                if (event instanceof IsoTpEvent.Received) {
                    dropped.incrementAndGet();
                }
            }
            return;
        }
        if (event instanceof IsoTpEvent.Received received) {
            if (!inbox.offer(received.data())) {
                dropped.incrementAndGet();
            }
        } else if (event instanceof IsoTpEvent.Failed failed && failed.error().abortsTransfer()
                && failed.error().direction() == IsoTpError.Direction.RECEIVE) {
            inbox.offer(failed.error()); // a lost report is no loss when the queue is full anyway
        }
    }

    private static void complete(CompletableFuture<Void> future, Throwable failure) {
        // Only the relay of sendAsync and a blocked send() wait on this future: cheap to complete here.
        if (failure == null) {
            future.complete(null);
        } else {
            future.completeExceptionally(failure);
        }
    }

    private void deliver(IsoTpEvent event) {
        for (IsoTpListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }

    @Override
    public String toString() {
        return "IsoTpChannel[" + busName() + " " + options.address() + " java]";
    }
}
