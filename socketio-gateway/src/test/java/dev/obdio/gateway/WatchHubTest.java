package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdOptions;
import dev.obdio.obd.ObdResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared watch loop: legacy watch semantics, subscriptions and the fan-out, without a server. */
class WatchHubTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    TestCar car;
    VehicleLink link;
    WatchHub hub;

    @BeforeEach
    void start() {
        car = new TestCar();
        link = new VehicleLink(ObdOptions.DEFAULTS);
        hub = new WatchHub(VehicleEventOptions.DEFAULTS);
        link.addListener(hub);
        link.connect(car.bus);
    }

    @AfterEach
    void stop() {
        hub.close();
        link.close();
        car.close();
    }

    private static List<JsonNode> updates(RecordingClient c) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Object p : c.payloads(UpdateFanOut.EVENT)) {
            out.add(JSON.readTree(((RawValue) p).rawValue().toString()));
        }
        return out;
    }

    private static long requestsFor(TestCar car, String pidHex) {
        return car.engine.requests().stream().filter(r -> r.startsWith("01") && r.substring(2).matches("(..)*" + pidHex + "(..)*")).count();
    }

    @Test
    void oneLoopServesEveryClient() throws Exception {
        List<RecordingClient> clients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            RecordingClient c = new RecordingClient();
            clients.add(c);
            hub.subscribe(c, List.of(ObdCommands.RPM, ObdCommands.SPEED), 20);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> clients.stream().allMatch(c -> c.payloads("update").size() >= 10));
        hub.close();
        long reads = requestsFor(car, "0C");
        int most = clients.stream().mapToInt(c -> c.payloads("update").size()).max().orElseThrow();
        // every value read once went to all 50: reads follow the loop's passes, not the clients
        // (a read per client would make at least 50 x 10); a pass whose values came late may be
        // skipped by the rate limit, hence the factor 2
        assertThat(reads).isLessThanOrEqualTo(2L * most + 5);
        for (RecordingClient c : clients) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (JsonNode u : updates(c)) {
                // values read together travel together, unless the machine stalls between them
                assertThat(u.get("responses").fieldNames()).toIterable().isSubsetOf("RPM", "SPEED");
                u.get("responses").fieldNames().forEachRemaining(seen::add);
                if (u.get("responses").has("RPM")) {
                    assertThat(u.get("responses").get("RPM").get("value").doubleValue()).isEqualTo(1726.0);
                }
            }
            assertThat(seen).containsExactlyInAnyOrder("RPM", "SPEED");
            assertThat(c.sent()).allMatch(RecordingClient.Sent::streamed);
        }
    }

    @Test
    void clientsThatAskTheSameShareOnePayload() throws Exception {
        RecordingClient a = new RecordingClient();
        RecordingClient b = new RecordingClient();
        hub.subscribe(a, List.of(ObdCommands.RPM), 10);
        hub.subscribe(b, List.of(ObdCommands.RPM), 10);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.payloads("update").size() >= 3 && b.payloads("update").size() >= 3);
        Object last = a.payloads("update").get(2);
        assertThat(b.payloads("update")).anyMatch(p -> p == last);
    }

    @Test
    void aSlowerSubscriberGetsFewerValues() throws Exception {
        RecordingClient fast = new RecordingClient();
        RecordingClient slow = new RecordingClient();
        hub.subscribe(fast, List.of(ObdCommands.RPM), 20);
        hub.subscribe(slow, List.of(ObdCommands.RPM), 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> slow.payloads("update").size() >= 3);
        int f = fast.payloads("update").size();
        int s = slow.payloads("update").size();
        assertThat(f).as("20 Hz against 2 Hz").isGreaterThan(3 * s);
    }

    @Test
    void subscribeSendsTheLatestValueAtOnceAndUnsubscribeStops() throws Exception {
        RecordingClient first = new RecordingClient();
        hub.subscribe(first, List.of(ObdCommands.COOLANT_TEMP), 10);
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.latest(ObdCommands.COOLANT_TEMP).isPresent());
        RecordingClient second = new RecordingClient();
        hub.subscribe(second, List.of(ObdCommands.COOLANT_TEMP), 1);
        assertThat(second.payloads("update")).as("sent by subscribe itself").isNotEmpty();
        assertThat(updates(second).get(0).get("responses").get("COOLANT_TEMP").get("value").intValue()).isEqualTo(36);

        assertThat(hub.unsubscribe(first, List.of(ObdCommands.COOLANT_TEMP))).isEmpty();
        hub.unsubscribeAll(second);
        assertThat(link.current().orElseThrow().watched()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> !link.current().orElseThrow().isRunning());
        int before = first.payloads("update").size();
        assertThat(hub.latest(ObdCommands.COOLANT_TEMP)).isEmpty();
        assertThat(first.payloads("update")).hasSize(before);
    }

    @Test
    void limitsAndUnsupportedCommands() throws Exception {
        RecordingClient c = new RecordingClient();
        List<ObdCommand> many = ObdCommands.pythonObd().stream().filter(x -> x.mode().orElse(0) == 1).limit(65).toList();
        assertThatThrownBy(() -> hub.subscribe(c, many, 10))
                .isInstanceOf(EventException.class).hasMessageContaining("at most 64 commands");
        assertThat(hub.subscription(c)).isEmpty();
        assertThatThrownBy(() -> hub.subscribe(c, List.of(ObdCommands.RPM), 51)).hasMessageContaining("at most 50");
        WatchHub.SubscribeResult r = hub.subscribe(c, List.of(ObdCommands.RPM, ObdCommands.FUEL_RATE), 10);
        assertThat(r.refused()).containsExactly(ObdCommands.FUEL_RATE);
        assertThat(r.hz()).containsOnlyKeys(ObdCommands.RPM);
        assertThat(hub.watch(List.of(ObdCommands.OIL_TEMP, ObdCommands.SPEED)).refused()).containsExactly(ObdCommands.OIL_TEMP);
        assertThat(hub.watchList()).containsExactly(ObdCommands.SPEED);
    }

    @Test
    void watchListFollowsPythonObd() {
        List<ObdResponse> called = new CopyOnWriteArrayList<>();
        hub.watchCallback(called::add);
        hub.watch(List.of(ObdCommands.RPM));
        assertThat(hub.started()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.latest(ObdCommands.RPM).isPresent());
        assertThat(called).anyMatch(r -> r.command() == ObdCommands.RPM);
        hub.stop();
        ObdConnection car1 = link.current().orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> !car1.isRunning());
        assertThat(hub.latest(ObdCommands.RPM)).as("stale after stop, as python-OBD").isPresent();
        hub.unwatch(List.of(ObdCommands.RPM));
        assertThat(hub.started()).as("unwatch restarts, as obd-socketio").isTrue();
        assertThat(hub.latest(ObdCommands.RPM)).isEmpty();
        hub.watch(List.of(ObdCommands.SPEED));
        hub.unwatchAll();
        assertThat(hub.started()).isFalse();
        assertThat(hub.watchList()).isEmpty();

        hub.watch(List.of(ObdCommands.RPM));
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.latest(ObdCommands.RPM).isPresent());
        link.closeConnection();
        assertThat(hub.latest(ObdCommands.RPM)).as("nothing after close").isEmpty();
        assertThat(hub.started()).isFalse();
        assertThat(hub.watchList()).containsExactly(ObdCommands.RPM);
    }

    @Test
    void subscriptionsCarryOverToANewConnection() throws Exception {
        RecordingClient c = new RecordingClient();
        hub.subscribe(c, List.of(ObdCommands.RPM), 20);
        await().atMost(Duration.ofSeconds(10)).until(() -> c.payloads("update").size() >= 2);
        ObdConnection old = link.current().orElseThrow();
        link.connect(car.bus);
        assertThat(old.status().text()).isEqualTo("Not Connected");
        int before = c.payloads("update").size();
        await().atMost(Duration.ofSeconds(10)).until(() -> c.payloads("update").size() >= before + 2);
        assertThat(link.current().orElseThrow().watched()).containsExactly(ObdCommands.RPM);
    }

    @Test
    void pausedStopsTheLoopAndResumes() throws Exception {
        RecordingClient c = new RecordingClient();
        hub.subscribe(c, List.of(ObdCommands.RPM), 20);
        ObdConnection conn = link.current().orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(conn::isRunning);
        boolean runningInside = hub.paused(conn::isRunning);
        assertThat(runningInside).isFalse();
        assertThat(conn.isRunning()).isTrue();
    }
}
