package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obdio.gateway.JavaSio;
import dev.obdio.gateway.NodePlan;
import dev.obdio.gateway.NodeScripts;
import dev.obdio.gateway.RawHttp;
import dev.obdio.obd.DtcList;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdOptions;
import dev.obdio.obd.ObdResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The safety model end to end through {@code obdio serve}: tokens, write gating (checked on the
 * simulated car itself), CORS on polling and on the WebSocket upgrade. The bound address is
 * checked in {@link ServeCommandTest}; a malformed-payload storm against the same gateway stack
 * in the socketio-gateway module's {@code MalformedStormTest}.
 */
class ServeSecurityTest {
    private static final String HANDSHAKE = "/socket.io/?EIO=4&transport=polling";
    private static final String WS_UPGRADE = "/socket.io/?EIO=4&transport=websocket";
    private static final String[] UPGRADE = {"Upgrade: websocket", "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"};

    Serving serving;

    @AfterEach
    void stop() throws Exception {
        if (serving != null) {
            assertThat(serving.stop().exitCode()).isZero();
        }
    }

    /** The DTC codes the car itself reports now (mode 03), asked on its bus, past the gateway. */
    private List<String> storedOnTheCar() {
        try (ObdConnection car = ObdConnection.open(serving.bus, ObdOptions.DEFAULTS.withP2(Duration.ofMillis(500)))) {
            ObdResponse r = car.query(ObdCommands.GET_DTC);
            assertThat(r.value()).as("mode 03 answer: %s", r).isPresent();
            return ((DtcList) r.value().get()).codes().stream().map(d -> d.code()).toList();
        }
    }

    private static String[] upgrade(String origin) {
        String[] all = java.util.Arrays.copyOf(UPGRADE, UPGRADE.length + 1);
        all[UPGRADE.length] = origin;
        return all;
    }

    @Test
    void aWrongOrMissingTokenIsRefused() throws Exception {
        serving = Serving.start("--token", "s3cret", "--p2", "500");
        assertThatThrownBy(() -> JavaSio.connect(serving.url, null)).hasMessageStartingWith("refused");
        assertThatThrownBy(() -> JavaSio.connect(serving.url, "wrong")).hasMessageStartingWith("refused");
        try (JavaSio ok = JavaSio.connect(serving.url, "s3cret")) {
            assertThat(ok.ack("status")).isEqualTo("Car Connected");
        }
        NodeScripts.requireNode();
        Path plan = Files.createTempFile("obdio-plan", ".json");
        try {
            Files.writeString(plan, "{\"clients\":1,\"steps\":[{\"emit\":\"status\",\"args\":[]}]}");
            JsonNode refused = NodeScripts.run(NodeScripts.Duration.seconds(60), "drive.mjs", serving.url, plan.toString(), "wrong");
            assertThat(refused.path("error").asText()).as("node: %s", refused).isNotEmpty();
            JsonNode served = NodeScripts.run(NodeScripts.Duration.seconds(60), "drive.mjs", serving.url, plan.toString(), "s3cret");
            assertThat(served.get("results").get(0).get("raw").get(0).textValue()).isEqualTo("\"Car Connected\"");
        } finally {
            Files.deleteIfExists(plan);
        }
    }

    @Test
    void withoutAllowWriteNothingChangesTheCarEvenWithTheToken() throws Exception {
        serving = Serving.start("--token", "s3cret", "--p2", "500");
        List<String> before = storedOnTheCar();
        assertThat(before).isNotEmpty();
        NodePlan p = new NodePlan();
        int info = p.emit("server_info");
        int clear = p.emit("clear_dtc", Map.of("confirm", true));
        int session = p.emit("uds_request", Map.of("tx", "7E0", "hex", "1003"));
        int write = p.emit("uds_request", Map.of("tx", "7E0", "hex", "2EF1983030303030303030303031"));
        NodePlan.Results r = p.run(serving.url, "s3cret");
        r.assertOk();
        assertThat(r.reply(info).get("writes_allowed").booleanValue()).isFalse();
        for (int step : new int[] {clear, session, write}) {
            assertThat(r.raw(step)).isEmpty();
            assertThat(r.errors(step)).singleElement()
                    .satisfies(e -> assertThat(e.get("message").textValue()).contains("does not allow writes"));
        }
        assertThat(storedOnTheCar()).isEqualTo(before);
    }

    @Test
    void withAllowWriteAndTheTokenDtcsAreReallyCleared() throws Exception {
        serving = Serving.start("--token", "s3cret", "--allow-write", "--p2", "500");
        assertThat(storedOnTheCar()).isNotEmpty();
        try (JavaSio c = JavaSio.connect(serving.url, "s3cret")) {
            JSONObject info = (JSONObject) c.ack("server_info");
            assertThat(info.getBoolean("writes_allowed")).isTrue();
            assertThat(info.getBoolean("can_write")).isTrue();
            c.events("error");
            JSONObject cleared = (JSONObject) c.ack("clear_dtc", new JSONObject(Map.of("confirm", true)));
            assertThat(cleared.getBoolean("success")).as("clear_dtc: %s", cleared).isTrue();
            JSONObject session = (JSONObject) c.ack("uds_request", new JSONObject(Map.of("tx", "7E0", "hex", "1003")));
            assertThat(session.getString("response")).startsWith("5003");
            JSONObject back = (JSONObject) c.ack("uds_request", new JSONObject(Map.of("tx", "7E0", "hex", "1001")));
            assertThat(back.getString("response")).startsWith("5001");
            assertThat(c.events("error")).isEmpty();
        }
        assertThat(storedOnTheCar()).isEmpty();
    }

    @Test
    void foreignOriginsAreRefusedOnPollingAndOnTheUpgrade() throws Exception {
        serving = Serving.start("--cors", "http://dash.example:8080");
        String own = "Origin: http://127.0.0.1:" + serving.port();
        assertThat(RawHttp.request(serving.address(), "GET", HANDSHAKE, "Origin: http://evil.example").status()).isEqualTo(403);
        assertThat(RawHttp.request(serving.address(), "GET", WS_UPGRADE, upgrade("Origin: http://evil.example")).status())
                .isEqualTo(403);
        assertThat(RawHttp.request(serving.address(), "GET", HANDSHAKE, own).status()).isEqualTo(200);
        assertThat(RawHttp.request(serving.address(), "GET", WS_UPGRADE, upgrade(own)).status()).isEqualTo(101);
        RawHttp.Response listed = RawHttp.request(serving.address(), "GET", HANDSHAKE, "Origin: http://dash.example:8080");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("Access-Control-Allow-Origin")).isEqualTo("http://dash.example:8080");
        // DNS rebinding: a foreign Host name is refused on loopback
        assertThat(RawHttp.request(serving.address(), "GET", HANDSHAKE, "Host: evil.example:" + serving.port()).status())
                .isEqualTo(403);
    }
}
