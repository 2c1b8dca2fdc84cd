package dev.obdio.isotp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.Subscription;
import dev.obdio.can.socketcan.CanUtilsTool;
import dev.obdio.can.socketcan.RequiresSocketCan;
import dev.obdio.can.socketcan.SocketCanCondition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kernel engine on a real SocketCAN interface: engine selection, the kernel's errors reaching
 * the API as typed faults (with the java engine beside it for the same situation), listeners,
 * closing, and the limits. Peers that misbehave on purpose are played with raw frames.
 */
@RequiresSocketCan
class KernelEngineSocketCanTest {
    private static final String IF = SocketCanCondition.testInterface();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final IsoTpOptions TESTER = IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7A0, 0x7A8));
    private static final IsoTpOptions ECU = IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7A8, 0x7A0));

    /** A raw endpoint seeing the frames of one identifier. */
    private static CanBus raw(int id) {
        return CanBuses.open(IF, BusOptions.DEFAULTS.withFilters(CanFilterSet.of(CanFilter.standardId(id))));
    }

    private static CanFrame awaitFrame(CanBus bus, Predicate<CanFrame> which) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            ReceivedFrame f = bus.receive(Duration.ofMillis(200));
            if (f != null && which.test(f.frame())) {
                return f.frame();
            }
        }
        throw new AssertionError("no such frame on " + IF + " within " + WAIT);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static IsoTpError faultOf(ThrowingRunnable call) {
        try {
            call.run();
        } catch (IsoTpException e) {
            return e.error();
        } catch (Exception e) {
            throw new AssertionError("expected an IsoTpException, got " + e, e);
        }
        throw new AssertionError("expected an IsoTpException, the call succeeded");
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ------------------------------------------------------------------------------ engine selection

    @Test
    void autoPicksTheKernelOnSocketCanAndTheJavaEngineElsewhere() throws Exception {
        assertThat(IsoTp.chooseEngine(IF, TESTER, IsoTp.Engine.AUTO).engine()).isEqualTo(IsoTp.Engine.KERNEL);
        try (IsoTpChannel c = IsoTp.open(IF, TESTER)) {
            assertThat(IsoTp.engineOf(c)).contains(IsoTp.Engine.KERNEL);
            assertThat(c.toString()).contains("kernel");
        }
        assertThat(IsoTp.chooseEngine("virtual:x", TESTER, IsoTp.Engine.AUTO).engine()).isEqualTo(IsoTp.Engine.JAVA);
        IsoTpOptions odd = TESTER.withTimeouts(TESTER.timeouts().withNCr(Duration.ofMillis(300)));
        IsoTp.EngineChoice c = IsoTp.chooseEngine(IF, odd, IsoTp.Engine.AUTO);
        assertThat(c.engine()).isEqualTo(IsoTp.Engine.JAVA);
        assertThat(c.reason()).contains("nCr 300 ms");
        assertThatThrownBy(() -> IsoTp.open(IF, odd, IsoTp.Engine.KERNEL)).isInstanceOfSatisfying(CanException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(CanException.Reason.NOT_SUPPORTED);
                    assertThat(e.getMessage()).contains("nCr 300 ms: the kernel waits exactly 1 s");
                });
        assertThatThrownBy(() -> IsoTp.open(IF, TESTER.withMaxPduLength(KernelIsoTp.probe().facts().maxPduLength() + 1),
                IsoTp.Engine.KERNEL)).isInstanceOf(CanException.class).hasMessageContaining("maxPduLength");
    }

    @Test
    void interfaceProblemsAreNamed() {
        assertThatThrownBy(() -> IsoTp.open("vcan97", TESTER, IsoTp.Engine.KERNEL))
                .isInstanceOfSatisfying(CanException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CanException.Reason.NO_SUCH_INTERFACE);
                    assertThat(e.getMessage()).isEqualTo("vcan97: no such CAN interface; list them with: ip -br link"
                            + " show type can");
                });
        CanUtilsTool.ip("link", "add", "dev", "vcan98", "type", "vcan");
        try {
            CanUtilsTool.ip("link", "set", "vcan98", "mtu", "16");
            assertThatThrownBy(() -> IsoTp.open("vcan98", TESTER, IsoTp.Engine.KERNEL))
                    .isInstanceOfSatisfying(CanException.class, e -> assertThat(e.reason())
                            .isEqualTo(CanException.Reason.INTERFACE_DOWN));
            CanUtilsTool.ip("link", "set", "vcan98", "up");
            assertThatThrownBy(() -> IsoTp.open("vcan98", TESTER.withCanFd(64, false), IsoTp.Engine.KERNEL))
                    .isInstanceOfSatisfying(CanException.class, e -> {
                        assertThat(e.reason()).isEqualTo(CanException.Reason.NOT_SUPPORTED);
                        assertThat(e.getMessage()).startsWith("vcan98: the interface does not carry CAN FD frames");
                    });
        } finally {
            CanUtilsTool.ip("link", "del", "dev", "vcan98");
        }
    }

    // ------------------------------------------------------------------------------ errors

    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"KERNEL", "JAVA"})
    void flowControlTimeoutWithoutReceiver(IsoTp.Engine engine) throws Exception {
        try (IsoTpChannel tester = IsoTp.open(IF, TESTER, engine)) {
            IsoTpError error = faultOf(() -> tester.send(new byte[100]));
            assertThat(error).isEqualTo(new IsoTpError.FlowControlTimeout(Duration.ofSeconds(1)));
            assertThat(error.direction()).isEqualTo(IsoTpError.Direction.TRANSMIT);
            // A single frame needs no receiver: the channel goes on.
            tester.send(new byte[] {0x3E, 0x00});
        }
    }

    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"KERNEL", "JAVA"})
    void truncatedTransferTimesOut(IsoTp.Engine engine) throws Exception {
        try (CanBus peer = raw(0x7A8); IsoTpChannel ecu = IsoTp.open(IF, ECU, engine)) {
            CanBus sender = CanBuses.open(IF);
            try {
                sender.send(CanFrame.of(0x7A0, bytes(0x10, 0x14, 1, 2, 3, 4, 5, 6)));
                awaitFrame(peer, f -> f.dataByte(0) == 0x30); // the ECU's flow control
                sender.send(CanFrame.of(0x7A0, bytes(0x21, 7, 8, 9, 10, 11, 12, 13)));
                IsoTpError error = faultOf(() -> ecu.receive(WAIT));
                assertThat(error).isInstanceOfSatisfying(IsoTpError.ConsecutiveFrameTimeout.class, t -> {
                    assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(1));
                    if (engine == IsoTp.Engine.JAVA) {
                        assertThat(t.receivedBytes()).isEqualTo(13);
                        assertThat(t.expectedBytes()).isEqualTo(20);
                    }
                });
                // The next PDU is received normally.
                sender.send(CanFrame.of(0x7A0, bytes(0x02, 0x3E, 0x00)));
                assertThat(ecu.receive(WAIT)).containsExactly(0x3E, 0x00);
            } finally {
                sender.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"KERNEL", "JAVA"})
    void wrongSequenceNumber(IsoTp.Engine engine) throws Exception {
        try (CanBus peer = raw(0x7A8); CanBus sender = CanBuses.open(IF); IsoTpChannel ecu = IsoTp.open(IF, ECU, engine)) {
            sender.send(CanFrame.of(0x7A0, bytes(0x10, 0x14, 1, 2, 3, 4, 5, 6)));
            awaitFrame(peer, f -> f.dataByte(0) == 0x30);
            sender.send(CanFrame.of(0x7A0, bytes(0x22, 7, 8, 9, 10, 11, 12, 13)));
            assertThat(faultOf(() -> ecu.receive(WAIT))).isInstanceOf(IsoTpError.WrongSequenceNumber.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"KERNEL", "JAVA"})
    void badPaddingOnReceive(IsoTp.Engine engine) throws Exception {
        IsoTpOptions strict = ECU.withPadding(IsoTpOptions.Padding.strict(0xAA));
        try (CanBus sender = CanBuses.open(IF); IsoTpChannel ecu = IsoTp.open(IF, strict, engine)) {
            sender.send(CanFrame.of(0x7A0, bytes(0x03, 0x22, 0xF1, 0x90))); // not padded to 8 bytes
            assertThat(faultOf(() -> ecu.receive(WAIT))).isInstanceOfSatisfying(IsoTpError.BadPadding.class,
                    b -> assertThat(b.direction()).isEqualTo(IsoTpError.Direction.RECEIVE));
            sender.send(CanFrame.of(0x7A0, bytes(0x03, 0x22, 0xF1, 0x90, 0xAA, 0xAA, 0xAA, 0xAA)));
            assertThat(ecu.receive(WAIT)).containsExactly(0x22, 0xF1, 0x90);
        }
    }

    @Test
    void overflowBothWays() throws Exception {
        try (IsoTpChannel kernel = IsoTp.open(IF, TESTER, IsoTp.Engine.KERNEL);
             IsoTpChannel java = IsoTp.open(IF, ECU.withMaxPduLength(100), IsoTp.Engine.JAVA)) {
            assertThat(faultOf(() -> kernel.send(new byte[200]))).isEqualTo(new IsoTpError.Overflow(200));
        }
        int beyond = KernelIsoTp.probe().facts().maxPduLength() + 1;
        try (IsoTpChannel kernel = IsoTp.open(IF, ECU, IsoTp.Engine.KERNEL);
             IsoTpChannel java = IsoTp.open(IF, TESTER.withMaxPduLength(beyond), IsoTp.Engine.JAVA)) {
            assertThat(faultOf(() -> java.send(new byte[beyond]))).isEqualTo(new IsoTpError.Overflow(beyond));
        }
    }

    @Test
    void aPduLongerThanMaxPduLengthIsDroppedByTheKernelEngine() throws Exception {
        try (IsoTpChannel tester = IsoTp.open(IF, TESTER, IsoTp.Engine.KERNEL);
             IsoTpChannel ecu = IsoTp.open(IF, ECU.withMaxPduLength(100), IsoTp.Engine.KERNEL)) {
            tester.send(new byte[200]); // the kernel has room for it: no OVFLW
            assertThat(faultOf(() -> ecu.receive(WAIT))).isEqualTo(new IsoTpError.PduTooLong(200, 100));
            tester.send(new byte[100]);
            assertThat(ecu.receive(WAIT)).hasSize(100);
        }
    }

    /** Answers every first frame on 0x7A0 with the given flow controls, one after the other. */
    private static CompletableFuture<Void> answerFirstFrame(CanBus peer, CanBus sender, byte[]... flowControls) {
        return CompletableFuture.runAsync(() -> {
            try {
                awaitFrame(peer, f -> (f.dataByte(0) & 0xF0) == 0x10);
                for (byte[] fc : flowControls) {
                    sender.send(CanFrame.of(0x7A8, fc));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void waitFlowControls() throws Exception {
        try (CanBus peer = raw(0x7A0); CanBus sender = CanBuses.open(IF)) {
            try (IsoTpChannel kernel = IsoTp.open(IF, TESTER, IsoTp.Engine.KERNEL)) {
                CompletableFuture<Void> answered = answerFirstFrame(peer, sender, bytes(0x31, 0, 0), bytes(0x31, 0, 0),
                        bytes(0x30, 0, 0));
                kernel.send(new byte[30]); // the kernel waits through the WAITs and goes on
                answered.get(10, TimeUnit.SECONDS);
                assertThat(awaitFrame(peer, f -> f.dataByte(0) == 0x24)).isNotNull(); // its last consecutive frame
            }
            try (IsoTpChannel java = IsoTp.open(IF, TESTER.withMaxWaitFrames(1), IsoTp.Engine.JAVA)) {
                CompletableFuture<Void> answered = answerFirstFrame(peer, sender, bytes(0x31, 0, 0), bytes(0x31, 0, 0));
                assertThat(faultOf(() -> java.send(new byte[30]))).isEqualTo(new IsoTpError.WaitFrameLimit(1));
                answered.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"KERNEL", "JAVA"})
    void malformedFlowControlFailsTheSend(IsoTp.Engine engine) throws Exception {
        try (CanBus peer = raw(0x7A0); CanBus sender = CanBuses.open(IF);
             IsoTpChannel tester = IsoTp.open(IF, TESTER, engine)) {
            answerFirstFrame(peer, sender, bytes(0x30, 0x00));
            IsoTpError error = faultOf(() -> tester.send(new byte[30]));
            assertThat(error).isInstanceOfSatisfying(IsoTpError.MalformedFrame.class,
                    m -> assertThat(m.frameType()).isEqualTo(FrameType.FLOW_CONTROL));
            assertThat(error.direction()).isEqualTo(IsoTpError.Direction.TRANSMIT);
        }
    }

    // ------------------------------------------------------------------------------ API behaviour

    @Test
    void listenersGetTheKernelsEvents() throws Exception {
        List<IsoTpEvent> events = new CopyOnWriteArrayList<>();
        try (IsoTpChannel tester = IsoTp.open(IF, TESTER, IsoTp.Engine.KERNEL);
             IsoTpChannel ecu = IsoTp.open(IF, ECU, IsoTp.Engine.KERNEL)) {
            Subscription s = ecu.subscribe(events::add);
            assertThatThrownBy(() -> ecu.receive(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
            tester.send(new byte[] {0x22, (byte) 0xF1, (byte) 0x90});
            await().atMost(WAIT).until(() -> !events.isEmpty()); // answer once the request is in, as an ECU does
            ecu.sendAsync(new byte[50]).get(10, TimeUnit.SECONDS);
            assertThat(tester.receive(WAIT)).hasSize(50);
            await().atMost(WAIT).until(() -> events.size() >= 2);
            assertThat(events).containsExactly(new IsoTpEvent.Received(new byte[] {0x22, (byte) 0xF1, (byte) 0x90}),
                    new IsoTpEvent.Sent(50));
            s.close();
            tester.send(new byte[] {0x3E, 0x00});
            assertThat(ecu.receive(WAIT)).containsExactly(0x3E, 0x00);
        }
        try (IsoTpChannel lonely = IsoTp.open(IF, TESTER, IsoTp.Engine.KERNEL)) {
            List<IsoTpEvent> failures = new CopyOnWriteArrayList<>();
            lonely.subscribe(failures::add);
            assertThatThrownBy(() -> lonely.sendAsync(new byte[100]).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IsoTpException.class);
            await().atMost(WAIT).until(() -> !failures.isEmpty());
            assertThat(failures).containsExactly(new IsoTpEvent.Failed(new IsoTpError.FlowControlTimeout(
                    Duration.ofSeconds(1))));
        }
    }

    /**
     * A zero timeout polls: it used to block for the socket's SO_RCVTIMEO slice (20 ms), which cost
     * the UDS client 20 ms per request (it drains stale responses with receive(ZERO) first). 200
     * blocking polls take at least 4 s; 200 non-blocking ones a few milliseconds even in the guest.
     */
    @Test
    void aZeroTimeoutPollsWithoutBlocking() throws Exception {
        try (IsoTpChannel tester = IsoTp.open(IF, TESTER, IsoTp.Engine.KERNEL);
             IsoTpChannel ecu = IsoTp.open(IF, ECU, IsoTp.Engine.KERNEL)) {
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                assertThat(tester.receive(Duration.ZERO)).isNull();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            ecu.send(new byte[] {0x62, 0x01});
            await().atMost(WAIT).until(() -> {
                byte[] got = tester.receive(Duration.ZERO);
                return got != null && got.length == 2;
            });
        }
    }

    @Test
    void closeUnblocksAReceiverAndFailsQueuedSends() throws Exception {
        KernelIsoTpChannel tester = (KernelIsoTpChannel) IsoTp.open(IF, TESTER, IsoTp.Engine.KERNEL);
        CompletableFuture<Throwable> receiver = CompletableFuture.supplyAsync(() -> {
            try {
                tester.receive(Duration.ofSeconds(60));
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        CompletableFuture<Void> first = tester.sendAsync(new byte[100]); // nobody answers: the kernel waits 1 s
        CompletableFuture<Void> second = tester.sendAsync(new byte[100]);
        tester.close();
        assertThat(receiver.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(CanException.class,
                e -> assertThat(e.reason()).isEqualTo(CanException.Reason.CLOSED));
        for (CompletableFuture<Void> f : List.of(first, second)) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CanException.class);
        }
        // The descriptor is closed once the kernel has given up on the transfer in flight.
        await().atMost(WAIT).until(tester.socket()::descriptorClosed);
        assertThatThrownBy(() -> tester.send(new byte[1])).isInstanceOf(CanException.class);
        tester.close(); // idempotent
    }

    @Test
    void listenOnlyHearsAConversationWithoutTakingPart() throws Exception {
        try (IsoTpChannel tester = IsoTp.open(IF, TESTER, IsoTp.Engine.KERNEL);
             IsoTpChannel ecu = IsoTp.open(IF, ECU, IsoTp.Engine.KERNEL);
             IsoTpChannel listener = IsoTp.open(IF, TESTER.withListenOnly(true)
                     .withAddress(IsoTpAddress.normal11(0x7A1, 0x7A8)), IsoTp.Engine.KERNEL)) {
            byte[] response = new byte[300];
            response[0] = 0x62;
            tester.send(new byte[] {0x22, (byte) 0xF1, (byte) 0x90});
            assertThat(ecu.receive(WAIT)).hasSize(3);
            ecu.send(response);
            assertThat(tester.receive(WAIT)).isEqualTo(response);
            assertThat(listener.receive(WAIT)).isEqualTo(response);
        }
    }

    @Test
    void pdusBeyondJavaCansWriteLimitGoThrough() throws Exception {
        IsoTpOptions big = TESTER.withMaxPduLength(KernelIsoTp.probe().facts().maxPduLength());
        try (IsoTpChannel tester = IsoTp.open(IF, big, IsoTp.Engine.KERNEL);
             IsoTpChannel ecu = IsoTp.open(IF, big.withAddress(ECU.address()), IsoTp.Engine.KERNEL)) {
            for (int size : new int[] {4096, 8300, big.maxPduLength()}) {
                byte[] pdu = new byte[size];
                for (int i = 0; i < size; i++) {
                    pdu[i] = (byte) (i * 7);
                }
                tester.send(pdu);
                assertThat(ecu.receive(WAIT)).isEqualTo(pdu);
            }
        }
    }

    @Test
    void singleFrameBroadcastSendsAndRefusesLongPdus() throws Exception {
        try (CanBus peer = raw(0x7DF);
             IsoTpChannel functional = IsoTp.open(IF, TESTER.withAddress(IsoTpAddress.normal11(0x7DF, 0x7E8))
                     .withBroadcast(IsoTpOptions.Broadcast.SINGLE_FRAME), IsoTp.Engine.KERNEL)) {
            functional.send(new byte[] {0x01, 0x00});
            assertThat(awaitFrame(peer, f -> true).data()).containsExactly(0x02, 0x01, 0x00);
            assertThatThrownBy(() -> functional.send(new byte[8])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("single frame");
            assertThat(functional.receive(Duration.ofMillis(100))).isNull();
        }
    }

    @Test
    void kernelAndJavaChannelsShareAnInterface() throws Exception {
        // Many channels, both engines, on one interface: each hears only its own identifiers.
        try (IsoTpChannel k1 = IsoTp.open(IF, TESTER, IsoTp.Engine.KERNEL);
             IsoTpChannel e1 = IsoTp.open(IF, ECU, IsoTp.Engine.JAVA);
             IsoTpChannel k2 = IsoTp.open(IF, TESTER.withAddress(IsoTpAddress.normal11(0x7B0, 0x7B8)), IsoTp.Engine.JAVA);
             IsoTpChannel e2 = IsoTp.open(IF, ECU.withAddress(IsoTpAddress.normal11(0x7B8, 0x7B0)), IsoTp.Engine.KERNEL)) {
            k1.send(new byte[] {1});
            k2.send(new byte[] {2});
            assertThat(e1.receive(WAIT)).containsExactly(1);
            assertThat(e2.receive(WAIT)).containsExactly(2);
            assertThat(e1.receive(Duration.ofMillis(50))).isNull();
        }
    }
}
