package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obdio.gateway.JavaSio;
import dev.obdio.gateway.NodePlan;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.sim.DidSpec;
import dev.obdio.sim.DtcSpec;
import dev.obdio.sim.EcuDescription;
import dev.obdio.sim.VehicleDescription;
import dev.obdio.sim.VehicleFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every default and extension event, sent by socket.io-client 4 under Node (and a subset by the
 * Java client) to {@code obdio serve} on the built-in simulated petrol car; payload shapes as
 * {@code obdio-compat.md} describes them, values as the simulator's vehicle file sets them.
 */
class ServeOnSimulatorTest {
    static final VehicleDescription CAR = VehicleFiles.builtIn("petrol");
    /**
     * A generous P2: every ECU answers a functional DTC request, and the window for the answers
     * closes after P2; on a loaded 2-core machine 50 ms can be too short for the last one.
     */
    static final String[] P2 = {"--p2", "500"};
    Serving serving;

    @AfterEach
    void stop() throws Exception {
        if (serving != null) {
            assertThat(serving.stop().exitCode()).isZero();
        }
    }

    static EcuDescription ecu(String name) {
        return CAR.ecus().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    /** The car's DTCs of one kind, as the dtc event lists them: code@ecu. */
    static Set<String> dtcs(Predicate<DtcSpec> kind) {
        Set<String> out = new TreeSet<>();
        for (EcuDescription e : CAR.ecus()) {
            for (DtcSpec d : e.dtcs()) {
                if (kind.test(d)) {
                    out.add(d.code() + "@" + String.format("%03X", e.responseId()));
                }
            }
        }
        return out;
    }

    static Set<String> listed(JsonNode list) {
        Set<String> out = new TreeSet<>();
        list.forEach(d -> out.add(d.get("code").textValue() + "@" + d.get("ecu").textValue()));
        return out;
    }

    static void assertRpm(JsonNode response) {
        assertThat(response.fieldNames()).toIterable().containsExactly("value", "command", "time", "unit");
        assertThat(response.get("unit").textValue()).isEqualTo("revolutions_per_minute");
        assertThat(response.get("command").get("name").textValue()).isEqualTo("RPM");
        assertThat(response.get("value").doubleValue()).as("RPM")
                .isBetween(CAR.engine().idleRpm() * 0.5, (double) CAR.engine().redlineRpm());
        assertThat(response.get("time").isIntegralNumber()).isTrue();
        assertThat(response.get("time").longValue()).isBetween(System.currentTimeMillis() - 120_000, System.currentTimeMillis());
    }

    private static String hex(String ascii) {
        return HexFormat.of().withUpperCase().formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void everyEventWithSocketIoClient4() throws Exception {
        serving = Serving.start(P2);
        NodePlan p = new NodePlan().clients(2);
        int info = p.emit("server_info");
        int status = p.emit("status");
        int connected = p.emit("is_connected");
        int protocol = p.emit("protocol_name");
        int protocolId = p.emit("protocol_id");
        int port = p.emit("port_name");
        int supportsRpm = p.emit("supports", "RPM");
        int supportsEgr = p.emit("supports", "EGR_ERROR");
        int supportsBogus = p.emit("supports", "BOGUS");
        int supported = p.emit("supported_commands");
        int hasName = p.emit("has_name", "RPM");
        int hasLower = p.emit("has_name", "rpm");
        int watch = p.emit("watch", List.of("RPM", "SPEED", "COOLANT_TEMP"));
        int start = p.emit("start");
        int queryRpm = p.until("query", "RPM");
        int querySpeed = p.until("query", "SPEED");
        int queryUnwatched = p.emit("query", "ENGINE_LOAD");
        int unwatch = p.emit("unwatch", "SPEED");
        int unwatchAll = p.emit("unwatch_all");
        int stop = p.emit("stop");
        int nowRpm = p.emit("query_now", "RPM");
        int nowVin = p.emit("query_now", "VIN");
        int nowMany = p.emit("query_now", List.of("RPM", "SPEED", "EGR_ERROR"));
        int subscribe = p.emit("subscribe", Map.of("names", List.of("RPM", "SPEED", "COOLANT_TEMP", "ENGINE_LOAD"), "hz", 10));
        int updates = p.await(0, "update", 6);
        int unsubscribe = p.emit("unsubscribe");
        int dtc = p.emit("dtc");
        int vehicle = p.emit("vehicle_info");
        int clear = p.emit("clear_dtc", Map.of("confirm", true));
        int can = p.emit("can_subscribe", Map.of("filters", "7E8:7FF", "hz", 20));
        int traffic = p.emit("query_now", "RPM");
        int frames = p.await(0, "can_frames", 1);
        int canStop = p.emit("can_unsubscribe");
        int udsVin = p.emit("uds_request", Map.of("tx", "7E0", "hex", "22F190"));
        int udsSerial = p.emit("uds_request", Map.of("tx", "7E1", "hex", "22 F1 8C"));
        int udsLocked = p.emit("uds_request", Map.of("tx", "7E0", "hex", "22F1A1"));
        int udsWrite = p.emit("uds_request", Map.of("tx", "7E0", "hex", "2EF1983030303030303030303031"));
        int close = p.emit("close");
        int closedOther = p.await(1, "obd_closed", 1);
        int afterClose = p.emit("status");
        int portAfterClose = p.emit("port_name");

        NodePlan.Results r = p.run(serving.url, null);
        r.assertOk();

        JsonNode i = r.reply(info);
        assertThat(i.get("name").textValue()).isEqualTo("obdio");
        assertThat(i.get("vehicle").textValue()).isEqualTo("simulated vehicle (petrol)");
        assertThat(i.get("writes_allowed").booleanValue()).isFalse();
        assertThat(i.get("can_write").booleanValue()).isFalse();
        assertThat(i.get("token_required").booleanValue()).isFalse();
        List<String> events = new ArrayList<>();
        i.get("events").forEach(e -> events.add(e.textValue()));
        assertThat(events).contains("status", "is_connected", "protocol_name", "protocol_id", "port_name", "supports",
                "supported_commands", "query", "start", "stop", "watch", "unwatch", "unwatch_all", "has_name", "close",
                "query_now", "subscribe", "unsubscribe", "dtc", "clear_dtc", "vehicle_info", "can_subscribe",
                "can_unsubscribe", "uds_request", "server_info");

        assertThat(r.raw(status)).containsExactly("\"Car Connected\"");
        assertThat(r.raw(connected)).containsExactly("true");
        assertThat(r.raw(protocol)).containsExactly("\"ISO 15765-4 (CAN 11/500)\"");
        assertThat(r.raw(protocolId)).containsExactly("\"6\"");
        assertThat(r.raw(port)).containsExactly("\"" + serving.bus + "\"");
        assertThat(r.raw(supportsRpm)).containsExactly("true");
        assertThat(ecu("engine").pids()).doesNotContain(0x2D);
        assertThat(r.raw(supportsEgr)).containsExactly("false");
        assertThat(r.errors(supportsBogus)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("BOGUS"));

        // supported_commands: every mode 01 PID of the car's ECUs that python-OBD names, as OBDCommand objects
        JsonNode list = r.reply(supported);
        Set<String> commands = new TreeSet<>();
        for (JsonNode c : list) {
            assertThat(c.fieldNames()).toIterable().containsExactly("name", "desc", "fast", "command", "bytes", "ecu");
            assertThat(c.get("bytes").isTextual()).isTrue();
            commands.add(c.get("command").textValue());
        }
        Set<String> simulated = new TreeSet<>();
        for (EcuDescription e : CAR.ecus()) {
            for (int pid : e.pids()) {
                ObdCommands.byModeAndPid(1, pid).map(ObdCommand::command).ifPresent(simulated::add);
            }
        }
        assertThat(simulated).hasSizeGreaterThan(40);
        assertThat(commands).containsAll(simulated);
        assertThat(commands).contains("0902"); // the VIN: the engine ECU reports it

        assertThat(r.raw(hasName)).containsExactly("true");
        assertThat(r.raw(hasLower)).containsExactly("false");
        assertThat(r.errors(watch)).isEmpty();
        assertThat(r.errors(start)).isEmpty();
        assertRpm(r.ack(queryRpm));
        JsonNode speed = r.ack(querySpeed);
        assertThat(speed.get("unit").textValue()).isEqualTo("kilometer_per_hour");
        assertThat(speed.get("value").doubleValue()).isBetween(0.0, 260.0);
        assertThat(r.raw(queryUnwatched)).containsExactly("null");
        assertThat(r.errors(unwatch)).isEmpty();
        assertThat(r.errors(unwatchAll)).isEmpty();
        assertThat(r.errors(stop)).isEmpty();

        assertRpm(r.reply(nowRpm));
        assertThat(r.reply(nowVin).get("value").textValue()).isEqualTo(CAR.vin());
        JsonNode many = r.reply(nowMany);
        assertThat(many.fieldNames()).toIterable().containsExactly("RPM", "SPEED", "EGR_ERROR");
        assertRpm(many.get("RPM"));
        assertThat(many.get("EGR_ERROR").isNull()).isTrue();

        assertThat(r.reply(subscribe).toString())
                .isEqualTo("{\"subscribed\":{\"RPM\":10.0,\"SPEED\":10.0,\"COOLANT_TEMP\":10.0,\"ENGINE_LOAD\":10.0}}");
        int rpmUpdates = 0;
        for (JsonNode u : r.events(updates)) {
            assertThat(u.fieldNames()).toIterable().containsExactly("responses");
            assertThat(u.get("responses").fieldNames()).toIterable().isSubsetOf("RPM", "SPEED", "COOLANT_TEMP", "ENGINE_LOAD");
            if (u.get("responses").has("RPM")) {
                assertRpm(u.get("responses").get("RPM"));
                rpmUpdates++;
            }
            if (u.get("responses").has("COOLANT_TEMP")) {
                assertThat(u.get("responses").get("COOLANT_TEMP").get("value").isInt()).isTrue();
                assertThat(u.get("responses").get("COOLANT_TEMP").get("unit").textValue()).isEqualTo("degree_Celsius");
            }
        }
        assertThat(rpmUpdates).isGreaterThanOrEqualTo(3);
        assertThat(r.reply(unsubscribe).toString()).isEqualTo("{\"subscribed\":{}}");

        // dtc: exactly the DTCs of the car's file
        JsonNode d = r.reply(dtc);
        assertThat(d.fieldNames()).toIterable()
                .containsExactly("mil", "dtc_count", "stored", "pending", "permanent", "problems", "time");
        assertThat(listed(d.get("stored"))).isEqualTo(dtcs(DtcSpec::stored)).isNotEmpty();
        assertThat(listed(d.get("pending"))).as("dtc: %s", d).isEqualTo(dtcs(DtcSpec::pending)).isNotEmpty();
        assertThat(listed(d.get("permanent"))).isEqualTo(dtcs(DtcSpec::permanent));
        assertThat(d.get("mil").booleanValue()).isEqualTo(CAR.ecus().stream().flatMap(e -> e.dtcs().stream()).anyMatch(DtcSpec::mil));
        assertThat(d.get("dtc_count").intValue()).isEqualTo(dtcs(DtcSpec::stored).size());
        d.get("stored").forEach(x -> assertThat(x.get("desc").textValue()).isNotEmpty());

        JsonNode v = r.reply(vehicle);
        assertThat(v.get("vin").textValue()).isEqualTo(CAR.vin());
        assertThat(v.get("port").textValue()).isEqualTo(serving.bus);
        assertThat(v.get("ecus")).hasSize(CAR.ecus().size());
        for (JsonNode e : v.get("ecus")) {
            EcuDescription expected = CAR.ecus().stream()
                    .filter(x -> String.format("%03X", x.responseId()).equals(e.get("rx").textValue())).findFirst().orElseThrow();
            assertThat(e.get("tx").textValue()).isEqualTo(String.format("%03X", expected.requestId()));
            String role = expected.role().name().toLowerCase(Locale.ROOT);
            // python-OBD knows two roles; the battery and hybrid ECUs are "unknown" to it
            assertThat(e.get("role").textValue()).isEqualTo(role.equals("engine") || role.equals("transmission") ? role : "unknown");
            assertThat(e.get("ecu_name").textValue()).isEqualTo(expected.ecuName());
            for (String cal : expected.calibrationIds()) {
                assertThat(e.get("calibration_id").toString()).contains(cal);
            }
        }

        assertThat(r.raw(clear)).isEmpty();
        assertThat(r.errors(clear)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("does not allow writes"));

        assertThat(r.reply(can).get("filters").textValue()).isEqualTo("7E8:7FF");
        assertThat(r.errors(traffic)).isEmpty();
        for (JsonNode f : r.events(frames).get(0).get("frames")) {
            assertThat(f.get("id").textValue()).isEqualTo("7E8");
            assertThat(f.get("data").textValue()).matches("[0-9A-F]{16}").endsWith("55"); // the car pads with 55
        }
        assertThat(r.errors(canStop)).isEmpty();

        JsonNode u = r.reply(udsVin);
        assertThat(u.fieldNames()).toIterable()
                .containsExactly("tx", "rx", "service", "request", "response", "positive", "nrc", "time");
        assertThat(u.get("rx").textValue()).isEqualTo("7E8");
        assertThat(u.get("response").textValue()).isEqualTo("62F190" + hex(CAR.vin()));
        assertThat(u.get("positive").booleanValue()).isTrue();
        String serial = ecu("transmission").dids().stream().filter(x -> x.id() == 0xF18C).map(DidSpec::value)
                .findFirst().orElseThrow();
        assertThat(r.reply(udsSerial).get("response").textValue()).isEqualTo("62F18C" + hex(serial));
        JsonNode locked = r.reply(udsLocked);
        assertThat(locked.get("positive").booleanValue()).isFalse();
        assertThat(locked.get("nrc").get("code").textValue()).matches("[0-9A-F]{2}");
        assertThat(r.errors(udsWrite)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("does not allow writes"));

        assertThat(r.errors(close)).isEmpty();
        assertThat(r.events(closedOther)).hasSize(1);
        assertThat(r.raw(afterClose)).containsExactly("\"Not Connected\"");
        assertThat(r.raw(portAfterClose)).containsExactly("\"\"");
    }

    @Test
    void theJavaClientReadsTheCar() throws Exception {
        serving = Serving.start("--vehicle", "hybrid", P2[0], P2[1]);
        try (JavaSio c = JavaSio.connect(serving.url, null)) {
            VehicleDescription hybrid = VehicleFiles.builtIn("hybrid");
            assertThat(c.ack("status")).isEqualTo("Car Connected");
            JSONObject info = (JSONObject) c.ack("server_info");
            assertThat(info.getString("vehicle")).isEqualTo("simulated vehicle (hybrid)");
            JSONObject vin = (JSONObject) c.ack("query_now", "VIN");
            assertThat(vin.getString("value")).isEqualTo(hybrid.vin());
            JSONObject dtc = (JSONObject) c.ack("dtc");
            Set<String> stored = new TreeSet<>();
            for (int k = 0; k < dtc.getJSONArray("stored").length(); k++) {
                stored.add(dtc.getJSONArray("stored").getJSONObject(k).getString("code"));
            }
            Set<String> expected = new TreeSet<>();
            hybrid.ecus().forEach(e -> e.dtcs().stream().filter(DtcSpec::stored).forEach(x -> expected.add(x.code().toString())));
            assertThat(stored).isEqualTo(expected);
            c.events("update");
            c.ack("subscribe", new JSONObject(Map.of("names", List.of("SPEED", "RPM"), "hz", 5)));
            JSONObject update = (JSONObject) c.next("update");
            List<String> names = new ArrayList<>();
            update.getJSONObject("responses").keys().forEachRemaining(k -> names.add(String.valueOf(k)));
            assertThat(names).isSubsetOf("SPEED", "RPM").isNotEmpty();
        }
    }
}
