package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** obdio's extension events driven by socket.io-client 4 under Node. */
class ExtensionEventsNodeTest {
    TestCar car;
    ObdIo io;

    private String start(GatewayConfig config) throws Exception {
        car = new TestCar();
        io = new ObdIo();
        io.connectObd(car.bus);
        io.createServer(config);
        io.setVehicleDescription("scripted test car");
        io.start("127.0.0.1", 0);
        return io.server().url();
    }

    @AfterEach
    void stop() {
        if (io != null) {
            io.close();
        }
        if (car != null) {
            car.close();
        }
    }

    @Test
    void readOnlyExtensions() throws Exception {
        String url = start(GatewayConfig.DEFAULTS);
        NodePlan p = new NodePlan();
        int info = p.emit("server_info");
        int now = p.emit("query_now", "RPM");
        int nowMany = p.emit("query_now", List.of("RPM", "SPEED", "FUEL_RATE"));
        int nowUnknown = p.emit("query_now", "BOGUS");
        int subscribe = p.emit("subscribe", Map.of("names", List.of("RPM", "SPEED", "COOLANT_TEMP", "NOPE"), "hz", 10));
        int updates = p.await(0, "update", 5);
        int badHz = p.emit("subscribe", Map.of("names", "RPM", "hz", 0));
        int badNames = p.emit("subscribe", Map.of("names", 5));
        int unsubscribe = p.emit("unsubscribe");
        int dtc = p.emit("dtc");
        int vehicle = p.emit("vehicle_info");
        int clear = p.emit("clear_dtc", Map.of("confirm", true));
        int can = p.emit("can_subscribe", Map.of("filters", "7E8:7FF", "hz", 20));
        int traffic = p.emit("query_now", "RPM");
        int frames = p.await(0, "can_frames", 1);
        int badFilter = p.emit("can_subscribe", Map.of("filters", "ZZZ"));
        int canStop = p.emit("can_unsubscribe");
        int vin = p.emit("uds_request", Map.of("tx", "7E0", "hex", "22F190"));
        int nrc = p.emit("uds_request", Map.of("tx", "7E0", "rx", "7E8", "hex", "22 F1 8C"));
        int session = p.emit("uds_request", Map.of("tx", "7E0", "hex", "1003"));
        int write = p.emit("uds_request", Map.of("tx", "7E0", "hex", "2EF19800"));
        int badHex = p.emit("uds_request", Map.of("tx", "7E0", "hex", "2G"));
        int badTx = p.emit("uds_request", Map.of("tx", "7E00", "hex", "22F190"));
        int defaultSession = p.emit("uds_request", Map.of("tx", "7E0", "hex", "1001"));
        int malformed = p.raw(0, "2[\"subscribe\",{\"names\":");
        int afterMalformed = p.await(0, "error", 1);
        int stillWorks = p.emit("status");

        NodePlan.Results r = p.run(url, null);
        r.assertOk();

        JsonNode i = r.reply(info);
        assertThat(i.fieldNames()).toIterable().startsWith("name", "version", "writes_allowed", "can_write");
        assertThat(i.get("name").textValue()).isEqualTo("obdio");
        assertThat(i.get("writes_allowed").booleanValue()).isFalse();
        assertThat(i.get("can_write").booleanValue()).isFalse();
        assertThat(i.get("vehicle").textValue()).isEqualTo("scripted test car");
        assertThat(i.get("status").textValue()).isEqualTo("Car Connected");
        List<String> events = new ArrayList<>();
        i.get("events").forEach(e -> events.add(e.textValue()));
        assertThat(events).containsAll(DefaultEvents.COMPATIBLE).containsAll(DefaultEvents.EXTENSIONS);

        assertThat(r.raw(now).get(0)).startsWith("{\"value\":1726.0,\"command\":{\"name\":\"RPM\"");
        JsonNode many = r.reply(nowMany);
        assertThat(many.fieldNames()).toIterable().containsExactly("RPM", "SPEED", "FUEL_RATE");
        assertThat(many.get("FUEL_RATE").isNull()).isTrue();
        assertThat(r.errors(nowMany)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("FUEL_RATE").contains("not supported"));
        assertThat(r.errors(nowUnknown)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("unknown OBD command BOGUS"));

        JsonNode sub = r.reply(subscribe);
        assertThat(sub.toString()).isEqualTo("{\"subscribed\":{\"RPM\":10.0,\"SPEED\":10.0,\"COOLANT_TEMP\":10.0}}");
        assertThat(r.errors(subscribe)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("NOPE"));
        for (JsonNode u : r.events(updates)) {
            assertThat(u.fieldNames()).toIterable().containsExactly("responses");
            assertThat(u.get("responses").fieldNames()).toIterable().isSubsetOf("RPM", "SPEED", "COOLANT_TEMP");
            u.get("responses").forEach(resp -> {
                assertThat(resp.fieldNames()).toIterable().containsExactly("value", "command", "time", "unit");
                assertThat(resp.get("time").isIntegralNumber()).isTrue();
            });
            if (u.get("responses").has("COOLANT_TEMP")) {
                assertThat(u.get("responses").get("COOLANT_TEMP").get("value").isInt()).isTrue();
            }
        }
        assertThat(r.errors(badHz)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("hz must be a number above 0"));
        assertThat(r.errors(badNames)).hasSize(1);
        assertThat(r.reply(unsubscribe).toString()).isEqualTo("{\"subscribed\":{}}");

        JsonNode d = r.reply(dtc);
        assertThat(d.fieldNames()).toIterable()
                .containsExactly("mil", "dtc_count", "stored", "pending", "permanent", "problems", "time");
        assertThat(d.get("mil").booleanValue()).isTrue();
        assertThat(d.get("dtc_count").intValue()).isEqualTo(1);
        assertThat(d.get("stored").toString()).isEqualTo("[{\"code\":\"P0104\",\"desc\":\"Mass or Volume Air Flow "
                + "Circuit Intermittent\",\"ecu\":\"7E8\",\"role\":\"engine\"},{\"code\":\"P0301\",\"desc\":\"Cylinder 1 "
                + "Misfire Detected\",\"ecu\":\"7E9\",\"role\":\"transmission\"}]");
        assertThat(d.get("pending").toString()).isEqualTo("[]");
        assertThat(d.get("permanent").toString()).isEqualTo("[]");

        JsonNode v = r.reply(vehicle);
        assertThat(v.get("vin").textValue()).isEqualTo(TestCar.VIN);
        assertThat(v.get("protocol").textValue()).isEqualTo("ISO 15765-4 (CAN 11/500)");
        assertThat(v.get("protocol_id").textValue()).isEqualTo("6");
        assertThat(v.get("ecus")).hasSize(2);
        JsonNode engine = v.get("ecus").get(0);
        assertThat(engine.get("name").textValue()).isEqualTo("7E8");
        assertThat(engine.get("role").textValue()).isEqualTo("engine");
        assertThat(engine.get("tx").textValue()).isEqualTo("7E0");
        assertThat(engine.get("calibration_id").toString()).contains("JMB*36761500");
        assertThat(v.get("ecus").get(1).get("role").textValue()).isEqualTo("transmission");

        assertThat(r.raw(clear)).isEmpty();
        assertThat(r.errors(clear)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("does not allow writes"));

        assertThat(r.reply(can).get("filters").textValue()).isEqualTo("7E8:7FF");
        assertThat(r.reply(can).get("hz").doubleValue()).isEqualTo(20.0);
        assertThat(r.errors(traffic)).isEmpty();
        JsonNode batch = r.events(frames).get(0);
        assertThat(batch.get("frames").size()).isPositive();
        for (JsonNode f : batch.get("frames")) {
            assertThat(f.fieldNames()).toIterable()
                    .containsExactly("t", "id", "ext", "fd", "rtr", "err", "len", "data", "text");
            assertThat(f.get("id").textValue()).isEqualTo("7E8");
            assertThat(f.get("data").textValue()).matches("[0-9A-F]{16}");
            assertThat(f.get("text").textValue()).isEqualTo("7E8#" + f.get("data").textValue());
            assertThat(f.get("t").isFloatingPointNumber()).isTrue();
        }
        assertThat(r.errors(badFilter)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).startsWith("bad filter"));
        assertThat(r.errors(canStop)).isEmpty();

