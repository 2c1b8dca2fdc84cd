package dev.obdio.cli;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command end cleanly on Ctrl-C (SIGINT) or SIGTERM: the JVM's shutdown
 * hook asks the command to stop and waits a moment for it to flush its output and close its
 * buses. Commands wait on this signal instead of sleeping, so a stop request ends a wait at once.
 *
 * <p>Threading: {@link #requestStop()} and the waits may be called from any thread; the command
 * calls {@link #close()} once when it has finished.
 */
final class StopSignal implements AutoCloseable {
    /** How long the shutdown hook lets the command finish. */
    private static final Duration GRACE = Duration.ofSeconds(3);

    /** The signals of the commands running now, for {@link #simulateCtrlC()}. */
    private static final Set<StopSignal> ACTIVE = ConcurrentHashMap.newKeySet();

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal(boolean onCtrlC) {
        if (onCtrlC) {
            hook = new Thread(this::stopAndWait, "obdio-ctrl-c");
            Runtime.getRuntime().addShutdownHook(hook);
            ACTIVE.add(this);
        } else {
            hook = null;
        }
    }

    /**
     * Does for every running command what Ctrl-C does, without ending the JVM: asks it to stop
     * and waits until it has finished (at most the grace period). For in-process tests.
     */
    static void simulateCtrlC() {
        for (StopSignal s : ACTIVE) {
            s.stopAndWait();
        }
    }

    /** A signal raised by Ctrl-C / SIGTERM (and by {@link #requestStop()}). */
    static StopSignal onCtrlC() {
        return new StopSignal(true);
    }

    /** A signal raised only by {@link #requestStop()}. */
    static StopSignal manual() {
        return new StopSignal(false);
    }

    private void stopAndWait() {
        stop.countDown();
        try {
            finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the command to stop. */
    void requestStop() {
        stop.countDown();
    }

    /** Whether a stop was requested. */
    boolean isStopRequested() {
        return stop.getCount() == 0;
    }

    /**
     * Waits up to {@code timeout}.
     *
     * @return true if a stop was requested (the wait may have ended early)
     */
    boolean await(Duration timeout) throws InterruptedException {
        if (timeout.isNegative() || timeout.isZero()) {
            return isStopRequested();
        }
        return stop.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Waits until {@code deadline} on the {@link System#nanoTime()} clock.
     *
     * @return true if a stop was requested
     */
    boolean awaitUntil(long deadlineNanoTime) throws InterruptedException {
        return await(Duration.ofNanos(deadlineNanoTime - System.nanoTime()));
    }

    /** The command has finished: the shutdown hook need not wait any longer. */
    @Override
    public void close() {
        ACTIVE.remove(this);
        finished.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
    }
}
