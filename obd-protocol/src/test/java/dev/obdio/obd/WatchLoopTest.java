package dev.obdio.obd;

import static dev.obdio.obd.TestBuses.FAST;
import static dev.obdio.obd.TestBuses.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.VirtualInterface;
import dev.obdio.obd.testing.ScriptedEcu;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The watch loop end to end: python-OBD's Async semantics, batching, periods, faults and threads. */
class WatchLoopTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static ScriptedEcu engine(String bus) {
        return ScriptedEcu.on(bus, 0x7E8).pid(0x04, "80").pid(0x05, "4C").pid(0x0C, "1AF8").pid(0x0D, "37")
                .pid(0x0F, "50").pid(0x11, "40").pid(0x2F, "80").start();
    }

    /** Collects responses and the threads they were delivered on. */
    private static final class Recorder implements Consumer<ObdResponse> {
        final List<ObdResponse> responses = new CopyOnWriteArrayList<>();
        final Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void accept(ObdResponse r) {
            responses.add(r);
            threads.add(Thread.currentThread().getName());
        }

        long withValue() {
            return responses.stream().filter(r -> r.value().isPresent()).count();
        }

        ObdResponse last() {
            return responses.get(responses.size() - 1);
        }
    }

    @Test
    void callbacksGetEveryNewResponseOnTheirOwnThread() {
        String bus = fresh("watch");
        try (ScriptedEcu ecu = engine(bus); ObdConnection car = ObdConnection.open(bus, FAST)) {
            Recorder rpm = new Recorder();
            assertThat(car.watch(ObdCommands.RPM, rpm)).isTrue();
            assertThat(car.watched()).containsExactly(ObdCommands.RPM);
            assertThat(car.isRunning()).isFalse();
            car.start();
            assertThat(car.isRunning()).isTrue();
            await().atMost(WAIT).until(() -> rpm.withValue() >= 10);
            assertThat(rpm.responses).allMatch(r -> r.command() == ObdCommands.RPM);
            assertThat(rpm.last().value()).contains(Quantity.of(1726.0, "revolutions_per_minute"));
            assertThat(rpm.threads).containsExactly("obdio-obd-callbacks-" + bus);
            car.stop();
            assertThat(car.isRunning()).isFalse();
            int after = rpm.responses.size();
            long requests = ecu.count("010C");
            // stopped means stopped: no more requests, no more callbacks
            assertThat(car.query(ObdCommands.SPEED).value()).isPresent();
            assertThat(ecu.count("010C")).isEqualTo(requests);
            assertThat(rpm.responses).hasSize(after);
        }
    }

    @Test
    void queryOfAWatchedCommandIsTheCachedResponseAndTouchesNoBus() {
        String bus = fresh("cached");
        try (ScriptedEcu ecu = engine(bus); ObdConnection car = ObdConnection.open(bus, FAST)) {
            car.watch(ObdCommands.RPM);
            ObdResponse before = car.query(ObdCommands.RPM);
            assertThat(before.isNull()).isTrue(); // watched, not read yet: python-OBD's empty response
            assertThat(ecu.count("010C")).isZero();
            car.start();
            await().atMost(WAIT).until(() -> car.query(ObdCommands.RPM).value().isPresent());
            car.stop();
            long requests = ecu.requests().size();
            ObdResponse cached = car.query(ObdCommands.RPM);
            assertThat(cached.value()).contains(Quantity.of(1726.0, "revolutions_per_minute"));
            assertThat(car.query(ObdCommands.RPM)).isSameAs(cached);
            assertThat(car.cached(ObdCommands.RPM)).containsSame(cached);
            assertThat(car.cached(ObdCommands.SPEED)).isEmpty();
            assertThat(ecu.requests()).hasSize((int) requests);
            car.unwatch(ObdCommands.RPM);
            assertThat(car.query(ObdCommands.RPM).value()).isPresent(); // now from the bus again
            assertThat(ecu.requests().size()).isGreaterThan((int) requests);
        }
    }

    @Test
    void watchedMode01CommandsAreReadInBatches() {
        String bus = fresh("watch-batch");
        try (ScriptedEcu ecu = engine(bus); ObdConnection car = ObdConnection.open(bus, FAST)) {
            List<ObdCommand> six = List.of(ObdCommands.ENGINE_LOAD, ObdCommands.COOLANT_TEMP, ObdCommands.RPM,
                    ObdCommands.SPEED, ObdCommands.INTAKE_TEMP, ObdCommands.THROTTLE_POS);
            six.forEach(car::watch);
            ecu.clearRequests();
            car.start();
            await().atMost(WAIT).until(() -> six.stream().allMatch(c -> car.query(c).value().isPresent()));
            car.stop();
            assertThat(ecu.requests()).isNotEmpty().allMatch("0104050C0D0F11"::equals);
        }
    }

    @Test
    void eachRequestsValuesGoOutBeforeTheRestOfThePassIsAnswered() {
        String bus = fresh("per-request");
        // GET_DTC is read on its own after the RPM/SPEED batch, and its ECU keeps it pending for ~3 s
        try (ScriptedEcu ecu = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8").pid(0x0D, "37").answer("03", "4300")
                .responsePending("03", 30).pendingGap(Duration.ofMillis(100)).start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            Recorder order = new Recorder();
            car.watch(ObdCommands.GET_DTC, order);
            car.watch(ObdCommands.RPM, order);
            car.watch(ObdCommands.SPEED, order);
            car.start();
            await().atMost(WAIT).until(() -> order.responses.stream().anyMatch(r -> r.command() == ObdCommands.RPM));
            // published while GET_DTC was still pending, not together with it at the end of the pass
            assertThat(order.responses.get(0).command()).isIn(ObdCommands.RPM, ObdCommands.SPEED);
            await().atMost(WAIT).until(() -> order.responses.stream().anyMatch(r -> r.command() == ObdCommands.GET_DTC));
            car.stop();
            assertThat(order.responses.stream().filter(r -> r.command() == ObdCommands.GET_DTC).findFirst().orElseThrow()
                    .value()).isPresent();
        }
    }

    @Test
    void aMinimumPeriodLimitsHowOftenACommandIsRead() {
        String bus = fresh("period");
        try (ScriptedEcu ecu = engine(bus); ObdConnection car = ObdConnection.open(bus, FAST)) {
            Recorder speed = new Recorder();
            car.watch(ObdCommands.RPM, Duration.ofMillis(300), null);
            car.watch(ObdCommands.SPEED, speed);
            ecu.clearRequests();
            long started = System.nanoTime();
            car.start();
            await().atMost(WAIT).until(() -> speed.withValue() >= 30);
            car.stop();
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long rpmReads = ecu.requests().stream().filter(r -> r.contains("0C")).count();
            long speedReads = ecu.requests().stream().filter(r -> r.contains("0D")).count();
            // Whatever the load: the loop cannot read RPM more than once per 300 ms of the time it ran.
            assertThat(rpmReads).isBetween(1L, elapsedMs / 300 + 1);
            assertThat(speedReads).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void theWatchListMayChangeWhileTheLoopRuns() {
        String bus = fresh("change");
        try (ScriptedEcu ecu = engine(bus); ObdConnection car = ObdConnection.open(bus, FAST)) {
            Recorder rpm = new Recorder();
            Recorder speed = new Recorder();
            car.watch(ObdCommands.RPM, rpm);
            car.start();
            await().atMost(WAIT).until(() -> rpm.withValue() >= 3);
            car.watch(ObdCommands.SPEED, speed);
            await().atMost(WAIT).until(() -> speed.withValue() >= 3);
            car.unwatch(ObdCommands.RPM, rpm);
            assertThat(car.watched()).containsExactly(ObdCommands.SPEED);
            int rpmSeen = rpm.responses.size();
            int speedSeen = speed.responses.size();
            await().atMost(WAIT).until(() -> speed.responses.size() >= speedSeen + 5);
            List<String> all = ecu.requests();
            List<String> recent = all.subList(all.size() - 3, all.size());
            assertThat(recent).containsOnly("010D");
            assertThat(rpm.responses.size()).isBetween(rpmSeen, rpmSeen + 1); // at most the pass in flight
            car.unwatchAll();
            assertThat(car.watched()).isEmpty();
            assertThat(car.isRunning()).isTrue();
            long idle = ecu.requests().size();
            car.watch(ObdCommands.RPM, rpm);
            await().atMost(WAIT).until(() -> ecu.requests().size() > idle + 2);
        }
    }

    @Test
    void aBlockedCallbackDoesNotStallTheLoop() throws Exception {
        String bus = fresh("blocked");
        try (ScriptedEcu ecu = engine(bus); ObdConnection car = ObdConnection.open(bus, FAST)) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger calls = new AtomicInteger();
            car.watch(ObdCommands.RPM, r -> {
                calls.incrementAndGet();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            car.start();
            await().atMost(WAIT).until(() -> calls.get() == 1);
            long before = ecu.count("010C");
            await().atMost(WAIT).until(() -> ecu.count("010C") >= before + 20);
            assertThat(car.skippedCallbacks()).isGreaterThan(0);
            release.countDown();
            await().atMost(WAIT).until(() -> calls.get() >= 2);
        }
    }

    @Test
    void pausedStopsTheLoopAndResumesIt() {
        String bus = fresh("paused");
        try (ScriptedEcu ecu = engine(bus); ObdConnection car = ObdConnection.open(bus, FAST)) {
            car.watch(ObdCommands.RPM);
            try (ObdConnection.Pause p = car.paused()) {
                assertThat(p.wasRunning()).isFalse();
            }
            assertThat(car.isRunning()).isFalse();
            car.start();
            try (ObdConnection.Pause p = car.paused()) {
                assertThat(p.wasRunning()).isTrue();
                assertThat(car.isRunning()).isFalse();
                car.watch(ObdCommands.SPEED);
            }
            assertThat(car.isRunning()).isTrue();
            await().atMost(WAIT).until(() -> car.query(ObdCommands.SPEED).value().isPresent());
        }
    }

    @Test
    void theVehicleGoingSilentAndComingBackIsFollowed() {
        String bus = fresh("ignition");
        try (ScriptedEcu ecu = engine(bus); ObdConnection car = ObdConnection.open(bus, FAST)) {
            Recorder rpm = new Recorder();
            car.watch(ObdCommands.RPM, rpm);
            car.start();
            await().atMost(WAIT).until(() -> rpm.withValue() >= 3);
            ecu.setSilent(true); // ignition off
            await().atMost(WAIT).until(() -> car.status() == ObdStatus.OBD_CONNECTED);
            await().atMost(WAIT).until(() -> rpm.last().isNull());
            assertThat(car.query(ObdCommands.RPM).isNull()).isTrue();
            assertThat(rpm.last().problems()).extracting(ObdProblem::describe).containsExactly("no ECU answers");
            int seen = rpm.responses.size();
            ecu.setSilent(false); // ignition on
            await().atMost(WAIT).until(() -> car.status() == ObdStatus.CAR_CONNECTED);
            await().atMost(WAIT).until(() -> rpm.responses.size() > seen && rpm.last().value().isPresent());
            assertThat(car.isRunning()).isTrue();
            assertThat(car.openChannels()).isEqualTo(2);
        }
    }

    @Test
    void theInterfaceGoingDownAndUpIsSurvivedAndNothingLeaks() {
        String bus = fresh("link");
        VirtualInterface link = VirtualInterface.named(bus.substring("virtual:".length()));
        try (ScriptedEcu ecu = engine(bus)) {
            Set<Thread> baseline = new HashSet<>(Thread.getAllStackTraces().keySet());
            ObdConnection car = ObdConnection.open(bus, FAST);
            try {
                Recorder rpm = new Recorder();
                car.watch(ObdCommands.RPM, rpm);
                car.watch(ObdCommands.SPEED);
                car.start();
                await().atMost(WAIT).until(() -> rpm.withValue() >= 3);
                link.setUp(false);
                await().atMost(WAIT).until(() -> car.status() == ObdStatus.NOT_CONNECTED);
                await().atMost(WAIT).until(() -> rpm.last().isNull());
                assertThat(rpm.last().problems()).extracting(ObdProblem::describe)
                        .singleElement().asString().contains("the interface is down");
                int seen = rpm.responses.size();
                link.setUp(true);
                await().atMost(WAIT).until(() -> car.status() == ObdStatus.CAR_CONNECTED);
                await().atMost(WAIT).until(() -> rpm.responses.size() > seen && rpm.last().value().isPresent());
                assertThat(car.query(ObdCommands.SPEED).value()).isPresent();
                assertThat(car.isRunning()).isTrue();
                assertThat(car.openChannels()).isEqualTo(2);
            } finally {
                link.setUp(true);
                car.close();
            }
            assertThat(car.openChannels()).isZero();
            await().atMost(WAIT).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !baseline.contains(t) && t.isAlive()).map(Thread::getName)
                    .filter(n -> n.startsWith("obdio-")))
                    .as("threads started by the connection").isEmpty());
        }
    }

    @Test
    void startWithoutAVehicleFindsItWhenItComes() {
        String bus = fresh("late");
        try (ObdConnection car = ObdConnection.open(bus, FAST)) {
            assertThat(car.status()).isEqualTo(ObdStatus.OBD_CONNECTED);
            Recorder rpm = new Recorder();
            assertThat(car.watch(ObdCommands.RPM, rpm)).isTrue(); // support unknown yet: accepted
            car.start();
            try (ScriptedEcu ecu = engine(bus)) {
                await().atMost(WAIT).until(() -> rpm.withValue() >= 1);
                assertThat(car.status()).isEqualTo(ObdStatus.CAR_CONNECTED);
                assertThat(car.protocolName()).isEqualTo("ISO 15765-4 (CAN 11/500)");
                assertThat(car.supports(ObdCommands.RPM)).isTrue();
            }
        }
    }

    @Test
    void unsupportedCommandsAreNotWatchedUnlessForced() {
        String bus = fresh("watch-unsupported");
        try (ScriptedEcu ecu = engine(bus); ObdConnection car = ObdConnection.open(bus, FAST)) {
            assertThat(car.watch(ObdCommands.OIL_TEMP)).isFalse();
            assertThat(car.watch(ObdCommands.ELM_VOLTAGE, Duration.ZERO, null, true)).isFalse();
            assertThat(car.watch(ObdCommands.OIL_TEMP, Duration.ZERO, null, true)).isTrue();
            assertThat(car.watched()).containsExactly(ObdCommands.OIL_TEMP);
        }
    }
}
