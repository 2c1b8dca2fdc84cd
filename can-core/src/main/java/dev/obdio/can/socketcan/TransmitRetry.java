package dev.obdio.can.socketcan;

import java.io.IOException;
import java.time.Duration;

/**
 * How long a send waits when the kernel answers ENOBUFS. Real CAN drivers (and the qdisc in
 * front of them) refuse a frame with ENOBUFS while their transmit queue is full instead of
 * blocking the writer, which bursts of frames hit routinely; candump-style tools then lose the
 * frame. Here the send is retried with exponentially growing pauses (first {@code firstPause},
 * at most {@code maxPause}) until {@code budget} has passed, then it fails with
 * {@code BUFFER_FULL}. At 500 kbit/s the default 50 ms budget lets about 200 queued frames drain,
 * so only a bus that does not take frames at all (bus-off, no other node acknowledging) makes a
 * send fail.
 *
 * @param budget     total time to keep retrying
 * @param firstPause the first pause
 * @param maxPause   the longest single pause
 */
record TransmitRetry(Duration budget, Duration firstPause, Duration maxPause) {
    /** 50 ms in pauses from 100 µs up to 5 ms. */
    static final TransmitRetry DEFAULT = new TransmitRetry(Duration.ofMillis(50), Duration.ofNanos(100_000),
            Duration.ofMillis(5));

    /** Validates the durations. */
    TransmitRetry {
        if (budget.isNegative() || firstPause.isNegative() || firstPause.isZero() || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("need budget >= 0 and 0 < firstPause <= maxPause, got " + budget + ", "
                    + firstPause + ", " + maxPause);
        }
    }

    /** One try at sending. */
    @FunctionalInterface
    interface Attempt {
        /** Sends once. */
        void run() throws IOException;
    }

    /** Time source and sleeping, replaceable in tests. */
    interface Clock {
        /** Monotonic nanoseconds. */
        long nanoTime();

        /** Sleeps about this long. */
        void pause(long nanos);

        /** The real clock. */
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void pause(long nanos) {
                java.util.concurrent.locks.LockSupport.parkNanos(nanos);
            }
        };
    }

    /**
     * Runs {@code attempt} until it succeeds, fails with another error than ENOBUFS, or the budget
     * is spent; then the last failure is thrown.
     */
    void run(Attempt attempt, Clock clock) throws IOException {
        long start = clock.nanoTime();
        long pause = firstPause.toNanos();
        long budgetNanos = budget.toNanos();
        while (true) {
            try {
                attempt.run();
                return;
            } catch (IOException e) {
                if (SocketCanErrors.errno(e) != SocketCanErrors.ENOBUFS
                        || clock.nanoTime() - start + pause > budgetNanos || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                clock.pause(pause);
                pause = Math.min(pause * 2, maxPause.toNanos());
            }
        }
    }
}
