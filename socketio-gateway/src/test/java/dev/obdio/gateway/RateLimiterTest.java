package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aBurstThenTheSustainedRate() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter limiter = new RateLimiter(10, 3, now::get);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        now.addAndGet(99_000_000L);
        assertThat(limiter.tryAcquire()).isFalse();
        now.addAndGet(1_000_000L); // 100 ms: one token at 10/s
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void aLongPauseRefillsOnlyUpToTheBurst() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(100, 5, now::get);
        now.addAndGet(60_000_000_000L);
        int granted = 0;
        while (limiter.tryAcquire()) {
            granted++;
        }
        assertThat(granted).isEqualTo(5);
    }
}
