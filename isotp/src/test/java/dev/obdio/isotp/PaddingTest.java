package dev.obdio.isotp;

import static dev.obdio.isotp.Machine.data;
import static dev.obdio.isotp.Machine.payload;
import static dev.obdio.isotp.Machine.repeat;
import static dev.obdio.isotp.Machine.slice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Padding on send and the kernel's CHK_PAD_LEN / CHK_PAD_DATA checks on receive. */
class PaddingTest {

    private static Machine with(IsoTpOptions.Padding padding) {
        return Machine.withOptions(Machine.normal().withPadding(padding));
    }

    private static final IsoTpOptions.Padding UNPADDED_LENGTH_CHECK =
            new IsoTpOptions.Padding(OptionalInt.empty(), OptionalInt.empty(), true, false);

    @Test
    void withoutPaddingTheLengthCheckWantsFramesAsShortAsTheirContent() {
        Machine m = with(UNPADDED_LENGTH_CHECK);
        m.rx(0x03, 1, 2, 3);
        assertThat(m.receivedOne()).containsExactly(1, 2, 3);
        m.rx(0x03, 1, 2, 3, 0xCC);
        assertThat(m.expectErrors(IsoTpError.BadPadding.class).get(0))
                .isEqualTo(new IsoTpError.BadPadding(FrameType.SINGLE_FRAME,
                        "frame of 5 bytes, 4 expected for unpadded content of 4 bytes"));
        m.expectNothingReceived();
    }

    @Test
    void withRxPaddingTheLengthCheckWantsEightByteFrames() {
        Machine m = with(new IsoTpOptions.Padding(OptionalInt.empty(), OptionalInt.of(0xCC), true, false));
        m.rx(0x03, 1, 2, 3);
        m.expectErrors(IsoTpError.BadPadding.class);
        m.rx(0x03, 1, 2, 3, 0x00, 0x00, 0x00, 0x00); // content not checked
        assertThat(m.receivedOne()).containsExactly(1, 2, 3);
    }

    @Test
    void theContentCheckComparesEveryPadByte() {
        Machine m = with(IsoTpOptions.Padding.strict(0xCC));
        m.rx(0x03, 1, 2, 3, 0xCC, 0xCC, 0xCC, 0xCC);
        assertThat(m.receivedOne()).containsExactly(1, 2, 3);
        m.rx(0x03, 1, 2, 3, 0xCC, 0xCC, 0xAA, 0xCC);
        assertThat(m.expectErrors(IsoTpError.BadPadding.class).get(0).message())
                .isEqualTo("bad padding in SINGLE_FRAME: byte 6 is AA, the pad byte is CC");
    }

    @Test
    void theLastConsecutiveFrameIsCheckedAndDropsThePdu() {
        Machine m = with(IsoTpOptions.Padding.strict(0xCC));
        byte[] p = payload(10);
        m.rx(data(0x10, 10, slice(p, 0, 6)));
        m.expectSent(0x30, 0, 0, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC);
        m.rx(data(0x21, slice(p, 6, 10), 0xCC, 0x00, 0xCC));
        assertThat(m.expectErrors(IsoTpError.BadPadding.class).get(0).abortsTransfer()).isTrue();
        m.expectNothingReceived();
        assertThat(m.sm.rxState()).isEqualTo(IsoTpStateMachine.RxState.IDLE);
        m.rx(data(0x10, 10, slice(p, 0, 6)));
        m.nextSent();
        m.rx(data(0x21, slice(p, 6, 10), repeat(0xCC, 3)));
        assertThat(m.receivedOne()).isEqualTo(p);
    }

    @Test
    void aFlowControlWithBadPaddingAbortsTheSend() {
        Machine m = with(IsoTpOptions.Padding.strict(0xCC));
        m.send(payload(20));
        m.nextSent();
        m.rx(0x30, 0, 0, 0xCC, 0xCC, 0xCC, 0xCC, 0x55);
        IsoTpError e = m.expectErrors(IsoTpError.BadPadding.class).get(0);
        assertThat(e.direction()).isEqualTo(IsoTpError.Direction.TRANSMIT);
        assertThat(m.sm.txState()).isEqualTo(IsoTpStateMachine.TxState.IDLE);
    }

    @Test
    void anUnpaddedFlowControlPassesTheUnpaddedLengthCheck() {
        Machine m = with(UNPADDED_LENGTH_CHECK);
        byte[] p = payload(10);
        m.send(p);
        m.nextSent();
        m.rx(0x30, 0, 0);
        m.expectSent(data(0x21, slice(p, 6, 10)));
        m.expectNoErrors();
    }

    @Test
    void aClassicFirstFrameShorterThanEightBytesFailsTheLengthCheck() {
        Machine m = with(UNPADDED_LENGTH_CHECK);
        m.rx(0x10, 20, 1, 2, 3, 4, 5);
        m.expectErrors(IsoTpError.BadPadding.class);
        m.expectNothingSent();
    }

    @Test
    void canFdLengthCheckWithoutPaddingAllowsTheNextValidLength() {
        Machine m = Machine.withOptions(Machine.normal().withCanFd(64, false).withPadding(UNPADDED_LENGTH_CHECK));
        m.rxFd(data(0x00, 9, payload(9), 0xCC)); // 11 bytes of content in the shortest frame, 12
        assertThat(m.receivedOne()).isEqualTo(payload(9));
        m.rxFd(data(0x00, 9, payload(9), repeat(0xCC, 5))); // 16 bytes where 12 would do
        m.expectErrors(IsoTpError.BadPadding.class);
    }

    @Test
    void txPaddingFillsFlowControlsToEightBytesEvenOnCanFd() {
        Machine m = Machine.withOptions(Machine.normal().withCanFd(64, false).withTxPadding(0x55));
        m.rxFd(data(0x10, 100, payload(62)));
        m.expectSent(0x30, 0, 0, 0x55, 0x55, 0x55, 0x55, 0x55);
    }

    @Test
    void middleConsecutiveFramesAreNotCheckedForPadding() {
        Machine m = with(IsoTpOptions.Padding.strict(0xCC));
        byte[] p = payload(20);
        m.rx(data(0x10, 20, slice(p, 0, 6)));
        m.nextSent();
        m.rx(data(0x21, slice(p, 6, 13)));
        m.rx(data(0x22, slice(p, 13, 20)));
        assertThat(m.receivedOne()).isEqualTo(p);
    }
}
