package dev.obdio.can.socketcan;

import org.junit.jupiter.api.Test;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SocketGuardTest {
    private final SocketGuard guard = new SocketGuard();
    private final AtomicInteger closes = new AtomicInteger();

    @Test
    void closeWaitsForTheCallInProgressAndHappensOnce() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
            try {
                return guard.call(() -> {
                    inCall.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "done";
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> guard.close(closes::incrementAndGet));

        assertThat(closing).as("the descriptor stays open while a call uses it")
                .failsWithin(200, TimeUnit.MILLISECONDS);
        assertThat(closes).hasValue(0);
        release.countDown();
        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        closing.get(10, TimeUnit.SECONDS);
        assertThat(closes).hasValue(1);

        guard.close(closes::incrementAndGet);
        assertThat(closes).as("closed exactly once").hasValue(1);
        assertThat(guard.isClosed()).isTrue();
    }

    @Test
    void callsAfterCloseFailAsOnAClosedChannel() {
        guard.close(closes::incrementAndGet);
        assertThatThrownBy(() -> guard.call(() -> "never")).isInstanceOf(ClosedChannelException.class);
        assertThat(SocketCanErrors.errno(new ClosedChannelException())).isEqualTo(SocketCanErrors.EBADF);
    }

    @Test
    void aFailingCloseStillCountsAsClosed() {
        guard.close(() -> {
            closes.incrementAndGet();
            throw new java.io.IOException("EINTR");
        });
        guard.close(closes::incrementAndGet);
        assertThat(closes).hasValue(1);
        assertThat(guard.isClosed()).isTrue();
    }
}
