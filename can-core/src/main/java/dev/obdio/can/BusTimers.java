package dev.obdio.can;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one timer thread of can-core for software cyclic transmissions and content-filter
 * timeouts on buses that have no kernel broadcast manager. Tasks must be short.
 */
final class BusTimers {
    private static final ScheduledThreadPoolExecutor TIMER = create();

    private BusTimers() {
    }

    static ScheduledThreadPoolExecutor timer() {
        return TIMER;
    }

    private static ScheduledThreadPoolExecutor create() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "obdio-bus-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, factory);
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
