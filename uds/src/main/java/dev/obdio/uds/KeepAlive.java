package dev.obdio.uds;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task every period on one daemon thread while started: the client's TesterPresent
 * keep-alive. The thread is created on the first start and ends with {@link #shutdown()}.
 */
final class KeepAlive {
    private final String threadName;
    private final Duration period;
    private final Runnable task;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> running;
    private boolean shutDown;

    KeepAlive(String threadName, Duration period, Runnable task) {
        this.threadName = threadName;
        this.period = period;
        this.task = task;
    }

    /** Starts the periodic task, unless running, shut down, or the period is zero. */
    synchronized void start() {
        if (shutDown || running != null || period.isZero()) {
            return;
        }
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
        long nanos = period.toNanos();
        running = executor.scheduleWithFixedDelay(task, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the periodic task; a run in progress finishes. */
    synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    synchronized boolean isRunning() {
        return running != null;
    }

    /** Stops for good and ends the thread. */
    synchronized void shutdown() {
        stop();
        shutDown = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
