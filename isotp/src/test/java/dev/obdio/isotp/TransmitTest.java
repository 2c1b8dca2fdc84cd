package dev.obdio.isotp;

import static dev.obdio.isotp.Machine.data;
import static dev.obdio.isotp.Machine.payload;
import static dev.obdio.isotp.Machine.repeat;
import static dev.obdio.isotp.Machine.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.obdio.can.CanFrame;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transmission path of the state machine on a fake clock: the send cases of
 * python-can-isotp's logic suite and the kernel's flow control rules.
 */
class TransmitTest {

    private static IsoTpOptions options() {
        return Machine.normal().withStMin(1).withBlockSize(8).withMaxWaitFrames(0);
    }

    private final Machine m = Machine.withOptions(options());

    private static Machine with(IsoTpOptions o) {
        return Machine.withOptions(o);
    }

    @Test
    void sendsSingleFramesOfOneToSixBytes() {
        for (int i = 1; i <= 6; i++) {
            byte[] p = payload(i, i);
            m.send(p);
            CanFrame f = m.expectSent(data(i, p));
            assertThat(f.id()).isEqualTo(Machine.TXID);
            assertThat(f.dlc()).isEqualTo(i + 1);
            assertThat(f.fd()).isFalse();
            assertThat(m.sentPdus()).isEqualTo(1);
        }
        m.send(payload(7));
        m.expectSent(data(7, payload(7)));
    }

    @Test
    void padsSingleFramesToEightBytes() {
        Machine t = with(options().withTxPadding(0xAA));
        for (int i = 1; i <= 6; i++) {
            byte[] p = payload(i, i);
            t.send(p);
            CanFrame f = t.expectSent(data(i, p, repeat(0xAA, 7 - i)));
            assertThat(f.dlc()).isEqualTo(8);
        }
    }

    @Test
    void sendsASmallMultiFramePdu() {
        byte[] p = payload(10);
        m.send(p);
        CanFrame ff = m.expectSent(data(0x10, 0x0A, slice(p, 0, 6)));
        assertThat(ff.dlc()).isEqualTo(8);
        m.advanceMillis(10);
        m.expectNothingSent();
        m.rxFlowControl(0, 8, 0);
        CanFrame cf = m.expectSent(data(0x21, slice(p, 6, 10)));
        assertThat(cf.dlc()).isEqualTo(5);
        assertThat(m.sentPdus()).isEqualTo(1);
        m.advanceMillis(10);
        m.expectNothingSent();
        m.expectNoErrors();
    }

    @Test
    void padsMultiFrames() {
        Machine t = with(options().withTxPadding(0x55));
        byte[] p = payload(10);
        t.send(p);
        t.expectSent(data(0x10, 0x0A, slice(p, 0, 6)));
        t.rxFlowControl(0, 8, 0);
        CanFrame cf = t.expectSent(data(0x21, slice(p, 6, 10), repeat(0x55, 3)));
        assertThat(cf.dlc()).isEqualTo(8);
    }

    @Test
    void sendsAnotherPduWhenTheFirstIsDone() {
        byte[] p1 = payload(10);
        byte[] p2 = payload(10, 1);
        m.send(p1);
        assertThatThrownBy(() -> m.send(p2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WAIT_FIRST_FC");
        m.rxFlowControl(0, 8, 0);
        m.expectSent(data(0x10, 0x0A, slice(p1, 0, 6)));
        m.expectSent(data(0x21, slice(p1, 6, 10)));
        assertThat(m.sm.canSend()).isTrue();
        m.send(p2);
        m.expectSent(data(0x10, 0x0A, slice(p2, 0, 6)));
        m.rxFlowControl(0, 8, 0);
        m.expectSent(data(0x21, slice(p2, 6, 10)));
        assertThat(m.sentPdus()).isEqualTo(2);
    }

    @Test
    void timesOutWaitingForTheFlowControl() {
        Machine t = with(options().withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNBs(Duration.ofMillis(200))));
        byte[] p = payload(10);
        t.send(p);
        t.expectSent(data(0x10, 0x0A, slice(p, 0, 6)));
        t.advanceMillis(199);
        t.expectNoErrors();
        t.advanceMillis(1);
        t.expectNothingSent();
        assertThat(t.expectErrors(IsoTpError.FlowControlTimeout.class))
                .containsExactly(new IsoTpError.FlowControlTimeout(Duration.ofMillis(200)));
        assertThat(t.sm.txState()).isEqualTo(IsoTpStateMachine.TxState.IDLE);
    }

    @Test
    void recoversAfterAFlowControlTimeout() {
        Machine t = with(options().withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNBs(Duration.ofMillis(200))));
        byte[] p = payload(10);
        t.send(p);
        t.nextSent();
        t.advanceMillis(200);
        t.send(p);
        t.expectSent(data(0x10, 0x0A, slice(p, 0, 6)));
        t.rxFlowControl(0, 8, 0);
        t.expectSent(data(0x21, slice(p, 6, 10)));
        t.expectErrors(IsoTpError.FlowControlTimeout.class);
        assertThat(t.sentPdus()).isEqualTo(1);
    }

