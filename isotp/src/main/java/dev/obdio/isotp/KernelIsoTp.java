package dev.obdio.isotp;

import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;

/**
 * The seam for the kernel engine: Linux CAN_ISOTP sockets through JavaCAN, one socket per
 * channel, the kernel running the protocol. It is not built yet; {@link IsoTp} asks here whether
 * it can be used and falls back to the java engine when not.
 *
 * <p>When it comes, it implements {@link IsoTpChannel} and maps {@link IsoTpOptions} one to one
 * onto the socket options named there: the address onto {@code bind()} and
 * CAN_ISOTP_EXTEND_ADDR/RX_EXT_ADDR, padding onto TX_PADDING/RX_PADDING/CHK_PAD_LEN/CHK_PAD_DATA,
 * flow control onto CAN_ISOTP_RECV_FC, TX_STMIN/RX_STMIN and frame_txtime, the link layer onto
 * CAN_ISOTP_LL_OPTS, and listen-only, broadcast and half duplex onto their flags; blocking sends
 * use CAN_ISOTP_WAIT_TX_DONE so faults reach the caller. Kernel errors map back onto
 * {@link IsoTpError} as documented there. Timeouts other than the kernel's fixed ones (1 s for
 * flow control and consecutive frames, 2 s for a frame to be sent) have no socket option:
 * {@link #supports(IsoTpOptions)} is false for them, so AUTO picks the java engine.
 * {@code maxWaitFrames} does not apply (the kernel accepts any number of WAITs) and
 * {@code receiveQueueCapacity} becomes the socket's receive buffer.
 */
final class KernelIsoTp {
    private KernelIsoTp() {
    }

    /** Whether the kernel engine can serve this bus: a SocketCAN interface whose kernel has CAN_ISOTP. */
    static boolean isAvailable(String busName) {
        return false; // phase 2: SocketCAN bus and a CAN_ISOTP socket can be opened
    }

    /** Whether the kernel engine can apply every option as given. */
    static boolean supports(IsoTpOptions options) {
        return false;
    }

    /** Opens a kernel channel. */
    static IsoTpChannel open(String busName, IsoTpOptions options) {
        String where = CanBuses.transportOf(busName) == CanBuses.Transport.SOCKETCAN
                ? "" : " (and it only ever serves SocketCAN interfaces, not " + busName + ")";
        throw new CanException(CanException.Reason.NOT_SUPPORTED,
                "the kernel ISO-TP engine (CAN_ISOTP sockets) is not available yet" + where
                        + "; use Engine.JAVA or Engine.AUTO");
    }
}
