package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript client with its default transports (polling, then the upgrade to WebSocket) must
 * reach WebSocket and get its acknowledgements every time. netty-socketio 2.0.14 alone strands a
 * few percent of sequential and most concurrent clients for good (see {@link TransportWatch}); with
 * the gateway's upgrade noops none. A stranded client never recovers, so the generous deadline only
 * bounds the test on a loaded machine: it is no speed target.
 */
class UpgradeStallTest {
    private static final String DEADLINE_MS = "10000";
    private static GatewayServer plain;
    private static GatewayServer compressed;

    @BeforeAll
    static void start() throws Exception {
        NodeScripts.requireNode();
        plain = TestGateways.started(TestGateways.local());
        // with permessage-deflate the library's lone noop most often overtakes the probe answer
        compressed = TestGateways.started(TestGateways.local().withTransport(
                TransportSettings.DEFAULTS.withWebsocketCompression(true)));
    }

    @AfterAll
    static void stop() {
        TestGateways.close(plain, compressed);
    }

    @Test
    void twoHundredSequentialClientsAllUpgradeAndGetTheirAcks() throws Exception {
        JsonNode result = NodeScripts.run(NodeScripts.Duration.seconds(240), "load.mjs", plain.url(), "sequential",
                "200", DEADLINE_MS);
        System.out.println("sequential: " + result);
        assertThat(result.get("failures")).as("stranded clients").isEmpty();
        assertThat(result.get("ok").asInt()).isEqualTo(200);
    }

    @Test
    void fiftyConcurrentClientsAllUpgradeAndGetTheirAcks() throws Exception {
        JsonNode result = NodeScripts.run(NodeScripts.Duration.seconds(60), "load.mjs", plain.url(), "concurrent",
                "50", DEADLINE_MS);
        System.out.println("concurrent: " + result);
        assertThat(result.get("failures")).as("stranded clients").isEmpty();
        assertThat(result.get("ok").asInt()).isEqualTo(50);
    }

    @Test
    void fiftyConcurrentClientsAllUpgradeWithWebSocketCompressionToo() throws Exception {
        JsonNode result = NodeScripts.run(NodeScripts.Duration.seconds(60), "load.mjs", compressed.url(), "concurrent",
                "50", DEADLINE_MS);
        System.out.println("concurrent, compressed: " + result);
        assertThat(result.get("failures")).as("stranded clients").isEmpty();
        assertThat(result.get("ok").asInt()).isEqualTo(50);
    }
}
