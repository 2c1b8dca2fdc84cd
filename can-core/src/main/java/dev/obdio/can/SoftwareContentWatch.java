package dev.obdio.can;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ContentFilter} applied in user space on its own endpoint, as a BCM RX_SETUP does in
 * the kernel. Change reports run on the watcher endpoint's delivery thread, timeout and
 * throttled reports on the bus timer thread; they never run concurrently.
 */
final class SoftwareContentWatch implements FrameListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SoftwareContentWatch.class.getName());
    private final CanBus watcher;
    private final ContentFilter filter;
    private final ContentListener listener;
    private final long timeoutNanos;
    private final long throttleNanos;
    private final Subscription subscription;

    // Guarded by this.
    private CanFrame last;
    private long lastFrameNanoTime = System.nanoTime();
    private boolean timeoutReported;
    private ScheduledFuture<?> timeoutTask;
    private ReceivedFrame throttled;
    private long lastReportNanoTime = Long.MIN_VALUE;
    private boolean closed;

    SoftwareContentWatch(CanBus watcher, ContentFilter filter, ContentListener listener) {
        this.watcher = watcher;
        this.filter = filter;
        this.listener = listener;
        this.timeoutNanos = filter.timeout().toNanos();
        this.throttleNanos = filter.throttle().toNanos();
        synchronized (this) {
            scheduleTimeoutCheck(timeoutNanos);
        }
        this.subscription = watcher.subscribe(this);
    }

    @Override
    public synchronized void onFrame(ReceivedFrame received) {
        CanFrame frame = received.frame();
        if (closed || !filter.matchesId(frame)) {
            return;
        }
        lastFrameNanoTime = System.nanoTime();
        if (timeoutReported) {
            timeoutReported = false;
            scheduleTimeoutCheck(timeoutNanos);
        }
        if (!filter.isChange(last, frame)) {
            return;
        }
        last = frame;
        if (throttleNanos == 0 || lastFrameNanoTime - lastReportNanoTime >= throttleNanos) {
            report(received);
        } else if (throttled == null) {
            throttled = received;
            long wait = throttleNanos - (lastFrameNanoTime - lastReportNanoTime);
            BusTimers.timer().schedule(this::flushThrottled, wait, TimeUnit.NANOSECONDS);
        } else {
            throttled = received;
        }
    }

    private void report(ReceivedFrame received) {
        lastReportNanoTime = System.nanoTime();
        try {
            listener.onChange(received);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a content listener failed", e);
        }
    }

    private synchronized void flushThrottled() {
        if (!closed && throttled != null) {
            ReceivedFrame f = throttled;
            throttled = null;
            report(f);
        }
    }

    private void scheduleTimeoutCheck(long delayNanos) {
        if (timeoutNanos > 0 && !closed) {
            timeoutTask = BusTimers.timer().schedule(this::checkTimeout, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void checkTimeout() {
        if (closed || timeoutReported) {
            return;
        }
        long silent = System.nanoTime() - lastFrameNanoTime;
        if (silent >= timeoutNanos) {
            timeoutReported = true;
            try {
                listener.onTimeout(filter);
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        } else {
            scheduleTimeoutCheck(timeoutNanos - silent);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (timeoutTask != null) {
                timeoutTask.cancel(false);
            }
        }
        subscription.close();
        watcher.close();
    }
}
