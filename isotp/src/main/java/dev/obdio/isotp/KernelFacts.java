package dev.obdio.isotp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the running kernel's CAN_ISOTP can do, where that differs between versions:
 * <ul>
 *   <li>the longest PDU: the module parameter {@code max_pdu_size} (Linux 6.4+, and backports,
 *       default 8300) when present, else 66000 bytes from Linux 5.18 on and 8200 before;</li>
 *   <li>CAN_ISOTP_CF_BROADCAST (Linux 6.0+).</li>
 * </ul>
 *
 * @param release      the kernel release ({@code os.version}), for messages
 * @param maxPduLength the longest PDU the kernel sends and receives
 * @param cfBroadcast  whether it knows CAN_ISOTP_CF_BROADCAST
 */
record KernelFacts(String release, int maxPduLength, boolean cfBroadcast) {

    /** The module parameter naming the longest PDU (absent before Linux 6.4). */
    static final Path MAX_PDU_SIZE_PARAMETER = Path.of("/sys/module/can_isotp/parameters/max_pdu_size");
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** The facts for a kernel release and the value of {@code max_pdu_size}, if the module has it. */
    static KernelFacts of(String release, OptionalInt maxPduSizeParameter) {
        int major = 0;
        int minor = 0;
        Matcher m = VERSION.matcher(release == null ? "" : release);
        if (m.find()) {
            major = Integer.parseInt(m.group(1));
            minor = Integer.parseInt(m.group(2));
        }
        int version = major * 1000 + minor;
        int maxPdu = maxPduSizeParameter.isPresent() ? maxPduSizeParameter.getAsInt()
                : version >= 5_018 ? 66_000 : 8_200;
        return new KernelFacts(release, maxPdu, version >= 6_000);
    }

    /** The facts of this machine's kernel (read after the module is loaded, i.e. after a socket was opened). */
    static KernelFacts current() {
        OptionalInt parameter = OptionalInt.empty();
        try {
            parameter = OptionalInt.of(Integer.parseInt(Files.readString(MAX_PDU_SIZE_PARAMETER).trim()));
        } catch (IOException | RuntimeException e) {
            // No parameter (older kernels): the version decides.
        }
        return of(System.getProperty("os.version", ""), parameter);
    }
}
