package dev.obdio.can.socketcan;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ContentFilter;
import dev.obdio.can.ContentListener;
import dev.obdio.can.CyclicTransmission;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.Subscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Cyclic transmissions and content watches done by the kernel's broadcast manager. */
class BcmSocketCanTest extends SocketCanTestBase {
    private static final Duration PERIOD = Duration.ofMillis(10);

    private SocketCanBus receiverOf(int... ids) {
        List<CanFilter> filters = new ArrayList<>();
        for (int id : ids) {
            filters.add(CanFilter.standardId(id));
        }
        return open(BusOptions.DEFAULTS.withFilters(new CanFilterSet(filters, 0, false)));
    }

    /** Gaps between kernel receive timestamps, in nanoseconds, sorted. */
    private static List<Long> sortedGaps(List<ReceivedFrame> frames) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < frames.size(); i++) {
            gaps.add(frames.get(i).timestampNanos() - frames.get(i - 1).timestampNanos());
        }
        Collections.sort(gaps);
        return gaps;
    }

    @Test
    void framesGoOutAtTheRequestedPeriod() throws Exception {
        SocketCanBus receiver = receiverOf(0x321);
        SocketCanBus bus = open();
        assertThat(bus.usesBroadcastManager()).isTrue();

        CyclicTransmission tx = closeLater(bus.sendCyclic(CanFrame.of(0x321, bytes(1, 2)), PERIOD, 0));
        List<ReceivedFrame> frames = next(receiver, 41);

        List<Long> gaps = sortedGaps(frames);
        long median = gaps.get(gaps.size() / 2);
        // Loose: the emulated guest's timers jitter; the median of 40 gaps still shows the period.
        assertThat(median).as("median gap of %s", gaps).isBetween(8_000_000L, 12_000_000L);
        assertThat(framesOf(frames)).allMatch(f -> f.equals(CanFrame.of(0x321, bytes(1, 2))));
        assertThat(tx.isActive()).isTrue();
        assertThat(tx.sentCount()).as("the kernel's own count").isGreaterThanOrEqualTo(41);
    }

    @Test
    void updateChangesTheDataWithoutRestartingTheTimer() throws Exception {
        SocketCanBus receiver = receiverOf(0x321);
        SocketCanBus bus = open();
        Duration period = Duration.ofMillis(50);
        CanFrame a = CanFrame.of(0x321, bytes(0xA));
        CanFrame b = CanFrame.of(0x321, bytes(0xB));
        CyclicTransmission tx = closeLater(bus.sendCyclic(a, period, 0));
        List<ReceivedFrame> frames = new ArrayList<>(next(receiver, 3));

        tx.update(b);
        frames.addAll(until(receiver, b::equals));
        frames.addAll(next(receiver, 3));

        int firstB = framesOf(frames).indexOf(b);
        assertThat(framesOf(frames).subList(firstB, frames.size())).allMatch(b::equals);
        long gap = frames.get(firstB).timestampNanos() - frames.get(firstB - 1).timestampNanos();
        // An update with STARTTIMER would send at once; without it the next period brings the new data.
        assertThat(gap).as("gap before the first updated frame").isGreaterThan(period.toNanos() / 2);
        assertThatThrownBy(() -> tx.update(CanFrame.of(0x322))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeStopsTheTransmission() throws Exception {
        SocketCanBus receiver = receiverOf(0x321, 0x7FF);
        SocketCanBus bus = open();
        CyclicTransmission tx = bus.sendCyclic(CanFrame.of(0x321), PERIOD, 0);
        next(receiver, 5);

        tx.close();
        assertThat(tx.isActive()).isFalse();
        tx.close();
        bus.send(CanFrame.of(0x7FF));
        until(receiver, CanFrame.of(0x7FF)::equals);
        assertThat(receiver.receive(Duration.ofMillis(300))).as("nothing after 30 periods").isNull();
    }

    @Test
    void aCountEndsTheTransmission() throws Exception {
        SocketCanBus receiver = receiverOf(0x321);
        SocketCanBus bus = open();
        CyclicTransmission tx = closeLater(bus.sendCyclic(CanFrame.of(0x321, bytes(5)), PERIOD, 5));

        List<ReceivedFrame> frames = next(receiver, 5);
        await().atMost(WAIT).until(() -> !tx.isActive());
        assertThat(tx.sentCount()).isEqualTo(5);
        assertThat(receiver.receive(Duration.ofMillis(300))).as("no sixth frame").isNull();
        assertThat(sortedGaps(frames).get(2)).isBetween(5_000_000L, 20_000_000L);

        CyclicTransmission once = closeLater(bus.sendCyclic(CanFrame.of(0x321, bytes(1)), PERIOD, 1));
        assertThat(next(receiver).frame()).isEqualTo(CanFrame.of(0x321, bytes(1)));
        assertThat(once.isActive()).isFalse();
        assertThat(once.sentCount()).isEqualTo(1);
        assertThat(receiver.receive(Duration.ofMillis(200))).isNull();
    }

    @Test
    void cyclicFdFramesAndExtendedIds() throws Exception {
        SocketCanBus receiver = open();
        SocketCanBus bus = open();
        CanFrame fd = CanFrame.fd(0x1ABCDE, true, true, false, new byte[24]);
        closeLater(bus.sendCyclic(fd, PERIOD, 3));

        assertThat(framesOf(next(receiver, 3))).containsOnly(fd);
    }

    @Test
    void ourOwnCyclicFramesAreOursLikeAnyFrameWeSend() throws Exception {
        SocketCanBus own = open(BusOptions.DEFAULTS.withReceiveOwnFrames(true));
        SocketCanBus plain = open();
        SocketCanBus other = open();
        closeLater(own.sendCyclic(CanFrame.of(0x321, bytes(1)), PERIOD, 3));
        closeLater(plain.sendCyclic(CanFrame.of(0x322, bytes(2)), PERIOD, 3));
        await().atMost(WAIT).until(() -> own.framesFromKernel() >= 6);
        other.send(CanFrame.of(0x7FF));

        List<ReceivedFrame> ownGot = until(own, CanFrame.of(0x7FF)::equals);
        assertThat(ownGot).filteredOn(f -> f.frame().id() == 0x321).hasSize(3)
                .allMatch(f -> f.direction() == ReceivedFrame.Direction.TX);
        assertThat(ownGot).filteredOn(f -> f.frame().id() == 0x322).hasSize(3)
                .allMatch(f -> f.direction() == ReceivedFrame.Direction.RX);
        List<ReceivedFrame> plainGot = until(plain, CanFrame.of(0x7FF)::equals);
        assertThat(plainGot).extracting(f -> f.frame().id()).doesNotContain(0x322).contains(0x321);
    }

    /** Collects what a content watch reports. */
    private static final class Reports implements ContentListener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

        @Override
        public void onChange(ReceivedFrame frame) {
            events.add(frame.frame());
        }

        @Override
        public void onTimeout(ContentFilter filter) {
            events.add("timeout");
        }

        Object next() throws InterruptedException {
            Object e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).as("a report within " + WAIT).isNotNull();
            return e;
        }

        void assertQuiet(Duration d) throws InterruptedException {
            assertThat(events.poll(d.toMillis(), TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aContentWatchReportsChangesOfTheMaskedBitsAndLengthOnly() throws Exception {
        SocketCanBus bus = open();
        SocketCanBus sender = open();
        Reports reports = new Reports();
        closeLater(bus.watchContent(ContentFilter.onChange(0x7E8, false, (byte) 0xFF), reports));

        sender.send(CanFrame.of(0x7E8, bytes(1, 0)));
        sender.send(CanFrame.of(0x7E8, bytes(1, 0x11)));
        sender.send(CanFrame.of(0x7E9, bytes(9, 9)));
        sender.send(CanFrame.of(0x7E8, bytes(2, 0x11)));
        sender.send(CanFrame.of(0x7E8, bytes(2)));

        assertThat(reports.next()).isEqualTo(CanFrame.of(0x7E8, bytes(1, 0)));
        assertThat(reports.next()).isEqualTo(CanFrame.of(0x7E8, bytes(2, 0x11)));
        assertThat(reports.next()).as("a length change is a change").isEqualTo(CanFrame.of(0x7E8, bytes(2)));
        reports.assertQuiet(Duration.ofMillis(200));
    }

    @Test
    void silenceIsReportedOnceAndTheReturnOnlyWhenTheContentChanged() throws Exception {
        SocketCanBus bus = open();
        SocketCanBus sender = open();
        Reports reports = new Reports();
        closeLater(bus.watchContent(ContentFilter.onChange(0x7E8, false, (byte) 0xFF)
                .withTimeout(Duration.ofMillis(200)), reports));

        assertThat(reports.next()).as("silence from the start").isEqualTo("timeout");
        sender.send(CanFrame.of(0x7E8, bytes(1)));
        assertThat(reports.next()).isEqualTo(CanFrame.of(0x7E8, bytes(1)));
        assertThat(reports.next()).isEqualTo("timeout");
        reports.assertQuiet(Duration.ofMillis(500));

        sender.send(CanFrame.of(0x7E8, bytes(1)));
        sender.send(CanFrame.of(0x7E8, bytes(3)));
        assertThat(reports.next()).as("the unchanged frame after the silence is not a change")
                .isEqualTo(CanFrame.of(0x7E8, bytes(3)));
        assertThat(reports.next()).isEqualTo("timeout");
    }

    @Test
    void anEmptyMaskReportsEveryFrameAndExtendedIdsWork() throws Exception {
        SocketCanBus bus = open();
        SocketCanBus sender = open();
        Reports reports = new Reports();
        closeLater(bus.watchContent(ContentFilter.everyFrame(0x18DAF110, true), reports));

        sender.send(CanFrame.extended(0x18DAF110, bytes(1)));
        sender.send(CanFrame.extended(0x18DAF110, bytes(1)));
        sender.send(CanFrame.of(0x110, bytes(1)));
        sender.send(CanFrame.fd(0x18DAF110, true, false, false, bytes(2)));

        assertThat(reports.next()).isEqualTo(CanFrame.extended(0x18DAF110, bytes(1)));
        assertThat(reports.next()).isEqualTo(CanFrame.extended(0x18DAF110, bytes(1)));
        assertThat(reports.next()).as("CAN FD frames of the id too")
                .isEqualTo(CanFrame.fd(0x18DAF110, true, false, false, bytes(2)));
        reports.assertQuiet(Duration.ofMillis(200));
    }

    @Test
    void aThrottleLetsTheNewestContentThroughAtMostOncePerInterval() throws Exception {
        SocketCanBus bus = open();
        SocketCanBus sender = open();
        Reports reports = new Reports();
        closeLater(bus.watchContent(ContentFilter.onChange(0x7E8, false, (byte) 0xFF)
                .withThrottle(Duration.ofSeconds(1)), reports));

        for (int i = 1; i <= 10; i++) {
            sender.send(CanFrame.of(0x7E8, bytes(i)));
        }

        assertThat(reports.next()).isEqualTo(CanFrame.of(0x7E8, bytes(1)));
        assertThat(reports.next()).as("the newest content at the end of the interval")
                .isEqualTo(CanFrame.of(0x7E8, bytes(10)));
        reports.assertQuiet(Duration.ofMillis(1200));
    }

    @Test
    void closingAWatchStopsItsReports() throws Exception {
        SocketCanBus bus = open();
        SocketCanBus sender = open();
        Reports reports = new Reports();
        Subscription watch = bus.watchContent(ContentFilter.everyFrame(0x7E8, false), reports);
        sender.send(CanFrame.of(0x7E8, bytes(1)));
        assertThat(reports.next()).isEqualTo(CanFrame.of(0x7E8, bytes(1)));

        watch.close();
        watch.close();
        sender.send(CanFrame.of(0x7E8, bytes(2)));
        reports.assertQuiet(Duration.ofMillis(300));
    }

    @Test
    void twoWatchesOfOneIdOnOneEndpointAreIndependent() throws Exception {
        SocketCanBus bus = open();
        SocketCanBus sender = open();
        Reports first = new Reports();
        Reports second = new Reports();
        closeLater(bus.watchContent(ContentFilter.onChange(0x7E8, false, (byte) 0xFF), first));
        closeLater(bus.watchContent(ContentFilter.everyFrame(0x7E8, false), second));

        sender.send(CanFrame.of(0x7E8, bytes(1)));
        sender.send(CanFrame.of(0x7E8, bytes(1)));

        assertThat(first.next()).isEqualTo(CanFrame.of(0x7E8, bytes(1)));
        assertThat(second.next()).isEqualTo(CanFrame.of(0x7E8, bytes(1)));
        assertThat(second.next()).isEqualTo(CanFrame.of(0x7E8, bytes(1)));
        first.assertQuiet(Duration.ofMillis(200));
    }
}
