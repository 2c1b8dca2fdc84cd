package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan for {@code src/test/node/drive.mjs}: steps that socket.io-client 4 connections perform
 * against a server, and what came back, raw as the server wrote it (so that key order and
 * {@code 55.0} versus {@code 55} can be checked) and parsed.
 */
public final class NodePlan {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode plan = JSON.createObjectNode();
    private final ArrayNode steps = plan.putArray("steps");

    public NodePlan clients(int n) {
        plan.put("clients", n);
        return this;
    }

    public NodePlan websocketOnly() {
        plan.putArray("transports").add("websocket");
        return this;
    }

    /** Emits with an acknowledgement; returns the step's index. */
    public int emit(int client, String event, Object... args) {
        ObjectNode s = step(client).put("emit", event);
        s.set("args", JSON.valueToTree(List.of(args)));
        return steps.size() - 1;
    }

    public int emit(String event, Object... args) {
        return emit(0, event, args);
    }

    /** Emits without acknowledgement. */
    public int send(int client, String event, Object... args) {
        ObjectNode s = step(client).put("send", event);
        s.set("args", JSON.valueToTree(List.of(args)));
        return steps.size() - 1;
    }

    /** Sends a raw Socket.IO packet, e.g. {@code 2["event",…]} (the Engine.IO message type is added). */
    public int raw(int client, String packet) {
        step(client).put("raw", packet);
        return steps.size() - 1;
    }

    /** Emits until the acknowledgement is not null. */
    public int until(String event, Object... args) {
        ObjectNode s = step(0).put("until", event).put("timeoutMs", 15000);
        s.set("args", JSON.valueToTree(List.of(args)));
        return steps.size() - 1;
    }

    /** Waits for {@code count} more events of a name. */
    public int await(int client, String event, int count) {
        step(client).put("wait", event).put("count", count).put("timeoutMs", 15000);
        return steps.size() - 1;
    }

    public int connected(int client) {
        steps.addObject().put("connected", client);
        return steps.size() - 1;
    }

    private ObjectNode step(int client) {
        return steps.addObject().put("client", client);
    }

    /** Runs the plan against {@code url} and returns the records, one per step. */
    public Results run(String url, String token) throws IOException, InterruptedException {
        NodeScripts.requireNode();
        Path file = Files.createTempFile("obdio-plan", ".json");
        try {
            Files.writeString(file, JSON.writeValueAsString(plan));
            JsonNode out = token == null
                    ? NodeScripts.run(NodeScripts.Duration.seconds(120), "drive.mjs", url, file.toString())
                    : NodeScripts.run(NodeScripts.Duration.seconds(120), "drive.mjs", url, file.toString(), token);
            assertThat(out.has("error")).as("node: %s", out).isFalse();
            return new Results(out.get("results"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** What the steps brought back. */
    public record Results(JsonNode all) {
        public JsonNode step(int i) {
            return all.get(i);
        }

        /** The acknowledgement's first argument (parsed by the JS client), or a missing node. */
        public JsonNode ack(int i) {
            JsonNode a = step(i).get("ack");
            return a == null || a.isEmpty() ? JSON.missingNode() : a.get(0);
        }

        /** The raw JSON text of the replies under the event's own name. */
        public List<String> raw(int i) {
            List<String> out = new ArrayList<>();
            step(i).get("raw").forEach(n -> out.add(n.isNull() ? null : n.textValue()));
            return out;
        }

        /** The single reply, parsed by Jackson from the raw text (numbers and key order as written). */
        public JsonNode reply(int i) throws IOException {
            List<String> r = raw(i);
            assertThat(r).as("replies of step %d: %s", i, step(i)).hasSize(1);
            return JSON.readTree(r.get(0));
        }

        /** The error events' payloads of a step. */
        public List<JsonNode> errors(int i) throws IOException {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode n : step(i).get("errors")) {
                out.add(JSON.readTree(n.textValue()));
            }
            return out;
        }

        /** The events a wait step collected, parsed. */
        public List<JsonNode> events(int i) throws IOException {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode n : step(i).get("events")) {
                out.add(n.isNull() ? null : JSON.readTree(n.textValue()));
            }
            return out;
        }

        public void assertOk() {
            for (JsonNode s : all) {
                assertThat(s.get("ok").booleanValue()).as("step %s", s).isTrue();
            }
        }
    }
}
