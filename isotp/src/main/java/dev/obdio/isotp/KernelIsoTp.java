package dev.obdio.isotp;

import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import java.util.List;
import java.util.Optional;

/**
 * The kernel engine: Linux CAN_ISOTP sockets through JavaCAN, one socket per channel, the kernel
 * running the protocol ({@link KernelIsoTpChannel}, {@link KernelIsoTpSocket}).
 *
 * <p>Whether it can serve a bus is asked once per JVM ({@link #probe()}: JavaCAN's native library
 * loads, the kernel creates AF_CAN sockets, and a CAN_ISOTP socket, which also loads the
 * {@code can-isotp} module); the answer and its reason are kept. It serves SocketCAN interfaces
 * only, and only options it can honour: {@link IsoTpOptions} map onto the socket options as
 * {@link KernelSocketConfig#of} shows, and {@link KernelOptionCheck} lists what it cannot do.
 * Kernel errors become {@link IsoTpError}s as {@link KernelErrors} describes.
 */
final class KernelIsoTp {
    private static Probe probe; // guarded by KernelIsoTp.class

    /**
     * What the probe found.
     *
     * @param available whether CAN_ISOTP sockets can be opened
     * @param noSocketCan whether the reason is that the kernel has no SocketCAN at all
     * @param reason    a sentence for the user
     * @param facts     the kernel's limits (when available)
     */
    record Probe(boolean available, boolean noSocketCan, String reason, KernelFacts facts) {
    }

    private KernelIsoTp() {
    }

    /** The kernel's CAN_ISOTP support, probed on first use and kept. */
    static synchronized Probe probe() {
        if (probe == null) {
            KernelIsoTpSocket.Support s = KernelIsoTpSocket.probe();
            probe = new Probe(s.isoTp(), !s.socketCan(), s.reason(), s.isoTp() ? KernelFacts.current() : null);
        }
        return probe;
    }

    /**
     * Why the kernel engine cannot serve this bus with these options, or empty when it can.
     */
    static Optional<String> unavailableReason(String busName, IsoTpOptions options) {
        if (busName == null || CanBuses.transportOf(busName) != CanBuses.Transport.SOCKETCAN) {
            return Optional.of(busName + " is not a SocketCAN interface (the kernel engine serves can0, vcan0, …)");
        }
        Probe p = probe();
        if (!p.available()) {
            return Optional.of(p.reason());
        }
        List<String> problems = KernelOptionCheck.problems(options, p.facts());
        if (!problems.isEmpty()) {
            return Optional.of("the kernel cannot honour " + String.join("; ", problems));
        }
        return Optional.empty();
    }

    /**
     * Checks that the kernel engine can serve this bus with these options.
     *
     * @throws CanException NO_SOCKETCAN on a kernel without SocketCAN; NOT_SUPPORTED without
     *                      CAN_ISOTP, for a bus that is not SocketCAN, or for options the kernel
     *                      cannot honour; the message says which and what to do
     */
    static void requireUsable(String busName, IsoTpOptions options) {
        Optional<String> reason = unavailableReason(busName, options);
        if (reason.isPresent()) {
            boolean socketCanBus = CanBuses.transportOf(busName) == CanBuses.Transport.SOCKETCAN;
            CanException.Reason why = socketCanBus && probe().noSocketCan() ? CanException.Reason.NO_SOCKETCAN
                    : CanException.Reason.NOT_SUPPORTED;
            throw new CanException(why, "the kernel ISO-TP engine cannot be used: " + reason.get()
                    + "; use the java engine (--engine java, Engine.JAVA) or AUTO");
        }
    }

    /**
     * Opens a kernel channel.
     *
     * @throws CanException as {@link #requireUsable}, else what opening the interface reports
     */
    static IsoTpChannel open(String busName, IsoTpOptions options) {
        requireUsable(busName, options);
        int maxPdu = probe().facts().maxPduLength();
        KernelIsoTpSocket socket = KernelIsoTpSocket.open(busName, KernelSocketConfig.of(options), maxPdu,
                receiveBufferBytes(options));
        return new KernelIsoTpChannel(busName, options, socket);
    }

    /** SO_RCVBUF for a receive queue of {@code receiveQueueCapacity} PDUs (the kernel caps it at rmem_max). */
    static int receiveBufferBytes(IsoTpOptions options) {
        long perPdu = Math.min(options.maxPduLength(), 4096) + 768L; // payload plus the skb's overhead
        return (int) Math.min(Integer.MAX_VALUE / 2, perPdu * options.receiveQueueCapacity());
    }
}
