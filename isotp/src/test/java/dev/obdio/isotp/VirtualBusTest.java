package dev.obdio.isotp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanException;
import dev.obdio.can.VirtualInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Java engine to java engine over the in-process virtual bus, with real threads and clocks:
 * random sizes and options (fixed, printed seed), a bus with wire timing and one that loses
 * frames. Nothing here asserts wall-clock timing; waits are bounded by futures with timeouts.
 */
class VirtualBusTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String busName(String what) {
        return "virtual:isotp-" + what + "-" + NAMES.incrementAndGet() + "-" + System.nanoTime();
    }

    /** The two ends of one connection: the tester's options and the ECU's mirror image. */
    private record Pair(IsoTpOptions tester, IsoTpOptions ecu) {
    }

    private static Pair randomPair(SplittableRandom r) {
        IsoTpAddress t;
        IsoTpAddress e;
        switch (r.nextInt(6)) {
            case 0 -> {
                t = IsoTpAddress.normal11(0x7E0, 0x7E8);
                e = IsoTpAddress.normal11(0x7E8, 0x7E0);
            }
            case 1 -> {
                t = IsoTpAddress.normal29(0x18DA10F1, 0x18DAF110);
                e = IsoTpAddress.normal29(0x18DAF110, 0x18DA10F1);
            }
            case 2 -> {
                t = IsoTpAddress.normalFixed(0x10, 0xF1);
                e = IsoTpAddress.normalFixed(0xF1, 0x10);
            }
            case 3 -> {
                t = new IsoTpAddress.Extended(0x600, 0x601, false, 0x10, 0xF1);
                e = new IsoTpAddress.Extended(0x601, 0x600, false, 0xF1, 0x10);
            }
            case 4 -> {
                t = new IsoTpAddress.Mixed11(0x700, 0x701, 0x42);
                e = new IsoTpAddress.Mixed11(0x701, 0x700, 0x42);
            }
            default -> {
                t = new IsoTpAddress.Mixed29(0x10, 0xF1, 0x42, false);
                e = new IsoTpAddress.Mixed29(0xF1, 0x10, 0x42, false);
            }
        }
        IsoTpOptions base = IsoTpOptions.DEFAULTS.withMaxPduLength(10_000);
        if (r.nextBoolean()) {
            base = base.withPadding(IsoTpOptions.Padding.strict(0xAA));
        }
        int[] dls = {8, 12, 16, 20, 24, 32, 48, 64};
        boolean fd = r.nextInt(3) == 0;
        IsoTpOptions tester = base.withAddress(t);
        IsoTpOptions ecu = base.withAddress(e);
        if (fd) {
            tester = tester.withCanFd(dls[r.nextInt(dls.length)], r.nextBoolean());
            ecu = ecu.withCanFd(dls[r.nextInt(dls.length)], false);
        }
        int[] stMins = {0, 0, 0, 0xF1, 0xF3, 1};
        tester = tester.withBlockSize(r.nextInt(17)).withStMin(stMins[r.nextInt(stMins.length)]);
        ecu = ecu.withBlockSize(r.nextInt(17)).withStMin(stMins[r.nextInt(stMins.length)]);
        return new Pair(tester, ecu);
    }

    @Test
    void randomSizesAndOptionsBothWays() throws Exception {
        long seed = 20240611L;
        System.out.println("VirtualBusTest.randomSizesAndOptionsBothWays seed=" + seed);
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 24; round++) {
            Pair pair = randomPair(r);
            String bus = busName("random");
            try (IsoTpChannel tester = IsoTp.open(bus, pair.tester(), IsoTp.Engine.JAVA);
                 IsoTpChannel ecu = IsoTp.open(bus, pair.ecu(), IsoTp.Engine.JAVA)) {
                for (int i = 0; i < 3; i++) {
                    boolean slow = pair.tester().flowControl().stMin() != 0 || pair.ecu().flowControl().stMin() != 0;
                    int size = 1 + r.nextInt(slow ? 300 : 5000);
                    byte[] request = randomBytes(r, size);
                    byte[] answer = randomBytes(r, 1 + r.nextInt(slow ? 300 : 5000));
                    String what = "round " + round + " " + pair + " sizes " + request.length + "/" + answer.length;
                    tester.sendAsync(request).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    assertThat(ecu.receive(WAIT)).as(what).isEqualTo(request);
                    ecu.send(answer);
                    assertThat(tester.receive(WAIT)).as(what).isEqualTo(answer);
                }
            }
        }
    }

    @Test
    void extremeSizesOnSeparateEndpoints() throws Exception {
        VirtualInterface vi = VirtualInterface.named("isotp-endpoints-" + System.nanoTime());
        try (CanBus a = vi.openEndpoint(BusOptions.DEFAULTS); CanBus b = vi.openEndpoint(BusOptions.DEFAULTS);
             IsoTpChannel tester = IsoTp.open(a, IsoTpOptions.DEFAULTS.withMaxPduLength(70_000));
             IsoTpChannel ecu = IsoTp.open(b, IsoTpOptions.DEFAULTS.withMaxPduLength(70_000)
                     .withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0)))) {
            for (int size : new int[] {1, 7, 8, 4095, 4096, 10_000, 70_000}) {
                byte[] p = randomBytes(new SplittableRandom(size), size);
                tester.send(p);
                assertThat(ecu.receive(WAIT)).as("size " + size).isEqualTo(p);
            }
        }
    }

    @Test
    void aBusWithRealWireTiming() throws Exception {
        String bus = busName("wire") + "?bitrate=500000";
        try (IsoTpChannel tester = IsoTp.open(bus, IsoTpOptions.DEFAULTS.withTxPadding(0xCC));
             IsoTpChannel ecu = IsoTp.open(bus, IsoTpOptions.DEFAULTS.withTxPadding(0xCC).withBlockSize(8).withStMin(0xF2)
                     .withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0)))) {
            byte[] p = randomBytes(new SplittableRandom(3), 4095);
            tester.send(p);
            assertThat(ecu.receive(WAIT)).isEqualTo(p);
            ecu.send(p);
            assertThat(tester.receive(WAIT)).isEqualTo(p);
        }
    }

    @Test
    void aLossyBusReportsTimeoutsInsteadOfHanging() throws Exception {
        String bus = busName("lossy") + "?drop=0.05&seed=11";
        IsoTpOptions fast = IsoTpOptions.DEFAULTS.withTimeouts(Duration.ofMillis(50)).withBlockSize(4);
        try (IsoTpChannel tester = IsoTp.open(bus, fast);
             IsoTpChannel ecu = IsoTp.open(bus, fast.withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0)))) {
            List<IsoTpEvent> ecuEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
            ecu.subscribe(ecuEvents::add);
            SplittableRandom r = new SplittableRandom(5);
            List<byte[]> attempted = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < 40; i++) {
                byte[] p = randomBytes(r, 20 + r.nextInt(200));
                attempted.add(p);
                CompletableFuture<Void> f = tester.sendAsync(p);
                try {
                    f.get(WAIT.toSeconds(), TimeUnit.SECONDS); // always completes: timeouts end every transfer
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(IsoTpException.class);
                    assertThat(((IsoTpException) e.getCause()).error()).isInstanceOf(IsoTpError.FlowControlTimeout.class);
                    failed++;
                }
            }
            assertThat(failed).as("transfers that failed on a bus losing 5% of frames").isPositive();
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> ecuEvents.stream()
                    .anyMatch(e -> e instanceof IsoTpEvent.Failed f && f.error().abortsTransfer()));
            // Whatever arrived is intact: every PDU received is one that was sent.
            for (IsoTpEvent e : ecuEvents) {
                if (e instanceof IsoTpEvent.Received rec) {
                    assertThat(attempted).anyMatch(s -> java.util.Arrays.equals(s, rec.data()));
                }
            }
            // The connection still works when the bus behaves.
            VirtualInterface.named(bus.substring("virtual:".length(), bus.indexOf('?')))
                    .configure(dev.obdio.can.VirtualLinkSettings.IDEAL);
            ecuEvents.clear();
            byte[] last = randomBytes(r, 500);
            tester.send(last);
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> ecuEvents.stream()
                    .anyMatch(e -> e instanceof IsoTpEvent.Received rec && java.util.Arrays.equals(rec.data(), last)));
        }
    }

    @Test
    void aListenerCanAnswerWithABlockingSend() throws Exception {
        String bus = busName("answer");
        try (IsoTpChannel tester = IsoTp.open(bus, IsoTpOptions.DEFAULTS);
             IsoTpChannel ecu = IsoTp.open(bus, IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0)))) {
            CompletableFuture<Throwable> listenerOutcome = new CompletableFuture<>();
            ecu.subscribe(event -> {
                if (event instanceof IsoTpEvent.Received request) {
                    try {
                        byte[] answer = new byte[request.length() * 2];
                        answer[0] = (byte) (request.data()[0] + 0x40);
                        ecu.send(answer); // blocks the event thread until the transfer is done
                        listenerOutcome.complete(null);
                    } catch (Throwable t) {
                        listenerOutcome.complete(t);
                    }
                }
            });
            tester.send(new byte[] {0x22, (byte) 0xF1, (byte) 0x90, 0, 0, 0, 0, 0, 0, 0});
            byte[] answer = tester.receive(WAIT);
            assertThat(answer).hasSize(20).startsWith(0x62);
            assertThat(listenerOutcome.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void noPeerMeansAFlowControlTimeout() throws Exception {
        try (IsoTpChannel lonely = IsoTp.open(busName("lonely"), IsoTpOptions.DEFAULTS.withTimeouts(Duration.ofMillis(20)))) {
            assertThatThrownBy(() -> lonely.send(new byte[100])).isInstanceOf(IsoTpException.class)
                    .extracting(e -> ((IsoTpException) e).error())
                    .isEqualTo(new IsoTpError.FlowControlTimeout(Duration.ofMillis(20)));
            lonely.send(new byte[5]); // a single frame needs nobody
        }
    }

    @Test
    void theKernelEngineServesNoVirtualBusAndAutoUsesJava() {
        String bus = busName("engines");
        assertThatThrownBy(() -> IsoTp.open(bus, IsoTpOptions.DEFAULTS, IsoTp.Engine.KERNEL))
                .isInstanceOf(CanException.class)
                .hasMessageContaining("is not a SocketCAN interface")
                .extracting(e -> ((CanException) e).reason()).isEqualTo(CanException.Reason.NOT_SUPPORTED);
        try (IsoTpChannel c = IsoTp.open(bus, IsoTpOptions.DEFAULTS)) {
            assertThat(c).isInstanceOf(JavaIsoTpChannel.class);
            assertThat(c.busName()).isEqualTo(bus);
        }
    }

    @Test
    void channelsByNameShareOneEndpointThatClosesWithTheLast() throws Exception {
        String name = "isotp-share-" + System.nanoTime();
        VirtualInterface vi = VirtualInterface.named(name);
        IsoTpChannel a = IsoTp.open("virtual:" + name, IsoTpOptions.DEFAULTS);
        IsoTpChannel b = IsoTp.open("virtual:" + name, IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0)));
        assertThat(vi.endpointCount()).isEqualTo(1);
        a.close();
        assertThat(vi.endpointCount()).isEqualTo(1);
        b.close();
        assertThat(vi.endpointCount()).isZero();
        try (IsoTpChannel c = IsoTp.open("virtual:" + name, IsoTpOptions.DEFAULTS)) {
            assertThat(vi.endpointCount()).isEqualTo(1);
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void hundredsOfChannelsOnOneBus() throws Exception {
        String bus = busName("many");
        List<IsoTpChannel> testers = new ArrayList<>();
        List<IsoTpChannel> ecus = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                testers.add(IsoTp.open(bus, IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal29(0x1000 + i, 0x2000 + i))));
                ecus.add(IsoTp.open(bus, IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal29(0x2000 + i, 0x1000 + i))));
            }
            long threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().contains(bus)).count();
            assertThat(threads).as("threads serving the bus").isLessThanOrEqualTo(3);
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = 0; i < testers.size(); i++) {
                sends.add(testers.get(i).sendAsync(new byte[] {(byte) i, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
            }
            for (CompletableFuture<Void> f : sends) {
                f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            for (int i = 0; i < ecus.size(); i++) {
                assertThat(ecus.get(i).receive(WAIT)).containsExactly(i & 0xFF, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            }
        } finally {
            testers.forEach(IsoTpChannel::close);
            ecus.forEach(IsoTpChannel::close);
        }
    }

    private static byte[] randomBytes(SplittableRandom r, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }
}
