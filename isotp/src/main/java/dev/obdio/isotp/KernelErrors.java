package dev.obdio.isotp;

import dev.obdio.can.CanException;
import java.time.Duration;

/**
 * The kernel's ISO-TP errors ({@code errno} of a CAN_ISOTP socket, see {@code net/can/isotp.c})
 * as {@link IsoTpError}s and {@link CanException}s. The kernel keeps one error per socket for
 * both directions, so the errno decides the path:
 * <table>
 *   <caption>errno to fault</caption>
 *   <tr><th>errno</th><th>kernel meaning</th><th>fault</th></tr>
 *   <tr><td>ETIMEDOUT</td><td>no consecutive frame within 1 s</td><td>{@link IsoTpError.ConsecutiveFrameTimeout}</td></tr>
 *   <tr><td>EILSEQ</td><td>wrong sequence number</td><td>{@link IsoTpError.WrongSequenceNumber}</td></tr>
 *   <tr><td>EBADMSG</td><td>padding check failed (receive), or a malformed / badly padded flow control (send)</td>
 *       <td>{@link IsoTpError.BadPadding}, or {@link IsoTpError.MalformedFrame} of a flow control</td></tr>
 *   <tr><td>ECOMM</td><td>no flow control within 1 s, or a frame's echo missing for 2 s</td>
 *       <td>{@link IsoTpError.FlowControlTimeout}, {@link IsoTpError.TransmitTimeout}</td></tr>
 *   <tr><td>EMSGSIZE</td><td>flow control OVFLW</td><td>{@link IsoTpError.Overflow}</td></tr>
 *   <tr><td>ENETDOWN, ENOBUFS</td><td>interface down, transmit queue full</td>
 *       <td>{@link IsoTpError.TransmitFailed} on send, INTERFACE_DOWN on receive</td></tr>
 *   <tr><td>ENODEV, ENXIO, EADDRNOTAVAIL</td><td>the interface went away and the socket is unbound</td>
 *       <td>{@link CanException} NO_SUCH_INTERFACE</td></tr>
 * </table>
 * The kernel does not say how many bytes had arrived or which sequence number came: those fields
 * are -1.
 */
final class KernelErrors {
    static final int EINTR = 4;
    static final int ENXIO = 6;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int ENODEV = 19;
    static final int EINVAL = 22;
    static final int ECOMM = 70;
    static final int EBADMSG = 74;
    static final int EILSEQ = 84;
    static final int EMSGSIZE = 90;
    static final int EPROTONOSUPPORT = 93;
    static final int EAFNOSUPPORT = 97;
    static final int EADDRNOTAVAIL = 99;
    static final int ENETDOWN = 100;
    static final int ENOBUFS = 105;
    static final int ETIMEDOUT = 110;

    /** The kernel's wait for the echo of a frame it sent (ISOTP_ECHO_TIMEOUT). */
    static final Duration ECHO_TIMEOUT = Duration.ofSeconds(2);

    /** Which path an errno belongs to. */
    enum Path {
        /** A PDU being received was lost. */
        RECEIVE,
        /** A PDU being sent failed. */
        TRANSMIT,
        /** EBADMSG: either path, decided by whether a send was waiting for a flow control. */
        EITHER,
        /** The interface is down or gone. */
        LINK,
        /** Anything else (a bug, a resource shortage). */
        OTHER
    }

    private KernelErrors() {
    }

    /** The path of an errno. */
    static Path pathOf(int errno) {
        return switch (errno) {
            case ETIMEDOUT, EILSEQ -> Path.RECEIVE;
            case ECOMM, EMSGSIZE -> Path.TRANSMIT;
            case EBADMSG -> Path.EITHER;
            case ENETDOWN, ENODEV, ENXIO, EADDRNOTAVAIL -> Path.LINK;
            default -> Path.OTHER;
        };
    }

