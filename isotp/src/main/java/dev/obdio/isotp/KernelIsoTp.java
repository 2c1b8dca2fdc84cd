package dev.obdio.isotp;

import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;

/**
 * The seam for the kernel engine: Linux CAN_ISOTP sockets through JavaCAN, one socket per
 * channel, the kernel running the protocol. It is not built yet; {@link IsoTp} asks here whether
 * it can be used and falls back to the java engine when not.
 *
 * <p>When it comes, it implements {@link IsoTpChannel} and maps {@link IsoTpOptions} one to one
 * (see the socket options named there). Options the kernel has no equivalent for (timeouts other
 * than its fixed 1 s flow control and consecutive frame waits, {@code maxWaitFrames}, the
 * receive queue capacity, functional reception on normal-fixed addresses) make
 * {@link #supports(IsoTpOptions)} false, so AUTO picks the java engine for them.
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
