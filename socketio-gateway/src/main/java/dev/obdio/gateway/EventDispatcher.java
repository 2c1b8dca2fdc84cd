package dev.obdio.gateway;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges netty-socketio's listeners to the gateway's {@link EventHandler}s.
 *
 * <p>On the netty event loop it only checks (authentication, the client's rate, its queue) and
 * queues; the handler runs on the client's {@link SerialExecutor}. The reply is emitted back under
 * the event's name and, if the client asked for an acknowledgement, the acknowledgement carries it;
 * a failure becomes an {@code error} event {@code {"event": NAME, "message": "…"}} and an empty
 * acknowledgement. Nothing a client sends can throw into netty.
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final SocketIOServer server;
    private final ClientRegistry clients;
    private final GatewayEvents events;
    private final ClientLimits limits;
    private final boolean tokenRequired;
    private final LongSupplier ticker;

    EventDispatcher(SocketIOServer server, ClientRegistry clients, ClientLimits limits, boolean tokenRequired,
                    LongSupplier ticker) {
        this.server = server;
        this.clients = clients;
        this.limits = limits;
        this.tokenRequired = tokenRequired;
        this.ticker = ticker;
        this.events = new GatewayEvents(this::listen, server::removeAllListeners);
        server.addEventListener(RefusedEvent.NAME, RefusedEvent.class, this::refused);
    }

    GatewayEvents events() {
        return events;
    }

    private void listen(String event) {
        server.addEventListener(event, InboundArgs.class, (client, args, ack) -> dispatch(client, event, args, ack));
    }

    private void dispatch(SocketIOClient client, String event, InboundArgs args, AckRequest ack) {
        ClientSession session = clients.session(client);
        if (!admit(session, event, ack)) {
            return;
        }
        Optional<EventHandler> handler = events.handler(event);
        if (handler.isEmpty()) {
            fail(session, event, ack, "no such event");
            return;
        }
        InboundArgs actual = args == null ? new InboundArgs(List.of()) : args;
        if (!session.handlers().submit(() -> run(session, event, handler.get(), actual, ack))) {
            if (session.reportRefusal(ticker.getAsLong())) {
                fail(session, event, ack, "too many requests waiting (at most " + limits.pendingEvents()
                        + "): wait for the replies");
            }
        }
    }

    private void refused(SocketIOClient client, RefusedEvent refused, AckRequest ack) {
        ClientSession session = clients.session(client);
        if (refused != null && admit(session, refused.event(), ack)) {
            fail(session, refused.event(), ack, refused.reason());
        }
    }

    /** Whether the client may have this event handled: it is authenticated and within its rate. */
    private boolean admit(ClientSession session, String event, AckRequest ack) {
        if (tokenRequired && !session.authenticated()) {
            LOG.info("{} sent an event without presenting the token: disconnecting it", session);
            session.disconnect();
            return false;
        }
        if (!session.rateLimiter().tryAcquire()) {
            if (session.reportRefusal(ticker.getAsLong())) {
                fail(session, event, ack, "too many events: at most " + session.rateLimiter().perSecond()
                        + " a second");
            }
            return false;
        }
        return true;
    }

    private void run(ClientSession session, String event, EventHandler handler, InboundArgs args, AckRequest ack) {
        if (!session.connected()) {
            return;
        }
        EventReply reply;
        try {
            reply = handler.handle(new EventRequest(event, args.values(), session, limits.maxArrayLength()));
        } catch (EventException e) {
            fail(session, event, ack, e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.error("handler of '{}' failed for {}", event, session, e);
            fail(session, event, ack, "internal error: " + e);
            return;
        }
        if (reply instanceof EventReply.Emit emit) {
            session.emit(event, emit.payload());
            session.acknowledge(ack, Collections.singletonList(emit.payload()));
        } else {
            session.acknowledge(ack, List.of());
        }
    }

    private static void fail(ClientSession session, String event, AckRequest ack, String message) {
        session.emit(ErrorPayload.EVENT, new ErrorPayload(event, message == null ? "failed" : message));
        session.acknowledge(ack, List.of());
    }
}
