package dev.obdio.gateway;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} events at once, then {@code perSecond} on average. Time comes from
 * an injected nanosecond ticker so that tests need no clock. Thread-safe.
 */
final class RateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long perSecond;
    private final long capacityNanos;
    private final long nanosPerToken;
    private final LongSupplier ticker;
    private long emptyAt; // the instant at which the bucket was (or will be) empty

    RateLimiter(int perSecond, int burst, LongSupplier ticker) {
        ClientLimits.positive("perSecond", perSecond);
        ClientLimits.positive("burst", burst);
        this.perSecond = perSecond;
        this.nanosPerToken = NANOS_PER_SECOND / perSecond;
        this.capacityNanos = nanosPerToken * burst;
        this.ticker = ticker;
        this.emptyAt = ticker.getAsLong() - capacityNanos;
    }

    /** Takes a token if one is there. */
    synchronized boolean tryAcquire() {
        long now = ticker.getAsLong();
        if (now - emptyAt > capacityNanos) {
            emptyAt = now - capacityNanos; // full
        }
        if (now - emptyAt < nanosPerToken) {
            return false;
        }
        emptyAt += nanosPerToken;
        return true;
    }

    /** The sustained rate. */
    long perSecond() {
        return perSecond;
    }
}
