package dev.obdio.sim;

/** A test clock in nanoseconds that only moves when told. Starts at an arbitrary non-zero origin. */
final class FakeClock {
    private long now = 1_000_000_000_000L;

    long now() {
        return now;
    }

    long advanceMillis(long ms) {
        now += ms * 1_000_000L;
        return now;
    }

    long advanceNanos(long nanos) {
        now += nanos;
        return now;
    }
}
