package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** socket.io-client 4 and 2 under Node: protocol versions, CORS and tokens as a browser page meets them. */
class JavaScriptClientsTest {
    static GatewayServer open;
    static GatewayServer guarded;

    @BeforeAll
    static void start() throws Exception {
        NodeScripts.requireNode();
        open = TestGateways.started(TestGateways.local());
        guarded = TestGateways.started(TestGateways.local().withToken("s3cret"));
    }

    @AfterAll
    static void stop() {
        TestGateways.close(open, guarded);
    }

    private static JsonNode run(GatewayServer server, String scenario, String... token) throws Exception {
        String[] args = token.length == 0 ? new String[] {server.url(), scenario}
                : new String[] {server.url(), scenario, token[0]};
        JsonNode r = NodeScripts.run(NodeScripts.Duration.seconds(60), "clients.mjs", args);
        System.out.println(r);
        return r;
    }

    @Test
    void engineIo4ClientsUpgradeAndGetAcknowledgements() throws Exception {
        JsonNode r = run(open, "v4");
        assertThat(r.get("connected").asBoolean()).isTrue();
        assertThat(r.get("transport").asText()).isEqualTo("websocket");
        assertThat(r.get("ack").asBoolean()).isTrue();
    }

    @Test
    void engineIo3ClientsOfSocketIo2WorkToo() throws Exception {
        JsonNode r = run(open, "v2");
        assertThat(r.get("connected").asBoolean()).isTrue();
        assertThat(r.get("transport").asText()).isEqualTo("websocket");
        assertThat(r.get("ack").asBoolean()).isTrue();
    }

    @Test
    void pagesOfOtherOriginsAreRefusedOnPollingAndWebSocket() throws Exception {
        assertThat(run(open, "v4-origin").get("connected").asBoolean()).isFalse();
        assertThat(run(open, "v4-ws-origin").get("connected").asBoolean()).isFalse();
    }

    @Test
    void tokensInAuthOrQueryAreChecked() throws Exception {
        assertThat(run(guarded, "v4-auth", "s3cret").get("ack").asBoolean()).isTrue();
        assertThat(run(guarded, "v4-query", "s3cret").get("ack").asBoolean()).isTrue();
        JsonNode wrongAuth = run(guarded, "v4-auth", "guess");
        assertThat(wrongAuth.get("connected").asBoolean()).isFalse();
        assertThat(wrongAuth.get("error").asText()).contains("not authorized");
        assertThat(run(guarded, "v4-query", "guess").get("connected").asBoolean()).isFalse();
        assertThat(run(guarded, "v4").get("error").asText()).contains("not authorized");
        assertThat(run(guarded, "v2").get("connected").asBoolean()).isFalse();
    }
}
