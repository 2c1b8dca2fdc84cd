package dev.obdio.can;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a UDP multicast bus lives, parsed from its name
 * {@code udp:GROUP[:PORT][?iface=NAME&ttl=N]}; see {@link UdpMulticastBus#SYNTAX}.
 *
 * @param group         the IPv4 ({@code 224.0.0.0/4}) or IPv6 ({@code ff00::/8}) multicast group
 * @param port          the UDP port, 1..65535
 * @param interfaceName the network interface to join and send on; empty for the one the
 *                      system routes the group through (as python-can), else the loopback
 * @param ttl           IPv4 time to live / IPv6 hop limit of sent datagrams, 0..255; python-can's
 *                      default 1 keeps them on the local network
 */
record UdpBusAddress(InetAddress group, int port, Optional<String> interfaceName, int ttl) {

    static final int DEFAULT_TTL = 1;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:@\\-]{1,64}");

    /** The default bus, {@value UdpMulticastBus#DEFAULT_GROUP_IPV4}:{@value UdpMulticastBus#DEFAULT_PORT}. */
    static final UdpBusAddress DEFAULTS = new UdpBusAddress(literal(UdpMulticastBus.DEFAULT_GROUP_IPV4),
            UdpMulticastBus.DEFAULT_PORT, Optional.empty(), DEFAULT_TTL);

    /** Validates the fields. */
    UdpBusAddress {
        if (group == null || !group.isMulticastAddress()) {
            throw new IllegalArgumentException("group must be a multicast address, got " + group);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        if (interfaceName == null) {
            throw new IllegalArgumentException("interfaceName must not be null (use Optional.empty())");
        }
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("ttl must be 0..255, got " + ttl);
        }
    }

    /** Whether the group is an IPv6 address. */
    boolean isIpv6() {
        return !(group instanceof Inet4Address);
    }

    /**
     * Parses a bus name: {@code udp}, {@code udp:}, {@code udp::PORT}, {@code udp:GROUP},
     * {@code udp:GROUP:PORT}, {@code udp:[IPV6]} or {@code udp:[IPV6]:PORT}, each optionally
     * followed by {@code ?iface=NAME}, {@code ?ttl=N} or both joined by {@code &}. Only literal
     * addresses are accepted: opening a bus never waits for a name server.
     *
     * @throws CanException with {@link CanException.Reason#INVALID_NAME} saying what is wrong
     */
    static UdpBusAddress parse(String name) {
        if (name == null || !name.regionMatches(true, 0, "udp", 0, 3)) {
            throw invalid(name, "a UDP bus name starts with \"udp\"");
        }
        String rest = name.substring(3);
        if (rest.isEmpty()) {
            return DEFAULTS;
        }
        if (rest.charAt(0) != ':') {
            throw invalid(name, "expected ':' after \"udp\"");
        }
        rest = rest.substring(1);
        int q = rest.indexOf('?');
        String location = q < 0 ? rest : rest.substring(0, q);
        UdpBusAddress address = parseLocation(name, location);
        return q < 0 ? address : address.withQuery(name, rest.substring(q + 1));
    }

    private static UdpBusAddress parseLocation(String name, String location) {
        InetAddress group = DEFAULTS.group;
        String portText = "";
        if (location.startsWith("[")) {
            int close = location.indexOf(']');
            if (close < 0) {
                throw invalid(name, "no ']' after the IPv6 group");
            }
            group = parseGroup(name, location.substring(1, close), true);
            String after = location.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw invalid(name, "expected ':PORT' after ']', got \"" + after + "\"");
            }
            portText = after.isEmpty() ? "" : after.substring(1);
            if (after.equals(":")) {
                throw invalid(name, "no port after ':'");
            }
        } else {
            int colon = location.indexOf(':');
            if (colon >= 0 && location.indexOf(':', colon + 1) >= 0) {
                throw invalid(name, "an IPv6 group goes in brackets, e.g. udp:[" + UdpMulticastBus.DEFAULT_GROUP_IPV6
                        + "]:" + UdpMulticastBus.DEFAULT_PORT);
            }
            String groupText = colon < 0 ? location : location.substring(0, colon);
            if (!groupText.isEmpty()) {
                group = parseGroup(name, groupText, false);
            }
            if (colon >= 0) {
                portText = location.substring(colon + 1);
                if (portText.isEmpty()) {
                    throw invalid(name, "no port after ':'");
                }
            }
        }
        int port = portText.isEmpty() ? UdpMulticastBus.DEFAULT_PORT : parsePort(name, portText);
        return new UdpBusAddress(group, port, Optional.empty(), DEFAULT_TTL);
    }

    private static InetAddress parseGroup(String name, String text, boolean bracketed) {
        boolean looksLikeAddress = bracketed ? IPV6.matcher(text).matches() && text.contains(":")
                : IPV4.matcher(text).matches();
        if (!looksLikeAddress) {
            throw invalid(name, "\"" + text + "\" is not an " + (bracketed ? "IPv6" : "IPv4")
                    + " address (host names are not looked up; IPv6 groups go in brackets)");
        }
        InetAddress group;
        try {
            group = InetAddress.getByName(text); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw invalid(name, "\"" + text + "\" is not a valid address");
        }
        if (!group.isMulticastAddress()) {
            throw invalid(name, text + " is not a multicast group (IPv4 224.0.0.0/4, IPv6 ff00::/8)");
        }
        return group;
    }

    private static int parsePort(String name, String text) {
        int port = PORT.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (port < 1 || port > 65535) {
            throw invalid(name, "port \"" + text + "\" is not a number 1..65535");
        }
        return port;
    }

    private UdpBusAddress withQuery(String name, String query) {
        Optional<String> iface = Optional.empty();
        Integer newTtl = null;
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            switch (key) {
                case "iface" -> {
                    if (iface.isPresent()) {
                        throw invalid(name, "iface given twice");
                    }
                    if (!INTERFACE.matcher(value).matches()) {
                        throw invalid(name, "iface \"" + value + "\" is not an interface name");
                    }
                    iface = Optional.of(value);
                }
                case "ttl" -> {
                    if (newTtl != null) {
                        throw invalid(name, "ttl given twice");
                    }
                    newTtl = value.matches("\\d{1,3}") ? Integer.parseInt(value) : -1;
                    if (newTtl > 255 || newTtl < 0) {
                        throw invalid(name, "ttl \"" + value + "\" is not a number 0..255");
                    }
                }
                default -> throw invalid(name, "unknown option \"" + pair + "\" (known: iface=NAME, ttl=0..255)");
            }
        }
        return new UdpBusAddress(group, port, iface, newTtl == null ? ttl : newTtl);
    }

    /**
     * The canonical bus name: {@code udp:GROUP:PORT}, IPv6 groups in brackets, with the options
     * that differ from the defaults. Opening it again gives the same bus.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("udp:");
        s.append(isIpv6() ? "[" + rfc5952(group.getAddress()) + "]" : group.getHostAddress()).append(':').append(port);
        String sep = "?";
        if (interfaceName.isPresent()) {
            s.append(sep).append("iface=").append(interfaceName.get());
            sep = "&";
        }
        if (ttl != DEFAULT_TTL) {
            s.append(sep).append("ttl=").append(ttl);
        }
        return s.toString();
    }

    /** An IPv6 address as RFC 5952 writes it: lower case, the longest run of zero groups as "::". */
    static String rfc5952(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(groups[i]));
        }
        return s.toString();
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static CanException invalid(String name, String why) {
        return new CanException(CanException.Reason.INVALID_NAME, "bus \"" + name + "\": " + why + "\n"
                + UdpMulticastBus.SYNTAX);
    }
}
