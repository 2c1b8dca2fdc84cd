package dev.obdio.isotp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which {@link IsoTpOptions} the kernel engine cannot honour. The table, per option:
 * <ul>
 *   <li><b>exact</b> (one to one, see {@link KernelSocketConfig#of}): address, block size, STmin,
 *       forced TX/RX STmin, frame transmission time, padding and its checks, link layer,
 *       listen-only, broadcast modes, half duplex;</li>
 *   <li><b>nearest behaviour</b> (accepted, documented): {@code nAs}/{@code nAr} (the kernel
 *       gives up on a frame whose echo has not come back after 2 s and has no limit for its flow
 *       controls), {@code maxWaitFrames} above 0 (the kernel waits through any number of WAITs,
 *       each for up to 1 s), {@code maxPduLength} below the kernel's limit (the kernel takes
 *       PDUs up to its limit; longer ones than the option are dropped after reception and
 *       reported as {@link IsoTpError.PduTooLong}, without an OVFLW to the sender), and
 *       {@code receiveQueueCapacity} (becomes the socket's receive buffer);</li>
 *   <li><b>rejected</b> (AUTO picks the java engine, KERNEL fails with these messages):
 *       {@code nBs} and {@code nCr} other than 1 s (fixed in the kernel), {@code maxWaitFrames}
 *       0 (the kernel cannot refuse a WAIT), {@code maxPduLength} above the kernel's limit, and
 *       CONSECUTIVE_FRAMES broadcast before Linux 6.0.</li>
 * </ul>
 */
final class KernelOptionCheck {
    /** The kernel's fixed flow control and consecutive frame waits (ISOTP_FC_TIMEOUT). */
    static final Duration KERNEL_WAIT = Duration.ofSeconds(1);

    private KernelOptionCheck() {
    }

    /**
     * What the kernel cannot do of these options, one sentence each; empty when it can serve them.
     */
    static List<String> problems(IsoTpOptions options, KernelFacts kernel) {
        List<String> problems = new ArrayList<>();
        IsoTpOptions.Timeouts t = options.timeouts();
        if (!t.nBs().equals(KERNEL_WAIT)) {
            problems.add("nBs " + millis(t.nBs()) + ": the kernel waits exactly 1 s for a flow control");
        }
        if (!t.nCr().equals(KERNEL_WAIT)) {
            problems.add("nCr " + millis(t.nCr()) + ": the kernel waits exactly 1 s for a consecutive frame");
        }
        if (options.flowControl().maxWaitFrames() == 0) {
            problems.add("maxWaitFrames 0: the kernel cannot refuse WAIT flow controls");
        }
        if (options.maxPduLength() > kernel.maxPduLength()) {
            problems.add("maxPduLength " + options.maxPduLength() + ": this kernel's CAN_ISOTP carries at most "
                    + kernel.maxPduLength() + " bytes (module parameter max_pdu_size, Linux 6.4+)");
        }
        if (options.broadcast() == IsoTpOptions.Broadcast.CONSECUTIVE_FRAMES && !kernel.cfBroadcast()) {
            problems.add("CONSECUTIVE_FRAMES broadcast needs Linux 6.0 or later (CAN_ISOTP_CF_BROADCAST), this is "
                    + kernel.release());
        }
        return problems;
    }

    private static String millis(Duration d) {
        return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + " ms" : d.toNanos() / 1000 + " µs";
    }
}
