package dev.obdio.can.socketcan;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanException;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frames between our endpoints and can-utils on a real SocketCAN interface. */
class RawFramesSocketCanTest extends SocketCanTestBase {

    @Test
    void cansendFramesArriveWithTheKernelsTimestamps() throws Exception {
        CanUtilsTool.Candump dump = candump(IF);
        SocketCanBus bus = open();

        CanUtilsTool.cansend(IF, "123#1122334455667788");
        CanUtilsTool.cansend(IF, "18DAF110#0102");
        CanUtilsTool.cansend(IF, "7DF#R3");
        CanUtilsTool.cansend(IF, "321##1AABBCCDDEEFF00112233");
        CanUtilsTool.cansend(IF, "456#");

        List<ReceivedFrame> got = next(bus, 5);
        byte[] fd = new byte[12];
        System.arraycopy(bytes(0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x00, 0x11, 0x22, 0x33), 0, fd, 0, 10);
        assertThat(framesOf(got)).containsExactly(
                CanFrame.of(0x123, bytes(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88)),
                CanFrame.extended(0x18DAF110, bytes(1, 2)),
                CanFrame.remote(0x7DF, false, 3),
                CanFrame.fd(0x321, false, true, false, fd),
                CanFrame.of(0x456));
        assertThat(got).allMatch(f -> f.direction() == ReceivedFrame.Direction.RX && f.channel().equals(IF));

        // candump reads the same skb: its SO_TIMESTAMP is our SO_TIMESTAMPNS cut to microseconds.
        List<String> lines = dump.await(5, WAIT);
        for (int i = 0; i < 5; i++) {
            assertThat(got.get(i).timestampMicros()).as("timestamp of %s", lines.get(i))
                    .isEqualTo(CanUtilsTool.Candump.timestampMicros(lines.get(i)));
        }
        assertThat(got.get(4).timestampNanos()).isGreaterThanOrEqualTo(got.get(0).timestampNanos());
    }

    @Test
    void ourFramesArriveInCandumpAsSent() throws Exception {
        CanUtilsTool.Candump dump = candump(IF);
        SocketCanBus bus = open();
        byte[] sixtyFour = new byte[64];
        for (int i = 0; i < 64; i++) {
            sixtyFour[i] = (byte) i;
        }

        bus.send(CanFrame.of(0x123, bytes(0x11, 0x22)));
        bus.send(CanFrame.extended(0x18DAF110, bytes(0x02, 0x01, 0x0C)));
        bus.send(CanFrame.extended(0x5, bytes()));
        bus.send(CanFrame.remote(0x7DF, false, 2));
        bus.send(CanFrame.fd(0x321, false, true, false, bytes(0xDE, 0xAD, 0xBE, 0xEF)));
        bus.send(CanFrame.fd(0x1FFFFFFF, true, false, false, sixtyFour));

        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hex.append(String.format("%02X", i));
        }
        // Kernels since 6.2 (and Debian's 6.1) set CANFD_FDF (0x04) in every FD frame; candump shows it in the flags digit.
        assertThat(dump.await(6, WAIT)).map(CanUtilsTool.Candump::withoutTimestamp)
                .map(CanUtilsTool.Candump::withoutFdfFlag).containsExactly(
                IF + " 123#1122",
                IF + " 18DAF110#02010C",
                IF + " 00000005#",
                IF + " 7DF#R2",
                IF + " 321##1DEADBEEF",
                IF + " 1FFFFFFF##0" + hex);
    }

    @Test
    void anFdFrameRoundTripsBetweenEndpointsAndStaysAwayFromClassicOnes() throws Exception {
        SocketCanBus fdReceiver = open();
        SocketCanBus classicReceiver = open(BusOptions.DEFAULTS.withFdFrames(false));
        SocketCanBus sender = open();
        byte[] data = new byte[48];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (0xF0 - i);
        }
        CanFrame fd = CanFrame.fd(0x18FF00AA, true, true, true, data);
        CanFrame classic = CanFrame.of(0x100, bytes(1));

        sender.send(fd);
        sender.send(classic);

        assertThat(framesOf(next(fdReceiver, 2))).containsExactly(fd, classic);
        assertThat(next(classicReceiver).frame()).as("the kernel keeps FD frames from a classic socket")
                .isEqualTo(classic);
        assertThat(classicReceiver.framesFromKernel()).isEqualTo(1);
        assertThatThrownBy(() -> classicReceiver.send(fd)).isInstanceOf(CanException.class)
                .satisfies(e -> assertThat(((CanException) e).reason()).isEqualTo(CanException.Reason.NOT_SUPPORTED));
    }

    @Test
    void receiveOwnFramesMarksOurEchoesAsTx() throws Exception {
        SocketCanBus own = open(BusOptions.DEFAULTS.withReceiveOwnFrames(true));
        SocketCanBus plain = open();
        SocketCanBus other = open();
        CanFrame mine = CanFrame.of(0x111, bytes(1, 2, 3));
        CanFrame theirs = CanFrame.of(0x222, bytes(4));

        own.send(mine);
        other.send(theirs);
        CanUtilsTool.cansend(IF, "111#010203");

        List<ReceivedFrame> got = next(own, 3);
        assertThat(got).extracting(ReceivedFrame::frame).containsExactly(mine, theirs, mine);
        assertThat(got).extracting(ReceivedFrame::direction).containsExactly(ReceivedFrame.Direction.TX,
                ReceivedFrame.Direction.RX, ReceivedFrame.Direction.RX);

        plain.send(mine);
        other.send(theirs);
        // plain saw everything above as others' frames, and its own send not at all.
        List<ReceivedFrame> plainGot = next(plain, 4);
        assertThat(plainGot).extracting(ReceivedFrame::frame).containsExactly(mine, theirs, mine, theirs);
        assertThat(plainGot).allMatch(f -> f.direction() == ReceivedFrame.Direction.RX);
        assertThat(plain.framesFromKernel()).isEqualTo(4);
    }

    @Test
    void errorFramesArriveOnlyWithAnErrorMask() throws Exception {
        SocketCanBus errors = open(BusOptions.DEFAULTS.withFilters(CanFilterSet.parse("#FFFFFFFF")));
        SocketCanBus plain = open();

        CanUtilsTool.cansend(IF, "20000080#0000000000000000");
        CanUtilsTool.cansend(IF, "123#");

        ReceivedFrame error = next(errors);
        assertThat(error.frame().isError()).isTrue();
        assertThat(error.frame().id()).isEqualTo(0x80);
        assertThat(error.frame().length()).isEqualTo(8);
        assertThat(next(errors).frame()).isEqualTo(CanFrame.of(0x123));
        assertThat(next(plain).frame()).as("no error frames without an error mask").isEqualTo(CanFrame.of(0x123));
        assertThat(plain.framesFromKernel()).isEqualTo(1);
    }

    @Test
    void listenersGetFramesOnTheDeliveryThread() throws Exception {
        SocketCanBus bus = open();
        java.util.concurrent.LinkedBlockingQueue<ReceivedFrame> got = new java.util.concurrent.LinkedBlockingQueue<>();
        closeLater(bus.subscribe(got::add));

        CanUtilsTool.cansend(IF, "7E8#0441");

        ReceivedFrame f = got.poll(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(f).isNotNull();
        assertThat(f.frame()).isEqualTo(CanFrame.of(0x7E8, bytes(0x04, 0x41)));
    }
}
