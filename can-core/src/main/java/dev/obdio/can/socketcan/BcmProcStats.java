package dev.obdio.can.socketcan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broadcast manager's own count of frames a transmission sent. The kernel does not report
 * it in any message, but lists every operation of a BCM socket in
 * {@code /proc/net/can-bcm/<socket inode>}, a transmission as
 * {@code tx_op: 123 vcan0 [1] t2=10000 # sent 42} ({@code (1)} instead of {@code [1]} for CAN FD).
 */
final class BcmProcStats {
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
    private static final Pattern TX_OP = Pattern.compile("(?m)^tx_op: ([0-9A-F]+) \\S+ ([\\[(])\\d+[\\])] .*?# sent (\\d+)");

    private BcmProcStats() {
    }

    /** Frames sent by the transmission of {@code canId} on the socket with descriptor {@code fd}, if known. */
    static OptionalLong sentFrames(int fd, int canId, boolean canFd) {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            Matcher m = SOCKET_LINK.matcher(link);
            if (!m.matches()) {
                return OptionalLong.empty();
            }
            return sentFrames(Files.readString(Path.of("/proc/net/can-bcm/" + m.group(1))), canId, canFd);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The sent count of {@code canId} (classic or FD) in the text of a {@code /proc/net/can-bcm} entry. */
    static OptionalLong sentFrames(String procText, int canId, boolean canFd) {
        Matcher m = TX_OP.matcher(procText);
        while (m.find()) {
            if (Integer.parseUnsignedInt(m.group(1), 16) == canId && m.group(2).equals(canFd ? "(" : "[")) {
                return OptionalLong.of(Long.parseLong(m.group(3)));
            }
        }
        return OptionalLong.empty();
    }
}