    @Test
    void ignoresAnUnexpectedFlowControl() {
        m.rxFlowControl(0, 8, 100);
        m.expectNothingSent();
        IsoTpError e = m.expectErrors(IsoTpError.UnexpectedFrame.class).get(0);
        assertThat(e.direction()).isEqualTo(IsoTpError.Direction.TRANSMIT);
        assertThat(e.abortsTransfer()).isFalse();
    }

    @Test
    void stopsOnOverflow() {
        byte[] p = payload(0x30);
        m.send(p);
        m.expectSent(data(0x10, 0x30, slice(p, 0, 6)));
        m.rxFlowControl(2, 8, 0);
        assertThat(m.expectErrors(IsoTpError.Overflow.class)).containsExactly(new IsoTpError.Overflow(0x30));
        m.expectNothingSent();
        assertThat(m.sm.txState()).isEqualTo(IsoTpStateMachine.TxState.IDLE);
    }

    @Test
    void waitFramesRestartTheFlowControlTimer() {
        Machine t = with(options().withMaxWaitFrames(15)
                .withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNBs(Duration.ofMillis(500))));
        byte[] p = payload(20);
        t.send(p);
        t.expectSent(data(0x10, 20, slice(p, 0, 6)));
        for (int i = 0; i < 10; i++) {
            t.rxFlowControl(1, 1, 0);
            t.advanceMillis(200);
        }
        t.rxFlowControl(0, 1, 0);
        t.expectSent(data(0x21, slice(p, 6, 13)));
        for (int i = 0; i < 10; i++) {
            t.rxFlowControl(1, 1, 0);
            t.advanceMillis(200);
        }
        t.rxFlowControl(0, 1, 0);
        t.expectSent(data(0x22, slice(p, 13, 20)));
        t.expectNoErrors();
        assertThat(t.sentPdus()).isEqualTo(1);
    }

    @Test
    void waitFramesStillTimeOutWhenNothingFollows() {
        Machine t = with(options().withMaxWaitFrames(15)
                .withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNBs(Duration.ofMillis(500))));
        byte[] p = payload(20);
        t.send(p);
        t.nextSent();
        for (int i = 0; i < 3; i++) {
            t.rxFlowControl(1, 1, 0);
            t.advanceMillis(200);
        }
        t.advanceMillis(500);
        t.rxFlowControl(0, 1, 0);
        t.expectNothingSent();
        t.expectErrors(IsoTpError.FlowControlTimeout.class, IsoTpError.UnexpectedFrame.class);
    }

    @Test
    void aWaitAfterTheFirstFrameAbortsWhenNoWaitIsAccepted() {
        byte[] p = payload(10);
        m.send(p);
        m.nextSent();
        m.rxFlowControl(1, 8, 0);
        assertThat(m.expectErrors(IsoTpError.WaitFrameLimit.class)).containsExactly(new IsoTpError.WaitFrameLimit(0));
        m.advanceMillis(10);
        m.rxFlowControl(0, 8, 0);
        m.expectNothingSent();
        m.expectErrors(IsoTpError.UnexpectedFrame.class);
    }

    @Test
    void aWaitAfterAConsecutiveFrameAbortsWhenNoWaitIsAccepted() {
        byte[] p = payload(20);
        m.send(p);
        m.nextSent();
        m.rxFlowControl(0, 1, 0);
        m.expectSent(data(0x21, slice(p, 6, 13)));
        m.expectNoErrors();
        m.rxFlowControl(1, 1, 0);
        m.expectErrors(IsoTpError.WaitFrameLimit.class);
        m.expectNothingSent();
    }

    @Test
    void moreWaitsThanTheLimitAfterTheFirstFrameAbort() {
        Machine t = with(options().withMaxWaitFrames(5));
        byte[] p = payload(20);
        t.send(p);
        t.nextSent();
        for (int i = 0; i < 6; i++) {
            t.rxFlowControl(1, 1, 0);
            t.advanceMillis(200);
        }
        t.rxFlowControl(0, 1, 0);
        t.expectNothingSent();
        assertThat(t.expectErrors(IsoTpError.WaitFrameLimit.class, IsoTpError.UnexpectedFrame.class).get(0))
                .isEqualTo(new IsoTpError.WaitFrameLimit(5));
    }

    @Test
    void moreWaitsThanTheLimitAfterAConsecutiveFrameAbort() {
        Machine t = with(options().withMaxWaitFrames(5));
        byte[] p = payload(20);
        t.send(p);
        t.nextSent();
        t.rxFlowControl(0, 1, 0);
        t.nextSent();
        for (int i = 0; i < 6; i++) {
            t.rxFlowControl(1, 1, 0);
            t.advanceMillis(200);
        }
        t.rxFlowControl(0, 1, 0);
        t.expectNothingSent();
        t.expectErrors(IsoTpError.WaitFrameLimit.class, IsoTpError.UnexpectedFrame.class);
    }

    @Test
    void sends4095BytesInBlocksOfFive() {
        sendInBlocks(4095, 5);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void sends128BytesInBlocks(int blockSize) {
        sendInBlocks(128, blockSize);
    }

    private void sendInBlocks(int size, int blockSize) {
        Machine t = with(options());
        byte[] p = payload(size);
        t.send(p);
        t.expectSent(data(0x10 | (size >> 8), size & 0xFF, slice(p, 0, 6)));
        t.rxFlowControl(0, blockSize, 0);
        int sn = 1;
        int inBlock = 0;
        for (int at = 6; at < size; at += 7) {
            if (inBlock == blockSize) {
                t.expectNothingSent();
                assertThat(t.sm.txState()).isEqualTo(IsoTpStateMachine.TxState.WAIT_FC);
                t.rxFlowControl(0, blockSize, 0);
                inBlock = 0;
            }
            t.expectSent(data(0x20 | sn, slice(p, at, at + 7)));
            sn = (sn + 1) & 0xF;
            inBlock++;
        }
        t.expectNothingSent();
        assertThat(t.sentPdus()).isEqualTo(1);
        t.expectNoErrors();
    }

    @Test
    void blockSizeAndStMinComeFromTheFirstFlowControlOnly() {
        byte[] p = payload(40);
        m.send(p);
        m.nextSent();
        m.rxFlowControl(0, 2, 10);
        m.expectSent(data(0x21, slice(p, 6, 13)));
        m.advanceMillis(10);
        m.expectSent(data(0x22, slice(p, 13, 20)));
        // The second flow control asks for BS 0 and no gap; the first one's BS 2 and 10 ms still hold.
        m.rxFlowControl(0, 0, 0);
        m.expectSent(data(0x23, slice(p, 20, 27)));
        m.advanceMillis(9);
        m.expectNothingSent();
        m.advanceMillis(1);
        m.expectSent(data(0x24, slice(p, 27, 34)));
        m.advanceMillis(100);
        m.expectNothingSent();
        assertThat(m.sm.txState()).isEqualTo(IsoTpStateMachine.TxState.WAIT_FC);
    }

    @Test
    void forcedStMinZeroIgnoresTheReceiversStMin() {
        Machine t = with(options().withForcedTxStMin(Duration.ZERO));
        byte[] p = payload(4095);
        t.send(p);
        t.nextSent();
        t.rxFlowControl(0, 8, 100);
        int sn = 1;
        int inBlock = 0;
        for (int at = 6; at < p.length; at += 7) {
            if (inBlock == 8) {
                t.expectNothingSent();
                t.rxFlowControl(0, 8, 100);
                inBlock = 0;
            }
            t.expectSent(data(0x20 | sn, slice(p, at, at + 7)));
            sn = (sn + 1) & 0xF;
            inBlock++;
        }
        assertThat(t.sentPdus()).isEqualTo(1);
    }

    @Test
    void consecutiveFramesComeOutExactlyWhenStMinHasPassed() {
        byte[] p = payload(30);
        m.send(p);
        m.nextSent();
        m.rxFlowControl(0, 3, 100);
        long start = m.now;
        m.expectSent(data(0x21, slice(p, 6, 13)));
        m.advanceNanos(Duration.ofMillis(100).toNanos() - 1);
        m.expectNothingSent();
        m.advanceNanos(1);
        assertThat(m.sentAt).containsExactly(start + Duration.ofMillis(100).toNanos());
        m.expectSent(data(0x22, slice(p, 13, 20)));
        m.advanceMillis(100);
        m.expectSent(data(0x23, slice(p, 20, 27)));
        m.advanceMillis(100);
        m.expectNothingSent();
        m.rxFlowControl(0, 3, 100);
        m.expectSent(data(0x24, slice(p, 27, 30)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0xF1, 0xF5, 0xF9})
    void microsecondStMinValues(int stMin) {
        byte[] p = payload(20);
        m.send(p);
        m.nextSent();
        m.rxFlowControl(0, 0, stMin);
        m.nextSent();
        IsoTpStateMachine.Output d = m.sm.pendingDeadline();
        assertThat(d.deadlineIsTxGap()).isTrue();
        assertThat(d.deadline() - m.now).isEqualTo((stMin - 0xF0) * 100_000L);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x80, 0xA0, 0xF0, 0xFA, 0xFF})
    void reservedStMinValuesMean127Milliseconds(int stMin) {
        byte[] p = payload(20);
        m.send(p);
        m.nextSent();
        m.rxFlowControl(0, 0, stMin);
        m.nextSent();
        m.advanceNanos(Duration.ofMillis(127).toNanos() - 1);
        m.expectNothingSent();
        m.advanceNanos(1);
        m.expectSent(data(0x22, slice(p, 13, 20)));
    }

    @Test
    void theStMinGapStartsWhenThePreviousFrameIsOut() {
        Machine t = with(options());
        t.autoConfirm = false;
        byte[] p = payload(30);
        t.send(p);
        t.confirm();
        t.rxFlowControl(0, 0, 10);
        t.advanceMillis(3); // the first consecutive frame takes 3 ms to get out
        t.confirm();
        t.nextSent();
        t.nextSent();
        t.advanceMillis(9);
        t.expectNothingSent();
        t.advanceMillis(1);
        t.expectSent(data(0x22, slice(p, 13, 20)));
    }

    @Test
    void theGapCountsFromWhenTheFrameWasHandedToTheBus() {
        Machine t = with(options());
        t.autoConfirm = false;
        byte[] p = payload(30);
        t.send(p);
        t.confirm();
        t.rxFlowControl(0, 0, 10);
        long handedOver = t.now;
        t.advanceMillis(3); // the bus took 3 ms to accept it
        IsoTpStateMachine.Transmission cf1 = t.unconfirmed.poll();
        t.process(t.sm.onTransmitted(cf1.token(), handedOver, t.now));
        t.nextSent();
        t.nextSent();
        t.advanceNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(7) - 1);
        t.expectNothingSent();
        t.advanceNanos(1);
        t.expectSent(data(0x22, slice(p, 13, 20)));
        assertThat(t.now - handedOver).isEqualTo(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(10));
    }

    @Test
    void aFrameAcceptedAfterItsGapEndedReleasesTheNextAtOnce() {
        Machine t = with(options());
        t.autoConfirm = false;
        byte[] p = payload(30);
        t.send(p);
        t.confirm();
        t.rxFlowControl(0, 0, 1);
        long handedOver = t.now;
        t.advanceMillis(2);
        IsoTpStateMachine.Transmission cf1 = t.unconfirmed.poll();
        t.process(t.sm.onTransmitted(cf1.token(), handedOver, t.now));
        assertThat(t.unconfirmed).hasSize(1);
    }

    @Test
    void frameTxTimeIsAddedToTheGap() {
        Machine t = with(options().withFlowControl(options().flowControl().withFrameTxTime(Duration.ofMillis(1))));
        byte[] p = payload(20);
        t.send(p);
        t.nextSent();
        t.rxFlowControl(0, 0, 2);
        t.nextSent();
        t.advanceNanos(Duration.ofMillis(3).toNanos() - 1);
        t.expectNothingSent();
        t.advanceNanos(1);
        t.expectSent(data(0x22, slice(p, 13, 20)));
    }

    @Test
    void anEmptyPduIsRejectedAndTheNextOneGoesOut() {
        assertThatThrownBy(() -> m.send(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an ISO-TP PDU has at least 1 byte, got 0");
        m.expectNothingSent();
        m.send(Machine.bytes(0x55));
        m.expectSent(0x01, 0x55);
    }

    @Test
    void aPduAboveMaxPduLengthIsRejected() {
        Machine t = with(options().withMaxPduLength(100));
        assertThatThrownBy(() -> t.send(payload(101))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PDU of 101 bytes exceeds maxPduLength 100");
        t.send(payload(100));
        t.expectSent(data(0x10, 100, payload(6)));
    }

    @Test
    void sendsTheLargestPdu() {
        Machine t = with(options().withMaxPduLength(70_000));
        byte[] p = new java.util.Random(1).ints(70_000, 0, 256).collect(java.io.ByteArrayOutputStream::new,
                (b, v) -> b.write(v), (a, b) -> { }).toByteArray();
        t.send(p);
        t.expectSent(data(0x10, 0x00, 0x00, 0x01, 0x11, 0x70, slice(p, 0, 2)));
        t.rxFlowControl(0, 0, 0);
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        got.writeBytes(slice(p, 0, 2));
        int sn = 1;
        CanFrame f;
        while ((f = t.nextSent()) != null) {
            assertThat(f.dataByte(0)).isEqualTo(0x20 | sn);
            got.write(f.data(), 1, f.length() - 1);
            sn = (sn + 1) & 0xF;
        }
        assertThat(got.toByteArray()).isEqualTo(p);
        assertThat(t.sentPdus()).isEqualTo(1);
    }

    @Test
    void blockSizeZeroSendsEverythingAfterOneFlowControl() {
        byte[] p = payload(4095);
        m.send(p);
        m.expectSent(data(0x1F, 0xFF, slice(p, 0, 6)));
        m.rxFlowControl(0, 0, 0);
        int sn = 1;
        for (int at = 6; at < p.length; at += 7) {
            m.expectSent(data(0x20 | sn, slice(p, at, at + 7)));
            sn = (sn + 1) & 0xF;
        }
        m.expectNothingSent();
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 10000})
    void longPdusUseTheEscapedLength(int size) {
        Machine t = with(options().withMaxPduLength(20_000));
        byte[] p = payload(size);
        t.send(p);
        CanFrame ff = t.expectSent(data(0x10, 0, 0, 0, size >> 8, size & 0xFF, slice(p, 0, 2)));
        assertThat(ff.dlc()).isEqualTo(8);
        t.rxFlowControl(0, 0, 0);
        int sn = 1;
        for (int at = 2; at < size; at += 7) {
            CanFrame cf = t.expectSent(data(0x20 | sn, slice(p, at, at + 7)));
            assertThat(cf.dlc()).isEqualTo(cf.length());
            sn = (sn + 1) & 0xF;
        }
        t.expectNothingSent();
    }

    @Test
    void aMalformedFlowControlAbortsTheSend() {
        m.send(payload(20));
        m.nextSent();
        m.rx(0x30, 8);
        assertThat(m.expectErrors(IsoTpError.MalformedFrame.class).get(0).abortsTransfer()).isTrue();
        assertThat(m.sm.txState()).isEqualTo(IsoTpStateMachine.TxState.IDLE);
        m.send(payload(20));
        m.nextSent();
        m.rxFlowControl(3, 0, 0);
        assertThat(m.expectErrors(IsoTpError.MalformedFrame.class).get(0))
                .isEqualTo(new IsoTpError.MalformedFrame(FrameType.FLOW_CONTROL, "reserved flow status 3"));
    }

    @Test
    void aFrameNotOnTheBusWithinNAsAbortsTheSend() {
        Machine t = with(options().withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNAs(Duration.ofMillis(30))));
        t.autoConfirm = false;
        t.send(payload(5));
        t.advanceMillis(29);
        t.expectNoErrors();
        t.advanceMillis(1);
        assertThat(t.expectErrors(IsoTpError.TransmitTimeout.class))
                .containsExactly(new IsoTpError.TransmitTimeout(FrameType.SINGLE_FRAME, Duration.ofMillis(30)));
        assertThat(t.sm.canSend()).isTrue();
        t.confirm(); // the late confirmation of the old frame changes nothing
        assertThat(t.sentPdus()).isZero();
        t.expectNoErrors();
    }

    @Test
    void aConsecutiveFrameNotOnTheBusWithinNAsAbortsTheSend() {
        Machine t = with(options().withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNAs(Duration.ofMillis(30))));
        t.autoConfirm = false;
        t.send(payload(20));
        t.confirm();
        t.rxFlowControl(0, 0, 0);
        t.advanceMillis(30);
        assertThat(t.expectErrors(IsoTpError.TransmitTimeout.class).get(0))
                .isEqualTo(new IsoTpError.TransmitTimeout(FrameType.CONSECUTIVE_FRAME, Duration.ofMillis(30)));
    }

    @Test
    void aFrameTheBusRefusesAbortsTheSend() {
        m.autoConfirm = false;
        m.send(payload(20));
        IsoTpStateMachine.Transmission ff = m.unconfirmed.poll();
        m.process(m.sm.onTransmitFailed(ff.token(), "network is down", m.now));
        assertThat(m.expectErrors(IsoTpError.TransmitFailed.class))
                .containsExactly(new IsoTpError.TransmitFailed(FrameType.FIRST_FRAME, "network is down"));
        assertThat(m.sm.canSend()).isTrue();
    }

    @Test
    void aFlowControlBeforeTheFirstFramesConfirmationIsTaken() {
        // On a fast bus the receiver answers before our send() call has returned.
        m.autoConfirm = false;
        byte[] p = payload(10);
        m.send(p);
        m.rxFlowControl(0, 0, 0);
        assertThat(m.unconfirmed).hasSize(2);
        m.confirm(); // the first frame: its token is stale by now and ignored
        assertThat(m.sentPdus()).isZero();
        m.confirm(); // the consecutive frame
        assertThat(m.sentPdus()).isEqualTo(1);
        m.expectNoErrors();
    }

    @Test
    void theFlowControlAfterABlockMayComeBeforeTheBlocksLastFrameIsConfirmed() {
        Machine t = with(options());
        t.autoConfirm = false;
        byte[] p = payload(30);
        t.send(p);
        t.confirm();
        t.rxFlowControl(0, 1, 0);
        assertThat(t.sm.txState()).isEqualTo(IsoTpStateMachine.TxState.WAIT_FC);
        t.rxFlowControl(0, 1, 0); // before the first consecutive frame is confirmed
        t.expectNoErrors();
        assertThat(t.unconfirmed).hasSize(2);
    }

    @Test
    void consecutiveFrameBroadcastSendsWithoutFlowControl() {
        Machine t = with(options().withBroadcast(IsoTpOptions.Broadcast.CONSECUTIVE_FRAMES)
                .withForcedTxStMin(Duration.ofMillis(2)));
        byte[] p = payload(20);
        t.send(p);
        t.expectSent(data(0x10, 20, slice(p, 0, 6)));
        t.advanceNanos(Duration.ofMillis(2).toNanos() - 1);
        t.expectNothingSent();
        t.advanceNanos(1);
        t.expectSent(data(0x21, slice(p, 6, 13)));
        t.advanceMillis(2);
        t.expectSent(data(0x22, slice(p, 13, 20)));
        assertThat(t.sentPdus()).isEqualTo(1);
    }

    @Test
    void singleFrameBroadcastRefusesLongerPdusAndReceivesNothing() {
        Machine t = with(options().withBroadcast(IsoTpOptions.Broadcast.SINGLE_FRAME));
        assertThatThrownBy(() -> t.send(payload(8))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("single frames only");
        t.send(payload(7));
        t.expectSent(data(7, payload(7)));
        t.rx(0x03, 1, 2, 3);
        t.expectNothingReceived();
    }

    @Test
    void aFunctionalAddressSendsSingleFramesOnly() {
        Machine t = with(options().withAddress(new IsoTpAddress.NormalFixed(0x33, 0xF1, true)));
        assertThatThrownBy(() -> t.send(payload(8))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("functional address");
        t.send(Machine.bytes(0x01, 0x00));
        CanFrame f = t.expectSent(0x02, 0x01, 0x00);
        assertThat(f.id()).isEqualTo(0x18DB33F1);
        assertThat(f.extended()).isTrue();
    }

    @Test
    void forcedStMinOverridesTheReceivers() {
        Machine t = with(options().withFlowControl(options().flowControl()
                .withForcedTxStMin(Optional.of(Duration.ofMillis(3)))));
        byte[] p = payload(20);
        t.send(p);
        t.nextSent();
        t.rxFlowControl(0, 0, 50);
        t.nextSent();
        t.advanceMillis(3);
        t.expectSent(data(0x22, slice(p, 13, 20)));
    }
}
