package dev.obdio.can.socketcan;

import dev.obdio.can.CanException;
import dev.obdio.can.CanException.Reason;
import dev.obdio.can.socketcan.SocketCanErrors.Operation;
import org.junit.jupiter.api.Test;
import tel.schich.javacan.platform.linux.LinuxNativeOperationException;

import java.nio.channels.ClosedChannelException;

import static org.assertj.core.api.Assertions.assertThat;

class SocketCanErrorsTest {

    private static CanException map(Operation op, int errno, String text) {
        return SocketCanErrors.map("vcan0", op, new LinuxNativeOperationException("call failed", errno, text));
    }

    @Test
    void noAfCanIsNoSocketCanWithThePlainMessage() {
        CanException e = map(Operation.OPEN, 97, "Address family not supported by protocol");
        assertThat(e.reason()).isEqualTo(Reason.NO_SOCKETCAN);
        assertThat(e.getMessage()).isEqualTo("vcan0: this kernel has no SocketCAN support (AF_CAN sockets are"
                + " unavailable); use a virtual: or udp: bus, or load the can and can_raw modules");
        assertThat(e.isExpectedCondition()).isTrue();
    }

    @Test
    void missingProtocolModulesAreNamed() {
        assertThat(map(Operation.OPEN, 93, "Protocol not supported").getMessage()).contains("modprobe can_raw");
        assertThat(map(Operation.BCM, 93, "Protocol not supported").getMessage()).contains("modprobe can_bcm");
    }

    @Test
    void noDeviceIsNoSuchInterfaceWithTheIpLinkHint() {
        CanException e = map(Operation.BIND, 19, "No such device");
        assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_INTERFACE);
        assertThat(e.getMessage()).contains("vcan0").contains("ip -br link show type can")
                .contains("sudo ip link add dev vcan0 type vcan");
        assertThat(map(Operation.SEND, 6, "No such device or address").getMessage()).contains("disappeared");
    }

    @Test
    void networkDownIsInterfaceDownWithTheCommandToBringItUp() {
        CanException e = map(Operation.SEND, 100, "Network is down");
        assertThat(e.reason()).isEqualTo(Reason.INTERFACE_DOWN);
        assertThat(e.getMessage()).contains("sudo ip link set vcan0 up");
        assertThat(SocketCanErrors.interfaceDown("can0").getMessage())
                .contains("sudo ip link set can0 up type can bitrate");
    }

    @Test
    void fullQueuesAreBufferFull() {
        assertThat(map(Operation.SEND, 105, "No buffer space available").reason()).isEqualTo(Reason.BUFFER_FULL);
        assertThat(map(Operation.SEND, 11, "Resource temporarily unavailable").reason()).isEqualTo(Reason.BUFFER_FULL);
        assertThat(map(Operation.RECEIVE, 11, "Resource temporarily unavailable").reason()).isEqualTo(Reason.IO);
    }

    @Test
    void permissionAndClosedAndTheRest() {
        assertThat(map(Operation.OPEN, 1, "Operation not permitted").reason()).isEqualTo(Reason.PERMISSION);
        assertThat(SocketCanErrors.map("vcan0", Operation.SEND, new ClosedChannelException()).reason())
                .isEqualTo(Reason.CLOSED);
        CanException other = map(Operation.RECEIVE, 12, "Cannot allocate memory");
        assertThat(other.reason()).isEqualTo(Reason.IO);
        assertThat(other.getMessage()).isEqualTo("vcan0: cannot receive on the interface: Cannot allocate memory"
                + " (errno 12)");
        assertThat(other.isExpectedCondition()).isFalse();
    }

    @Test
    void withoutAnInterfaceTheMessageHasNoPrefix() {
        CanException e = SocketCanErrors.map(null, Operation.OPEN,
                new LinuxNativeOperationException("x", 97, "Address family not supported by protocol"));
        assertThat(e.getMessage()).startsWith("this kernel has no SocketCAN support");
    }
}
