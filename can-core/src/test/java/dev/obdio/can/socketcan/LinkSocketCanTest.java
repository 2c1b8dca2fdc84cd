package dev.obdio.can.socketcan;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanException;
import dev.obdio.can.CanException.Reason;
import dev.obdio.can.CanFrame;
import dev.obdio.can.FrameListener;
import dev.obdio.can.ReceivedFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Interfaces that go down, come back, disappear and reappear under an open endpoint. Each test
 * works on a vcan interface of its own, so the shared one stays up for the other tests.
 */
class LinkSocketCanTest extends SocketCanTestBase {
    private static final String LINK = "obdtest0";

    @AfterEach
    void deleteInterface() {
        try {
            CanUtilsTool.ip("link", "del", "dev", LINK);
        } catch (AssertionError e) {
            // already gone
        }
    }

    private static void addInterface() {
        CanUtilsTool.ip("link", "add", "dev", LINK, "type", "vcan");
        CanUtilsTool.ip("link", "set", LINK, "up");
    }

    private SocketCanBus openLink(BusOptions options) {
        return closeLater(SocketCanBus.open(LINK, options, Tuning.DEFAULTS));
    }

    /** What a listener saw. */
    private static final class Seen implements FrameListener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

        @Override
        public void onFrame(ReceivedFrame frame) {
            events.add(frame.frame());
        }

        @Override
        public void onError(CanException error) {
            events.add(error);
        }

