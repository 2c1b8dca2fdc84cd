package dev.obdio.gateway;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The connected clients, for services that push to many of them (the watch loop's fan-out, a
 * notice to all). Sending never blocks: each client has its own bounded outbox, so a slow or dead
 * client never delays the others. Thread-safe.
 */
public interface GatewayClients {

    /** How many clients are connected. */
    int count();

    /** A snapshot of the connected clients. */
    Collection<GatewayClient> all();

    /** The client with this session id, if connected. */
    Optional<GatewayClient> find(UUID id);

    /** Sends an event without arguments that must not be lost to every client ({@code obd_closed}). */
    void broadcast(String event);

    /** Sends an event that must not be lost to every client. */
    void broadcast(String event, Object payload);

    /**
     * Calls {@code listener} with every client that disconnects (on a gateway thread; it must not
     * block), so that services can forget its subscriptions.
     */
    void onDisconnect(Consumer<GatewayClient> listener);
}