        JsonNode u = r.reply(vin);
        assertThat(u.fieldNames()).toIterable()
                .containsExactly("tx", "rx", "service", "request", "response", "positive", "nrc", "time");
        assertThat(u.get("rx").textValue()).isEqualTo("7E8");
        assertThat(u.get("service").textValue()).isEqualTo("ReadDataByIdentifier");
        assertThat(u.get("response").textValue()).isEqualTo("62F190" + dev.obdio.obd.testing.ScriptedEcu.hex(TestCar.VIN));
        assertThat(u.get("positive").booleanValue()).isTrue();
        assertThat(u.get("nrc").isNull()).isTrue();
        JsonNode n = r.reply(nrc);
        assertThat(n.get("positive").booleanValue()).isFalse();
        assertThat(n.get("nrc").toString()).isEqualTo("{\"code\":\"31\",\"name\":\"requestOutOfRange\"}");
        assertThat(r.errors(session)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("does not allow writes"));
        assertThat(r.errors(write)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("does not allow writes"));
        assertThat(r.errors(badHex)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("not a hex digit"));
        assertThat(r.errors(badTx)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("8 (up to 1FFFFFFF)"));
        assertThat(r.reply(defaultSession).get("positive").booleanValue()).isTrue();

        assertThat(r.events(afterMalformed).get(0).get("event").textValue()).isEqualTo("subscribe");
        assertThat(r.events(afterMalformed).get(0).get("message").textValue()).contains("malformed JSON");
        assertThat(r.raw(stillWorks)).containsExactly("\"Car Connected\"");
        assertThat(r.step(malformed).get("ok").booleanValue()).isTrue();
    }

    @Test
    void writesNeedAllowWriteAndTheToken() throws Exception {
        String url = start(GatewayConfig.DEFAULTS.withAllowWrite(true).withToken("s3cret"));
        NodePlan p = new NodePlan().clients(2);
        int info = p.emit("server_info");
        int unconfirmed = p.emit("clear_dtc");
        int clear = p.emit("clear_dtc", Map.of("confirm", true));
        int cleared = p.await(1, "dtc_cleared", 1);
        int session = p.emit("uds_request", Map.of("tx", "7E0", "hex", "1003"));
        int reset = p.emit("uds_request", Map.of("tx", "7E0", "hex", "1101"));

        NodePlan.Results r = p.run(url, "s3cret");
        r.assertOk();
        assertThat(r.reply(info).get("writes_allowed").booleanValue()).isTrue();
        assertThat(r.reply(info).get("can_write").booleanValue()).isTrue();
        assertThat(r.reply(info).get("token_required").booleanValue()).isTrue();
        assertThat(r.errors(unconfirmed)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("{\"confirm\": true}"));
        JsonNode c = r.reply(clear);
        assertThat(c.toString()).startsWith("{\"cleared\":[\"7E8\",\"7E9\"],\"problems\":[],\"success\":true,\"time\":");
        assertThat(r.events(cleared).get(0).get("cleared").toString()).isEqualTo("[\"7E8\",\"7E9\"]");
        assertThat(car.engine.count("04")).isEqualTo(1);
        assertThat(r.reply(session).get("response").textValue()).isEqualTo("5003003201F4");
        assertThat(r.reply(reset).get("response").textValue()).isEqualTo("5101");
    }

    @Test
    void writesAllowedWithoutATokenStayRefused() throws Exception {
        String url = start(GatewayConfig.DEFAULTS.withAllowWrite(true));
        NodePlan p = new NodePlan();
        int info = p.emit("server_info");
        int clear = p.emit("clear_dtc", Map.of("confirm", true));
        int session = p.emit("uds_request", Map.of("tx", "7E0", "hex", "1003"));

        NodePlan.Results r = p.run(url, null);
        r.assertOk();
        assertThat(r.reply(info).get("writes_allowed").booleanValue()).isTrue();
        assertThat(r.reply(info).get("can_write").booleanValue()).isFalse();
        assertThat(r.errors(clear)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("this server has no token"));
        assertThat(r.errors(session)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("this server has no token"));
        assertThat(car.engine.count("04")).isZero();
        assertThat(car.engine.count("1003")).isZero();
    }
}
