package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * obd-socketio's default events driven by socket.io-client 4 under Node, as a page written for
 * obd-socketio sends them, with every reply checked against obdio-compat.md as the server wrote it.
 */
class DefaultEventsNodeTest {
    private static final String RPM_COMMAND =
            "{\"name\":\"RPM\",\"desc\":\"Engine RPM\",\"fast\":true,\"command\":\"010C\",\"bytes\":\"4\",\"ecu\":2}";

    TestCar car;
    ObdIo io;

    @BeforeEach
    void start() throws Exception {
        car = new TestCar();
        io = new ObdIo();
        io.connectObd(car.bus);
        io.createServer(GatewayConfig.DEFAULTS);
        io.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        io.close();
        car.close();
    }

    @Test
    void everyDefaultEventAsTheContractSays() throws Exception {
        NodePlan p = new NodePlan().clients(2);
        int status = p.emit("status");
        int isConnected = p.emit("is_connected");
        int protocolName = p.emit("protocol_name");
        int protocolId = p.emit("protocol_id");
        int portName = p.emit("port_name");
        int supports = p.emit("supports", "RPM");
        int supportsUnknown = p.emit("supports", "NOT_A_COMMAND");
        int supportsList = p.emit("supports", List.of("RPM"));
        int hasName = p.emit("has_name", "RPM");
        int hasNameLower = p.emit("has_name", "rpm");
        int supported = p.emit("supported_commands");
        int queryUnwatched = p.emit("query", "RPM");
        int watchOne = p.emit("watch", "RPM");
        int watchMany = p.emit("watch", List.of("SPEED", "COOLANT_TEMP", "BOGUS", "THROTTLE_POS"));
        int rpm = p.until("query", "RPM");
        int speed = p.until("query", "SPEED");
        int coolant = p.until("query", "COOLANT_TEMP");
        int throttle = p.until("query", "THROTTLE_POS");
        int stopNoArg = p.emit("stop");
        int stopArg = p.emit("stop", "now");
        int queryStopped = p.emit("query", "RPM");
        int start = p.emit("start");
        int unwatch = p.emit("unwatch", "SPEED");
        int queryUnwatchedAgain = p.emit("query", "SPEED");
        int unwatchAll = p.emit("unwatch_all");
        int queryAfterAll = p.emit("query", "RPM");
        int wrongType = p.emit("query", 42);
        int watchAgain = p.emit("watch", List.of("RPM"));
        int rpmAgain = p.until("query", "RPM");
        int close = p.emit(0, "close");
        int closed0 = p.await(0, "obd_closed", 1);
        int closed1 = p.await(1, "obd_closed", 1);
        int statusClosed = p.emit(1, "status");
        int queryClosed = p.emit(1, "query", "RPM");
        int nameClosed = p.emit(1, "protocol_name");
        int idClosed = p.emit(1, "protocol_id");
        int portClosed = p.emit(1, "port_name");
        int connectedClosed = p.emit(1, "is_connected");

        NodePlan.Results r = p.run(io.server().url(), null);
        r.assertOk();

        assertThat(r.raw(status)).containsExactly("\"Car Connected\"");
        assertThat(r.ack(status).textValue()).isEqualTo("Car Connected");
        assertThat(r.raw(isConnected)).containsExactly("true");
        assertThat(r.raw(protocolName)).containsExactly("\"ISO 15765-4 (CAN 11/500)\"");
        assertThat(r.raw(protocolId)).containsExactly("\"6\"");
        assertThat(r.raw(portName)).containsExactly("\"" + car.bus + "\"");
        assertThat(r.raw(supports)).containsExactly("true");
        assertThat(r.raw(supportsUnknown)).isEmpty();
        assertThat(r.errors(supportsUnknown)).singleElement().satisfies(e -> {
            assertThat(e.get("event").textValue()).isEqualTo("supports");
            assertThat(e.get("message").textValue()).contains("NOT_A_COMMAND");
        });
        assertThat(r.raw(supportsList)).containsExactly("false");
        assertThat(r.raw(hasName)).containsExactly("true");
        assertThat(r.raw(hasNameLower)).containsExactly("false");

        JsonNode commands = r.reply(supported);
        assertThat(commands.isArray()).isTrue();
        assertThat(commands.toString()).contains(RPM_COMMAND);
        String previous = "";
        for (JsonNode c : commands) {
            assertThat(c.fieldNames()).toIterable().containsExactly("name", "desc", "fast", "command", "bytes", "ecu");
            assertThat(c.get("bytes").isTextual()).isTrue();
            assertThat(c.get("command").textValue()).isGreaterThan(previous);
            previous = c.get("command").textValue();
        }

        assertThat(r.raw(queryUnwatched)).containsExactly("null");
        assertThat(r.ack(watchOne).isMissingNode()).isTrue();
        assertThat(r.raw(watchOne)).isEmpty();
        assertThat(r.errors(watchOne)).isEmpty();
        assertThat(r.errors(watchMany)).singleElement().satisfies(e -> {
            assertThat(e.get("event").textValue()).isEqualTo("watch");
            assertThat(e.get("message").textValue()).contains("BOGUS").doesNotContain("SPEED");
        });

        assertThat(r.reply(rpm).toString()).matches("\\{\"value\":1726.0,\"command\":" + java.util.regex.Pattern.quote(RPM_COMMAND)
                + ",\"time\":\\d{13},\"unit\":\"revolutions_per_minute\"}");
        assertThat(r.raw(rpm).get(0)).contains("\"value\":1726.0,");
        assertThat(r.reply(rpm).fieldNames()).toIterable().containsExactly("value", "command", "time", "unit");
        assertThat(r.reply(rpm).get("time").isIntegralNumber()).isTrue();
        assertThat(Math.abs(r.reply(rpm).get("time").longValue() - System.currentTimeMillis())).isLessThan(120_000);
        assertThat(r.reply(speed).get("value").doubleValue()).isEqualTo(55.0);
        assertThat(r.reply(speed).get("unit").textValue()).isEqualTo("kilometer_per_hour");
        assertThat(r.raw(coolant).get(0)).startsWith("{\"value\":36,");
        assertThat(r.reply(coolant).get("value").isInt()).isTrue();
        assertThat(r.reply(coolant).get("unit").textValue()).isEqualTo("degree_Celsius");
        assertThat(r.reply(throttle).get("value").isDouble()).isTrue();
        assertThat(r.reply(throttle).get("value").doubleValue()).isCloseTo(50.196, org.assertj.core.data.Offset.offset(0.001));
        assertThat(r.reply(throttle).get("unit").textValue()).isEqualTo("percent");

        assertThat(r.errors(stopNoArg)).isEmpty();
        assertThat(r.errors(stopArg)).isEmpty();
        assertThat(r.reply(queryStopped).get("value").doubleValue()).isEqualTo(1726.0);
        assertThat(r.errors(start)).isEmpty();
        assertThat(r.errors(unwatch)).isEmpty();
        assertThat(r.raw(queryUnwatchedAgain)).containsExactly("null");
        assertThat(r.errors(unwatchAll)).isEmpty();
        assertThat(r.raw(queryAfterAll)).containsExactly("null");
        assertThat(r.errors(wrongType)).singleElement()
                .satisfies(e -> assertThat(e.get("message").textValue()).contains("a number 42"));
        assertThat(r.errors(watchAgain)).isEmpty();
        assertThat(r.reply(rpmAgain).get("value").doubleValue()).isEqualTo(1726.0);

        assertThat(r.raw(close)).isEmpty();
        assertThat(r.step(closed0).get("events").get(0).isNull()).as("obd_closed has no payload").isTrue();
        assertThat(r.step(closed1).get("events").get(0).isNull()).isTrue();
        assertThat(r.raw(statusClosed)).containsExactly("\"Not Connected\"");
        assertThat(r.raw(queryClosed)).containsExactly("null");
        assertThat(r.raw(nameClosed)).containsExactly("\"\"");
        assertThat(r.raw(idClosed)).containsExactly("\"\"");
        assertThat(r.raw(portClosed)).containsExactly("\"\"");
        assertThat(r.raw(connectedClosed)).containsExactly("false");
    }
}
