package dev.obdio.isotp;

import static dev.obdio.isotp.Machine.data;
import static dev.obdio.isotp.Machine.payload;
import static dev.obdio.isotp.Machine.repeat;
import static dev.obdio.isotp.Machine.slice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.CanFrame;
import dev.obdio.can.Dlc;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CAN FD link layer: the single frame escape, RX_DL learning and TX_DL 12..64, both ways. */
class CanFdTest {

    private static IsoTpOptions fd(int txDl) {
        return Machine.normal().withStMin(1).withBlockSize(8).withCanFd(txDl, false);
    }

    private final Machine m = Machine.withOptions(fd(64));

    // ------------------------------------------------------------------------------- receive

    @Test
    void aSingleFrameAboveEightBytesWithoutTheEscapeIsMalformed() {
        m.rxFd(data(0x0B, payload(11)));
        m.rxFd(data(0x05, payload(5), repeat(0xCC, 10)));
        m.expectErrors(IsoTpError.MalformedFrame.class, IsoTpError.MalformedFrame.class);
        m.expectNothingReceived();
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 14, 18, 22, 30, 46, 62})
    void receivesEscapedSingleFramesOfEveryLength(int size) {
        byte[] p = payload(size);
        m.rxFd(data(0x00, size, p));
        assertThat(m.receivedOne()).isEqualTo(p);
        m.expectNoErrors();
    }

    @Test
    void receivesAnEscapedSingleFrameWithPaddingAfterIt() {
        byte[] p = payload(60);
        m.rxFd(data(0x00, 60, p, 0xAA, 0xBB));
        assertThat(m.receivedOne()).isEqualTo(p);
    }

    @Test
    void theEscapeInAFrameOfEightBytesOrLessIsMalformed() {
        m.rxFd(0x00, 0x05, 1, 2, 3, 4, 5);
        m.expectErrors(IsoTpError.MalformedFrame.class);
        m.expectNothingReceived();
    }

    @Test
    void anEscapedLengthBeyondTheFrameIsMalformed() {
        m.rxFd(data(0x00, 20, payload(10)));
        m.expectErrors(IsoTpError.MalformedFrame.class);
    }

    @Test
    void anFdChannelAlsoTakesClassicFrames() {
        m.rx(0x03, 1, 2, 3);
        assertThat(m.receivedOne()).containsExactly(1, 2, 3);
    }

    @Test
    void receivesMultiFrameAtTwelveBytes() {
        Machine r = Machine.withOptions(fd(64).withStMin(5).withBlockSize(4));
        byte[] p = payload(37);
        r.rxFd(data(0x10, 37, slice(p, 0, 10)));
        r.expectFlowControl(0, 4, 5);
        r.rxFd(data(0x21, slice(p, 10, 21)));
        r.rxFd(data(0x22, slice(p, 21, 32)));
        r.rxFd(data(0x23, slice(p, 32, 37)));
        assertThat(r.receivedOne()).isEqualTo(p);
    }

    @Test
    void receivesMultiFrameAtThirtyTwoBytes() {
        Machine r = Machine.withOptions(fd(64).withStMin(5).withBlockSize(4));
        byte[] p = payload(100);
        r.rxFd(data(0x10, 100, slice(p, 0, 30)));
        r.expectFlowControl(0, 4, 5);
        r.rxFd(data(0x21, slice(p, 30, 61)));
        r.rxFd(data(0x22, slice(p, 61, 92)));
        r.rxFd(data(0x23, slice(p, 92, 100), repeat(0xCC, 23)));
        assertThat(r.receivedOne()).isEqualTo(p);
    }

    @Test
    void receivesMultiFrameAtSixtyFourBytesWithTheEscapedLength() {
        Machine r = Machine.withOptions(fd(64).withStMin(5).withBlockSize(2));
        byte[] p = payload(0x120);
        r.rxFd(data(0x10, 0, 0, 0, 0x01, 0x20, slice(p, 0, 58)));
        r.expectFlowControl(0, 2, 5);
        r.rxFd(data(0x21, slice(p, 58, 121)));
        r.rxFd(data(0x22, slice(p, 121, 184)));
        r.expectFlowControl(0, 2, 5);
        r.rxFd(data(0x23, slice(p, 184, 247)));
        r.rxFd(data(0x24, slice(p, 247, 288), repeat(0xCC, 6)));
        assertThat(r.receivedOne()).isEqualTo(p);
        r.expectNoErrors();
    }

    @Test
    void aConsecutiveFrameThatChangesRxDlIsIgnored() {
        Machine r = Machine.withOptions(fd(64).withStMin(5).withBlockSize(4));
        byte[] p = payload(100);
        r.rxFd(data(0x10, 100, slice(p, 0, 30))); // RX_DL 32
        r.expectFlowControl(0, 4, 5);
        r.rxFd(data(0x21, slice(p, 30, 61)));
        r.rxFd(data(0x22, slice(p, 61, 80))); // 20 bytes with 39 to go
        r.expectErrors(IsoTpError.MalformedFrame.class);
        r.rxFd(data(0x23, slice(p, 80, 100), repeat(0xCC, 11)));
        r.expectErrors(IsoTpError.WrongSequenceNumber.class);
        r.expectNothingReceived();
    }

    @Test
    void aConsecutiveFrameLongerThanRxDlIsIgnored() {
        byte[] p = payload(100);
        m.rxFd(data(0x10, 100, slice(p, 0, 10))); // RX_DL 12
        m.nextSent();
        m.rxFd(data(0x21, slice(p, 10, 25))); // 16 bytes
        assertThat(m.expectErrors(IsoTpError.MalformedFrame.class).get(0))
                .isEqualTo(new IsoTpError.MalformedFrame(FrameType.CONSECUTIVE_FRAME,
                        "frame of 16 bytes, longer than RX_DL 12"));
        assertThat(m.sm.rxState()).isEqualTo(IsoTpStateMachine.RxState.WAIT_CF);
    }

    @Test
    void aFirstFrameMustAnnounceMoreThanASingleFrameOfItsLengthHolds() {
        m.rxFd(data(0x10, 11, payload(10))); // 12 bytes: a single frame holds 10, so 11 is the least
        m.expectNoErrors();
        m.nextSent();
        m.rxFd(data(0x10, 10, payload(10)));
        m.expectErrors(IsoTpError.MalformedFrame.class);
    }

    // ------------------------------------------------------------------------------ transmit

    @Test
    void aSingleFrameAboveEightBytesUsesTheEscape() {
        Machine t = Machine.withOptions(fd(12));
        byte[] p = payload(10);
        t.send(p);
        CanFrame f = t.expectSent(data(0x00, 10, p));
        assertThat(f.dlc()).isEqualTo(9);
        assertThat(f.fd()).isTrue();
    }

    @Test
    void anEscapedSingleFrameIsPaddedWith0xCcByDefault() {
        Machine t = Machine.withOptions(fd(12));
        byte[] p = payload(9);
        t.send(p);
        assertThat(t.expectSent(data(0x00, 9, p, 0xCC)).dlc()).isEqualTo(9);
    }

    @Test
    void anEscapedSingleFrameIsPaddedOnlyUpToTheNextLength() {
        Machine t = Machine.withOptions(fd(16).withTxPadding(0xAA));
        byte[] p = payload(10);
        t.send(p);
        assertThat(t.expectSent(data(0x00, 10, p)).dlc()).isEqualTo(9);
    }

    @Test
    void aSevenBytePduStaysAClassicSingleFrame() {
        Machine t = Machine.withOptions(fd(64));
        t.send(payload(7));
        assertThat(t.expectSent(data(0x07, payload(7))).dlc()).isEqualTo(8);
    }

    @Test
    void sixtyFourByteSingleFrames() {
        Machine t = Machine.withOptions(fd(64));
        byte[] p = payload(55);
        t.send(p);
        assertThat(t.expectSent(data(0x00, 55, p, repeat(0xCC, 7))).dlc()).isEqualTo(15);
        byte[] small = payload(16);
        t.send(small);
        assertThat(t.expectSent(data(0x00, 16, small, 0xCC, 0xCC)).dlc()).isEqualTo(11);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 12, 16, 20, 24, 32, 48, 64})
    void theLargestSingleFrameOfEveryTxDl(int txDl) {
        Machine t = Machine.withOptions(txDl == 8 ? fd(8) : fd(txDl));
        boolean escape = txDl > 8;
        byte[] p = payload(txDl - (escape ? 2 : 1));
        t.send(p);
        CanFrame f = escape ? t.expectSent(data(0x00, p.length, p)) : t.expectSent(data(p.length, p));
        assertThat(f.dlc()).isEqualTo(Dlc.fdDlc(txDl));
        assertThat(t.sm.singleFrameCapacity()).isEqualTo(p.length);
    }

    @Test
    void framesCarryTheFdAndBrsFlagsAsConfigured() {
        Machine plain = Machine.withOptions(Machine.normal());
        plain.send(payload(5));
        assertThat(plain.nextSent().fd()).isFalse();
        Machine fd = Machine.withOptions(Machine.normal().withCanFd(8, true));
        fd.send(payload(5));
        CanFrame f = fd.nextSent();
        assertThat(f.fd()).isTrue();
        assertThat(f.brs()).isTrue();
        fd.rx(data(0x10, 20, payload(6)));
        CanFrame fc = fd.expectSent(0x30, 0, 0);
        assertThat(fc.fd()).isTrue();
    }

    @Test
    void sends10000BytesAtSixtyFourBytesPerFrame() {
        sendAndCheck(10000, 64);
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64, 65, 123, 124, 125, 126, 134, 135, 136, 137, 140, 141, 144, 145, 148, 149, 156, 157,
            173, 174, 188, 189, 0x800, 0x7FF + 31, 0x7FF + 32})
    void lastFramesAroundEveryFdLengthBoundary(int size) {
        sendAndCheck(size, 64);
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 16, 20, 24, 32, 48})
    void multiFrameAtEveryTxDl(int txDl) {
        sendAndCheck(1000, txDl);
    }

    @Test
    void sends100BytesAtThirtyTwoBytesPerFrame() {
        Machine t = Machine.withOptions(fd(32));
        byte[] p = payload(100);
        t.send(p);
        t.expectSent(data(0x10, 100, slice(p, 0, 30)));
        t.rxFlowControl(0, 0, 0);
        t.expectSent(data(0x21, slice(p, 30, 61)));
        t.expectSent(data(0x22, slice(p, 61, 92)));
        t.expectSent(data(0x23, slice(p, 92, 100), repeat(0xCC, 3)));
        t.expectNothingSent();
    }

    /** Sends {@code size} bytes at TX_DL {@code txDl} and checks every frame, as python-can-isotp's suite. */
    private static void sendAndCheck(int size, int txDl) {
        Machine t = Machine.withOptions(fd(txDl).withMaxPduLength(20_000));
        byte[] p = payload(size);
        t.send(p);
        CanFrame ff = t.nextSent();
        int n;
        if (size > 4095) {
            assertThat(ff.data()).startsWith(Machine.bytes(0x10, 0, size >>> 24, (size >> 16) & 0xFF, (size >> 8) & 0xFF,
                    size & 0xFF));
            n = txDl - 6;
        } else {
            assertThat(ff.data()).startsWith(Machine.bytes(0x10 | (size >> 8), size & 0xFF));
            n = txDl - 2;
        }
        assertThat(ff.length()).isEqualTo(txDl);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        got.write(ff.data(), ff.length() - n, n);
        t.rxFlowControl(0, 0, 0);
        int sn = 1;
        CanFrame cf;
        while ((cf = t.nextSent()) != null) {
            assertThat(cf.dataByte(0)).isEqualTo(0x20 | sn);
            int take = Math.min(txDl - 1, size - got.size());
            if (take < txDl - 1) {
                int expected = Dlc.fdLengthAtLeast(Math.max(take + 1, 1));
                expected = expected > 8 ? expected : take + 1;
                assertThat(cf.length()).as("last frame length").isEqualTo(expected);
                for (int i = take + 1; i < cf.length(); i++) {
                    assertThat(cf.dataByte(i)).isEqualTo(0xCC);
                }
            } else {
                assertThat(cf.length()).isEqualTo(txDl);
            }
            got.write(cf.data(), 1, take);
            sn = (sn + 1) & 0xF;
        }
        assertThat(got.toByteArray()).isEqualTo(p);
        assertThat(t.sentPdus()).isEqualTo(1);
    }
}
