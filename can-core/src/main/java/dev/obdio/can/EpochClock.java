package dev.obdio.can;

/**
 * Wall-clock timestamps with nanosecond resolution for frames received in user space: the epoch
 * time read once, advanced by {@link System#nanoTime()}, so timestamps are cheap, monotonic and
 * ordered across threads.
 */
final class EpochClock {
    private static final long EPOCH_NANOS_AT_START;
    private static final long NANO_TIME_AT_START;

    static {
        java.time.Instant now = java.time.Instant.now();
        NANO_TIME_AT_START = System.nanoTime();
        EPOCH_NANOS_AT_START = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private EpochClock() {
    }

    /** Nanoseconds since the Unix epoch. */
    static long nowNanos() {
        return EPOCH_NANOS_AT_START + (System.nanoTime() - NANO_TIME_AT_START);
    }
}
