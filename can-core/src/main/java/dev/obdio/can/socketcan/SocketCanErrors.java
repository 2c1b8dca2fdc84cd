package dev.obdio.can.socketcan;

import dev.obdio.can.CanException;
import dev.obdio.can.CanException.Reason;
import tel.schich.javacan.platform.linux.LinuxNativeOperationException;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * Turns the errno of a failed socket call into a {@link CanException} with a reason and a message
 * a user can act on (which command to run), never a bare stack trace.
 */
final class SocketCanErrors {
    static final int EPERM = 1;
    static final int EINTR = 4;
    static final int ENXIO = 6;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int ENODEV = 19;
    static final int EINVAL = 22;
    static final int EPROTONOSUPPORT = 93;
    static final int EAFNOSUPPORT = 97;
    static final int ENETDOWN = 100;
    static final int ENOBUFS = 105;

    /** What was being done, for the message. */
    enum Operation {
        /** Creating the socket. */
        OPEN("open"),
        /** Binding it to the interface. */
        BIND("bind to"),
        /** Setting a socket option. */
        CONFIGURE("configure a socket on"),
        /** Sending a frame. */
        SEND("send on"),
        /** Receiving a frame. */
        RECEIVE("receive on"),
        /** Talking to the broadcast manager. */
        BCM("use the broadcast manager (CAN_BCM) on");

        private final String verb;

        Operation(String verb) {
            this.verb = verb;
        }
    }

    private SocketCanErrors() {
    }

    /** The errno of a JavaCAN failure, 0 when it carries none. */
    static int errno(IOException e) {
        if (e instanceof LinuxNativeOperationException n) {
            return n.getErrorNumber();
        }
        if (e instanceof ClosedChannelException) {
            return EBADF;
        }
        return 0;
    }

    /** The exception for a failed call on interface {@code ifname} (null: no interface involved). */
    static CanException map(String ifname, Operation op, IOException e) {
        int errno = errno(e);
        return switch (errno) {
            case EAFNOSUPPORT -> noSocketCan(ifname);
            case EPROTONOSUPPORT -> new CanException(Reason.NO_SOCKETCAN, prefix(ifname) + "the kernel has AF_CAN but not "
                    + (op == Operation.BCM ? "CAN_BCM; load it with: sudo modprobe can_bcm"
                    : "CAN_RAW; load it with: sudo modprobe can_raw"), e);
            case ENODEV, ENXIO -> op == Operation.OPEN || op == Operation.BIND ? noSuchInterface(ifname)
                    : gone(ifname);
            case ENETDOWN -> interfaceDown(ifname);
            case ENOBUFS -> bufferFull(ifname, "the transmit queue is full (ENOBUFS)");
            case EAGAIN -> op == Operation.SEND
                    ? bufferFull(ifname, "the socket's send buffer stayed full (are frames leaving the controller?"
                    + " is it bus-off?)")
                    : io(ifname, op, e, errno);
            case EPERM, EACCES -> new CanException(Reason.PERMISSION, prefix(ifname) + "not permitted to " + op.verb
                    + " this interface (" + describe(e) + ")", e);
            case EBADF -> new CanException(Reason.CLOSED, prefix(ifname) + "the bus endpoint is closed", e);
            default -> io(ifname, op, e, errno);
        };
    }

    /** The kernel has no AF_CAN (errno 97). */
    static CanException noSocketCan(String ifname) {
        return new CanException(Reason.NO_SOCKETCAN, prefix(ifname) + "this kernel has no SocketCAN support (AF_CAN sockets"
                + " are unavailable); use a virtual: or udp: bus, or load the can and can_raw modules");
    }

    /** No interface of that name. */
    static CanException noSuchInterface(String ifname) {
        return new CanException(Reason.NO_SUCH_INTERFACE, prefix(ifname) + "no such CAN interface; list them with: "
                + "ip -br link show type can" + (isVirtualName(ifname) ? "; create it with: sudo ip link add dev "
                + ifname + " type vcan && sudo ip link set " + ifname + " up" : ""));
    }

    /** The interface exists but is not a CAN device. */
    static CanException notCan(String ifname, int linkType) {
        return new CanException(Reason.NO_SUCH_INTERFACE, prefix(ifname) + "not a CAN interface (link type " + linkType
                + "); list the CAN interfaces with: ip -br link show type can");
    }

    /** The interface disappeared while open. */
    static CanException gone(String ifname) {
        return new CanException(Reason.NO_SUCH_INTERFACE, prefix(ifname) + "the interface disappeared (unplugged or deleted);"
                + " the endpoint stays open and receives again when it is back");
    }

    /** The interface is down; the hint depends on whether the name looks like a virtual interface. */
    static CanException interfaceDown(String ifname) {
        return interfaceDown(ifname, isVirtualName(ifname));
    }

    /** The interface is down; a virtual one just needs to go up, hardware needs its bit rate. */
    static CanException interfaceDown(String ifname, boolean virtual) {
        String hint = virtual ? "sudo ip link set " + ifname + " up"
                : "sudo ip link set " + ifname + " up type can bitrate 500000 (with your bus's bit rate)";
        return new CanException(Reason.INTERFACE_DOWN, prefix(ifname) + "the interface is down; bring it up with: " + hint);
    }

    /** The transmit path is full. */
    static CanException bufferFull(String ifname, String detail) {
        return new CanException(Reason.BUFFER_FULL, prefix(ifname) + "cannot send, " + detail
                + "; slow down, or raise the queue with: sudo ip link set " + ifname + " txqueuelen 1000");
    }

    /** A CAN FD frame on an interface without CAN FD. */
    static CanException noFd(String ifname) {
        return new CanException(Reason.NOT_SUPPORTED, prefix(ifname) + "the interface does not carry CAN FD frames (MTU 16);"
                + " switch CAN FD on with: sudo ip link set " + ifname
                + " type can bitrate 500000 dbitrate 2000000 fd on");
    }

    private static CanException io(String ifname, Operation op, IOException e, int errno) {
        return new CanException(Reason.IO, prefix(ifname) + "cannot " + op.verb + " the interface: " + describe(e)
                + (errno != 0 ? " (errno " + errno + ")" : ""), e);
    }

    private static String describe(IOException e) {
        if (e instanceof LinuxNativeOperationException n && n.getErrorString() != null) {
            return n.getErrorString();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** "ifname: ", or nothing for a message about SocketCAN in general (null name). */
    private static String prefix(String ifname) {
        return ifname == null ? "" : ifname + ": ";
    }

    private static boolean isVirtualName(String ifname) {
        return ifname != null && (ifname.startsWith("vcan") || ifname.startsWith("vxcan"));
    }
}
