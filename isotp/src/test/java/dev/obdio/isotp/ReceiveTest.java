package dev.obdio.isotp;

import static dev.obdio.isotp.Machine.data;
import static dev.obdio.isotp.Machine.payload;
import static dev.obdio.isotp.Machine.slice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reception path of the state machine on a fake clock: the receive cases of
 * python-can-isotp's logic suite ({@code test_transport_layer_logic.py}) and the kernel's rules.
 */
class ReceiveTest {

    private static IsoTpOptions options() {
        // The suite's parameters: stmin 1, blocksize 8, timeouts 1000 ms.
        return Machine.normal().withStMin(1).withBlockSize(8);
    }

    private final Machine m = Machine.withOptions(options());

    private static Machine with(IsoTpOptions o) {
        return Machine.withOptions(o);
    }

    @Test
    void receivesASingleFrame() {
        m.rx(0x05, 0x11, 0x22, 0x33, 0x44, 0x55);
        assertThat(m.receivedOne()).containsExactly(0x11, 0x22, 0x33, 0x44, 0x55);
        m.expectNothingSent();
        m.expectNoErrors();
    }

    @Test
    void receivesSingleFramesOneAfterTheOther() {
        m.advanceMillis(5);
        m.rx(0x05, 0x11, 0x22, 0x33, 0x44, 0x55);
        assertThat(m.receivedOne()).containsExactly(0x11, 0x22, 0x33, 0x44, 0x55);
        m.advanceMillis(5);
        m.expectNothingReceived();
        m.rx(0x05, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE);
        assertThat(m.receivedOne()).containsExactly(0xAA, 0xBB, 0xCC, 0xDD, 0xEE);
        m.advanceMillis(5);
        m.expectNothingReceived();
    }

    @Test
    void receivesAMultiFramePdu() {
        byte[] p = payload(10);
        m.rx(data(0x10, 10, slice(p, 0, 6)));
        m.rx(data(0x21, slice(p, 6, 10)));
        assertThat(m.receivedOne()).isEqualTo(p);
        m.expectNoErrors();
    }

    @Test
    void receivesTwoMultiFramePdus() {
        byte[] p = payload(10);
        m.rx(data(0x10, 10, slice(p, 0, 6)));
        m.rx(data(0x21, slice(p, 6, 10)));
        m.rx(data(0x10, 10, slice(p, 0, 6)));
        m.rx(data(0x21, slice(p, 6, 10)));
        assertThat(m.received()).containsExactly(p, p);
    }

    @Test
    void answersAFirstFrameWithOurBlockSizeAndStMinOnOurTransmitId() {
        Machine r = with(options().withStMin(0x02).withBlockSize(0x05));
        byte[] p = payload(10);
        r.rx(data(0x10, 10, slice(p, 0, 6)));
        r.expectFlowControl(0, 5, 2);
        r.expectNothingReceived();
        r.rx(data(0x21, slice(p, 6, 10)));
        assertThat(r.receivedOne()).isEqualTo(p);
        r.expectNothingSent();
    }

    @Test
    void listenOnlyModeSendsNoFlowControl() {
        Machine r = with(options().withStMin(2).withBlockSize(5).withListenOnly(true));
        byte[] p = payload(10);
        r.rx(data(0x10, 10, slice(p, 0, 6)));
        r.expectNothingSent();
        r.rx(data(0x21, slice(p, 6, 10)));
        assertThat(r.receivedOne()).isEqualTo(p);
    }

    @Test
    void listenOnlyModeFollowsBlocksWithoutAnswering() {
        Machine r = with(options().withBlockSize(2).withListenOnly(true));
        byte[] p = payload(40);
        r.rx(data(0x10, 40, slice(p, 0, 6)));
        for (int sn = 1, at = 6; at < 40; sn++, at += 7) {
            r.rx(data(0x20 | sn, slice(p, at, at + 7)));
        }
        r.expectNothingSent();
        assertThat(r.receivedOne()).isEqualTo(p);
    }

