package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java Socket.IO client (io.socket 2.1.1, Engine.IO v4) against the gateway. */
class JavaClientTest {
    static GatewayServer open;
    static GatewayServer guarded;
    private Socket socket;

    @BeforeAll
    static void start() throws Exception {
        open = TestGateways.started(TestGateways.local());
        guarded = TestGateways.started(TestGateways.local().withToken("s3cret"));
        open.events().on("echo", request -> EventReply.emit(request.arg(0).orElse(null)));
        open.events().on("boom", request -> {
            throw new IllegalStateException("handler bug");
        });
    }

    @AfterAll
    static void stop() {
        TestGateways.close(open, guarded);
    }

    @AfterEach
    void disconnect() {
        if (socket != null) {
            socket.close();
        }
    }

    private Socket connect(GatewayServer server, IO.Options options) throws Exception {
        options.forceNew = true;
        options.reconnection = false;
        socket = IO.socket(URI.create(server.url()), options);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, a -> outcome.complete("connected"));
        socket.on(Socket.EVENT_CONNECT_ERROR, a -> outcome.complete("refused: " + (a.length > 0 ? a[0] : "")));
        socket.connect();
        String result = outcome.get(15, TimeUnit.SECONDS);
        if (!result.equals("connected")) {
            throw new IllegalStateException(result);
        }
        return socket;
    }

    private static Object ack(Socket s, String event, Object... args) throws Exception {
        CompletableFuture<Object[]> reply = new CompletableFuture<>();
        s.emit(event, args, (Ack) reply::complete);
        Object[] values = reply.get(10, TimeUnit.SECONDS);
        return values.length == 0 ? "<no arguments>" : values[0];
    }

    private static BlockingQueue<Object> events(Socket s, String event) {
        BlockingQueue<Object> q = new LinkedBlockingQueue<>();
        s.on(event, a -> q.add(a.length == 0 ? "<no arguments>" : a[0]));
        return q;
    }

    @Test
    void hasNameRepliesWithAnEventAndTheAcknowledgement() throws Exception {
        Socket s = connect(open, new IO.Options());
        BlockingQueue<Object> replies = events(s, "has_name");
        assertThat(ack(s, "has_name", "RPM")).isEqualTo(true);
        assertThat(replies.poll(5, TimeUnit.SECONDS)).isEqualTo(true);
        assertThat(ack(s, "has_name", "rpm")).isEqualTo(false);
        assertThat(replies.poll(5, TimeUnit.SECONDS)).isEqualTo(false);
    }

    @Test
    void websocketOnlyClientsWorkToo() throws Exception {
        IO.Options o = new IO.Options();
        o.transports = new String[] {"websocket"};
        Socket s = connect(open, o);
        assertThat(ack(s, "has_name", "SPEED")).isEqualTo(true);
        JSONObject nested = new JSONObject(Map.of("a", List.of(1, 2, 3), "b", "é\u2603"));
        JSONObject echoed = (JSONObject) ack(s, "echo", nested);
        assertThat(echoed.getString("b")).isEqualTo("é\u2603");
        assertThat(echoed.getJSONArray("a").toString()).isEqualTo("[1,2,3]");
    }

    @Test
    void badPayloadsGetErrorEventsAndTheConnectionCarriesOn() throws Exception {
        Socket s = connect(open, new IO.Options());
        BlockingQueue<Object> errors = events(s, "error");
        assertThat(ack(s, "has_name", 42)).isEqualTo("<no arguments>");
        assertThat(((JSONObject) errors.poll(5, TimeUnit.SECONDS)).toString())
                .isEqualTo("{\"event\":\"has_name\",\"message\":\"expected a command name (a string), got a number 42\"}");
        s.emit("no_such_event", "x");
        JSONObject unknown = (JSONObject) errors.poll(5, TimeUnit.SECONDS);
        assertThat(unknown.getString("event")).isEqualTo("no_such_event");
        assertThat(unknown.getString("message")).isEqualTo("no such event");
        JSONArray deep = new JSONArray();
        JSONArray cur = deep;
        for (int i = 0; i < 100; i++) {
            JSONArray next = new JSONArray();
            cur.put(next);
            cur = next;
        }
        s.emit("has_name", deep);
        JSONObject tooDeep = (JSONObject) errors.poll(5, TimeUnit.SECONDS);
        assertThat(tooDeep.getString("event")).isEqualTo("has_name");
        assertThat(tooDeep.getString("message")).contains("payload refused").contains("depth");
        assertThat(ack(s, "boom")).isEqualTo("<no arguments>");
        assertThat(((JSONObject) errors.poll(5, TimeUnit.SECONDS)).getString("message")).startsWith("internal error");
        assertThat(ack(s, "has_name", "RPM")).as("still served").isEqualTo(true);
    }

    @Test
    void aTokenInTheQueryIsRequiredAndChecked() throws Exception {
        IO.Options right = new IO.Options();
        right.query = "token=s3cret";
        assertThat(ack(connect(guarded, right), "has_name", "RPM")).isEqualTo(true);
        socket.close();
        IO.Options wrong = new IO.Options();
        wrong.query = "token=guess";
        assertThat(refusal(guarded, wrong)).startsWith("refused");
        assertThat(refusal(guarded, new IO.Options())).startsWith("refused");
    }

    @Test
    void aTokenInTheAuthPayloadIsAcceptedToo() throws Exception {
        IO.Options right = new IO.Options();
        right.auth = Map.of("token", "s3cret");
        assertThat(ack(connect(guarded, right), "has_name", "RPM")).isEqualTo(true);
        socket.close();
        IO.Options wrong = new IO.Options();
        wrong.auth = Map.of("token", "guess");
        assertThat(refusal(guarded, wrong)).contains("not authorized");
    }

    private String refusal(GatewayServer server, IO.Options o) throws Exception {
        try {
            connect(server, o);
            return "connected";
        } catch (IllegalStateException e) {
            return e.getMessage();
        } finally {
            socket.close();
        }
    }
}
