package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.corundumstudio.socketio.protocol.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.obdio.obd.ObdCommands;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayJsonSupportTest {
    private final GatewayJsonSupport json = new GatewayJsonSupport(ClientLimits.DEFAULTS, 1 << 20);

    {
        json.addEventMapping("", "has_name", InboundArgs.class);
        json.addEventMapping("", "typed", Integer.class);
    }

    private Event read(String text) throws Exception {
        return json.readValue("", new ByteBufInputStream(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)), Event.class);
    }

    private static RefusedEvent refused(Event e) {
        assertThat(e.getName()).isEqualTo(RefusedEvent.NAME);
        return (RefusedEvent) e.getArgs().get(0);
    }

    @Test
    void gatewayEventsGetTheirArgumentsAsTrees() throws Exception {
        Event e = read("[\"has_name\",\"RPM\",{\"a\":[1,2]}]");
        assertThat(e.getName()).isEqualTo("has_name");
        List<JsonNode> args = ((InboundArgs) e.getArgs().get(0)).values();
        assertThat(args).hasSize(2);
        assertThat(args.get(0).textValue()).isEqualTo("RPM");
        assertThat(args.get(1).toString()).isEqualTo("{\"a\":[1,2]}");
    }

    @Test
    void eventsOfOtherListenersAreConvertedToTheirTypes() throws Exception {
        assertThat(read("[\"typed\",7]").getArgs()).containsExactly(7);
        assertThat(refused(read("[\"typed\",\"seven\"]")).reason()).isEqualTo("argument 1 is not a Integer");
    }

    @Test
    void whatCannotBeDispatchedIsRefusedWithAReason() throws Exception {
        assertThat(refused(read("[\"nope\",1]"))).isEqualTo(new RefusedEvent("nope", "no such event"));
        assertThat(refused(read("{\"a\":1}")).reason()).contains("JSON array that starts with the event name");
        assertThat(refused(read("[1,2]")).event()).isNull();
        RefusedEvent broken = refused(read("[\"has_name\", {"));
        assertThat(broken.event()).isEqualTo("has_name");
        assertThat(broken.reason()).startsWith("malformed JSON");
        RefusedEvent deep = refused(read("[\"has_name\"," + "[".repeat(40) + "]".repeat(40) + "]"));
        assertThat(deep.reason()).startsWith("payload refused").contains("depth");
        assertThat(refused(read("[\"\\u0000obdio.refused\",{}]")).reason()).isEqualTo("no such event");
        assertThat(refused(read("[\"has_name\",1] trailing")).reason()).startsWith("malformed JSON");
    }

    @Test
    void authPayloadsAreMapsAndGarbageIsAnEmptyOne() throws Exception {
        assertThat(json.readValue("", new ByteBufInputStream(Unpooled.copiedBuffer("{\"token\":\"t\"}",
                StandardCharsets.UTF_8)), Map.class)).isEqualTo(Map.of("token", "t"));
        assertThat(json.readValue("", new ByteBufInputStream(Unpooled.copiedBuffer("[1",
                StandardCharsets.UTF_8)), Map.class)).isEmpty();
    }

    @Test
    void writesObdCommandsInObdSocketioEncoding() throws Exception {
        var buf = Unpooled.buffer();
        json.writeValue(new ByteBufOutputStream(buf), List.of("x", ObdCommands.RPM, new ErrorPayload("e", "m")));
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("[\"x\",{\"name\":\"RPM\",\"desc\":\"Engine RPM\","
                + "\"fast\":true,\"command\":\"010C\",\"bytes\":\"4\",\"ecu\":2},{\"event\":\"e\",\"message\":\"m\"}]");
    }
}
