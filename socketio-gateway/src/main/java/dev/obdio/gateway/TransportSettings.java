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
 */
public record TransportSettings(int maxHttpContentLength, int maxFramePayloadLength, Duration pingInterval,
                                Duration pingTimeout, Duration upgradeTimeout, boolean upgradeNoops) {

    /**
     * 1 MiB requests and messages (engine.io's maxHttpBufferSize), pings every 25 s with a 20 s
     * timeout (the engine.io defaults), 10 s to upgrade, upgrade noops on.
     */
    public static final TransportSettings DEFAULTS = new TransportSettings(1 << 20, 1 << 20,
            Duration.ofSeconds(25), Duration.ofSeconds(20), Duration.ofSeconds(10), true);

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
                upgradeTimeout, upgradeNoops);
    }

    /** These settings with another ping interval and timeout. */
    public TransportSettings withPing(Duration interval, Duration timeout) {
        return new TransportSettings(maxHttpContentLength, maxFramePayloadLength, interval, timeout,
                upgradeTimeout, upgradeNoops);
    }

    /** These settings with another upgrade timeout. */
    public TransportSettings withUpgradeTimeout(Duration value) {
        return new TransportSettings(maxHttpContentLength, maxFramePayloadLength, pingInterval, pingTimeout,
                value, upgradeNoops);
    }

    /** These settings with the upgrade noops on or off (off only to measure the library's defect). */
    public TransportSettings withUpgradeNoops(boolean value) {
        return new TransportSettings(maxHttpContentLength, maxFramePayloadLength, pingInterval, pingTimeout,
                upgradeTimeout, value);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and 24 days, got " + value);
        }
    }
}
