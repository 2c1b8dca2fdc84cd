package dev.obdio.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which {@code Host} headers the gateway answers. Bound to a loopback address it answers only
 * loopback names ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), so that a web page cannot
 * reach it through DNS rebinding (a name of the attacker's that resolves to 127.0.0.1 makes its
 * pages same-origin with the gateway). Bound to other addresses, any name goes.
 */
final class HostPolicy {
    private final boolean loopbackOnly;

    private HostPolicy(boolean loopbackOnly) {
        this.loopbackOnly = loopbackOnly;
    }

    /** The policy for a server bound to {@code bindHost}. */
    static HostPolicy forBindAddress(String bindHost) {
        return new HostPolicy(isLoopback(bindHost));
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether a request with this Host header (null when absent) is answered. */
    boolean allows(String hostHeader) {
        if (!loopbackOnly || hostHeader == null) {
            return true;
        }
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        String name;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            name = end < 0 ? h : h.substring(1, end);
        } else {
            int colon = h.lastIndexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
        }
        if (name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")) {
            return true;
        }
        return name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
