package dev.obdio.can.socketcan;

import dev.obdio.can.CanException;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ContentFilter;
import dev.obdio.can.ContentListener;
import dev.obdio.can.Dlc;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.Subscription;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A {@link ContentFilter} run by the kernel's broadcast manager (BCM RX_SETUP): the kernel
 * compares every frame of the id with the previous one under the mask and wakes this process
 * only for changes (RX_CHANGED) and for silence (RX_TIMEOUT).
 *
 * <ul>
 *   <li>an empty mask is RX_FILTER_ID (every frame of the id); otherwise the mask is the
 *       operation's frame and RX_CHECK_DLC makes a length change a change, as
 *       {@link ContentFilter#isChange} does;</li>
 *   <li>the timeout is {@code ival1} with STARTTIMER, so silence from the start is reported too;
 *       the throttle is {@code ival2} (the newest content is reported at the end of the interval);</li>
 *   <li>a kernel operation sees either classic or CAN FD frames of an id, never both; on an
 *       endpoint with CAN FD two operations watch the id, and silence is reported when both are
 *       silent;</li>
 *   <li>after a timeout the kernel reports the next frame even when its content is unchanged
 *       (RX_ANNOUNCE_RESUME, which tells that the id is back); it reaches the listener only if
 *       it differs from the last one reported, as in the software watch of other buses.</li>
 * </ul>
 * The timestamp of a change is taken when the notification is read: JavaCAN 3.5.0 reads BCM
 * sockets with {@code read(2)}, without the kernel's receive timestamp.
 *
 * <p>Threading: listeners run on the BCM socket's reader thread, one call at a time.
 */
final class BcmContentWatch implements Subscription {
    private final String ifname;
    private final BcmSockets sockets;
    private final ContentFilter filter;
    private final ContentListener listener;
    private final LongSupplier epochNanos;
    private final List<Op> ops = new ArrayList<>();

    // Guarded by this.
    private CanFrame last;
    private boolean timeoutReported;
    private boolean closed;

    private final class Op implements BcmSocket.Handler {
        private final BcmSocket.OpKey key;
        private BcmSocket socket;
        private boolean silent;
        private boolean resumed;

        Op(BcmSocket.OpKey key) {
            this.key = key;
        }

        @Override
        public void onMessage(BcmCodec.Message message) {
            handle(this, message);
        }

        @Override
        public void onLost(CanException reason) {
            synchronized (BcmContentWatch.this) {
                silent = true;
            }
        }
    }

    private BcmContentWatch(String ifname, BcmSockets sockets, ContentFilter filter, ContentListener listener,
                            LongSupplier epochNanos) {
        this.ifname = ifname;
        this.sockets = sockets;
        this.filter = filter;
        this.listener = listener;
        this.epochNanos = epochNanos;
    }

    /**
     * Sets the watch up in the kernel.
     *
     * @param fdFrames whether the endpoint carries CAN FD frames (then FD frames of the id are watched too)
     * @throws CanException when the kernel refuses it
     */
    static BcmContentWatch start(String ifname, BcmSockets sockets, ContentFilter filter, ContentListener listener,
                                 boolean fdFrames, LongSupplier epochNanos) {
        if (filter == null || listener == null) {
            throw new IllegalArgumentException("filter and listener must not be null");
        }
        BcmContentWatch watch = new BcmContentWatch(ifname, sockets, filter, listener, epochNanos);
        int canId = filter.id() | (filter.extended() ? CanFrame.EFF_FLAG : 0);
        // Build every message first: a bad interval fails before anything is registered.
        Duration timeout = BcmCodec.kernelInterval(filter.timeout(), "timeout");
        Duration throttle = BcmCodec.kernelInterval(filter.throttle(), "throttle");
        List<BcmCodec.Message> setups = new ArrayList<>();
        setups.add(BcmCodec.rxSetup(canId, false, maskFrame(filter, false), timeout, throttle));
        if (fdFrames) {
            setups.add(BcmCodec.rxSetup(canId, true, maskFrame(filter, true), timeout, throttle));
        }
        try {
            for (BcmCodec.Message setup : setups) {
                Op op = watch.new Op(new BcmSocket.OpKey(true, canId, setup.fd()));
                op.socket = sockets.acquire(op.key, op);
                synchronized (watch) {
                    watch.ops.add(op);
                }
                op.socket.send(setup);
            }
        } catch (RuntimeException e) {
            watch.close();
            throw e;
        }
        return watch;
    }

    /** The operation's mask frame, or null for RX_FILTER_ID. */
    static CanFrame maskFrame(ContentFilter filter, boolean fd) {
        byte[] mask = filter.mask();
        if (mask.length == 0) {
            return null;
        }
        if (fd) {
            return CanFrame.fd(filter.id(), filter.extended(), false, false,
                    Arrays.copyOf(mask, Dlc.fdLengthAtLeast(mask.length)));
        }
        return CanFrame.data(filter.id(), filter.extended(),
                Arrays.copyOf(mask, Math.min(mask.length, Dlc.CLASSIC_MAX_LENGTH)));
    }

    private synchronized void handle(Op op, BcmCodec.Message message) {
        if (closed) {
            return;
        }
        switch (message.opcode()) {
            case BcmCodec.RX_CHANGED -> {
                if (message.frames().isEmpty()) {
                    return;
                }
                CanFrame frame = message.frames().get(0);
                boolean afterSilence = op.resumed;
                op.silent = false;
                op.resumed = false;
                timeoutReported = false;
                if (afterSilence && last != null && !filter.isChange(last, frame)) {
                    return;
                }
                last = frame;
                try {
                    listener.onChange(new ReceivedFrame(frame, epochNanos.getAsLong(), ifname,
                            ReceivedFrame.Direction.RX));
                } catch (RuntimeException e) {
                    Thread t = Thread.currentThread();
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                }
            }
            case BcmCodec.RX_TIMEOUT -> {
                op.silent = true;
                op.resumed = true;
                if (!timeoutReported && ops.stream().allMatch(o -> o.silent)) {
                    timeoutReported = true;
                    try {
                        listener.onTimeout(filter);
                    } catch (RuntimeException e) {
                        Thread t = Thread.currentThread();
                        t.getUncaughtExceptionHandler().uncaughtException(t, e);
                    }
                }
            }
            default -> {
                // RX_STATUS and others are not asked for.
            }
        }
    }

    /** Removes the watch from the kernel (RX_DELETE). Idempotent. */
    @Override
    public void close() {
        List<Op> toRemove;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toRemove = List.copyOf(ops);
        }
        for (Op op : toRemove) {
            if (op.socket == null) {
                continue;
            }
            try {
                op.socket.write(BcmCodec.rxDelete(op.key.canId(), op.key.fd()));
            } catch (IOException e) {
                // Already gone with its socket or interface.
            }
            sockets.release(op.socket, op.key);
        }
    }
}
