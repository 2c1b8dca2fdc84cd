package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** obd-socketio's default events through the Java Socket.IO client against a scripted car. */
class DefaultEventsJavaTest {
    static TestCar car;
    static ObdIo io;
    static String url;
    JavaSio client;

    @BeforeAll
    static void start() throws Exception {
        car = new TestCar();
        io = new ObdIo();
        io.connectObd(car.bus);
        io.createServer(GatewayConfig.DEFAULTS);
        io.start("127.0.0.1", 0);
        url = io.server().url();
    }

    @AfterAll
    static void stop() {
        io.close();
        car.close();
    }

    @AfterEach
    void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void connectionFacts() throws Exception {
        client = JavaSio.connect(url, null);
        client.events("status");
        assertThat(client.ack("status")).isEqualTo("Car Connected");
        assertThat(client.next("status")).isEqualTo("Car Connected");
        assertThat(client.ack("is_connected")).isEqualTo(true);
        assertThat(client.ack("protocol_name")).isEqualTo("ISO 15765-4 (CAN 11/500)");
        assertThat(client.ack("protocol_id")).isEqualTo("6");
        assertThat(client.ack("port_name")).isEqualTo(car.bus);
        assertThat(client.ack("supports", "RPM")).isEqualTo(true);
        assertThat(client.ack("supports", "FUEL_RATE")).isEqualTo(false);
        assertThat(client.ack("supports", new JSONArray().put("RPM"))).isEqualTo(false);
        assertThat(client.ack("has_name", "RPM")).isEqualTo(true);
        assertThat(client.ack("has_name", "rpm")).isEqualTo(false);
    }

    @Test
    void supportedCommandsAreSortedOBDCommands() throws Exception {
        client = JavaSio.connect(url, null);
        JSONArray all = (JSONArray) client.ack("supported_commands");
        JSONObject rpm = null;
        String previous = "";
        for (int i = 0; i < all.length(); i++) {
            JSONObject c = all.getJSONObject(i);
            assertThat(c.getString("command").compareTo(previous)).isPositive();
            previous = c.getString("command");
            if (c.getString("name").equals("RPM")) {
                rpm = c;
            }
        }
        assertThat(rpm).isNotNull();
        assertThat(rpm.getString("desc")).isEqualTo("Engine RPM");
        assertThat(rpm.get("bytes")).isEqualTo("4");
        assertThat(rpm.get("ecu")).isEqualTo(2);
        assertThat(rpm.get("fast")).isEqualTo(true);
    }

    @Test
    void watchThenQueryGivesCachedResponses() throws Exception {
        client = JavaSio.connect(url, null);
        assertThat(client.ack("query", "RPM")).isEqualTo(JSONObject.NULL);
        assertThat(client.ack("watch", new JSONArray().put("RPM").put("COOLANT_TEMP"))).isEqualTo(JavaSio.NO_ARGUMENTS);
        JSONObject rpm = awaitValue("RPM");
        assertThat(rpm.get("value")).isEqualTo(1726.0);
        assertThat(rpm.get("unit")).isEqualTo("revolutions_per_minute");
        assertThat(rpm.get("time")).isInstanceOf(Long.class);
        assertThat(rpm.getJSONObject("command").getString("name")).isEqualTo("RPM");
        JSONObject coolant = awaitValue("COOLANT_TEMP");
        assertThat(coolant.get("value")).isEqualTo(36);
        assertThat(coolant.get("unit")).isEqualTo("degree_Celsius");
        client.ack("unwatch_all");
        assertThat(client.ack("query", "RPM")).isEqualTo(JSONObject.NULL);
    }

    private JSONObject awaitValue(String name) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            Object r = client.ack("query", name);
            if (r instanceof JSONObject o) {
                return o;
            }
        }
        throw new AssertionError("no value for " + name);
    }
}
