package dev.obdio.can;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;

/**
 * A UDP port no other test run uses right now, so parallel runs never share a bus. Public for the
 * tests of other modules (can-core's test jar).
 */
public final class UdpTestPorts {
    private UdpTestPorts() {
    }

    /** A port the kernel just handed out as ephemeral, hence free. */
    public static int freePort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
