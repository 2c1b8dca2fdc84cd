package dev.obdio.can.socketcan;

import dev.obdio.can.CanFrame;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Tells this endpoint's own frames from others' among those its raw socket receives.
 *
 * <p>The kernel marks a frame looped back to the socket that sent it with MSG_CONFIRM in
 * {@code recvmsg}'s flags, but JavaCAN 3.5.0 does not return those flags (its
 * {@code receiveWithRawHeaders} drops {@code msg_flags}). So:
 * <ul>
 *   <li>without receiveOwnFrames the socket has CAN_RAW_RECV_OWN_MSGS off and the kernel never
 *       returns its own raw frames: nothing to recognise;</li>
 *   <li>with it, every frame about to be sent is remembered ({@link #expectEcho}) and the first
 *       received frame equal to a remembered one is taken as its echo ({@link #isOwn}). The kernel
 *       echoes each frame once, after transmission; echoes of different frames may overtake one
 *       another, so any remembered frame may match, not only the oldest. A frame from another
 *       sender that is identical to one of ours still in flight would be taken for ours (and our
 *       echo then counts as theirs): on a CAN bus two nodes sending the same id is itself a fault.
 *       Frames the kernel filters drop never come back, so they are not remembered; entries older
 *       than {@code maxAgeNanos} or beyond {@code capacity} are forgotten (a controller that is
 *       bus-off may never send them);</li>
 *   <li>frames of this endpoint's broadcast-manager cyclic transmissions come from another
 *       socket, so the kernel delivers them as others' frames; while such a transmission is
 *       active (and for a grace period after it changed or stopped) a received frame equal to its
 *       frame is taken as ours, as on buses where the transmission is done in software.</li>
 * </ul>
 * Thread safety: all methods are synchronized; the critical sections are short.
 */
final class OwnFrames {
    private final int capacity;
    private final long maxAgeNanos;
    private final long graceNanos;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final Map<CanFrame, Cyclic> cyclic = new HashMap<>();

    /** A remembered frame; removing it cancels the expectation. */
    static final class Pending {
        private final CanFrame frame;
        private final long sentAt;

        private Pending(CanFrame frame, long sentAt) {
            this.frame = frame;
            this.sentAt = sentAt;
        }
    }

    private static final class Cyclic {
        int active;
        long graceUntil;
    }

    /**
     * @param capacity    most frames awaiting their echo
     * @param maxAgeNanos how long an echo is awaited
     * @param graceNanos  how long a cyclic frame stays recognised after it was replaced or stopped
     */
    OwnFrames(int capacity, long maxAgeNanos, long graceNanos) {
        if (capacity < 1 || maxAgeNanos <= 0 || graceNanos < 0) {
            throw new IllegalArgumentException("capacity and maxAge must be positive, grace not negative");
        }
        this.capacity = capacity;
        this.maxAgeNanos = maxAgeNanos;
        this.graceNanos = graceNanos;
    }

    /** Remembers a frame about to be sent on the socket; returns the entry to {@link #cancel} on failure. */
    synchronized Pending expectEcho(CanFrame frame, long nowNanos) {
        expire(nowNanos);
        if (pending.size() >= capacity) {
            pending.removeFirst();
        }
        Pending p = new Pending(frame, nowNanos);
        pending.addLast(p);
        return p;
    }

    /** Forgets a frame whose send failed. */
    synchronized void cancel(Pending entry) {
        pending.remove(entry);
    }

    /** Whether a received frame is one of ours; an echo is consumed by this call. */
    synchronized boolean isOwn(CanFrame frame, long nowNanos) {
        expire(nowNanos);
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            if (it.next().frame.equals(frame)) {
                it.remove();
                return true;
            }
        }
        Cyclic c = cyclic.get(frame);
        if (c == null) {
            return false;
        }
        if (c.active > 0 || nowNanos - c.graceUntil < 0) {
            return true;
        }
        cyclic.remove(frame);
        return false;
    }

    /** A cyclic transmission starts sending {@code frame}. */
    synchronized void startCyclic(CanFrame frame) {
        cyclic.computeIfAbsent(frame, f -> new Cyclic()).active++;
    }

    /** A cyclic transmission stops sending {@code frame} (replaced by another or stopped). */
    synchronized void stopCyclic(CanFrame frame, long nowNanos) {
        Cyclic c = cyclic.get(frame);
        if (c != null && c.active > 0) {
            c.active--;
            c.graceUntil = nowNanos + graceNanos;
        }
    }

    /** Frames awaiting their echo, for tests. */
    synchronized int pendingCount() {
        return pending.size();
    }

    private void expire(long nowNanos) {
        while (!pending.isEmpty() && nowNanos - pending.peekFirst().sentAt > maxAgeNanos) {
            pending.removeFirst();
        }
        if (cyclic.size() > 64) {
            cyclic.values().removeIf(c -> c.active == 0 && nowNanos - c.graceUntil >= 0);
        }
    }
}
