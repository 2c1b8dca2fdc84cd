package dev.obdio.can.socketcan;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Frames lost because a reader was too slow are counted, in the JVM and in the kernel. */
class DropsSocketCanTest extends SocketCanTestBase {

    @Test
    void aFullReceiveQueueCountsWhatItDrops() throws Exception {
        SocketCanBus sender = open();
        SocketCanBus bus = open(BusOptions.DEFAULTS.withReceiveQueueCapacity(10));
        for (int i = 0; i < 50; i++) {
            sender.send(CanFrame.of(0x100, bytes(i)));
        }
        await().atMost(WAIT).until(() -> bus.framesFromKernel() == 50);

        assertThat(bus.droppedFrames()).isEqualTo(40);
        List<ReceivedFrame> kept = next(bus, 10);
        assertThat(kept.get(0).frame()).isEqualTo(CanFrame.of(0x100, bytes(0)));
        assertThat(kept.get(9).frame()).isEqualTo(CanFrame.of(0x100, bytes(9)));
    }

    @Test
    void theKernelsDropCounterShowsFramesTheSocketHadNoRoomFor() throws Exception {
        SocketCanBus sender = open();
        // The smallest receive buffer the kernel allows holds a handful of frames.
        SocketCanBus bus = closeLater(SocketCanBus.open(IF, BusOptions.DEFAULTS,
                Tuning.DEFAULTS.withReceiveBufferBytes(1)));
        bus.pauseReader(true);
        for (int i = 0; i < 100; i++) {
            sender.send(CanFrame.of(0x200, bytes(i)));
        }
        bus.pauseReader(false);
        await().atMost(WAIT).until(() -> bus.framesFromKernel() > 0);
        sender.send(CanFrame.of(0x201));

        List<ReceivedFrame> got = until(bus, CanFrame.of(0x201)::equals);
        long lost = 101 - got.size();
        assertThat(lost).as("the socket buffer overflowed").isPositive();
        assertThat(bus.droppedFrames()).isEqualTo(lost);
        assertThat(bus.receive(Duration.ofMillis(100))).isNull();
    }
}
