package dev.obdio.can.socketcan;

import org.junit.jupiter.api.Test;
import tel.schich.javacan.platform.linux.LinuxNativeOperationException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransmitRetryTest {
    private static final TransmitRetry RETRY = new TransmitRetry(Duration.ofMillis(10), Duration.ofNanos(100_000),
            Duration.ofMillis(2));

    /** A clock that only advances when the retry pauses. */
    private static final class FakeClock implements TransmitRetry.Clock {
        long now;
        final List<Long> pauses = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void pause(long nanos) {
            pauses.add(nanos);
            now += nanos;
        }
    }

    private static IOException errno(int errno) {
        return new LinuxNativeOperationException("send", errno, "error " + errno);
    }

    @Test
    void enobufsIsRetriedWithGrowingPausesUntilItGoesThrough() throws IOException {
        FakeClock clock = new FakeClock();
        int[] attempts = {0};
        RETRY.run(() -> {
            if (++attempts[0] < 5) {
                throw errno(SocketCanErrors.ENOBUFS);
            }
        }, clock);
        assertThat(attempts[0]).isEqualTo(5);
        assertThat(clock.pauses).containsExactly(100_000L, 200_000L, 400_000L, 800_000L);
    }

    @Test
    void theBudgetBoundsTheWaitAndTheLastErrorSurfaces() {
        FakeClock clock = new FakeClock();
        assertThatThrownBy(() -> RETRY.run(() -> {
            throw errno(SocketCanErrors.ENOBUFS);
        }, clock)).isInstanceOf(LinuxNativeOperationException.class);
        assertThat(clock.now).isLessThanOrEqualTo(Duration.ofMillis(10).toNanos());
        assertThat(clock.pauses).allMatch(p -> p <= 2_000_000L);
        assertThat(clock.pauses.size()).isGreaterThan(4);
    }

    @Test
    void otherErrorsAreNotRetried() {
        FakeClock clock = new FakeClock();
        int[] attempts = {0};
        assertThatThrownBy(() -> RETRY.run(() -> {
            attempts[0]++;
            throw errno(SocketCanErrors.ENETDOWN);
        }, clock)).isInstanceOf(LinuxNativeOperationException.class);
        assertThat(attempts[0]).isEqualTo(1);
        assertThat(clock.pauses).isEmpty();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new TransmitRetry(Duration.ofMillis(1), Duration.ZERO, Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
