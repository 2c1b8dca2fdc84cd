package dev.obdio.gateway;

import com.corundumstudio.socketio.SocketIOClient;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's sessions by Engine.IO session id. netty-socketio calls {@link #connected} and
 * {@link #disconnected} on its event loops; everything else may be called from any thread.
 */
final class ClientRegistry implements GatewayClients {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistry.class);

    private final ConcurrentHashMap<UUID, ClientSession> sessions = new ConcurrentHashMap<>();
    private final List<Consumer<GatewayClient>> disconnectListeners = new CopyOnWriteArrayList<>();
    private final ClientLimits limits;
    private final Executor handlerPool;
    private final LongSupplier ticker;

    ClientRegistry(ClientLimits limits, Executor handlerPool, LongSupplier ticker) {
        this.limits = limits;
        this.handlerPool = handlerPool;
        this.ticker = ticker;
    }

    /** The session of a client, created on first sight (connect, or an event that raced it). */
    ClientSession session(SocketIOClient client) {
        return sessions.computeIfAbsent(client.getSessionId(), id -> new ClientSession(client,
                new Outbox(limits.outboxCapacity()),
                new RateLimiter(limits.eventsPerSecond(), limits.eventBurst(), ticker),
                new SerialExecutor(handlerPool, limits.pendingEvents())));
    }

    ClientSession connected(SocketIOClient client) {
        ClientSession s = session(client);
        LOG.debug("{} connected ({} clients)", s, sessions.size());
        return s;
    }

    void disconnected(SocketIOClient client) {
        ClientSession s = sessions.remove(client.getSessionId());
        if (s == null) {
            return;
        }
        s.closed();
        LOG.debug("{} disconnected ({} clients)", s, sessions.size());
        for (Consumer<GatewayClient> l : disconnectListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.error("disconnect listener failed for {}", s, e);
            }
        }
    }

    /** The live session with this id (not created). */
    ClientSession live(UUID id) {
        return sessions.get(id);
    }

    /** Drains every session that has messages waiting (the pump). */
    void drainAll() {
        for (ClientSession s : sessions.values()) {
            if (s.hasWaiting()) {
                s.drain();
            }
        }
    }

    /** Drains one session, if it exists (the transport says the client can take more). */
    void drain(UUID id) {
        ClientSession s = sessions.get(id);
        if (s != null) {
            s.drain();
        }
    }

    @Override
    public int count() {
        return sessions.size();
    }

    @Override
    public Collection<GatewayClient> all() {
        return List.copyOf(sessions.values());
    }

    @Override
    public Optional<GatewayClient> find(UUID id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public void broadcast(String event) {
        for (ClientSession s : sessions.values()) {
            s.emit(event);
        }
    }

    @Override
    public void broadcast(String event, Object payload) {
        for (ClientSession s : sessions.values()) {
            s.emit(event, payload);
        }
    }

    @Override
    public void onDisconnect(Consumer<GatewayClient> listener) {
        disconnectListeners.add(listener);
    }
}