        Object next() throws InterruptedException {
            Object e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).as("an event within " + WAIT).isNotNull();
            return e;
        }
    }

    private static Reason reasonOf(Object event) {
        assertThat(event).isInstanceOf(CanException.class);
        return ((CanException) event).reason();
    }

    @Test
    void downIsReportedOnceSendsFailAndUpBringsFramesBackOnTheSameEndpoint() throws Exception {
        addInterface();
        SocketCanBus bus = openLink(BusOptions.DEFAULTS);
        SocketCanBus peer = openLink(BusOptions.DEFAULTS);
        Seen seen = new Seen();
        closeLater(bus.subscribe(seen));
        peer.send(CanFrame.of(0x100));
        assertThat(seen.next()).isEqualTo(CanFrame.of(0x100));

        CanUtilsTool.ip("link", "set", LINK, "down");

        Object down = seen.next();
        assertThat(reasonOf(down)).isEqualTo(Reason.INTERFACE_DOWN);
        assertThat(((CanException) down).getMessage()).endsWith("bring it up with: sudo ip link set " + LINK + " up");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> bus.send(CanFrame.of(0x101)))
                    .isInstanceOf(CanException.class)
                    .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.INTERFACE_DOWN));
        }
        assertThat(seen.events.poll(300, TimeUnit.MILLISECONDS)).as("reported once").isNull();

        CanUtilsTool.ip("link", "set", LINK, "up");
        peer.send(CanFrame.of(0x102));
        assertThat(seen.next()).isEqualTo(CanFrame.of(0x102));
        bus.send(CanFrame.of(0x103));
        assertThatThrownBy(() -> peer.receive(WAIT)).as("the polling peer hears of the down first")
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.INTERFACE_DOWN));
        assertThat(next(peer).frame()).isEqualTo(CanFrame.of(0x103));
        assertThat(bus.isOpen()).isTrue();
    }

    @Test
    void aPollingReaderGetsTheDownOnceAndThenFramesAgain() throws Exception {
        addInterface();
        SocketCanBus bus = openLink(BusOptions.DEFAULTS);
        SocketCanBus peer = openLink(BusOptions.DEFAULTS);

        CanUtilsTool.ip("link", "set", LINK, "down");
        assertThatThrownBy(() -> bus.receive(WAIT))
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.INTERFACE_DOWN));
        assertThat(bus.receive(Duration.ofMillis(200))).isNull();

        CanUtilsTool.ip("link", "set", LINK, "up");
        peer.send(CanFrame.of(0x200));
        assertThat(next(bus).frame()).isEqualTo(CanFrame.of(0x200));

        CanUtilsTool.ip("link", "set", LINK, "down");
        assertThatThrownBy(() -> bus.receive(WAIT)).as("a second down is reported again")
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.INTERFACE_DOWN));
    }

    @Test
    void aVanishedInterfaceIsReportedAndTheEndpointBindsAgainWhenItIsBack() throws Exception {
        addInterface();
        SocketCanBus bus = openLink(BusOptions.DEFAULTS.withFilters(dev.obdio.can.CanFilterSet.parse("123:7FF")));
        Seen seen = new Seen();
        closeLater(bus.subscribe(seen));

        CanUtilsTool.ip("link", "del", "dev", LINK);
        // Deleting an up interface takes it down first: INTERFACE_DOWN may come before.
        Object event = seen.next();
        if (reasonOf(event) == Reason.INTERFACE_DOWN) {
            event = seen.next();
        }
        assertThat(reasonOf(event)).isEqualTo(Reason.NO_SUCH_INTERFACE);
        assertThat(((CanException) event).getMessage()).contains("disappeared");
        assertThatThrownBy(() -> bus.send(CanFrame.of(0x123)))
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.NO_SUCH_INTERFACE));

        addInterface();
        // The endpoint binds again at its next poll; send until a frame gets through.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            CanUtilsTool.cansend(LINK, "456#");
            CanUtilsTool.cansend(LINK, "123#01");
            Object e = seen.events.poll();
            return CanFrame.of(0x123, bytes(1)).equals(e);
        });
        assertThat(seen.events).as("the filters came back with the binding").noneMatch(CanFrame.of(0x456)::equals);
        bus.send(CanFrame.of(0x124));
    }

    @Test
    void openingMissingDownOrNonCanInterfacesSaysWhatToDo() {
        assertThatThrownBy(() -> SocketCan.open("nosuch0", BusOptions.DEFAULTS))
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.NO_SUCH_INTERFACE))
                .hasMessageContaining("nosuch0: no such CAN interface");
        assertThatThrownBy(() -> SocketCan.open("lo", BusOptions.DEFAULTS))
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.NO_SUCH_INTERFACE))
                .hasMessageContaining("not a CAN interface");

        CanUtilsTool.ip("link", "add", "dev", LINK, "type", "vcan");
        assertThatThrownBy(() -> SocketCan.open(LINK, BusOptions.DEFAULTS))
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.INTERFACE_DOWN))
                .hasMessageContaining("sudo ip link set " + LINK + " up");
        assertThat(SocketCan.availability(LINK).available()).isFalse();
    }

    @Test
    void closeStopsTheReaderAndReleasesTheSocketOnce() throws Exception {
        addInterface();
        SocketCanBus bus = SocketCanBus.open(LINK, BusOptions.DEFAULTS, Tuning.DEFAULTS);
        closeLater(bus.sendCyclic(CanFrame.of(0x1), Duration.ofMillis(50), 0));
        Thread reader = bus.readerThread();
        assertThat(reader.isAlive()).isTrue();
        assertThat(reader.isDaemon()).isTrue();
        assertThat(reader.getName()).isEqualTo("obdio-socketcan-" + LINK);

        bus.close();
        assertThat(reader.isAlive()).as("close waited for the reader").isFalse();
        bus.close();
        assertThat(bus.isOpen()).isFalse();
        assertThatThrownBy(() -> bus.send(CanFrame.of(0x1)))
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.CLOSED));
        assertThatThrownBy(() -> bus.receive(Duration.ofMillis(10)))
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.CLOSED));
        List<String> bcmThreads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.equals("obdio-bcm-" + LINK)).toList();
        assertThat(bcmThreads).as("broadcast manager readers are gone too").isEmpty();
    }

    @Test
    void aReceiveBlockedInAnotherThreadEndsWhenTheEndpointCloses() throws Exception {
        addInterface();
        CanBus bus = SocketCanBus.open(LINK, BusOptions.DEFAULTS, Tuning.DEFAULTS);
        BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();
        Thread waiter = new Thread(() -> {
            try {
                outcome.add(String.valueOf(bus.receive(Duration.ofMinutes(5))));
            } catch (CanException e) {
                outcome.add(e.reason());
            } catch (InterruptedException e) {
                outcome.add("interrupted");
            }
        });
        waiter.start();
        await().atMost(WAIT).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);

        bus.close();
        assertThat(outcome.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(Reason.CLOSED);
    }
}
