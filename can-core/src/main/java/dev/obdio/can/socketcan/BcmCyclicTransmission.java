package dev.obdio.can.socketcan;

import dev.obdio.can.CanException;
import dev.obdio.can.CanFrame;
import dev.obdio.can.CyclicTransmission;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A cyclic transmission done by the kernel's broadcast manager (BCM TX_SETUP), so the period
 * holds whatever the JVM does.
 *
 * <ul>
 *   <li>{@code count} 0: the frame goes out at once and then every {@code period}
 *       ({@code ival2}), until closed;</li>
 *   <li>{@code count} N: N frames, the first at once, then one per {@code period} ({@code ival1}
 *       with {@code count} N, TX_COUNTEVT); the kernel reports TX_EXPIRED with the last one
 *       (kernels before 4.19 one period later), after which {@link #isActive()} is false. For
 *       N = 1 current kernels send no TX_EXPIRED: the single frame leaves during setup;</li>
 *   <li>{@link #update} is a TX_SETUP without SETTIMER/STARTTIMER: the kernel swaps the data and
 *       the timer runs on;</li>
 *   <li>{@link #close} is TX_DELETE;</li>
 *   <li>{@link #sentCount()} is the kernel's own count from {@code /proc/net/can-bcm}, or, where
 *       that cannot be read, an estimate from the elapsed time.</li>
 * </ul>
 * While the interface is down the kernel goes on counting periods but the frames are lost.
 */
final class BcmCyclicTransmission implements CyclicTransmission, BcmSocket.Handler {
    private final String ifname;
    private final BcmSockets sockets;
    private final OwnFrames own;
    private final long count;
    private final Duration period;
    private final BcmSocket.OpKey key;
    private final long startNanoTime;
    private final BcmSocket socket;

    // Guarded by this.
    private CanFrame frame;
    private boolean closed;
    private volatile boolean expired;

    private BcmCyclicTransmission(String ifname, BcmSockets sockets, OwnFrames own, CanFrame frame, Duration period,
                                  long count) {
        this.ifname = ifname;
        this.sockets = sockets;
        this.own = own;
        this.frame = frame;
        this.period = period;
        this.count = count;
        this.key = new BcmSocket.OpKey(false, frame.rawCanId(), frame.fd());
        this.socket = sockets.acquire(key, this);
        this.startNanoTime = System.nanoTime();
    }

    /**
     * Starts a transmission.
     *
     * @throws IllegalArgumentException for a period that is not positive or longer than 400 days
     *                                  (it is rounded up to whole microseconds), or a count beyond 32 bits
     * @throws CanException             when the kernel refuses it
     */
    static BcmCyclicTransmission start(String ifname, BcmSockets sockets, OwnFrames own, CanFrame frame,
                                       Duration period, long count) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        if (count < 0 || count > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("count must be 0 (forever) or 1..4294967295, got " + count);
        }
        // Validates the period before anything is registered.
        Duration interval = BcmCodec.kernelInterval(period, "period");
        BcmCodec.Message setup = count > 0 ? BcmCodec.txSetup(frame, count, interval, Duration.ZERO)
                : BcmCodec.txSetup(frame, 0, Duration.ZERO, interval);
        BcmCyclicTransmission tx = new BcmCyclicTransmission(ifname, sockets, own, frame, period, count);
        own.startCyclic(frame);
        try {
            tx.socket.send(setup);
        } catch (CanException e) {
            own.stopCyclic(frame, System.nanoTime());
            sockets.release(tx.socket, tx.key);
            throw e;
        }
        if (count == 1) {
            // The frame went out during TX_SETUP; current kernels report no TX_EXPIRED for it.
            tx.finish();
        }
        return tx;
    }

    @Override
    public void update(CanFrame newFrame) {
        if (newFrame == null) {
            throw new IllegalArgumentException("frame must not be null");
        }
        synchronized (this) {
            if (newFrame.rawCanId() != frame.rawCanId() || newFrame.fd() != frame.fd()) {
                throw new IllegalArgumentException("update must keep the id and CAN FD-ness of " + frame + ", got "
                        + newFrame);
            }
            if (closed) {
                throw new CanException(CanException.Reason.CLOSED, ifname + ": the cyclic transmission of "
                        + frame + " is closed");
            }
            socket.send(BcmCodec.txUpdate(newFrame, count > 0));
            if (!expired) {
                own.startCyclic(newFrame);
                own.stopCyclic(frame, System.nanoTime());
            }
            frame = newFrame;
        }
    }

    @Override
    public long sentCount() {
        if (expired && count > 0) {
            return count;
        }
        OptionalLong kernel = BcmProcStats.sentFrames(socket.fd(), key.canId(), key.fd());
        if (kernel.isPresent()) {
            return kernel.getAsLong();
        }
        long estimate = 1 + (System.nanoTime() - startNanoTime) / period.toNanos();
        return count > 0 ? Math.min(estimate, count) : estimate;
    }

    @Override
    public boolean isActive() {
        return !expired && socket.lost() == null;
    }

    @Override
    public void onMessage(BcmCodec.Message message) {
        if (message.opcode() == BcmCodec.TX_EXPIRED) {
            finish();
        }
    }

    @Override
    public void onLost(CanException reason) {
        finish();
    }

    private synchronized void finish() {
        if (!expired) {
            expired = true;
            own.stopCyclic(frame, System.nanoTime());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            socket.write(BcmCodec.txDelete(key.canId(), key.fd()));
        } catch (IOException e) {
            // Gone already (socket closed or interface removed): nothing left to stop.
        }
        finish();
        sockets.release(socket, key);
    }
}
