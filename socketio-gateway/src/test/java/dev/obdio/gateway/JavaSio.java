package dev.obdio.gateway;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The Java Socket.IO client (io.socket 2.1.1) for tests: connect, emit with acknowledgement, queues of events. */
public final class JavaSio implements AutoCloseable {
    /** What an acknowledgement or event without arguments gives. */
    public static final String NO_ARGUMENTS = "<no arguments>";

    private final Socket socket;
    private final Map<String, BlockingQueue<Object>> queues = new ConcurrentHashMap<>();

    private JavaSio(Socket socket) {
        this.socket = socket;
    }

    /** Connects to {@code url} (with a token in the query, if given), or throws with the refusal. */
    public static JavaSio connect(String url, String token, String... transports) throws Exception {
        IO.Options options = new IO.Options();
        options.forceNew = true;
        options.reconnection = false;
        if (token != null) {
            options.query = "token=" + token;
        }
        if (transports.length > 0) {
            options.transports = transports;
        }
        Socket s = IO.socket(URI.create(url), options);
        JavaSio client = new JavaSio(s);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        s.on(Socket.EVENT_CONNECT, a -> outcome.complete("connected"));
        s.on(Socket.EVENT_CONNECT_ERROR, a -> outcome.complete("refused: " + (a.length > 0 ? a[0] : "")));
        s.connect();
        String result = outcome.get(15, TimeUnit.SECONDS);
        if (!result.equals("connected")) {
            s.close();
            throw new IllegalStateException(result);
        }
        return client;
    }

    /** Starts recording an event (call before it can arrive). */
    public BlockingQueue<Object> events(String event) {
        return queues.computeIfAbsent(event, e -> {
            BlockingQueue<Object> q = new LinkedBlockingQueue<>();
            socket.on(e, a -> q.add(a.length == 0 ? NO_ARGUMENTS : a[0] == null ? org.json.JSONObject.NULL : a[0]));
            return q;
        });
    }

    /** The next {@code event}, within 10 s. */
    public Object next(String event) throws InterruptedException {
        Object o = events(event).poll(10, TimeUnit.SECONDS);
        if (o == null) {
            throw new AssertionError("no '" + event + "' event within 10 s");
        }
        return o;
    }

    /** Emits and returns the acknowledgement's first argument ({@link #NO_ARGUMENTS} when empty). */
    public Object ack(String event, Object... args) throws Exception {
        CompletableFuture<Object[]> reply = new CompletableFuture<>();
        socket.emit(event, args, (Ack) reply::complete);
        Object[] values = reply.get(15, TimeUnit.SECONDS);
        return values.length == 0 ? NO_ARGUMENTS : values[0] == null ? org.json.JSONObject.NULL : values[0];
    }

    /** Emits without acknowledgement. */
    public void emit(String event, Object... args) {
        socket.emit(event, args);
    }

    public boolean connected() {
        return socket.connected();
    }

    @Override
    public void close() {
        socket.close();
    }
}
