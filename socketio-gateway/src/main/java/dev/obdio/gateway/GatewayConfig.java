package dev.obdio.gateway;

import java.util.Objects;
import java.util.Optional;

/**
 * How the gateway listens and whom it serves.
 *
 * @param host           the address to listen on; {@code 127.0.0.1} (this machine only) unless told
 *                       otherwise. {@code 0.0.0.0} serves the LAN and should come with a token.
 * @param port           the TCP port; 0 picks a free one ({@link GatewayServer#address()} tells which)
 * @param token          when present, clients must present it ({@code ?token=} in the handshake
 *                       query, or {@code auth: {token}} of Socket.IO v4 clients)
 * @param cors           which browser origins may connect
 * @param allowWrite     whether events that change the vehicle (clearing DTCs, UDS writes) are
 *                       allowed at all; even then only for clients that presented the token
 * @param handlerThreads threads that run event handlers (blocking vehicle queries happen there)
 * @param limits         per-client limits
 * @param transport      Engine.IO transport settings
 */
public record GatewayConfig(String host, int port, Optional<String> token, CorsPolicy cors, boolean allowWrite,
                            int handlerThreads, ClientLimits limits, TransportSettings transport) {

    /** The port of obd-socketio's examples. */
    public static final int DEFAULT_PORT = 48484;

    /** 127.0.0.1:48484, no token, same-origin pages only, no writes, 4 handler threads. */
    public static final GatewayConfig DEFAULTS = new GatewayConfig("127.0.0.1", DEFAULT_PORT, Optional.empty(),
            CorsPolicy.SAME_ORIGIN, false, 4, ClientLimits.DEFAULTS, TransportSettings.DEFAULTS);

    /** Validates the fields. */
    public GatewayConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        Objects.requireNonNull(token, "token");
        if (token.isPresent() && token.get().isEmpty()) {
            throw new IllegalArgumentException("token must not be empty (leave it out for no token)");
        }
        Objects.requireNonNull(cors, "cors");
        ClientLimits.positive("handlerThreads", handlerThreads);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(transport, "transport");
    }

    /** This configuration listening on another host and port. */
    public GatewayConfig withAddress(String newHost, int newPort) {
        return new GatewayConfig(newHost, newPort, token, cors, allowWrite, handlerThreads, limits, transport);
    }

    /** This configuration with a token (null or empty for none). */
    public GatewayConfig withToken(String value) {
        Optional<String> t = value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
        return new GatewayConfig(host, port, t, cors, allowWrite, handlerThreads, limits, transport);
    }

    /** This configuration with another CORS policy. */
    public GatewayConfig withCors(CorsPolicy value) {
        return new GatewayConfig(host, port, token, value, allowWrite, handlerThreads, limits, transport);
    }

    /** This configuration with writes to the vehicle allowed or not. */
    public GatewayConfig withAllowWrite(boolean value) {
        return new GatewayConfig(host, port, token, cors, value, handlerThreads, limits, transport);
    }

    /** This configuration with another number of handler threads. */
    public GatewayConfig withHandlerThreads(int value) {
        return new GatewayConfig(host, port, token, cors, allowWrite, value, limits, transport);
    }

    /** This configuration with other per-client limits. */
    public GatewayConfig withLimits(ClientLimits value) {
        return new GatewayConfig(host, port, token, cors, allowWrite, handlerThreads, value, transport);
    }

    /** This configuration with other transport settings. */
    public GatewayConfig withTransport(TransportSettings value) {
        return new GatewayConfig(host, port, token, cors, allowWrite, handlerThreads, limits, value);
    }
}
