package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunOneAtATimeInOrder() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool, 1000);
        List<Integer> seen = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(500);
        for (int i = 0; i < 500; i++) {
            int n = i;
            assertThat(serial.submit(() -> {
                seen.add(n); // unsynchronised on purpose: serial execution makes it safe
                done.countDown();
            })).isTrue();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add(i);
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void aFullQueueRefusesAndAFailingTaskDoesNotStopTheOthers() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool, 2);
        CountDownLatch block = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        serial.submit(() -> {
            started.countDown();
            try {
                block.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("boom");
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch ran = new CountDownLatch(2);
        assertThat(serial.submit(ran::countDown)).isTrue();
        assertThat(serial.submit(ran::countDown)).isTrue();
        assertThat(serial.submit(ran::countDown)).isFalse();
        block.countDown();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
