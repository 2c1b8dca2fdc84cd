package dev.obdio.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * Engine.IO transport settings.
 *
 * @param maxHttpContentLength  largest HTTP request body (a polling POST); larger ones get 413
 * @param maxFramePayloadLength largest WebSocket message; a larger one closes the WebSocket (1009)
 * @param pingInterval          how often the server pings (Engine.IO v4)
 * @param pingTimeout           how long the server waits for the pong before it drops the client
 * @param upgradeTimeout        how long a polling client may take to finish its WebSocket upgrade
 * @param upgradeNoops          answer every polling GET of a session that is upgrading to WebSocket
 *                              with a noop, as the engine.io reference server does. Without it,
 *                              netty-socketio 2.0.14 strands clients that open one more poll before
 *                              they see the probe answer. Off only to measure that defect.
 * @param websocketCompression  permessage-deflate on WebSocket messages; off by default, as in
 *                              engine.io since 4.0 (it costs CPU and memory per client for small
 *                              messages)
 */
public record TransportSettings(int maxHttpContentLength, int maxFramePayloadLength, Duration pingInterval,
                                Duration pingTimeout, Duration upgradeTimeout, boolean upgradeNoops,
                                boolean websocketCompression) {

    /**
     * 1 MiB requests and messages (engine.io's maxHttpBufferSize), pings every 25 s with a 20 s
     * timeout (the engine.io defaults), 10 s to upgrade, upgrade noops on, no WebSocket compression.
     */
    public static final TransportSettings DEFAULTS = new TransportSettings(1 << 20, 1 << 20,
            Duration.ofSeconds(25), Duration.ofSeconds(20), Duration.ofSeconds(10), true, false);

    /** Validates the fields. */
    public TransportSettings {
        ClientLimits.positive("maxHttpContentLength", maxHttpContentLength);
        ClientLimits.positive("maxFramePayloadLength", maxFramePayloadLength);
        positive("pingInterval", pingInterval);
        positive("pingTimeout", pingTimeout);
        positive("upgradeTimeout", upgradeTimeout);
    }

    /** These settings with other size limits for HTTP bodies and WebSocket messages. */
    public TransportSettings withMaxPayload(int httpContentLength, int framePayloadLength) {
        return new TransportSettings(httpContentLength, framePayloadLength, pingInterval, pingTimeout,
                upgradeTimeout, upgradeNoops, websocketCompression);
    }

    /** These settings with another ping interval and timeout. */
    public TransportSettings withPing(Duration interval, Duration timeout) {
        return new TransportSettings(maxHttpContentLength, maxFramePayloadLength, interval, timeout,
                upgradeTimeout, upgradeNoops, websocketCompression);
    }

    /** These settings with another upgrade timeout. */
    public TransportSettings withUpgradeTimeout(Duration value) {
        return new TransportSettings(maxHttpContentLength, maxFramePayloadLength, pingInterval, pingTimeout,
                value, upgradeNoops, websocketCompression);
    }

    /** These settings with the upgrade noops on or off (off only to measure the library's defect). */
    public TransportSettings withUpgradeNoops(boolean value) {
        return new TransportSettings(maxHttpContentLength, maxFramePayloadLength, pingInterval, pingTimeout,
                upgradeTimeout, value, websocketCompression);
    }

    /** These settings with WebSocket compression on or off. */
    public TransportSettings withWebsocketCompression(boolean value) {
        return new TransportSettings(maxHttpContentLength, maxFramePayloadLength, pingInterval, pingTimeout,
                upgradeTimeout, upgradeNoops, value);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and 24 days, got " + value);
        }
    }
}
