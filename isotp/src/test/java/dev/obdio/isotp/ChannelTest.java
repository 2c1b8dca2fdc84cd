package dev.obdio.isotp;

import static dev.obdio.isotp.Machine.bytes;
import static dev.obdio.isotp.Machine.data;
import static dev.obdio.isotp.Machine.hex;
import static dev.obdio.isotp.Machine.payload;
import static dev.obdio.isotp.Machine.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.CanException;
import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFrame;
import dev.obdio.can.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The java engine's driver on a fake bus with a fake clock and a hand-run timer and event
 * executor: queues, futures, blocking calls, listeners, routing and timing, without sleeping.
 */
class ChannelTest {
    private final FakeTicker ticker = new FakeTicker();
    private final ManualTimer timer = new ManualTimer(ticker);
    private final ManualExecutor events = new ManualExecutor();
    private final FakeBus bus = new FakeBus();
    private final IsoTpHub hub = new IsoTpHub(bus, true, ticker, timer, events, () -> { });

    private static IsoTpOptions options() {
        return Machine.normal();
    }

    private CanFrame rxFrame(int... bytes) {
        return CanFrame.of(Machine.RXID, bytes(bytes));
    }

    private void advanceMillis(long ms) {
        timer.advanceTo(ticker.read() + TimeUnit.MILLISECONDS.toNanos(ms));
        events.runAll();
    }

    private void advanceNanos(long nanos) {
        timer.advanceTo(ticker.read() + nanos);
        events.runAll();
    }

    private List<String> sentHex() {
        List<String> out = new ArrayList<>();
        for (CanFrame f : bus.takeSent()) {
            out.add(hex(f.data()));
        }
        return out;
    }