    @Test
    void answersOverflowWhenTheFirstFrameAnnouncesMoreThanMaxPduLength() {
        Machine r = with(options().withStMin(0).withBlockSize(0).withMaxPduLength(32));
        byte[] p = payload(33);
        r.rx(data(0x10, 33, slice(p, 0, 6)));
        IsoTpError e = r.expectErrors(IsoTpError.PduTooLong.class).get(0);
        assertThat(e).isEqualTo(new IsoTpError.PduTooLong(33, 32));
        r.expectFlowControl(2, 0, 0);
        r.rx(data(0x21, slice(p, 6, 10)));
        r.expectErrors(IsoTpError.UnexpectedFrame.class);
        r.rx(data(0x10, 32, slice(p, 0, 6)));
        r.expectFlowControl(0, 0, 0);
    }

    @Test
    void answersOverflowForAnEscapedFirstFrameLength() {
        Machine r = with(options().withStMin(0).withBlockSize(0).withMaxPduLength(32));
        byte[] p = payload(33);
        r.rx(data(0x10, 0, 0, 0, 0, 33, slice(p, 0, 2)));
        r.expectErrors(IsoTpError.PduTooLong.class);
        r.expectFlowControl(2, 0, 0);
        r.rx(data(0x21, slice(p, 6, 10)));
        r.expectErrors(IsoTpError.UnexpectedFrame.class);
        r.rx(data(0x10, 0, 0, 0, 0, 32, slice(p, 0, 2)));
        r.expectFlowControl(0, 0, 0);
    }

    @Test
    void listenOnlyModeNeverAnswersOverflow() {
        Machine r = with(options().withMaxPduLength(32).withListenOnly(true));
        r.rx(data(0x10, 33, payload(6)));
        r.expectErrors(IsoTpError.PduTooLong.class);
        r.expectNothingSent();
    }

    @Test
    void padsTheFlowControlWhenTxPaddingIsOn() {
        Machine r = with(options().withTxPadding(0x22).withStMin(2).withBlockSize(5));
        byte[] p = payload(10);
        r.rx(data(0x10, 10, slice(p, 0, 6)));
        r.expectSent(0x30, 5, 2, 0x22, 0x22, 0x22, 0x22, 0x22);
        r.rx(data(0x21, slice(p, 6, 10)));
        assertThat(r.receivedOne()).isEqualTo(p);
    }

    @Test
    void sendsAFlowControlAfterEveryBlock() {
        Machine r = with(options().withStMin(5).withBlockSize(3));
        byte[] p = payload(30);
        r.rx(data(0x10, 30, slice(p, 0, 6)));
        r.expectFlowControl(0, 3, 5);
        r.rx(data(0x21, slice(p, 6, 13)));
        r.rx(data(0x22, slice(p, 13, 20)));
        r.expectNothingSent();
        r.rx(data(0x23, slice(p, 20, 27)));
        r.expectFlowControl(0, 3, 5);
        r.expectNothingReceived();
        r.rx(data(0x24, slice(p, 27, 30)));
        assertThat(r.receivedOne()).isEqualTo(p);
        r.expectNothingSent();
    }

    @Test
    void blockSizeZeroMeansOneFlowControlOnly() {
        Machine r = with(options().withBlockSize(0).withStMin(5));
        byte[] p = payload(30);
        r.rx(data(0x10, 30, slice(p, 0, 6)));
        r.expectFlowControl(0, 0, 5);
        for (int sn = 1, at = 6; at < 30; sn++, at += 7) {
            r.rx(data(0x20 | sn, slice(p, at, at + 7)));
        }
        r.expectNothingSent();
        assertThat(r.receivedOne()).isEqualTo(p);
    }

