package dev.obdio.isotp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.obdio.can.CanException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The kernel's errno values as typed faults (see {@code net/can/isotp.c}'s header comment). */
class KernelErrorsTest {

    @Test
    void errnoValuesAreLinuxs() {
        assertThat(new int[] {KernelErrors.ECOMM, KernelErrors.EBADMSG, KernelErrors.EILSEQ, KernelErrors.EMSGSIZE,
            KernelErrors.ENETDOWN, KernelErrors.ETIMEDOUT, KernelErrors.EAGAIN, KernelErrors.EADDRNOTAVAIL})
                .containsExactly(70, 74, 84, 90, 100, 110, 11, 99);
    }

    @Test
    void eachErrnoBelongsToAPath() {
        assertThat(KernelErrors.pathOf(KernelErrors.ETIMEDOUT)).isEqualTo(KernelErrors.Path.RECEIVE);
        assertThat(KernelErrors.pathOf(KernelErrors.EILSEQ)).isEqualTo(KernelErrors.Path.RECEIVE);
        assertThat(KernelErrors.pathOf(KernelErrors.ECOMM)).isEqualTo(KernelErrors.Path.TRANSMIT);
        assertThat(KernelErrors.pathOf(KernelErrors.EMSGSIZE)).isEqualTo(KernelErrors.Path.TRANSMIT);
        assertThat(KernelErrors.pathOf(KernelErrors.EBADMSG)).isEqualTo(KernelErrors.Path.EITHER);
        assertThat(KernelErrors.pathOf(KernelErrors.ENETDOWN)).isEqualTo(KernelErrors.Path.LINK);
        assertThat(KernelErrors.pathOf(KernelErrors.ENODEV)).isEqualTo(KernelErrors.Path.LINK);
        assertThat(KernelErrors.pathOf(12)).isEqualTo(KernelErrors.Path.OTHER);
        assertThat(KernelErrors.unbound(KernelErrors.ENODEV)).isTrue();
        assertThat(KernelErrors.unbound(KernelErrors.ENETDOWN)).isFalse();
    }

    @Test
    void receiveFaults() {
        IsoTpError timeout = KernelErrors.receiveFault(KernelErrors.ETIMEDOUT);
        assertThat(timeout).isEqualTo(new IsoTpError.ConsecutiveFrameTimeout(Duration.ofSeconds(1), -1, -1));
        assertThat(timeout.message()).isEqualTo("no consecutive frame within N_Cr = 1000 ms");
        assertThat(timeout.direction()).isEqualTo(IsoTpError.Direction.RECEIVE);

        IsoTpError sequence = KernelErrors.receiveFault(KernelErrors.EILSEQ);
        assertThat(sequence).isEqualTo(new IsoTpError.WrongSequenceNumber(-1, -1));
        assertThat(sequence.message()).isEqualTo("consecutive frame with a wrong sequence number");

        IsoTpError padding = KernelErrors.receiveFault(KernelErrors.EBADMSG);
        assertThat(padding).isInstanceOf(IsoTpError.BadPadding.class);
        assertThat(padding.direction()).isEqualTo(IsoTpError.Direction.RECEIVE);
        assertThat(padding.abortsTransfer()).isTrue();
        assertThat(padding.message()).contains("EBADMSG");

        assertThatThrownBy(() -> KernelErrors.receiveFault(KernelErrors.ECOMM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsOfTheJavaEngineStayInTheMessages() {
        assertThat(new IsoTpError.ConsecutiveFrameTimeout(Duration.ofMillis(1000), 20, 100).message())
                .isEqualTo("no consecutive frame within N_Cr = 1000 ms (20 of 100 bytes received)");
        assertThat(new IsoTpError.WrongSequenceNumber(3, 5).message())
                .isEqualTo("consecutive frame with sequence number 5, expected 3");
    }

    @Test
    void transmitFaults() {
        assertThat(KernelErrors.transmitFault(KernelErrors.ECOMM, "", 100, true, true, false))
                .isEqualTo(new IsoTpError.FlowControlTimeout(Duration.ofSeconds(1)));
        assertThat(KernelErrors.transmitFault(KernelErrors.ECOMM, "", 5, false, true, false))
                .isEqualTo(new IsoTpError.TransmitTimeout(FrameType.SINGLE_FRAME, Duration.ofSeconds(2)));
        assertThat(KernelErrors.transmitFault(KernelErrors.ECOMM, "", 100, true, false, false))
                .as("a CF broadcast waits for no flow control; its frames' echoes are late")
                .isEqualTo(new IsoTpError.TransmitTimeout(FrameType.CONSECUTIVE_FRAME, Duration.ofSeconds(2)));
        assertThat(KernelErrors.transmitFault(KernelErrors.EMSGSIZE, "", 5000, true, true, false))
                .isEqualTo(new IsoTpError.Overflow(5000));

        IsoTpError shortFc = KernelErrors.transmitFault(KernelErrors.EBADMSG, "", 100, true, true, false);
        assertThat(shortFc).isInstanceOf(IsoTpError.MalformedFrame.class);
        assertThat(shortFc.direction()).isEqualTo(IsoTpError.Direction.TRANSMIT);
        assertThat(shortFc.abortsTransfer()).isTrue();
        IsoTpError paddedFc = KernelErrors.transmitFault(KernelErrors.EBADMSG, "", 100, true, true, true);
        assertThat(paddedFc).isInstanceOf(IsoTpError.BadPadding.class);
        assertThat(paddedFc.direction()).isEqualTo(IsoTpError.Direction.TRANSMIT);

        assertThat(KernelErrors.transmitFault(KernelErrors.ENETDOWN, "", 5, false, true, false))
                .isEqualTo(new IsoTpError.TransmitFailed(FrameType.SINGLE_FRAME, "the interface is down (ENETDOWN)"));
        assertThat(KernelErrors.transmitFault(KernelErrors.ENOBUFS, "", 100, true, true, false))
                .isEqualTo(new IsoTpError.TransmitFailed(FrameType.FIRST_FRAME, "the transmit queue is full (ENOBUFS)"));
        assertThat(KernelErrors.transmitFault(KernelErrors.EINVAL, "Invalid argument", 5, false, true, false).message())
                .isEqualTo("could not send SINGLE_FRAME: Invalid argument (errno 22)");
    }

    @Test
    void linkProblemsOnReceive() {
        CanException down = KernelErrors.receiveProblem("can0", KernelErrors.ENETDOWN, "Network is down");
        assertThat(down.reason()).isEqualTo(CanException.Reason.INTERFACE_DOWN);
        assertThat(down.getMessage()).isEqualTo("can0: the interface is down; bring it up with: sudo ip link set can0 up");
        CanException gone = KernelErrors.receiveProblem("can0", KernelErrors.ENODEV, "No such device");
        assertThat(gone.reason()).isEqualTo(CanException.Reason.NO_SUCH_INTERFACE);
        assertThat(gone.getMessage()).contains("open it again");
        CanException other = KernelErrors.receiveProblem("can0", 12, "Cannot allocate memory");
        assertThat(other.reason()).isEqualTo(CanException.Reason.IO);
        assertThat(other.getMessage()).endsWith("Cannot allocate memory (errno 12)");
    }
}
