package dev.obdio.can;

import java.util.Locale;

/**
 * Opens bus endpoints by name:
 * <ul>
 *   <li>{@code virtual:NAME[?bitrate=…&dbitrate=…&drop=…&delay=…&seed=…]}: an in-process
 *       {@link VirtualInterface} that behaves like vcan;</li>
 *   <li>{@code udp:[GROUP][:PORT][?iface=NAME&ttl=N]}: IPv4 or IPv6 ({@code [ff15::…]}) multicast,
 *       wire-compatible with python-can's {@code udp_multicast} interface (default {@value #DEFAULT_UDP});</li>
 *   <li>anything else ({@code can0}, {@code vcan0}): a Linux SocketCAN interface.</li>
 * </ul>
 */
public final class CanBuses {
    /** The default UDP multicast bus, the group and port python-can uses for IPv4. */
    public static final String DEFAULT_UDP = "udp:239.74.163.2:43113";

    /** The bus name syntax, for help texts. */
    public static final String SYNTAX = """
            A bus is one of:
              can0, vcan0, …          a Linux SocketCAN interface
              virtual:NAME            an in-process virtual bus (like vcan); options after '?':
                                      bitrate=500000 dbitrate=2000000 drop=0.01 delay=2ms seed=1
              udp:[GROUP][:PORT]      IP multicast, shared with python-can's udp_multicast
                                      (default udp:239.74.163.2:43113; IPv6 groups in [brackets];
                                      options after '?': iface=NAME ttl=N)""";

    private CanBuses() {
    }

    /** Opens an endpoint with {@link BusOptions#DEFAULTS}. */
    public static CanBus open(String name) {
        return open(name, BusOptions.DEFAULTS);
    }

    /**
     * Opens an endpoint.
     *
     * @throws CanException with {@link CanException.Reason#INVALID_NAME} for a malformed name,
     *                      or the transport's reason (no SocketCAN, no such interface, …)
     */
    public static CanBus open(String name, BusOptions options) {
        if (name == null || name.isBlank()) {
            throw new CanException(CanException.Reason.INVALID_NAME, "no bus name given\n" + SYNTAX);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("virtual:")) {
            return VirtualInterface.open(name.substring("virtual:".length()), options);
        }
        if (lower.equals("udp") || lower.startsWith("udp:")) {
            return UdpMulticastBus.open(name, options);
        }
        return dev.obdio.can.socketcan.SocketCan.open(name, options);
    }

    /** What kind of transport a bus name selects. */
    public enum Transport {
        /** An in-process virtual interface. */
        VIRTUAL,
        /** UDP multicast (python-can {@code udp_multicast}). */
        UDP,
        /** A Linux SocketCAN interface. */
        SOCKETCAN
    }

    /** The transport a bus name selects, without opening anything. */
    public static Transport transportOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("virtual:")) {
            return Transport.VIRTUAL;
        }
        if (lower.equals("udp") || lower.startsWith("udp:")) {
            return Transport.UDP;
        }
        return Transport.SOCKETCAN;
    }
}
