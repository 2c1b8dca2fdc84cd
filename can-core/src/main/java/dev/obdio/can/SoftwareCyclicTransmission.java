package dev.obdio.can;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cyclic sending on the shared bus timer, for buses without a kernel broadcast manager. A send
 * that fails because the interface is down is skipped, as the kernel's BCM skips it; the
 * transmission ends when the endpoint closes.
 */
final class SoftwareCyclicTransmission implements CyclicTransmission {
    private final CanBus bus;
    private final long count;
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledFuture<?> task;
    private volatile CanFrame frame;
    private volatile boolean active = true;

    SoftwareCyclicTransmission(CanBus bus, CanFrame frame, Duration period, long count) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 (forever) or positive, got " + count);
        }
        this.bus = bus;
        this.frame = frame;
        this.count = count;
        synchronized (this) { // the first tick may run at once and close() needs the task
            this.task = BusTimers.timer().scheduleAtFixedRate(this::tick, 0, period.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    // Synchronized with close(): once close() returns, no frame is sent and sentCount is final.
    private synchronized void tick() {
        if (!active) {
            return;
        }
        try {
            bus.send(frame);
            long n = sent.incrementAndGet();
            if (count > 0 && n >= count) {
                close();
            }
        } catch (CanException e) {
            if (e.reason() == CanException.Reason.CLOSED) {
                close();
            }
            // interface down or queue full: skip this period, keep the cycle
        }
    }

    @Override
    public void update(CanFrame newFrame) {
        if (newFrame.id() != frame.id() || newFrame.extended() != frame.extended()) {
            throw new IllegalArgumentException("update must keep the id " + frame + ", got " + newFrame);
        }
        frame = newFrame;
    }

    @Override
    public long sentCount() {
        return sent.get();
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public synchronized void close() {
        active = false;
        task.cancel(false);
    }
}
