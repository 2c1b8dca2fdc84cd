package dev.obdio.gateway;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one client's tasks one at a time, in order, on a shared pool, with at most {@code capacity}
 * waiting. Each pool turn runs a single task, so a client with many queued events cannot hold a
 * pool thread while others wait. Thread-safe.
 */
final class SerialExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final int capacity;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;

    SerialExecutor(Executor pool, int capacity) {
        ClientLimits.positive("capacity", capacity);
        this.pool = pool;
        this.capacity = capacity;
    }

    /** Queues a task; false when {@code capacity} tasks are already waiting or the pool is shut down. */
    boolean submit(Runnable task) {
        synchronized (this) {
            if (tasks.size() >= capacity) {
                return false;
            }
            tasks.add(task);
            if (scheduled) {
                return true;
            }
            scheduled = true;
        }
        return schedule();
    }

    /** Tasks waiting (not counting one that runs). */
    synchronized int pending() {
        return tasks.size();
    }

    private boolean schedule() {
        try {
            pool.execute(this::runOne);
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                tasks.clear();
                scheduled = false;
            }
            return false;
        }
    }

    private void runOne() {
        Runnable task;
        synchronized (this) {
            task = tasks.poll();
            if (task == null) {
                scheduled = false;
                return;
            }
        }
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("gateway task failed", e);
        }
        synchronized (this) {
            if (tasks.isEmpty()) {
                scheduled = false;
                return;
            }
        }
        schedule();
    }
}
