package dev.obdio.can;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Collections;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The two sockets of one UDP bus endpoint.
 * <ul>
 *   <li>{@link #receiver()} is bound to the group's port with address reuse, so every endpoint
 *       on the host (obdio or python-can) gets every datagram, and joins the group on the
 *       chosen interface. It is bound to the group address rather than the wildcard where the
 *       OS allows it, so buses on other groups with the same port stay apart.</li>
 *   <li>{@link #sender()} has its own ephemeral port and is connected to the group, which fixes
 *       its source address. A datagram whose source is {@link #source()} is this endpoint's own
 *       frame coming back through multicast loopback: that tells own frames from others' even
 *       when two endpoints send identical frames.</li>
 * </ul>
 *
 * <p>The interface is the one named with {@code ?iface=}, else the one the system routes the
 * group through (python-can joins with INADDR_ANY, which picks the same one, so both see each
 * other), else, on a machine without such a route, the loopback interface.
 */
final class UdpMulticastSockets implements AutoCloseable {
    /** Asked of the kernel for bursts; it caps the value at net.core.rmem_max. */
    private static final int RECEIVE_BUFFER_BYTES = 4 << 20;

    private final DatagramChannel receiver;
    private final DatagramChannel sender;
    private final InetSocketAddress source;
    private final NetworkInterface networkInterface;

    private UdpMulticastSockets(DatagramChannel receiver, DatagramChannel sender, InetSocketAddress source,
                                NetworkInterface networkInterface) {
        this.receiver = receiver;
        this.sender = sender;
        this.source = source;
        this.networkInterface = networkInterface;
    }

    /** The socket that receives the group's datagrams. */
    DatagramChannel receiver() {
        return receiver;
    }

    /** The socket that sends to the group, connected to it. */
    DatagramChannel sender() {
        return sender;
    }

    /** The source address and port of the datagrams this endpoint sends. */
    InetSocketAddress source() {
        return source;
    }

    /** The interface the endpoint joined and sends on. */
    NetworkInterface networkInterface() {
        return networkInterface;
    }

    /** Whether a received datagram came from this endpoint's sender. */
    boolean isOwn(SocketAddress from) {
        return source.equals(from);
    }

    /**
     * Opens both sockets for {@code address}.
     *
     * @param channel the bus name, for messages
     * @throws CanException saying which step failed and what to do about it
     */
    static UdpMulticastSockets open(String channel, UdpBusAddress address) {
        InetAddress group = address.group();
        ProtocolFamily family = address.isIpv6() ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        InetSocketAddress groupPort = new InetSocketAddress(group, address.port());
        NetworkInterface nif = address.interfaceName().isPresent()
                ? namedInterface(channel, address.interfaceName().get())
                : defaultInterface(channel, family, groupPort);
        DatagramChannel sender = null;
        DatagramChannel receiver = null;
        try {
            // The receiver first: once it holds the group port, the sender's ephemeral port cannot be it.
            receiver = openReceiver(channel, family, nif, groupPort);
            sender = openSender(channel, family, nif, address, groupPort);
            InetSocketAddress source = (InetSocketAddress) sender.getLocalAddress();
            if (source.getAddress().isAnyLocalAddress()) {
                // Connecting fixes the source address on Linux, macOS and Windows; without it
                // own frames could not be told from others'.
                throw new CanException(CanException.Reason.NOT_SUPPORTED, channel
                        + ": the system did not assign a source address to the multicast sender");
            }
            return new UdpMulticastSockets(receiver, sender, source, nif);
        } catch (IOException e) {
            closeQuietly(sender);
            closeQuietly(receiver);
            throw failure(channel, "cannot open the multicast sockets", e, CanException.Reason.NO_SUCH_INTERFACE);
        } catch (RuntimeException e) {
            closeQuietly(sender);
            closeQuietly(receiver);
            throw e;
        }
    }

    private static DatagramChannel openSender(String channel, ProtocolFamily family, NetworkInterface nif,
                                              UdpBusAddress address, InetSocketAddress groupPort) throws IOException {
        DatagramChannel tx = DatagramChannel.open(family);
        try {
            tx.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            tx.setOption(StandardSocketOptions.IP_MULTICAST_TTL, address.ttl());
            // Other endpoints on this host, python-can's among them, receive through the loop.
            tx.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            tx.bind(new InetSocketAddress(wildcard(family), 0));
            try {
                tx.connect(groupPort);
            } catch (SocketException e) {
                throw new CanException(CanException.Reason.NO_SUCH_INTERFACE, channel + ": no multicast route to "
                        + groupPort.getAddress().getHostAddress() + " via " + nif.getName() + " (" + e.getMessage()
                        + ")" + routeHint(family, nif), e);
            }
            return tx;
        } catch (IOException | RuntimeException e) {
            closeQuietly(tx);
            throw e;
        }
    }

    private static DatagramChannel openReceiver(String channel, ProtocolFamily family, NetworkInterface nif,
                                                InetSocketAddress groupPort) throws IOException {
        DatagramChannel rx = DatagramChannel.open(family);
        try {
            rx.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (rx.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                // python-can 4.3+ sets it too; on BSDs it lets several sockets share the port.
                rx.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            rx.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
            bindReceiver(channel, rx, family, groupPort);
            try {
                rx.join(groupPort.getAddress(), nif);
            } catch (SocketException e) {
                throw new CanException(CanException.Reason.NO_SUCH_INTERFACE, channel + ": cannot join "
                        + groupPort.getAddress().getHostAddress() + " on " + nif.getName() + " (" + e.getMessage()
                        + ")" + routeHint(family, nif), e);
            }
            return rx;
        } catch (IOException | RuntimeException e) {
            closeQuietly(rx);
            throw e;
        }
    }

    private static void bindReceiver(String channel, DatagramChannel rx, ProtocolFamily family,
                                     InetSocketAddress groupPort) throws IOException {
        try {
            rx.bind(groupPort);
            return;
        } catch (SocketException e) {
            // Windows cannot bind to a multicast address; the wildcard works everywhere.
        }
        try {
            rx.bind(new InetSocketAddress(wildcard(family), groupPort.getPort()));
        } catch (SocketException e) {
            throw failure(channel, "cannot bind UDP port " + groupPort.getPort()
                    + " (a program that did not allow sharing may hold it)", e, CanException.Reason.IO);
        }
    }

    private static NetworkInterface namedInterface(String channel, String name) {
        try {
            NetworkInterface nif = NetworkInterface.getByName(name);
            if (nif == null) {
                throw new CanException(CanException.Reason.NO_SUCH_INTERFACE, channel + ": no network interface \""
                        + name + "\" (there are: " + interfaceNames() + ")");
            }
            if (!nif.isUp()) {
                throw new CanException(CanException.Reason.INTERFACE_DOWN, channel + ": network interface "
                        + name + " is down");
            }
            return nif;
        } catch (SocketException e) {
            throw failure(channel, "cannot look up network interface " + name, e, CanException.Reason.IO);
        }
    }

    /** The interface the system routes the group through, else the loopback. */
    private static NetworkInterface defaultInterface(String channel, ProtocolFamily family,
                                                     InetSocketAddress groupPort) {
        try (DatagramChannel probe = DatagramChannel.open(family)) {
            // Connecting a datagram socket sends nothing; it only looks up the route.
            probe.connect(groupPort);
            InetAddress local = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
            NetworkInterface nif = local.isAnyLocalAddress() ? null : NetworkInterface.getByInetAddress(local);
            if (nif != null && nif.isUp()) {
                return nif;
            }
        } catch (IOException e) {
            // No route for the group (e.g. a machine with loopback only): use the loopback.
        }
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isLoopback() && nif.isUp()) {
                    return nif;
                }
            }
        } catch (SocketException e) {
            // Java reports "no network interfaces configured" when none is up.
        }
        throw new CanException(CanException.Reason.NO_SUCH_INTERFACE, channel
                + ": no network interface routes the group and the loopback interface is not up"
                + " (Linux: ip link set lo up); or name one with ?iface=NAME (there are: " + interfaceNames() + ")");
    }

    private static String routeHint(ProtocolFamily family, NetworkInterface nif) {
        boolean loopback;
        try {
            loopback = nif.isLoopback();
        } catch (SocketException e) {
            loopback = false;
        }
        if (family == StandardProtocolFamily.INET6 && loopback) {
            // Even with the multicast flag and an ff00::/8 route on lo, Linux joins but delivers nothing.
            return "; IPv6 multicast does not work over the loopback interface: on a machine without a network"
                    + " use an IPv4 group such as " + UdpMulticastBus.DEFAULT_GROUP_IPV4 + " (the default)";
        }
        return "; name an interface that carries multicast with ?iface=NAME (e.g. ?iface=lo)";
    }

    private static String interfaceNames() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .map(NetworkInterface::getName).sorted().collect(Collectors.joining(", "));
        } catch (SocketException e) {
            return "none";
        }
    }

    private static InetAddress wildcard(ProtocolFamily family) throws IOException {
        return InetAddress.getByName(family == StandardProtocolFamily.INET ? "0.0.0.0" : "::");
    }

    /**
     * A {@link CanException} for an I/O failure, with the reason the message implies (Java does
     * not expose errno).
     *
     * @param unreachable the reason for "network is unreachable"
     */
    static CanException failure(String channel, String what, IOException e, CanException.Reason unreachable) {
        if (e instanceof ClosedChannelException) {
            return new CanException(CanException.Reason.CLOSED, channel + ": the bus endpoint is closed", e);
        }
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        CanException.Reason reason;
        if (m.contains("permission denied") || m.contains("not permitted")) {
            reason = CanException.Reason.PERMISSION;
        } else if (m.contains("no buffer space")) {
            reason = CanException.Reason.BUFFER_FULL;
        } else if (m.contains("network is down")) {
            reason = CanException.Reason.INTERFACE_DOWN;
        } else if (m.contains("no such device")) {
            reason = CanException.Reason.NO_SUCH_INTERFACE;
        } else if (m.contains("unreachable") || m.contains("no route")) {
            reason = unreachable;
        } else {
            reason = CanException.Reason.IO;
        }
        return new CanException(reason, channel + ": " + what + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(DatagramChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    /** Closes both sockets; a blocked receive ends with an AsynchronousCloseException. */
    @Override
    public void close() {
        closeQuietly(receiver);
        closeQuietly(sender);
    }
}