    /** Whether the socket is unbound for good: the interface was unregistered. */
    static boolean unbound(int errno) {
        return errno == ENODEV || errno == ENXIO || errno == EADDRNOTAVAIL;
    }

    /**
     * The receive fault of ETIMEDOUT, EILSEQ or EBADMSG.
     *
     * @throws IllegalArgumentException for another errno
     */
    static IsoTpError receiveFault(int errno) {
        return switch (errno) {
            case ETIMEDOUT -> new IsoTpError.ConsecutiveFrameTimeout(KernelOptionCheck.KERNEL_WAIT, -1, -1);
            case EILSEQ -> new IsoTpError.WrongSequenceNumber(-1, -1);
            case EBADMSG -> new IsoTpError.BadPadding(FrameType.UNKNOWN,
                    "a single frame or the last consecutive frame failed the padding check (kernel: EBADMSG)");
            default -> throw new IllegalArgumentException("errno " + errno + " is not a receive fault");
        };
    }

    /**
     * The fault of a failed send.
     *
     * @param errno         the errno of {@code write()}
     * @param description   the kernel's text for it
     * @param pduLength     the PDU's length
     * @param segmented     whether the PDU needed a first frame
     * @param flowControl   whether the send waits for flow control (not a broadcast)
     * @param checksPadding whether the channel checks received padding (then EBADMSG may be padding)
     */
    static IsoTpError transmitFault(int errno, String description, int pduLength, boolean segmented,
                                    boolean flowControl, boolean checksPadding) {
        FrameType first = segmented ? FrameType.FIRST_FRAME : FrameType.SINGLE_FRAME;
        return switch (errno) {
            case ECOMM -> segmented && flowControl ? new IsoTpError.FlowControlTimeout(KernelOptionCheck.KERNEL_WAIT)
                    : new IsoTpError.TransmitTimeout(segmented ? FrameType.CONSECUTIVE_FRAME : FrameType.SINGLE_FRAME,
                    ECHO_TIMEOUT);
            case EMSGSIZE -> new IsoTpError.Overflow(pduLength);
            case EBADMSG -> checksPadding
                    ? new IsoTpError.BadPadding(FrameType.FLOW_CONTROL, "flow control too short or badly padded"
                    + " (kernel: EBADMSG)")
                    : new IsoTpError.MalformedFrame(FrameType.FLOW_CONTROL, "shorter than its 3 protocol bytes"
                    + " (kernel: EBADMSG)");
            case ENETDOWN -> new IsoTpError.TransmitFailed(first, "the interface is down (ENETDOWN)");
            case ENOBUFS -> new IsoTpError.TransmitFailed(first, "the transmit queue is full (ENOBUFS)");
            default -> new IsoTpError.TransmitFailed(first, describe(errno, description));
        };
    }

    /** The exception for a receive that failed because of the interface or an unexpected errno. */
    static CanException receiveProblem(String ifname, int errno, String description) {
        return switch (errno) {
            case ENETDOWN -> new CanException(CanException.Reason.INTERFACE_DOWN, ifname
                    + ": the interface is down; bring it up with: sudo ip link set " + ifname + " up");
            case ENODEV, ENXIO, EADDRNOTAVAIL -> gone(ifname);
            case EBADF -> new CanException(CanException.Reason.CLOSED, ifname + ": the ISO-TP socket is closed");
            default -> new CanException(CanException.Reason.IO, ifname + ": receiving from the ISO-TP socket failed: "
                    + describe(errno, description));
        };
    }

    /** The interface was unregistered (an adapter unplugged): the kernel unbound the socket. */
    static CanException gone(String ifname) {
        return new CanException(CanException.Reason.NO_SUCH_INTERFACE, ifname + ": the interface went away and the"
                + " kernel unbound the ISO-TP socket; close the channel and open it again when the interface is back");
    }

    private static String describe(int errno, String description) {
        return (description == null || description.isBlank() ? "error" : description) + " (errno " + errno + ")";
    }
}