    @Test
    void aWrongSequenceNumberAbortsTheReception() {
        Machine r = with(options().withBlockSize(1));
        byte[] p = payload(10);
        r.rx(data(0x10, 10, slice(p, 0, 6)));
        r.expectFlowControl(0, 1, 1);
        r.rx(data(0x22, slice(p, 6, 10)));
        r.expectNothingReceived();
        r.expectNothingSent();
        assertThat(r.expectErrors(IsoTpError.WrongSequenceNumber.class))
                .containsExactly(new IsoTpError.WrongSequenceNumber(1, 2));
        assertThat(r.sm.rxState()).isEqualTo(IsoTpStateMachine.RxState.IDLE);
        r.rx(data(0x21, slice(p, 6, 10)));
        r.expectErrors(IsoTpError.UnexpectedFrame.class);
    }

    @Test
    void sequenceNumbersWrapFromFToZero() {
        Machine r = with(options().withBlockSize(0));
        byte[] p = payload(200);
        r.rx(data(0x10, 200, slice(p, 0, 6)));
        int sn = 1;
        for (int at = 6; at < 200; at += 7) {
            r.rx(data(0x20 | sn, slice(p, at, at + 7)));
            sn = (sn + 1) & 0xF;
        }
        assertThat(r.receivedOne()).isEqualTo(p);
        r.expectNoErrors();
    }

