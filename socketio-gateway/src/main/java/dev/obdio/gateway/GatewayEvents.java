package dev.obdio.gateway;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The gateway's Socket.IO events by name: the defaults and custom ones. Adding a handler under a name
 * that exists replaces it, so a custom handler can override a default one (obd-socketio's
 * {@code create_event}). Changes take effect at once, also while the server runs. Thread-safe.
 */
public final class GatewayEvents {
    private static final Set<String> RESERVED = Set.of("connect", "connect_error", "disconnect",
            "disconnecting", "newListener", "removeListener", ErrorPayload.EVENT);

    private final ConcurrentHashMap<String, EventHandler> handlers = new ConcurrentHashMap<>();
    private final Consumer<String> added;
    private final Consumer<String> removed;

    GatewayEvents(Consumer<String> added, Consumer<String> removed) {
        this.added = added;
        this.removed = removed;
    }

    /**
     * Handles {@code event} with {@code handler}, replacing the handler it had.
     *
     * @throws IllegalArgumentException for an empty or over-long name, or one Socket.IO reserves
     *                                  ({@code connect}, {@code disconnect}, …, and {@code error})
     */
    public void on(String event, EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        checkName(event);
        if (handlers.put(event, handler) == null) {
            added.accept(event);
        }
    }

    /** Stops handling {@code event}; clients that emit it get an {@code error} event. */
    public void remove(String event) {
        if (handlers.remove(event) != null) {
            removed.accept(event);
        }
    }

    /** The handler of {@code event}. */
    public Optional<EventHandler> handler(String event) {
        return Optional.ofNullable(handlers.get(event));
    }

    /** The names handled. */
    public Set<String> names() {
        return Set.copyOf(handlers.keySet());
    }

    private static void checkName(String event) {
        if (event == null || event.isEmpty() || event.length() > 64) {
            throw new IllegalArgumentException("an event name has 1 to 64 characters, got " + event);
        }
        for (int i = 0; i < event.length(); i++) {
            if (Character.isISOControl(event.charAt(i))) {
                throw new IllegalArgumentException("an event name has no control characters: " + event);
            }
        }
        if (RESERVED.contains(event)) {
            throw new IllegalArgumentException("'" + event + "' is reserved by Socket.IO or the gateway");
        }
    }
}
