package dev.obdio.isotp;

/**
 * A deadline timer for tests: deadlines fire only when the test advances the fake clock, each at
 * exactly its due time, on the test's thread.
 */
final class ManualTimer implements DeadlineTimer {
    private final FakeTicker ticker;
    private final DeadlineQueue queue = new DeadlineQueue();

    ManualTimer(FakeTicker ticker) {
        this.ticker = ticker;
    }

    @Override
    public synchronized void schedule(JavaIsoTpChannel channel, boolean armed, long at, boolean precise) {
        queue.set(channel, armed, at, precise);
    }

    @Override
    public void close() {
    }

    /** Moves the clock to {@code target}, firing every deadline on the way at its time. */
    void advanceTo(long target) {
        while (true) {
            DeadlineQueue.Entry due;
            synchronized (this) {
                due = queue.first();
                if (due == null || due.at() - target > 0) {
                    break;
                }
                queue.remove(due);
            }
            if (due.at() - ticker.read() > 0) {
                ticker.set(due.at());
            }
            due.channel().onTimer();
        }
        ticker.set(target);
    }

    synchronized int pending() {
        return queue.size();
    }
}
