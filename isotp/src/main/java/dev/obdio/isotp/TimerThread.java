package dev.obdio.isotp;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one timer thread of a bus: it sleeps until the earliest deadline of all its channels and
 * then runs that channel's {@code onTick} (which may send frames) on this thread. A deadline
 * that ends an STmin gap is met by parking until shortly before it and spinning for the rest, so
 * gaps of 100 µs are held; timeouts are met by parking alone.
 *
 * <p>A channel moves its deadline on nearly every frame (N_Cr after each consecutive frame, N_As
 * after each one sent), almost always to later. The thread is woken only when a deadline comes
 * before the time it is parked until; a later one is found when it wakes at the earlier time and
 * parks again. That saves a wake-up (a futex call and a context switch) per frame.
 */
final class TimerThread implements DeadlineTimer {
    /** Parking overshoots by tens of microseconds on Linux; spin for the last stretch of a gap. */
    static final long SPIN_NANOS = 200_000;

    private final Ticker ticker;
    private final DeadlineQueue queue = new DeadlineQueue();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private volatile boolean running = true;
    /** Whether the thread waits on {@link #changed}; guarded by the lock. */
    private boolean parked;
    /** When the parked thread wakes by itself, or {@code parkedForever}; guarded by the lock. */
    private long wakeAt;
    private boolean parkedForever;

    TimerThread(Ticker ticker, String name) {
        this.ticker = ticker;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void schedule(JavaIsoTpChannel channel, boolean armed, long at, boolean precise) {
        lock.lock();
        try {
            if (queue.set(channel, armed, at, precise) && parked
                    && (parkedForever || wakeTime(queue.first()) - wakeAt < 0)) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    private void run() {
        while (running) {
            DeadlineQueue.Entry due;
            lock.lock();
            try {
                DeadlineQueue.Entry first = queue.first();
                if (first == null) {
                    parked = true;
                    parkedForever = true;
                    try {
                        changed.await();
                    } finally {
                        parked = false;
                    }
                    continue;
                }
                long now = ticker.read();
                long park = wakeTime(first) - now;
                if (park > 0) {
                    parked = true;
                    parkedForever = false;
                    wakeAt = now + park;
                    try {
                        changed.awaitNanos(park);
                    } finally {
                        parked = false;
                    }
                    continue;
                }
                due = first;
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
                continue;
            } finally {
                lock.unlock();
            }
            while (due.at() - ticker.read() > 0) {
                Thread.onSpinWait();
            }
            lock.lock();
            try {
                if (due.channel().timerEntry != due) {
                    continue; // rescheduled while we spun
                }
                queue.remove(due);
            } finally {
                lock.unlock();
            }
            try {
                due.channel().onTimer();
            } catch (RuntimeException e) {
                // A failing channel must not stop the timer of the others.
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }

    /** When the thread must wake for this entry: before a precise deadline, to spin up to it. */
    private static long wakeTime(DeadlineQueue.Entry entry) {
        return entry.precise() ? entry.at() - SPIN_NANOS : entry.at();
    }

    /** Channels waiting for a deadline (for tests). */
    int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }
}