    @Test
    void queuedSingleFramesAllGoOutInOrder() throws Exception {
        JavaIsoTpChannel c = hub.open(options());
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            futures.add(c.sendAsync(payload(i, i)));
        }
        events.runAll();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            expected.add(hex(bytes(data(i, payload(i, i)))));
        }
        assertThat(sentHex()).containsExactlyElementsOf(expected);
        for (CompletableFuture<Void> f : futures) {
            assertThat(f).isCompleted();
            f.get();
        }
    }

    @Test
    void aQueuedSendWaitsForTheOneInProgress() {
        JavaIsoTpChannel c = hub.open(options());
        byte[] p1 = payload(10);
        byte[] p2 = payload(10, 1);
        CompletableFuture<Void> f1 = c.sendAsync(p1);
        CompletableFuture<Void> f2 = c.sendAsync(p2);
        assertThat(sentHex()).containsExactly(hex(bytes(data(0x10, 10, slice(p1, 0, 6)))));
        bus.inject(rxFrame(0x30, 0, 0));
        events.runAll();
        assertThat(f1).isCompleted();
        assertThat(f2).isNotDone();
        assertThat(sentHex()).containsExactly(hex(bytes(data(0x21, slice(p1, 6, 10)))),
                hex(bytes(data(0x10, 10, slice(p2, 0, 6)))));
        bus.inject(rxFrame(0x30, 0, 0));
        events.runAll();
        assertThat(f2).isCompleted();
        assertThat(sentHex()).containsExactly(hex(bytes(data(0x21, slice(p2, 6, 10)))));
    }

    @Test
    void consecutiveFramesLeaveExactlyWhenStMinHasPassed() {
        JavaIsoTpChannel c = hub.open(options());
        byte[] p = payload(20);
        c.sendAsync(p);
        bus.takeSent();
        bus.inject(rxFrame(0x30, 0, 10));
        assertThat(sentHex()).containsExactly(hex(bytes(data(0x21, slice(p, 6, 13)))));
        long cf1 = ticker.read();
        advanceNanos(TimeUnit.MILLISECONDS.toNanos(10) - 1);
        assertThat(bus.sent).isEmpty();
        advanceNanos(1);
        assertThat(ticker.read()).isEqualTo(cf1 + TimeUnit.MILLISECONDS.toNanos(10));
        assertThat(sentHex()).containsExactly(hex(bytes(data(0x22, slice(p, 13, 20)))));
    }

    @Test
    void microsecondStMinAsksTheTimerForAPreciseWakeUp() {
        JavaIsoTpChannel c = hub.open(options());
        c.sendAsync(payload(30));
        bus.takeSent();
        bus.inject(rxFrame(0x30, 0, 0xF1));
        assertThat(bus.takeSent()).hasSize(1);
        assertThat(c.timerEntry).isNotNull();
        assertThat(c.timerEntry.precise()).isTrue();
        assertThat(c.timerEntry.at() - ticker.read()).isEqualTo(100_000);
        advanceNanos(99_999);
        assertThat(bus.sent).isEmpty();
        advanceNanos(1);
        assertThat(bus.takeSent()).hasSize(1);
        assertThat(c.timerEntry.precise()).isTrue();
    }

    @Test
    void timeoutsAreNotPreciseDeadlines() {
        JavaIsoTpChannel c = hub.open(options());
        c.sendAsync(payload(30));
        assertThat(c.timerEntry.precise()).isFalse();
        assertThat(c.timerEntry.at() - ticker.read()).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void aFailedSendCompletesItsFutureWithTheError() {
        JavaIsoTpChannel c = hub.open(options());
        CompletableFuture<Void> f = c.sendAsync(payload(20));
        advanceMillis(1000);
        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IsoTpException.class)
                .extracting(e -> ((IsoTpException) e).error())
                .isEqualTo(new IsoTpError.FlowControlTimeout(Duration.ofSeconds(1)));
        assertThat(timer.pending()).isZero();
    }

    @Test
    void aBusThatRefusesFramesFailsTheSend() {
        JavaIsoTpChannel c = hub.open(options());
        bus.failSends = new CanException(CanException.Reason.INTERFACE_DOWN, "fake: the interface is down");
        CompletableFuture<Void> f = c.sendAsync(payload(3));
        events.runAll();
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IsoTpException.class)
                .hasMessage("could not send SINGLE_FRAME: fake: the interface is down");
        bus.failSends = null;
        CompletableFuture<Void> g = c.sendAsync(payload(3));
        events.runAll();
        assertThat(g).isCompleted();
    }

    @Test
    void blockingSendWaitsForTheTransferAndThrowsItsError() throws Exception {
        JavaIsoTpChannel c = hub.open(options());
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread sender = new Thread(() -> {
            try {
                c.send(payload(20));
                outcome.set(new AssertionError("no error"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        sender.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !bus.sent.isEmpty());
        bus.inject(rxFrame(0x32, 0, 0)); // overflow
        events.runAll();
        sender.join(10_000);
        assertThat(outcome.get()).isInstanceOf(IsoTpException.class);
        assertThat(((IsoTpException) outcome.get()).error()).isEqualTo(new IsoTpError.Overflow(20));
    }

    @Test
    void blockingSendReturnsWhenTheLastFrameIsOut() throws Exception {
        JavaIsoTpChannel c = hub.open(options());
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                c.send(payload(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !bus.sent.isEmpty());
        assertThat(done).isNotDone();
        bus.inject(rxFrame(0x30, 0, 0));
        events.runAll();
        done.get(10, TimeUnit.SECONDS);
        assertThat(bus.sent).hasSize(2);
    }

    @Test
    void receiveReturnsPdusAndThrowsForLostOnes() throws Exception {
        JavaIsoTpChannel c = hub.open(options());
        assertThat(c.receive(Duration.ZERO)).isNull();
        bus.inject(rxFrame(0x02, 0xAB, 0xCD));
        assertThat(c.receive(Duration.ZERO)).containsExactly(0xAB, 0xCD);
        bus.inject(rxFrame(0x10, 10, 1, 2, 3, 4, 5, 6));
        bus.inject(rxFrame(0x23, 1, 2, 3, 4));
        assertThatThrownBy(() -> c.receive(Duration.ZERO)).isInstanceOf(IsoTpException.class)
                .extracting(e -> ((IsoTpException) e).error())
                .isEqualTo(new IsoTpError.WrongSequenceNumber(1, 3));
        bus.inject(rxFrame(0x21, 1, 2, 3)); // stray: not an error for receive()
        bus.inject(rxFrame(0x01, 0x77));
        assertThat(c.receive(Duration.ZERO)).containsExactly(0x77);
    }

    @Test
    void aConsecutiveFrameTimeoutReachesReceive() {
        JavaIsoTpChannel c = hub.open(options());
        bus.inject(rxFrame(0x10, 10, 1, 2, 3, 4, 5, 6));
        advanceMillis(1000);
        assertThatThrownBy(() -> c.receive(Duration.ZERO)).isInstanceOf(IsoTpException.class)
                .hasMessage("no consecutive frame within N_Cr = 1000 ms (6 of 10 bytes received)");
    }

    @Test
    void listenersGetEveryEventInOrderAndReceiveIsThenUnavailable() {
        JavaIsoTpChannel c = hub.open(options());
        List<IsoTpEvent> seen = new CopyOnWriteArrayList<>();
        Subscription s = c.subscribe(seen::add);
        assertThatThrownBy(() -> c.receive(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        bus.inject(rxFrame(0x02, 1, 2));
        bus.inject(rxFrame(0x21, 1, 2));
        c.sendAsync(payload(3));
        assertThat(seen).isEmpty(); // not on the protocol threads
        events.runAll();
        assertThat(seen).containsExactly(new IsoTpEvent.Received(bytes(1, 2)),
                new IsoTpEvent.Failed(new IsoTpError.UnexpectedFrame(FrameType.CONSECUTIVE_FRAME)),
                new IsoTpEvent.Sent(3));
        s.close();
        bus.inject(rxFrame(0x01, 9));
        events.runAll();
        assertThat(seen).hasSize(3);
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthers() {
        JavaIsoTpChannel c = hub.open(options());
        List<IsoTpEvent> seen = new ArrayList<>();
        c.subscribe(e -> {
            throw new IllegalStateException("listener bug");
        });
        c.subscribe(seen::add);
        Thread.UncaughtExceptionHandler old = Thread.currentThread().getUncaughtExceptionHandler();
        List<Throwable> reported = new ArrayList<>();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            bus.inject(rxFrame(0x01, 9));
            events.runAll();
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(old);
        }
        assertThat(seen).hasSize(1);
        assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("listener bug");
    }

    @Test
    void aFullReceiveQueueDropsAndCounts() throws Exception {
        JavaIsoTpChannel c = hub.open(options().withReceiveQueueCapacity(2));
        for (int i = 0; i < 5; i++) {
            bus.inject(rxFrame(0x01, i));
        }
        assertThat(c.droppedPdus()).isEqualTo(3);
        assertThat(c.receive(Duration.ZERO)).containsExactly(0);
        assertThat(c.receive(Duration.ZERO)).containsExactly(1);
        assertThat(c.receive(Duration.ZERO)).isNull();
    }

    @Test
    void closingFailsPendingSendsAndWakesReceivers() throws Exception {
        JavaIsoTpChannel c = hub.open(options());
        CompletableFuture<Void> active = c.sendAsync(payload(20));
        CompletableFuture<Void> queued = c.sendAsync(payload(20));
        CompletableFuture<byte[]> receiving = CompletableFuture.supplyAsync(() -> {
            try {
                return c.receive(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        c.close();
        c.close();
        events.runAll();
        assertThat(c.isOpen()).isFalse();
        for (CompletableFuture<Void> f : List.of(active, queued)) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(CanException.class)
                    .extracting(e -> ((CanException) e).reason()).isEqualTo(CanException.Reason.CLOSED);
        }
        assertThatThrownBy(() -> receiving.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(CanException.class);
        assertThatThrownBy(() -> c.receive(Duration.ZERO)).isInstanceOf(CanException.class);
        CompletableFuture<Void> late = c.sendAsync(payload(1));
        events.runAll();
        assertThat(late).isCompletedExceptionally();
        assertThatThrownBy(() -> c.subscribe(e -> { })).isInstanceOf(CanException.class);
        assertThat(timer.pending()).isZero();
        bus.inject(rxFrame(0x01, 1)); // no longer routed anywhere
    }

    @Test
    void invalidSendsAreRejectedAtOnce() {
        JavaIsoTpChannel c = hub.open(options().withMaxPduLength(100));
        assertThatThrownBy(() -> c.sendAsync(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.sendAsync(new byte[101])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.sendAsync(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(bus.sent).isEmpty();
    }

    @Test
    void halfDuplexSendsWaitForTheReceptionToFinish() {
        JavaIsoTpChannel c = hub.open(options().withHalfDuplex(true));
        bus.inject(rxFrame(0x10, 10, 1, 2, 3, 4, 5, 6));
        assertThat(sentHex()).containsExactly("300000");
        CompletableFuture<Void> f = c.sendAsync(payload(3));
        assertThat(bus.sent).isEmpty();
        bus.inject(rxFrame(0x21, 7, 8, 9, 10));
        events.runAll();
        assertThat(sentHex()).containsExactly("03000102");
        assertThat(f).isCompleted();
    }

    @Test
    void theHubRoutesByIdentifierAndAddressByte() throws Exception {
        JavaIsoTpChannel a = hub.open(options().withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8)));
        JavaIsoTpChannel b = hub.open(options().withAddress(IsoTpAddress.normal11(0x7E1, 0x7E9)));
        JavaIsoTpChannel x = hub.open(options().withAddress(IsoTpAddress.extended11(0x600, 0x601, 0x10)));
        JavaIsoTpChannel y = hub.open(options().withAddress(IsoTpAddress.extended11(0x600, 0x601, 0x20)));
        bus.inject(CanFrame.of(0x7E9, bytes(0x01, 0xBB)));
        bus.inject(CanFrame.of(0x7E8, bytes(0x01, 0xAA)));
        bus.inject(CanFrame.of(0x601, bytes(0x20, 0x01, 0x22)));
        bus.inject(CanFrame.of(0x601, bytes(0x10, 0x01, 0x11)));
        assertThat(a.receive(Duration.ZERO)).containsExactly(0xAA);
        assertThat(b.receive(Duration.ZERO)).containsExactly(0xBB);
        assertThat(x.receive(Duration.ZERO)).containsExactly(0x11);
        assertThat(y.receive(Duration.ZERO)).containsExactly(0x22);
        assertThat(a.receive(Duration.ZERO)).isNull();
        assertThat(bus.filters.filters()).containsExactlyInAnyOrder(CanFilter.standardId(0x7E8),
                CanFilter.standardId(0x7E9), CanFilter.standardId(0x601));
    }

    @Test
    void channelsOnOneHubTalkToEachOtherThroughTheEcho() throws Exception {
        JavaIsoTpChannel tester = hub.open(options().withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8)));
        JavaIsoTpChannel ecu = hub.open(options().withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0)).withBlockSize(2));
        byte[] request = payload(100);
        CompletableFuture<Void> f = tester.sendAsync(request);
        bus.pump();
        events.runAll();
        assertThat(f).isCompleted();
        assertThat(ecu.receive(Duration.ZERO)).isEqualTo(request);
        assertThat(tester.receive(Duration.ZERO)).isNull();
    }

    @Test
    void theLastChannelToCloseShutsTheHubDownAndClosesAnOwnedBus() {
        JavaIsoTpChannel a = hub.open(options());
        JavaIsoTpChannel b = hub.open(options().withAddress(IsoTpAddress.normal11(0x100, 0x101)));
        assertThat(bus.listenerCount()).isEqualTo(1);
        a.close();
        assertThat(hub.isShutDown()).isFalse();
        assertThat(bus.isOpen()).isTrue();
        b.close();
        assertThat(hub.isShutDown()).isTrue();
        assertThat(bus.listenerCount()).isZero();
        assertThat(bus.isOpen()).isFalse();
        assertThatThrownBy(() -> hub.open(options())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void broadcastChannelsAreNotRoutedAnything() throws Exception {
        JavaIsoTpChannel c = hub.open(options().withBroadcast(IsoTpOptions.Broadcast.SINGLE_FRAME));
        bus.inject(rxFrame(0x01, 1));
        assertThat(c.receive(Duration.ZERO)).isNull();
        assertThat(bus.filters.filters()).isEmpty();
        c.sendAsync(payload(5));
        assertThat(sentHex()).containsExactly("050001020304");
    }
}