    @Test
    void timesOutWaitingForAConsecutiveFrameAfterTheFlowControl() {
        Machine r = with(options().withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNCr(Duration.ofMillis(200))));
        byte[] p = payload(10);
        r.rx(data(0x10, 10, slice(p, 0, 6)));
        r.advanceMillis(199);
        r.expectNoErrors();
        r.advanceMillis(1);
        r.expectNothingReceived();
        assertThat(r.expectErrors(IsoTpError.ConsecutiveFrameTimeout.class))
                .containsExactly(new IsoTpError.ConsecutiveFrameTimeout(Duration.ofMillis(200), 6, 10));
    }

    @Test
    void timesOutWaitingForAConsecutiveFrameAfterTheSecondFlowControl() {
        Machine r = with(options().withBlockSize(2).withStMin(0)
                .withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNCr(Duration.ofMillis(200))));
        byte[] p = payload(50);
        r.rx(data(0x10, 50, slice(p, 0, 6)));
        r.expectFlowControl(0, 2, 0);
        r.rx(data(0x21, slice(p, 6, 13)));
        r.advanceMillis(150);
        r.rx(data(0x22, slice(p, 13, 20)));
        r.expectFlowControl(0, 2, 0);
        r.advanceMillis(199);
        r.expectNoErrors();
        r.advanceMillis(1);
        r.expectNothingReceived();
        r.expectErrors(IsoTpError.ConsecutiveFrameTimeout.class);
    }

    @Test
    void aConsecutiveFrameAfterTheTimeoutIsUnexpected() {
        Machine r = with(options().withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNCr(Duration.ofMillis(200))));
        byte[] p = payload(10);
        r.rx(data(0x10, 10, slice(p, 0, 6)));
        r.now += Duration.ofMillis(200).toNanos(); // no tick in between: the frame itself notices
        r.rx(data(0x21, slice(p, 6, 10)));
        r.expectNothingReceived();
        r.expectErrors(IsoTpError.ConsecutiveFrameTimeout.class, IsoTpError.UnexpectedFrame.class);
    }

    @Test
    void recoversAfterAConsecutiveFrameTimeout() {
        Machine r = with(options().withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNCr(Duration.ofMillis(200))));
        byte[] p1 = payload(10);
        byte[] p2 = payload(10, 1);
        r.rx(data(0x10, 10, slice(p1, 0, 6)));
        r.advanceMillis(200);
        r.rx(data(0x21, slice(p1, 6, 10)));
        r.expectNothingReceived();
        r.rx(data(0x10, 10, slice(p2, 0, 6)));
        r.rx(data(0x21, slice(p2, 6, 10)));
        assertThat(r.receivedOne()).isEqualTo(p2);
        r.expectErrors(IsoTpError.ConsecutiveFrameTimeout.class, IsoTpError.UnexpectedFrame.class);
    }

    @Test
    void aFirstFrameInterruptsTheReceptionAndStartsANewOne() {
        byte[] p1 = payload(10);
        byte[] p2 = payload(10, 1);
        m.rx(data(0x10, 10, slice(p1, 0, 6)));
        m.rx(data(0x10, 10, slice(p2, 0, 6)));
        m.rx(data(0x21, slice(p2, 6, 10)));
        assertThat(m.receivedOne()).isEqualTo(p2);
        assertThat(m.expectErrors(IsoTpError.ReceptionInterrupted.class))
                .containsExactly(new IsoTpError.ReceptionInterrupted(FrameType.FIRST_FRAME, 6, 10));
    }

    @Test
    void aSingleFrameInterruptsTheReceptionThenReceptionRecovers() {
        byte[] p1 = payload(16);
        byte[] p2 = payload(16, 1);
        byte[] sf = payload(5, 2);
        m.rx(data(0x10, 16, slice(p1, 0, 6)));
        m.rx(data(0x21, slice(p1, 6, 13)));
        m.rx(data(0x05, sf));
        m.rx(data(0x10, 16, slice(p2, 0, 6)));
        m.rx(data(0x21, slice(p2, 6, 13)));
        m.rx(data(0x22, slice(p2, 13, 16)));
        assertThat(m.received()).containsExactly(sf, p2);
        m.expectErrors(IsoTpError.ReceptionInterrupted.class);
    }

    @Test
    void ignoresAConsecutiveFrameWhileIdle() {
        m.rx(0x21, 1, 2, 3, 4, 5, 6, 7);
        m.expectNothingReceived();
        m.expectNothingSent();
        assertThat(m.expectErrors(IsoTpError.UnexpectedFrame.class).get(0).abortsTransfer()).isFalse();
    }

    @Test
    void receives4095Bytes() {
        byte[] p = payload(4095);
        m.rx(data(0x1F, 0xFF, slice(p, 0, 6)));
        feedConsecutive(m, p, 6, 7);
        assertThat(m.receivedOne()).isEqualTo(p);
    }

    @Test
    void receives4096BytesWithTheEscapedLength() {
        Machine r = with(options().withMaxPduLength(5000));
        byte[] p = payload(4096);
        r.rx(data(0x10, 0, 0, 0, 0x10, 0, slice(p, 0, 2)));
        feedConsecutive(r, p, 2, 7);
        assertThat(r.receivedOne()).isEqualTo(p);
        r.expectNoErrors();
    }

    @Test
    void receives10000Bytes() {
        Machine r = with(options().withMaxPduLength(11000));
        byte[] p = payload(10000);
        r.rx(data(0x10, 0, 0, 0, 0x27, 0x10, slice(p, 0, 2)));
        feedConsecutive(r, p, 2, 7);
        assertThat(r.receivedOne()).isEqualTo(p);
    }

    @Test
    void theDefaultMaxPduLengthIsTheKernels8300() {
        m.rx(data(0x10, 0, 0, 0, 0x20, 0x6C, payload(2)));
        m.expectFlowControl(0, 8, 1);
        m.rx(data(0x10, 0, 0, 0, 0x20, 0x6D, payload(2)));
        m.expectErrors(IsoTpError.ReceptionInterrupted.class, IsoTpError.PduTooLong.class);
        m.expectFlowControl(2, 8, 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9})
    void receives4095BytesInBlocks(int blockSize) {
        Machine r = with(options().withBlockSize(blockSize).withStMin(2));
        byte[] p = payload(4095);
        r.rx(data(0x1F, 0xFF, slice(p, 0, 6)));
        r.expectFlowControl(0, blockSize, 2);
        int sn = 1;
        int blocks = 0;
        for (int at = 6; at < p.length; at += 7) {
            r.rx(data(0x20 | sn, slice(p, at, at + 7)));
            sn = (sn + 1) & 0xF;
            blocks++;
            if (blocks % blockSize == 0 && at + 7 < p.length) {
                r.expectFlowControl(0, blockSize, 2);
            } else {
                r.expectNothingSent();
            }
        }
        assertThat(r.receivedOne()).isEqualTo(p);
    }

    @Test
    void reportsReservedFrameTypesWithoutDisturbingAReception() {
        byte[] p = payload(10);
        m.rx(data(0x10, 10, slice(p, 0, 6)));
        m.nextSent();
        for (int type = 4; type < 16; type++) {
            m.rx(type << 4, 0, 0);
            assertThat(m.expectErrors(IsoTpError.MalformedFrame.class).get(0))
                    .isEqualTo(new IsoTpError.MalformedFrame(FrameType.UNKNOWN,
                            String.format("reserved frame type %X (protocol byte %02X)", type, type << 4)));
        }
        m.rx(data(0x21, slice(p, 6, 10)));
        assertThat(m.receivedOne()).isEqualTo(p);
    }

    @Test
    void rejectsMalformedSingleFrames() {
        m.rx(0x00);                   // SF_DL 0 on a classic frame
        m.rx(0x05, 1, 2, 3);          // SF_DL 5, 3 bytes
        m.rx();                       // nothing at all
        m.rx(0x08, 1, 2, 3, 4, 5, 6, 7); // SF_DL 8 cannot be in 8 bytes
        m.expectErrors(IsoTpError.MalformedFrame.class, IsoTpError.MalformedFrame.class,
                IsoTpError.MalformedFrame.class, IsoTpError.MalformedFrame.class);
        m.expectNothingReceived();
    }

    @Test
    void aMalformedSingleFrameDoesNotInterruptAReception() {
        byte[] p = payload(10);
        m.rx(data(0x10, 10, slice(p, 0, 6)));
        m.rx(0x07, 1, 2);
        m.rx(data(0x21, slice(p, 6, 10)));
        assertThat(m.receivedOne()).isEqualTo(p);
        assertThat(m.expectErrors(IsoTpError.MalformedFrame.class).get(0).abortsTransfer()).isFalse();
    }

    @Test
    void rejectsFirstFramesThatAreTooShortOrAnnounceASingleFramePayload() {
        m.rx(0x10);                              // no FF_DL
        m.rx(0x10, 0x00, 0, 0);                  // escape without 32-bit length
        m.rx(0x10, 0x07, 1, 2, 3, 4, 5, 6);      // 7 bytes fit a single frame
        m.rx(0x10, 0, 0, 0, 0, 7, 1, 2);          // also when escaped
        m.expectErrors(IsoTpError.MalformedFrame.class, IsoTpError.MalformedFrame.class,
                IsoTpError.MalformedFrame.class, IsoTpError.MalformedFrame.class);
        m.expectNothingSent();
        assertThat(m.sm.rxState()).isEqualTo(IsoTpStateMachine.RxState.IDLE);
    }

    @Test
    void acceptsAClassicFirstFrameShorterThanEightBytes() {
        // python-can-isotp: "Missing one byte to get a 8 bytes payload. OK according to standard."
        m.rx(0x10, 20, 1, 2, 3, 4, 5);
        m.expectNoErrors();
        m.expectFlowControl(0, 8, 1);
        assertThat(m.sm.rxState()).isEqualTo(IsoTpStateMachine.RxState.WAIT_CF);
    }

    @Test
    void onlyTheLastConsecutiveFrameMayBeShorterThanRxDl() {
        byte[] p = payload(20);
        m.rx(data(0x10, 20, slice(p, 0, 6)));
        m.nextSent();
        m.rx(data(0x21, slice(p, 6, 10))); // 5 bytes with 14 to go: not allowed
        assertThat(m.expectErrors(IsoTpError.MalformedFrame.class).get(0).abortsTransfer()).isFalse();
        m.rx(data(0x21, slice(p, 6, 13)));
        m.rx(data(0x22, slice(p, 13, 20)));
        assertThat(m.receivedOne()).isEqualTo(p);
    }

    @Test
    void forcedReceiveStMinDropsConsecutiveFramesThatComeTooFast() {
        Machine r = with(options().withBlockSize(0).withFlowControl(options().flowControl().withBlockSize(0)
                .withForcedRxStMin(java.util.Optional.of(Duration.ofMillis(5)))));
        byte[] p = payload(20);
        r.rx(data(0x10, 20, slice(p, 0, 6)));
        r.nextSent();
        r.rx(data(0x21, slice(p, 6, 13)));
        r.advanceMillis(4);
        r.rx(data(0x22, slice(p, 13, 20))); // 4 ms after the previous: dropped
        r.advanceMillis(1);
        r.rx(data(0x22, slice(p, 13, 20)));
        assertThat(r.receivedOne()).isEqualTo(p);
        r.expectNoErrors();
    }

    @Test
    void flowControlNotTransmittedWithinNArAbortsTheReception() {
        Machine r = with(options().withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNAr(Duration.ofMillis(50))));
        r.autoConfirm = false;
        r.rx(data(0x10, 20, payload(6)));
        r.advanceMillis(50);
        assertThat(r.expectErrors(IsoTpError.TransmitTimeout.class).get(0))
                .isEqualTo(new IsoTpError.TransmitTimeout(FrameType.FLOW_CONTROL, Duration.ofMillis(50)))
                .matches(e -> e.direction() == IsoTpError.Direction.RECEIVE);
        assertThat(r.sm.rxState()).isEqualTo(IsoTpStateMachine.RxState.IDLE);
    }

    @Test
    void aFlowControlTheBusRefusedAbortsTheReception() {
        Machine r = with(options());
        r.autoConfirm = false;
        r.rx(data(0x10, 20, payload(6)));
        IsoTpStateMachine.Transmission fc = r.unconfirmed.poll();
        r.process(r.sm.onTransmitFailed(fc.token(), "interface down", r.now));
        assertThat(r.expectErrors(IsoTpError.TransmitFailed.class))
                .containsExactly(new IsoTpError.TransmitFailed(FrameType.FLOW_CONTROL, "interface down"));
        assertThat(r.sm.rxState()).isEqualTo(IsoTpStateMachine.RxState.IDLE);
    }

    @Test
    void nCrStartsWhenTheFlowControlIsOut() {
        Machine r = with(options().withTimeouts(IsoTpOptions.Timeouts.DEFAULTS.withNCr(Duration.ofMillis(100))));
        r.autoConfirm = false;
        r.rx(data(0x10, 20, payload(6)));
        r.advanceMillis(30);
        r.confirm();
        r.advanceMillis(99);
        r.expectNoErrors();
        r.advanceMillis(1);
        r.expectErrors(IsoTpError.ConsecutiveFrameTimeout.class);
    }

    @Test
    void framesOnOtherIdentifiersOrRemoteFramesAreIgnored() {
        m.rx(dev.obdio.can.CanFrame.of(0x333, Machine.bytes(0x02, 1, 2)));
        m.rx(dev.obdio.can.CanFrame.extended(Machine.RXID, Machine.bytes(0x02, 1, 2)));
        m.rx(dev.obdio.can.CanFrame.remote(Machine.RXID, false, 3));
        m.expectNothingReceived();
        m.expectNoErrors();
    }

    @Test
    void aClassicChannelIgnoresCanFdFrames() {
        m.rxFd(0x02, 1, 2);
        m.expectNothingReceived();
        m.expectNoErrors();
    }

    /** Feeds consecutive frames of {@code step} data bytes from {@code from} on, SN 1, 2, … */
    static void feedConsecutive(Machine r, byte[] p, int from, int step) {
        int sn = 1;
        for (int at = from; at < p.length; at += step) {
            r.rx(data(0x20 | sn, slice(p, at, at + step)));
            sn = (sn + 1) & 0xF;
        }
    }
}
