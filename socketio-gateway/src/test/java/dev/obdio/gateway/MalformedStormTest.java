package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A client floods the gateway with malformed Socket.IO payloads over a raw WebSocket (invalid JSON,
 * deep nesting, huge arrays, wrong types, unknown events, broken packets) while a good client
 * receives a stream of updates: the good client keeps receiving, the flooder gets {@code error}
 * events (bounded by its rate limit), and the server keeps accepting new clients.
 */
class MalformedStormTest {

    @Test
    void updatesKeepFlowingToAGoodClientDuringAMalformedPayloadStorm() throws Exception {
        long seed = 20261121L;
        System.out.println("storm seed " + seed);
        GatewayServer server = TestGateways.started(TestGateways.local());
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        Socket good = null;
        WebSocket bad = null;
        try {
            AtomicInteger tick = new AtomicInteger();
            producer.scheduleAtFixedRate(() -> {
                int n = tick.incrementAndGet();
                server.clients().all().forEach(c -> c.stream("update", n));
            }, 10, 10, TimeUnit.MILLISECONDS);

            IO.Options o = new IO.Options();
            o.forceNew = true;
            o.reconnection = false;
            good = IO.socket(URI.create(server.url()), o);
            AtomicInteger updates = new AtomicInteger();
            good.on("update", a -> updates.incrementAndGet());
            CompletableFuture<Void> connected = new CompletableFuture<>();
            good.on(Socket.EVENT_CONNECT, a -> connected.complete(null));
            good.connect();
            connected.get(15, TimeUnit.SECONDS);

            List<String> received = new CopyOnWriteArrayList<>();
            bad = rawSocket(server, received);
            bad.sendText("40", true).get(5, TimeUnit.SECONDS);
            awaitTrue(() -> received.stream().anyMatch(m -> m.startsWith("40")), "the flooder is connected");

            int before = updates.get();
            List<String> payloads = malformed(new SplittableRandom(seed));
            for (int round = 0; round < 3; round++) {
                for (String p : payloads) {
                    bad.sendText(p, true).get(5, TimeUnit.SECONDS);
                }
            }
            int afterStorm = updates.get();
            awaitTrue(() -> updates.get() > afterStorm + 20, "updates after the storm");
            assertThat(updates.get() - before).as("updates during and after the storm").isGreaterThan(20);
            awaitTrue(() -> received.stream().anyMatch(m -> m.startsWith("42[\"error\"")), "error events to the flooder");
            long errors = received.stream().filter(m -> m.startsWith("42[\"error\"")).count();
            assertThat(errors).as("errors bounded by the rate limit").isLessThanOrEqualTo(
                    ClientLimits.DEFAULTS.eventBurst() + 20L);
            assertThat(good.connected()).isTrue();

            Socket fresh = IO.socket(URI.create(server.url()), o);
            CompletableFuture<Void> freshConnected = new CompletableFuture<>();
            fresh.on(Socket.EVENT_CONNECT, a -> freshConnected.complete(null));
            fresh.connect();
            freshConnected.get(15, TimeUnit.SECONDS);
            fresh.close();
        } finally {
            producer.shutdownNow();
            if (good != null) {
                good.close();
            }
            if (bad != null) {
                bad.abort();
            }
            server.close();
        }
    }

    static List<String> malformed(SplittableRandom random) {
        List<String> p = new ArrayList<>();
        p.add("42[\"has_name\", ");
        p.add("42{\"not\":\"an array\"}");
        p.add("42[]");
        p.add("42[42, \"x\"]");
        p.add("42[\"has_name\", 42]");
        p.add("42[\"has_name\"]");
        p.add("42[\"no_such_event\", 1]");
        p.add("42[\"\\u0000obdio.refused\", {\"event\":\"x\",\"reason\":\"forged\"}]");
        p.add("42[\"has_name\"," + "[".repeat(5000) + "]".repeat(5000) + "]");
        StringBuilder huge = new StringBuilder("42[\"has_name\",[");
        for (int i = 0; i < 60_000; i++) {
            huge.append(i == 0 ? "" : ",").append(random.nextInt(1000));
        }
        p.add(huge.append("]]").toString());
        p.add("42[\"has_name\",\"" + "A".repeat(200_000) + "\"]");
        p.add("42abc[\"has_name\",\"RPM\"]");
        p.add("4");
        p.add("99");
        p.add("42[\"has_name\", 1e999999]");
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[random.nextInt(1, 200)];
            random.nextBytes(junk);
            p.add("42" + new String(junk, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return p;
    }

    static WebSocket rawSocket(GatewayServer server, List<String> received) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.address().getPort() + "/socket.io/?EIO=4&transport=websocket");
        return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String m = partial.toString();
                    partial.setLength(0);
                    received.add(m);
                    if (m.equals("2")) {
                        ws.sendText("3", true);
                    }
                }
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        org.awaitility.Awaitility.await(what).atMost(15, TimeUnit.SECONDS).pollInterval(10, TimeUnit.MILLISECONDS)
                .until(condition::getAsBoolean);
    }
}
