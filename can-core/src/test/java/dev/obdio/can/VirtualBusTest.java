package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The virtual bus must behave like vcan: these are the raw-socket rules it is held to. */
class VirtualBusTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration NOTHING = Duration.ofMillis(50);
    private final List<CanBus> opened = new ArrayList<>();

    private String name(TestInfo info) {
        String method = info.getTestMethod().orElseThrow().getName();
        return "virtual:" + method.substring(0, Math.min(30, method.length())) + "-" + System.nanoTime();
    }

    private CanBus open(String name, BusOptions options) {
        CanBus bus = CanBuses.open(name, options);
        opened.add(bus);
        return bus;
    }

    private CanBus open(String name) {
        return open(name, BusOptions.DEFAULTS);
    }

    @AfterEach
    void closeAll() {
        opened.forEach(CanBus::close);
    }

    @Test
    void frameReachesEveryOtherEndpointButNotTheSender(TestInfo info) throws Exception {
        String n = name(info);
        CanBus a = open(n);
        CanBus b = open(n);
        CanBus c = open(n);
        CanFrame f = CanFrame.of(0x123, (byte) 0xDE, (byte) 0xAD);
        a.send(f);
        ReceivedFrame atB = b.receive(WAIT);
        ReceivedFrame atC = c.receive(WAIT);
        assertThat(atB.frame()).isEqualTo(f);
        assertThat(atC.frame()).isEqualTo(f);
        assertThat(atB.direction()).isEqualTo(ReceivedFrame.Direction.RX);
        assertThat(atB.channel()).isEqualTo(n);
        assertThat(a.receive(NOTHING)).as("sender does not see its own frame by default").isNull();
    }

    @Test
    void senderSeesOwnFramesMarkedTxOnlyWhenAsked(TestInfo info) throws Exception {
        String n = name(info);
        CanBus a = open(n, BusOptions.DEFAULTS.withReceiveOwnFrames(true));
        CanBus b = open(n);
        a.send(CanFrame.of(1));
        ReceivedFrame own = a.receive(WAIT);
        assertThat(own.direction()).isEqualTo(ReceivedFrame.Direction.TX);
        b.send(CanFrame.of(2));
        assertThat(a.receive(WAIT).direction()).isEqualTo(ReceivedFrame.Direction.RX);
    }

    @Test
    void framesKeepTheirOrderAndTimestampsIncrease(TestInfo info) throws Exception {
        String n = name(info);
        CanBus a = open(n);
        CanBus b = open(n);
        for (int i = 0; i < 1000; i++) {
            a.send(CanFrame.of(i & 0x7FF, (byte) i));
        }
        long last = 0;
        for (int i = 0; i < 1000; i++) {
            ReceivedFrame r = b.receive(WAIT);
            assertThat(r.frame().id()).isEqualTo(i & 0x7FF);
            assertThat(r.timestampNanos()).isGreaterThanOrEqualTo(last);
            last = r.timestampNanos();
        }
        long nowMicros = java.time.Instant.now().toEpochMilli() * 1000;
        assertThat(last / 1000).isBetween(nowMicros - 60_000_000L, nowMicros + 60_000_000L);
    }

    @Test
    void everyEndpointSeesConcurrentSendersInTheSameOrder(TestInfo info) throws Exception {
        String n = name(info);
        CanBus a = open(n);
        CanBus b = open(n);
        CanBus r1 = open(n, BusOptions.DEFAULTS.withReceiveQueueCapacity(20_000));
        CanBus r2 = open(n, BusOptions.DEFAULTS.withReceiveQueueCapacity(20_000));
        int perSender = 5000;
        Thread ta = new Thread(() -> { for (int i = 0; i < perSender; i++) a.send(CanFrame.of(0x100, (byte) (i >> 8), (byte) i)); });
        Thread tb = new Thread(() -> { for (int i = 0; i < perSender; i++) b.send(CanFrame.of(0x200, (byte) (i >> 8), (byte) i)); });
        ta.start();
        tb.start();
        ta.join();
        tb.join();
        List<CanFrame> seen1 = new ArrayList<>();
        List<CanFrame> seen2 = new ArrayList<>();
        for (int i = 0; i < 2 * perSender; i++) {
            seen1.add(r1.receive(WAIT).frame());
            seen2.add(r2.receive(WAIT).frame());
        }
        assertThat(seen1).isEqualTo(seen2);
    }

    @Test
    void filtersApplyPerEndpointAndCanChange(TestInfo info) throws Exception {
        String n = name(info);
        CanBus tx = open(n);
        CanBus rx = open(n, BusOptions.DEFAULTS.withFilters(CanFilterSet.parse("7E8:7F8")));
        tx.send(CanFrame.of(0x123));
        tx.send(CanFrame.of(0x7E9));
        assertThat(rx.receive(WAIT).frame().id()).isEqualTo(0x7E9);
        assertThat(rx.receive(NOTHING)).isNull();
        rx.setFilters(CanFilterSet.parse("123:7FF"));
        tx.send(CanFrame.of(0x7E9));
        tx.send(CanFrame.of(0x123));
        assertThat(rx.receive(WAIT).frame().id()).isEqualTo(0x123);
        assertThat(rx.options().filters()).isEqualTo(CanFilterSet.parse("123:7FF"));
    }

    @Test
    void errorFramesOnlyWithErrorMask(TestInfo info) throws Exception {
        String n = name(info);
        CanBus tx = open(n);
        CanBus plain = open(n);
        CanBus errors = open(n, BusOptions.DEFAULTS.withFilters(CanFilterSet.ALL_WITH_ERRORS));
        tx.send(CanFrame.error(0x40, new byte[8]));
        assertThat(errors.receive(WAIT).frame().isError()).isTrue();
        assertThat(plain.receive(NOTHING)).isNull();
    }

    @Test
    void fdFramesNeedFdEndpoints(TestInfo info) throws Exception {
        String n = name(info);
        CanBus fdTx = open(n);
        CanBus classic = open(n, BusOptions.DEFAULTS.withFdFrames(false));
        CanBus fdRx = open(n);
        CanFrame fd = CanFrame.fd(0x7E0, false, true, false, new byte[64]);
        fdTx.send(fd);
        assertThat(fdRx.receive(WAIT).frame()).isEqualTo(fd);
        assertThat(classic.receive(NOTHING)).as("classic socket never sees FD frames").isNull();
        assertThatThrownBy(() -> classic.send(fd)).isInstanceOf(CanException.class)
                .extracting(e -> ((CanException) e).reason()).isEqualTo(CanException.Reason.NOT_SUPPORTED);
    }

    @Test
    void fullReceiveQueueDropsNewFramesAndCountsThem(TestInfo info) throws Exception {
        String n = name(info);
        CanBus tx = open(n);
        CanBus slow = open(n, BusOptions.DEFAULTS.withReceiveQueueCapacity(10));
        for (int i = 0; i < 25; i++) {
            tx.send(CanFrame.of(i));
        }
        assertThat(slow.droppedFrames()).isEqualTo(15);
        for (int i = 0; i < 10; i++) {
            assertThat(slow.receive(WAIT).frame().id()).as("the oldest frames are kept").isEqualTo(i);
        }
        assertThat(slow.receive(NOTHING)).isNull();
    }

    @Test
    void listenersGetFramesInOrderOnOneThreadAndReceiveIsThenUnavailable(TestInfo info) throws Exception {
        String n = name(info);
        CanBus tx = open(n);
        CanBus rx = open(n);
        List<Integer> ids = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        Subscription s = rx.subscribe(f -> {
            ids.add(f.frame().id());
            threads.add(Thread.currentThread().getName());
        });
        assertThatThrownBy(() -> rx.receive(NOTHING)).isInstanceOf(IllegalStateException.class);
        for (int i = 0; i < 500; i++) {
            tx.send(CanFrame.of(i));
        }
        await().atMost(WAIT).until(() -> ids.size() == 500);
        assertThat(ids).isSorted();
        assertThat(threads).containsOnly(threads.get(0));
        s.close();
        await().atMost(WAIT).untilAsserted(() -> {
            tx.send(CanFrame.of(0x555));
            ReceivedFrame r = rx.receive(Duration.ofMillis(200));
            assertThat(r).isNotNull();
        });
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers(TestInfo info) throws Exception {
        String n = name(info);
        CanBus tx = open(n);
        CanBus rx = open(n);
        AtomicInteger good = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger();
        rx.subscribe(f -> {
            failing.incrementAndGet();
            throw new IllegalStateException("listener bug (expected in this test)");
        });
        rx.subscribe(f -> good.incrementAndGet());
        tx.send(CanFrame.of(1));
        tx.send(CanFrame.of(2));
        await().atMost(WAIT).until(() -> good.get() == 2);
        assertThat(failing.get()).isEqualTo(2);
    }

    @Test
    void interfaceDownIsReportedOnceAndTrafficResumesWhenUp(TestInfo info) throws Exception {
        String n = name(info);
        CanBus tx = open(n);
        CanBus rx = open(n);
        CanBus listened = open(n);
        List<CanException> errors = new CopyOnWriteArrayList<>();
        List<ReceivedFrame> frames = new CopyOnWriteArrayList<>();
        listened.subscribe(new FrameListener() {
            @Override
            public void onFrame(ReceivedFrame frame) {
                frames.add(frame);
            }

            @Override
            public void onError(CanException error) {
                errors.add(error);
            }
        });
        VirtualInterface vi = VirtualInterface.named(n.substring("virtual:".length()));
        vi.setUp(false);
        assertThatThrownBy(() -> tx.send(CanFrame.of(1))).isInstanceOf(CanException.class)
                .hasMessageContaining("down")
                .extracting(e -> ((CanException) e).reason()).isEqualTo(CanException.Reason.INTERFACE_DOWN);
        assertThatThrownBy(() -> rx.receive(WAIT)).isInstanceOf(CanException.class)
                .extracting(e -> ((CanException) e).reason()).isEqualTo(CanException.Reason.INTERFACE_DOWN);
        assertThat(rx.receive(NOTHING)).as("reported once").isNull();
        await().atMost(WAIT).until(() -> errors.size() == 1);
        vi.setUp(true);
        tx.send(CanFrame.of(2));
        assertThat(rx.receive(WAIT).frame().id()).isEqualTo(2);
        await().atMost(WAIT).until(() -> frames.size() == 1);
        assertThat(rx.isOpen()).isTrue();
    }

    @Test
    void closedEndpointRefusesWorkAndWakesAWaitingReader(TestInfo info) throws Exception {
        String n = name(info);
        CanBus a = open(n);
        CanBus b = open(n);
        CountDownLatch waiting = new CountDownLatch(1);
        List<Throwable> outcome = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            waiting.countDown();
            try {
                b.receive(Duration.ofSeconds(30));
                outcome.add(new AssertionError("returned normally"));
            } catch (Throwable t) {
                outcome.add(t);
            }
        });
        reader.start();
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        b.close();
        reader.join(5000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(outcome).singleElement().isInstanceOf(CanException.class);
        assertThat(b.isOpen()).isFalse();
        assertThatThrownBy(() -> b.send(CanFrame.of(1))).hasMessageContaining("closed");
        b.close();
        a.send(CanFrame.of(1)); // the others go on
        assertThat(VirtualInterface.named(n.substring(8)).endpointCount()).isEqualTo(1);
    }

    @Test
    void wireTimingSerializesFramesAtTheBitrate(TestInfo info) throws Exception {
        String n = name(info) + "?bitrate=125000";
        CanBus tx = open(n);
        CanBus rx = open(n);
        int count = 40;
        for (int i = 0; i < count; i++) {
            tx.send(CanFrame.of(0x100 + i, new byte[8]));
        }
        ReceivedFrame first = rx.receive(WAIT);
        ReceivedFrame last = first;
        for (int i = 1; i < count; i++) {
            last = rx.receive(WAIT);
            assertThat(last.frame().id()).isEqualTo(0x100 + i);
        }
        // 111 bits per 8-byte frame at 125 kbit/s = 888 µs; 39 gaps cannot take less than that.
        long minimum = 39L * 111 * 1_000_000_000L / 125_000;
        assertThat(last.timestampNanos() - first.timestampNanos()).isGreaterThanOrEqualTo(minimum - 1_000_000);
    }

    @Test
    void seededDropRateLosesFramesReproducibly(TestInfo info) throws Exception {
        int[] received = new int[2];
        for (int run = 0; run < 2; run++) {
            String n = name(info) + run + "?drop=0.3&seed=42";
            CanBus tx = open(n);
            CanBus rx = open(n);
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                tx.send(CanFrame.of(i));
            }
            VirtualInterface vi = VirtualInterface.named(n.substring(8, n.indexOf('?')));
            await().atMost(WAIT).until(() -> vi.framesInFlight() == 0 && vi.lostFrames() + countQueued(rx, ids) >= 200);
            received[run] = ids.size();
            assertThat(vi.lostFrames()).isEqualTo(200 - ids.size());
        }
        assertThat(received[0]).isBetween(100, 180).isEqualTo(received[1]);
    }

    private static int countQueued(CanBus rx, List<Integer> ids) throws InterruptedException {
        ReceivedFrame f;
        while ((f = rx.receive(Duration.ZERO)) != null) {
            ids.add(f.frame().id());
        }
        return ids.size();
    }

    @Test
    void addedDelayIsApplied(TestInfo info) throws Exception {
        String n = name(info) + "?delay=30ms";
        CanBus tx = open(n);
        CanBus rx = open(n);
        long before = System.nanoTime();
        tx.send(CanFrame.of(1));
        assertThat(rx.receive(WAIT)).isNotNull();
        assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(30_000_000L);
    }

    @Test
    void cyclicTransmissionSendsExactlyCountFrames(TestInfo info) throws Exception {
        String n = name(info);
        CanBus tx = open(n);
        CanBus rx = open(n);
        CyclicTransmission cyclic = tx.sendCyclic(CanFrame.of(0x321, (byte) 1), Duration.ofMillis(5), 6);
        await().atMost(WAIT).until(() -> !cyclic.isActive());
        int seen = 0;
        while (rx.receive(Duration.ofMillis(100)) != null) {
            seen++;
        }
        assertThat(seen).isEqualTo(6);
        assertThat(cyclic.sentCount()).isEqualTo(6);
    }

    @Test
    void cyclicTransmissionTakesUpdatesOfItsOwnIdOnly(TestInfo info) throws Exception {
        String n = name(info);
        CanBus tx = open(n);
        CanBus rx = open(n);
        CyclicTransmission cyclic = tx.sendCyclic(CanFrame.of(0x321, (byte) 1), Duration.ofMillis(5), 0);
        assertThat(rx.receive(WAIT).frame().dataByte(0)).isEqualTo(1);
        cyclic.update(CanFrame.of(0x321, (byte) 2));
        assertThatThrownBy(() -> cyclic.update(CanFrame.of(0x322))).hasMessageContaining("keep the id");
        ReceivedFrame r;
        do {
            r = rx.receive(WAIT);
        } while (r != null && r.frame().dataByte(0) == 1);
        assertThat(r).as("a frame with the updated data").isNotNull();
        assertThat(r.frame().dataByte(0)).isEqualTo(2);
        assertThat(cyclic.isActive()).isTrue();
        cyclic.close();
        assertThat(cyclic.isActive()).isFalse();
    }

    @Test
    void cyclicTransmissionStopsWhenClosedAndWithItsEndpoint(TestInfo info) throws Exception {
        String n = name(info);
        CanBus tx = open(n);
        CanBus rx = open(n);
        CyclicTransmission cyclic = tx.sendCyclic(CanFrame.of(0x100), Duration.ofMillis(2), 0);
        assertThat(rx.receive(WAIT)).isNotNull();
        tx.close();
        assertThat(cyclic.isActive()).isFalse();
        long sent = cyclic.sentCount();
        while (rx.receive(Duration.ofMillis(100)) != null) {
            // drain what was sent before the close
        }
        assertThat(cyclic.sentCount()).isEqualTo(sent);
    }

    @Test
    void contentWatchReportsChangesUnderTheMaskAndSilence(TestInfo info) throws Exception {
        String n = name(info);
        CanBus tx = open(n);
        List<Integer> changes = new CopyOnWriteArrayList<>();
        AtomicInteger timeouts = new AtomicInteger();
        CanBus watched = open(n);
        Subscription watch = watched.watchContent(
                ContentFilter.onChange(0x200, false, (byte) 0xFF, (byte) 0x00).withTimeout(Duration.ofMillis(150)),
                new ContentListener() {
                    @Override
                    public void onChange(ReceivedFrame frame) {
                        changes.add(frame.frame().dataByte(0));
                    }

                    @Override
                    public void onTimeout(ContentFilter filter) {
                        timeouts.incrementAndGet();
                    }
                });
        await().atMost(WAIT).until(() -> VirtualInterface.named(n.substring(8)).endpointCount() == 3);
        tx.send(CanFrame.of(0x200, (byte) 1, (byte) 1));
        tx.send(CanFrame.of(0x200, (byte) 1, (byte) 2)); // masked byte: no change
        tx.send(CanFrame.of(0x201, (byte) 9, (byte) 9)); // other id
        tx.send(CanFrame.of(0x200, (byte) 3, (byte) 2));
        await().atMost(WAIT).until(() -> changes.size() == 2);
        assertThat(changes).containsExactly(1, 3);
        await().atMost(WAIT).until(() -> timeouts.get() == 1);
        watch.close();
        tx.send(CanFrame.of(0x200, (byte) 7));
        assertThat(VirtualInterface.named(n.substring(8)).endpointCount()).isEqualTo(2);
    }

    @Test
    void badNamesAreRejectedPlainly() {
        assertThatThrownBy(() -> CanBuses.open("virtual:has space")).isInstanceOf(CanException.class)
                .hasMessageContaining("has space");
        assertThatThrownBy(() -> CanBuses.open("virtual:x?bitrate=fast")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> CanBuses.open("virtual:x?color=red")).hasMessageContaining("unknown virtual bus parameter");
        assertThatThrownBy(() -> CanBuses.open(" ")).hasMessageContaining("no bus name");
    }
}
