package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading, and one that floods the server with malformed payloads, cost only
 * themselves: the other clients keep receiving their {@code update}s from the watch loop.
 */
class ClientIsolationTest {
    TestCar car;
    ObdIo io;
    String url;

    @BeforeEach
    void start() throws Exception {
        start(ClientLimits.DEFAULTS.withOutboxCapacity(32)); // a dead client's outbox fills within a second
    }

    private void start(ClientLimits limits) throws Exception {
        car = new TestCar();
        io = new ObdIo();
        io.connectObd(car.bus);
        io.createServer(GatewayConfig.DEFAULTS.withLimits(limits));
        io.start("127.0.0.1", 0);
        url = io.server().url();
    }

    @AfterEach
    void stop() {
        io.close();
        car.close();
    }

    private static JSONObject subscription(int hz) {
        return new JSONObject(Map.of("names", new JSONArray(List.of("RPM", "SPEED", "COOLANT_TEMP")), "hz", hz));
    }

    @Test
    void aClientThatStopsReadingLosesOnlyItsOwnOldestUpdates() throws Exception {
        try (JavaSio healthy = JavaSio.connect(url, null)) {
            var updates = healthy.events("update");
            healthy.ack("subscribe", subscription(50));
            deadPollingClient();
            await("the dead client's outbox drops").atMost(Duration.ofSeconds(30))
                    .until(() -> io.server().clients().all().stream().anyMatch(c -> c.droppedUpdates() > 0));
            updates.clear();
            await("updates keep reaching the healthy client").atMost(Duration.ofSeconds(15))
                    .until(() -> updates.size() >= 50);
            JSONObject info = (JSONObject) healthy.ack("server_info");
            assertThat(info.getLong("dropped_updates")).isZero();
            assertThat(healthy.connected()).isTrue();
        }
    }

    /** Handshakes over polling, subscribes at 50 Hz, then never polls again. */
    private void deadPollingClient() throws Exception {
        String base = url + "socket.io/?EIO=4&transport=polling";
        String open = http().send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(open).startsWith("0{");
        String sid = new JSONObject(open.substring(1)).getString("sid");
        String session = base + "&sid=" + sid;
        post(session, "40");
        String connected = http().send(HttpRequest.newBuilder(URI.create(session)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(connected).contains("40");
        post(session, "42[\"subscribe\"," + subscription(50) + "]");
    }

    /**
     * A client of its own for every request: netty-socketio may close a polling connection after
     * its answer, and a reused kept-alive connection would then fail with "received no bytes".
     */
    private static HttpClient http() {
        return HttpClient.newHttpClient();
    }

    private static void post(String uri, String body) throws Exception {
        HttpResponse<String> r = http().send(HttpRequest.newBuilder(URI.create(uri))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/plain;charset=UTF-8").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void updatesKeepFlowingDuringAMalformedPayloadStorm() throws Exception {
        // The flooder reads its error events, but in bursts: with the 32-message outbox of the other
        // tests a loaded machine lets 32 pile up and the server rightly cuts it off. Default limits here.
        stop();
        start(ClientLimits.DEFAULTS);
        long seed = 20261207L;
        System.out.println("storm seed " + seed);
        WebSocket bad = null;
        try (JavaSio good = JavaSio.connect(url, null)) {
            var updates = good.events("update");
            good.ack("subscribe", subscription(20));
            List<String> received = new CopyOnWriteArrayList<>();
            bad = MalformedStormTest.rawSocket(io.server(), received);
            bad.sendText("40", true).get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(15)).until(() -> received.stream().anyMatch(m -> m.startsWith("40")));
            bad.sendText("42[\"subscribe\",{\"names\":[\"RPM\"],\"hz\":50}]", true).get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(15)).until(() -> updates.size() >= 3);
            List<String> payloads = MalformedStormTest.malformed(new SplittableRandom(seed));
            payloads.add("42[\"subscribe\",{\"names\":" + "[\"RPM\",".repeat(1) + "\"RPM\"]".repeat(1) + ",\"hz\":1e308}]");
            payloads.add("42[\"uds_request\",{\"tx\":\"7E0\",\"hex\":\"" + "22".repeat(5000) + "\"}]");
            payloads.add("42[\"can_subscribe\",{\"filters\":[" + "\"7E8:7FF\",".repeat(2000) + "\"7E8:7FF\"]}]");
            payloads.add("42[\"watch\",[" + "\"BOGUS\",".repeat(1000) + "\"BOGUS\"]]");
            for (int round = 0; round < 3; round++) {
                for (String p : payloads) {
                    bad.sendText(p, true).get(5, TimeUnit.SECONDS);
                }
            }
            int afterStorm = updates.size();
            await("updates after the storm").atMost(Duration.ofSeconds(15)).until(() -> updates.size() > afterStorm + 20);
            await().atMost(Duration.ofSeconds(15)).until(() -> received.stream().anyMatch(m -> m.startsWith("42[\"error\"")));
            assertThat(received).as("the flooder's own subscription still works").anyMatch(m -> m.startsWith("42[\"update\""));
            assertThat(good.ack("status")).isEqualTo("Car Connected");
            assertThat(good.connected()).isTrue();
        } finally {
            if (bad != null) {
                bad.abort();
            }
        }
    }

    @Test
    void aDisconnectedClientsSubscriptionsGo() throws Exception {
        JavaSio client = JavaSio.connect(url, null);
        client.ack("subscribe", subscription(20));
        client.ack("can_subscribe", new JSONObject(Map.of("filters", "7E8:7FF")));
        dev.obdio.obd.ObdConnection car1 = io.connection().orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(car1::isRunning);
        client.close();
        await("the loop stops when nobody wants values").atMost(Duration.ofSeconds(15)).until(() -> !car1.isRunning());
        assertThat(car1.watched()).isEmpty();
    }
}
