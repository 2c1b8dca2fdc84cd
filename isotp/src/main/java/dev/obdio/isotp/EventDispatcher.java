package dev.obdio.isotp;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs listener calls and future completions of all channels of one bus on a single thread, in
 * the order they were submitted, so user code never runs on the threads that keep the protocol
 * moving. The queue is bounded: when a listener falls that far behind, further submissions are
 * rejected and the channel counts the dropped PDUs.
 */
final class EventDispatcher implements Executor {
    static final int CAPACITY = 65_536;

    private final ArrayBlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private volatile boolean running = true;

    EventDispatcher(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a task.
     *
     * @throws RejectedExecutionException when the queue is full or the dispatcher stopped
     */
    @Override
    public void execute(Runnable task) {
        if (!running || !queue.offer(task)) {
            throw new RejectedExecutionException("ISO-TP event queue full or stopped");
        }
    }

    /** Stops after the tasks already queued. */
    void close() {
        running = false;
        queue.offer(() -> { });
    }

    private void run() {
        while (true) {
            Runnable task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
            if (!running && queue.isEmpty()) {
                return;
            }
        }
    }
}
