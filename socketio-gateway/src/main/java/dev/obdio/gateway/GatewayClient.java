package dev.obdio.gateway;

import java.net.SocketAddress;
import java.util.UUID;

/**
 * One connected Socket.IO client as handlers and services see it. Sending never blocks: messages go
 * to the client's bounded outbox and reach the client as fast as it reads.
 */
public interface GatewayClient {

    /** The Engine.IO session id. */
    UUID id();

    /** Whether the client presented the configured token (never true when no token is configured). */
    boolean authenticated();

    /** Where the client connects from. */
    SocketAddress remoteAddress();

    /** Sends an event without arguments that must not be lost (notices such as {@code obd_closed}). */
    void emit(String event);

    /** Sends an event that must not be lost (replies, notices); a null payload arrives as {@code null}. */
    void emit(String event, Object payload);

    /**
     * Sends an event of a stream of updates: when the client lags, the oldest such messages are
     * dropped (and counted) so that it always gets the newest ones.
     */
    void stream(String event, Object payload);

    /** How many stream messages were dropped because the client lagged. */
    long droppedUpdates();

    /** Whether the client is still connected. */
    boolean connected();

    /** Disconnects the client. */
    void disconnect();
}
