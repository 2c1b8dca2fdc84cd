package dev.obdio.gateway;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A client for handler and service tests without a server: records what it is sent. Thread-safe. */
final class RecordingClient implements GatewayClient {
    private static final AtomicLong IDS = new AtomicLong();

    /** One message sent to the client. */
    record Sent(String event, Object payload, boolean streamed) {
    }

    private final UUID id = new UUID(0, IDS.incrementAndGet());
    private final boolean authenticated;
    private final List<Sent> sent = new ArrayList<>();
    private volatile boolean connected = true;

    RecordingClient() {
        this(false);
    }

    RecordingClient(boolean authenticated) {
        this.authenticated = authenticated;
    }

    /** What was sent so far. */
    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The payloads sent under {@code event}. */
    synchronized List<Object> payloads(String event) {
        return sent.stream().filter(s -> s.event().equals(event)).map(Sent::payload).toList();
    }

    synchronized void clear() {
        sent.clear();
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public boolean authenticated() {
        return authenticated;
    }

    @Override
    public SocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 1);
    }

    @Override
    public synchronized void emit(String event) {
        sent.add(new Sent(event, Outbox.NO_PAYLOAD, false));
    }

    @Override
    public synchronized void emit(String event, Object payload) {
        sent.add(new Sent(event, payload, false));
    }

    @Override
    public synchronized void stream(String event, Object payload) {
        sent.add(new Sent(event, payload, true));
    }

    @Override
    public long droppedUpdates() {
        return 0;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void disconnect() {
        connected = false;
    }

    @Override
    public String toString() {
        return "recording client " + id;
    }
}
