package dev.obdio.obd;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Calls the watch callbacks on a thread of their own, so a slow or blocking callback never holds
 * up the watch loop. The hand-over is bounded: it keeps at most one response per watched command,
 * the newest. When callbacks are slower than the loop, the responses they had no time for are
 * skipped (and counted); a fast callback sees every one.
 */
final class CallbackDispatcher {
    private static final System.Logger LOG = System.getLogger(CallbackDispatcher.class.getName());

    private final Object lock = new Object();
    private final Map<Watch, ObdResponse> pending = new LinkedHashMap<>();
    private final AtomicLong skipped;
    private final Thread thread;
    private boolean stopped;

    /**
     * @param name    the thread's name
     * @param skipped where to count responses skipped for slow callbacks
     */
    CallbackDispatcher(String name, AtomicLong skipped) {
        this.skipped = skipped;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands a new response of a watched command over; never blocks. */
    void publish(Watch watch, ObdResponse response) {
        if (watch.callbacks().isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (stopped) {
                return;
            }
            if (pending.put(watch, response) != null) {
                skipped.incrementAndGet();
            }
            lock.notifyAll();
        }
    }

    private void run() {
        while (true) {
            Watch watch;
            ObdResponse response;
            synchronized (lock) {
                while (pending.isEmpty() && !stopped) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending.isEmpty()) {
                    return; // stopped, everything delivered
                }
                Iterator<Map.Entry<Watch, ObdResponse>> it = pending.entrySet().iterator();
                Map.Entry<Watch, ObdResponse> first = it.next();
                it.remove();
                watch = first.getKey();
                response = first.getValue();
            }
            for (Consumer<ObdResponse> callback : watch.callbacks()) {
                try {
                    callback.accept(response);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a watch callback for " + watch.command.name() + " failed", e);
                }
            }
        }
    }

    /**
     * Delivers what is pending and ends the thread, waiting at most {@code wait} for it (not at
     * all when called from a callback). A callback that never returns keeps the thread alive.
     */
    void close(Duration wait) {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the calling thread is this dispatcher's. */
    boolean isDispatcherThread() {
        return Thread.currentThread() == thread;
    }
}
