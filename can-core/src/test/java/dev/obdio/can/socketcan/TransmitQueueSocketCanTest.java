package dev.obdio.can.socketcan;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanException;
import dev.obdio.can.CanException.Reason;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full transmit queue answers ENOBUFS, as CAN drivers do in bursts. A token-bucket qdisc on a
 * vcan interface of this test's own makes the kernel do exactly that (cangen stops there with
 * "write: No buffer space available").
 */
class TransmitQueueSocketCanTest extends SocketCanTestBase {
    private static final String LINK = "obdtest1";

    @AfterEach
    void deleteInterface() {
        try {
            CanUtilsTool.ip("link", "del", "dev", LINK);
        } catch (AssertionError e) {
            // already gone
        }
    }

    /** A vcan interface that lets {@code rate} through and queues three classic frames (48 bytes). */
    private static void slowInterface(String rate) {
        CanUtilsTool.ip("link", "add", "dev", LINK, "type", "vcan");
        CanUtilsTool.run("tc", "qdisc", "add", "dev", LINK, "root", "tbf", "rate", rate, "burst", "100", "limit", "48");
        CanUtilsTool.ip("link", "set", LINK, "up");
    }

    private SocketCanBus openLink() {
        return closeLater(SocketCanBus.open(LINK, BusOptions.DEFAULTS, Tuning.DEFAULTS));
    }

    @Test
    void aBurstGetsThroughABusyQueueBecauseEnobufsIsRetried() throws Exception {
        slowInterface("50kbit"); // about 2.6 ms per frame
        SocketCanBus receiver = openLink();
        // The emulated guest can stall for longer than the production budget of 50 ms when the
        // host is busy; what this test shows is that ENOBUFS is retried, so it allows more time.
        Tuning patient = new Tuning(Tuning.DEFAULTS.pollInterval(), Tuning.DEFAULTS.sendTimeout(),
                new TransmitRetry(Duration.ofSeconds(2), Duration.ofNanos(100_000), Duration.ofMillis(5)),
                Tuning.DEFAULTS.receiveBufferBytes(), Tuning.DEFAULTS.ownFrameCapacity(),
                Tuning.DEFAULTS.ownFrameMaxAge(), Tuning.DEFAULTS.cyclicGrace());
        SocketCanBus sender = closeLater(SocketCanBus.open(LINK, BusOptions.DEFAULTS, patient));

        for (int i = 0; i < 100; i++) {
            sender.send(CanFrame.of(0x123, bytes(i)));
        }

        List<ReceivedFrame> got = next(receiver, 100);
        for (int i = 0; i < 100; i++) {
            assertThat(got.get(i).frame()).isEqualTo(CanFrame.of(0x123, bytes(i)));
        }
    }

    @Test
    void aQueueThatDoesNotDrainFailsTheSendWithBufferFull() throws Exception {
        slowInterface("1kbit"); // one frame in about 130 ms: longer than the retry budget
        SocketCanBus sender = openLink();

        CanException failure = null;
        int sent = 0;
        while (failure == null && sent < 50) {
            try {
                sender.send(CanFrame.of(0x321, bytes(sent)));
                sent++;
            } catch (CanException e) {
                failure = e;
            }
        }
        assertThat(failure).as("a send failed after %d", sent).isNotNull();
        assertThat(failure.reason()).isEqualTo(Reason.BUFFER_FULL);
        assertThat(failure.getMessage()).contains(LINK).contains("ENOBUFS");
        assertThat(sent).as("the queue and the bucket took some first").isGreaterThanOrEqualTo(3);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                sender.send(CanFrame.of(0x321));
            }
        }).satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(Reason.BUFFER_FULL));
        assertThat(sender.isOpen()).isTrue();
    }
}
