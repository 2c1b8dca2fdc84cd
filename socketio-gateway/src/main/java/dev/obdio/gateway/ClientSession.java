package dev.obdio.gateway;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.transport.NamespaceClient;
import java.net.SocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's state for one connected client: its outbox, its event rate limiter and its serial
 * handler queue.
 *
 * <p>Outgoing messages pass through the {@link Outbox} and are handed to netty-socketio only while
 * the client keeps up: at most {@link #LIBRARY_QUEUE} packets wait in the library's own (unbounded)
 * queue, and on WebSocket only while the channel is writable. Drains are triggered by new messages,
 * by the transport (a new poll, a writable channel, a finished upgrade) and by the gateway's pump.
 */
final class ClientSession implements GatewayClient {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    /** Packets allowed to wait in netty-socketio's per-client queue. */
    static final int LIBRARY_QUEUE = 16;

    private final UUID id;
    private final SocketIOClient client;
    private final ClientHead head;
    private final Outbox outbox;
    private final RateLimiter rateLimiter;
    private final SerialExecutor handlers;
    private final AtomicBoolean authenticated = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Outbox.Sink sink = new LibrarySink();
    private volatile long lastRefusalNanos = Long.MIN_VALUE;

    ClientSession(SocketIOClient client, Outbox outbox, RateLimiter rateLimiter, SerialExecutor handlers) {
        this.id = client.getSessionId();
        this.client = client;
        this.head = client instanceof NamespaceClient nc ? nc.getBaseClient() : null;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.handlers = handlers;
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public boolean authenticated() {
        return authenticated.get();
    }

    void markAuthenticated() {
        authenticated.set(true);
    }

    @Override
    public SocketAddress remoteAddress() {
        return client.getRemoteAddress();
    }

    @Override
    public void emit(String event) {
        offer(new Outbox.EventMessage(event, Outbox.NO_PAYLOAD, false));
    }

    @Override
    public void emit(String event, Object payload) {
        offer(new Outbox.EventMessage(event, payload, false));
    }

    @Override
    public void stream(String event, Object payload) {
        offer(new Outbox.EventMessage(event, payload, true));
    }

    /** Acknowledges an event of this client, in order with what was emitted to it before. */
    void acknowledge(AckRequest request, List<Object> args) {
        if (request.isAckRequested()) {
            offer(new Outbox.AckMessage(request, args));
        }
    }

    private void offer(Outbox.Message message) {
        if (closed.get()) {
            return;
        }
        if (outbox.offer(message) == Outbox.Offer.OVERFLOW) {
            LOG.warn("client {} at {} does not read its messages ({} waiting): disconnecting it",
                    id, remoteAddress(), outbox.size());
            disconnect();
            return;
        }
        drain();
    }

    /** Hands waiting messages to the library as far as the client keeps up. */
    void drain() {
        if (!closed.get()) {
            outbox.drain(sink);
        }
    }

    /** Whether messages wait in the outbox. */
    boolean hasWaiting() {
        return outbox.size() > 0;
    }

    @Override
    public long droppedUpdates() {
        return outbox.dropped();
    }

    @Override
    public boolean connected() {
        return !closed.get() && (head == null || head.isConnected());
    }

    @Override
    public void disconnect() {
        client.disconnect();
        closed();
    }

    /** The client is gone: forget what waits for it. */
    void closed() {
        if (closed.compareAndSet(false, true)) {
            outbox.clear();
        }
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    SerialExecutor handlers() {
        return handlers;
    }

    SocketIOClient socketIoClient() {
        return client;
    }

    /**
     * Whether a refusal (rate limit, full queue) should be reported now: at most one a second, so
     * that a flood of refused events does not turn into a flood of errors.
     */
    boolean reportRefusal(long nowNanos) {
        long last = lastRefusalNanos;
        if (last != Long.MIN_VALUE && nowNanos - last < 1_000_000_000L) {
            return false;
        }
        lastRefusalNanos = nowNanos;
        return true;
    }

    @Override
    public String toString() {
        return "client " + id + " at " + remoteAddress();
    }

    private final class LibrarySink implements Outbox.Sink {
        @Override
        public boolean ready() {
            if (head == null) {
                return client.isChannelOpen();
            }
            if (!head.isConnected()) {
                return false;
            }
            Transport transport = head.getCurrentTransport();
            if (head.getPacketsQueue(transport).size() >= LIBRARY_QUEUE) {
                return false;
            }
            // a polling client takes its packets with the next GET; a WebSocket must have room
            return transport == Transport.POLLING || head.isWritable();
        }

        @Override
        public void send(Outbox.Message message) {
            if (message instanceof Outbox.EventMessage e) {
                client.sendEvent(e.event(), e.payload() == Outbox.NO_PAYLOAD ? new Object[0] : new Object[] {e.payload()});
            } else if (message instanceof Outbox.AckMessage a) {
                a.request().sendAckData(a.args());
            }
        }
    }
}
