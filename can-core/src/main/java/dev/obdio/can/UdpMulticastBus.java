package dev.obdio.can;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A CAN bus shared by processes over IP multicast, wire-compatible with python-can's
 * {@code udp_multicast} interface (python-can 4.x): obdio programs and python-can programs on
 * the same group and port, on one machine or on a LAN, see each other's frames, on any OS and
 * without kernel CAN support. Open it with {@link CanBuses#open(String)} and a name as in
 * {@link #SYNTAX}.
 *
 * <p>Semantics are SocketCAN's: a frame sent on one endpoint reaches every other endpoint on
 * the group, in this JVM and elsewhere; the sender sees its own frame only with
 * {@link BusOptions#receiveOwnFrames()}, marked {@link ReceivedFrame.Direction#TX}, when it
 * comes back through multicast loopback. Own frames are recognised by the source address and
 * port of the datagram (each endpoint sends from its own socket), never by content, so two
 * endpoints sending identical frames are told apart. python-can 4.x peers, in contrast, receive
 * their own frames back: that is their behaviour, not ours.
 *
 * <p>Each datagram is one msgpack map with the keyword arguments of python-can's
 * {@code can.Message} ({@code arbitration_id}, {@code is_extended_id}, {@code dlc},
 * {@code data}, …). Datagrams that are not
 * frames (another program on the group, a corrupted packet, an out-of-range id) are dropped,
 * counted in {@link #malformedDatagrams()} and logged the first time and every
 * {@value #LOG_EVERY}th time; they never stop the endpoint. There is no delivery guarantee:
 * UDP may lose datagrams under load, and losses in the kernel's socket buffer are not counted.
 *
 * <p>The network interface is the one the system routes the group through, as python-can
 * chooses it, so both join on the same interface; on a machine with only a loopback interface
 * obdio falls back to it (python-can needs a route there: {@code ip route add 224.0.0.0/4 dev lo}).
 * {@code ?iface=NAME} overrides the choice. IPv6 groups need a real interface: Linux does not
 * deliver IPv6 multicast over {@code lo}.
 *
 * <p>Timestamps are the arrival time at this endpoint, not the sender's {@code timestamp}
 * field: python-can programs send whatever their message carries (0.0 for a message they built
 * themselves), other hosts' clocks are not synchronised with ours, and python-can itself
 * replaces the field by its arrival time. Sent datagrams carry our send time.
 *
 * <p>Threading: each endpoint has one daemon reader thread that decodes datagrams and hands
 * them to the endpoint's queue; {@link #send} encodes on the caller's thread and may be called
 * from any thread.
 */
public final class UdpMulticastBus extends AbstractCanBus {
    /** The default IPv4 group, python-can's {@code DEFAULT_GROUP_IPv4}. */
    public static final String DEFAULT_GROUP_IPV4 = "239.74.163.2";
    /** python-can's default IPv6 group ({@code DEFAULT_GROUP_IPv6}, site-local scope). */
    public static final String DEFAULT_GROUP_IPV6 = "ff15:7079:7468:6f6e:6465:6d6f:6d63:6173";
    /** python-can's default port. */
    public static final int DEFAULT_PORT = 43113;
    /** A malformed datagram is logged the first time and then once in this many. */
    public static final int LOG_EVERY = 1000;

    /** The bus name syntax, for help texts. */
    public static final String SYNTAX = """
            A UDP multicast bus (python-can's udp_multicast) is named
              udp:GROUP[:PORT][?iface=NAME&ttl=N]
            GROUP is an IPv4 multicast address (default 239.74.163.2) or an IPv6 one in brackets,
            e.g. udp:[ff15:7079:7468:6f6e:6465:6d6f:6d63:6173]; PORT defaults to 43113.
            udp, udp: and udp::PORT use the default group. iface names the network interface
            (default: the one the group is routed through, else lo); ttl is the IPv4 TTL or IPv6
            hop limit (default 1: the local network only).""";

    private static final System.Logger LOG = System.getLogger(UdpMulticastBus.class.getName());
    private static final long ERROR_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final UdpBusAddress address;
    private final UdpMulticastSockets sockets;
    private final UdpFrameEncoder encoder = new UdpFrameEncoder(); // guarded by itself
    private final AtomicLong malformed = new AtomicLong();
    private final Thread reader;

    private UdpMulticastBus(UdpBusAddress address, UdpMulticastSockets sockets, BusOptions options) {
        super(address.toString(), options, true);
        this.address = address;
        this.sockets = sockets;
        this.reader = new Thread(this::readLoop, "obdio-udp-rx-" + address);
        reader.setDaemon(true);
    }

    /**
     * Opens an endpoint; {@link CanBuses#open(String, BusOptions)} calls this for names starting
     * with {@code udp}. The endpoint's {@link #channel()} is the canonical name, e.g.
     * {@code udp:239.74.163.2:43113}.
     *
     * @throws CanException {@link CanException.Reason#INVALID_NAME} for a malformed name or a
     *                      group that is not multicast; {@link CanException.Reason#NO_SUCH_INTERFACE}
     *                      when no interface can carry the group;
     *                      {@link CanException.Reason#INTERFACE_DOWN}, {@link CanException.Reason#PERMISSION}
     *                      or {@link CanException.Reason#IO} when the sockets cannot be set up
     */
    public static UdpMulticastBus open(String name, BusOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        UdpBusAddress address = UdpBusAddress.parse(name);
        UdpMulticastSockets sockets = UdpMulticastSockets.open(address.toString(), address);
        UdpMulticastBus bus = new UdpMulticastBus(address, sockets, options);
        bus.reader.start();
        return bus;
    }

    /** Datagrams received on the group that were not CAN frames and were dropped. */
    public long malformedDatagrams() {
        return malformed.get();
    }

    /** The name of the network interface the endpoint joined the group on and sends on. */
    public String networkInterface() {
        NetworkInterface nif = sockets.networkInterface();
        return nif.getName();
    }

    /** The source address and port of this endpoint's datagrams, as peers see them. */
    public java.net.InetSocketAddress sourceAddress() {
        return sockets.source();
    }

    @Override
    protected void transmit(CanFrame frame) {
        byte[] datagram;
        synchronized (encoder) {
            datagram = encoder.encode(frame, nowNanos());
        }
        try {
            sockets.sender().write(ByteBuffer.wrap(datagram));
        } catch (IOException e) {
            throw UdpMulticastSockets.failure(channel(), "cannot send to the group", e,
                    CanException.Reason.INTERFACE_DOWN);
        }
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(UdpWireFormat.MAX_DATAGRAM + 1);
        UdpFrameDecoder decoder = new UdpFrameDecoder();
        boolean reportedError = false;
        while (isOpen()) {
            buffer.clear();
            SocketAddress from;
            try {
                from = sockets.receiver().receive(buffer);
            } catch (ClosedChannelException e) {
                if (isOpen()) {
                    deliverError(new CanException(CanException.Reason.IO, channel()
                            + ": the multicast socket was closed unexpectedly", e));
                }
                return;
            } catch (IOException e) {
                if (!isOpen()) {
                    return;
                }
                if (!reportedError) {
                    reportedError = true;
                    deliverError(UdpMulticastSockets.failure(channel(), "cannot receive from the group", e,
                            CanException.Reason.INTERFACE_DOWN));
                }
                // A persistent error (network gone) must not spin the CPU.
                LockSupport.parkNanos(ERROR_PAUSE_NANOS);
                continue;
            }
            long arrival = nowNanos();
            reportedError = false;
            handle(decoder, buffer, from, arrival);
        }
    }

    private void handle(UdpFrameDecoder decoder, ByteBuffer buffer, SocketAddress from, long arrival) {
        if (buffer.position() > UdpWireFormat.MAX_DATAGRAM) {
            countMalformed(from, "datagram longer than " + UdpWireFormat.MAX_DATAGRAM + " bytes");
            return;
        }
        try {
            CanFrame frame = decoder.decode(buffer.array(), 0, buffer.position());
            deliver(frame, arrival, sockets.isOwn(from));
        } catch (UdpMalformedDatagramException e) {
            countMalformed(from, e.getMessage());
        } catch (RuntimeException e) {
            // A decoder bug must not end reception for the endpoint.
            countMalformed(from, "decoder failure: " + e);
        }
    }

    private void countMalformed(SocketAddress from, String why) {
        long n = malformed.incrementAndGet();
        if (n == 1 || n % LOG_EVERY == 0) {
            LOG.log(System.Logger.Level.WARNING, "{0}: dropped a datagram from {1} that is not a CAN frame: {2}"
                    + " ({3} so far)", channel(), from, why, n);
        }
    }

    @Override
    protected void closeTransport() {
        sockets.close();
        if (Thread.currentThread() != reader) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The parsed group, port and options; for tests. */
    UdpBusAddress address() {
        return address;
    }
}
