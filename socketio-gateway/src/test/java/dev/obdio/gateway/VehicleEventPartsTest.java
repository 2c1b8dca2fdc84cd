package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.obd.EcuMessage;
import dev.obdio.obd.EcuRole;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdResponse;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small parts of the vehicle events, with plain inputs. */
class VehicleEventPartsTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final long MS = 1_000_000L;

    private static ObdResponse rpm(String hex) {
        return ObdCommands.RPM.decode(List.of(EcuMessage.of(EcuRole.ENGINE, 0x7E8, HexFormat.of().parseHex(hex))),
                1_700_000_000_000L);
    }

    @Test
    void aSubscriptionTakesAValueOncePerThreshold() {
        ClientSubscription s = new ClientSubscription(new RecordingClient());
        s.rates(new ClientSubscription.Rates(Map.of(ObdCommands.RPM, 10.0), Map.of(ObdCommands.RPM, 50 * MS)));
        List<ObdCommand> batch = List.of(ObdCommands.RPM, ObdCommands.SPEED);
        assertThat(s.select(batch, 0)).containsExactly(ObdCommands.RPM);
        assertThat(s.select(batch, 49 * MS)).isEmpty();
        assertThat(s.select(batch, 50 * MS)).containsExactly(ObdCommands.RPM);
        assertThat(s.select(List.of(ObdCommands.SPEED), 500 * MS)).isEmpty();
    }

    @Test
    void theFanOutWritesEachResponseOnceAndSharesPayloads() throws Exception {
        RecordingClient a = new RecordingClient();
        RecordingClient b = new RecordingClient();
        RecordingClient other = new RecordingClient();
        RecordingClient gone = new RecordingClient();
        gone.disconnect();
        List<ClientSubscription> subs = List.of(sub(a, ObdCommands.RPM), sub(b, ObdCommands.RPM),
                sub(other, ObdCommands.RPM, ObdCommands.SPEED), sub(gone, ObdCommands.RPM));
        UpdateFanOut fanOut = new UpdateFanOut(() -> subs, 0);
        try {
            Map<ObdCommand, ObdResponse> batch = new LinkedHashMap<>();
            batch.put(ObdCommands.RPM, rpm("410C1AF8"));
            batch.put(ObdCommands.SPEED, ObdResponse.none(ObdCommands.SPEED, 1_700_000_000_000L));
            fanOut.deliver(batch, 0);
            assertThat(a.payloads("update")).hasSize(1);
            assertThat(a.payloads("update").get(0)).isSameAs(b.payloads("update").get(0));
            assertThat(gone.sent()).isEmpty();
            String mine = ((RawValue) a.payloads("update").get(0)).rawValue().toString();
            assertThat(mine).isEqualTo("{\"responses\":{\"RPM\":{\"value\":1726.0,\"command\":{\"name\":\"RPM\","
                    + "\"desc\":\"Engine RPM\",\"fast\":true,\"command\":\"010C\",\"bytes\":\"4\",\"ecu\":2},"
                    + "\"time\":1700000000000,\"unit\":\"revolutions_per_minute\"}}}");
            JsonNode theirs = M.readTree(((RawValue) other.payloads("update").get(0)).rawValue().toString());
            assertThat(theirs.get("responses").fieldNames()).toIterable().containsExactly("RPM", "SPEED");
            assertThat(theirs.get("responses").get("SPEED").isNull()).isTrue();
            assertThat(fanOut.updatesSent()).isEqualTo(3);
        } finally {
            fanOut.close();
        }
    }

    private static ClientSubscription sub(GatewayClient c, ObdCommand... commands) {
        ClientSubscription s = new ClientSubscription(c);
        Map<ObdCommand, Double> hz = new LinkedHashMap<>();
        Map<ObdCommand, Long> thresholds = new LinkedHashMap<>();
        for (ObdCommand x : commands) {
            hz.put(x, 10.0);
            thresholds.put(x, 50 * MS);
        }
        s.rates(new ClientSubscription.Rates(hz, thresholds));
        return s;
    }

    @Test
    void udsReadsAreOpenAndEverythingElseNeedsWrites() {
        assertThat(UdsAccessPolicy.needsWrite(new byte[] {0x22, (byte) 0xF1, (byte) 0x90})).isEmpty();
        assertThat(UdsAccessPolicy.needsWrite(new byte[] {0x19, 0x02, (byte) 0xFF})).isEmpty();
        assertThat(UdsAccessPolicy.needsWrite(new byte[] {0x3E, (byte) 0x80})).isEmpty();
        assertThat(UdsAccessPolicy.needsWrite(new byte[] {0x10, 0x01})).isEmpty();
        assertThat(UdsAccessPolicy.needsWrite(new byte[] {0x10, (byte) 0x81})).isEmpty();
        assertThat(UdsAccessPolicy.needsWrite(new byte[] {0x10, 0x03})).get().asString().contains("other than default");
        assertThat(UdsAccessPolicy.needsWrite(new byte[] {0x10, 0x02})).isPresent();
        assertThat(UdsAccessPolicy.needsWrite(new byte[] {0x10, 0x01, 0x00})).isPresent();
        for (int sid : new int[] {0x11, 0x14, 0x23, 0x27, 0x28, 0x2E, 0x2F, 0x31, 0x34, 0x35, 0x36, 0x37, 0x3D, 0x85, 0x87, 0xBA}) {
            assertThat(UdsAccessPolicy.needsWrite(new byte[] {(byte) sid, 0x01})).as("0x%02X", sid).isPresent();
        }
    }

    @Test
    void udsTargetsAsTheUdsCommandTakesThem() throws Exception {
        assertThat(UdsTarget.parse(M.readTree("\"7E0\""), null)).isEqualTo(new UdsTarget(0x7E0, 0x7E8, false));
        assertThat(UdsTarget.parse(M.readTree("\"18DA10F1\""), M.missingNode())).isEqualTo(new UdsTarget(0x18DA10F1, 0x18DAF110, true));
        assertThat(UdsTarget.parse(M.readTree("2016"), M.readTree("\"7E8\""))).isEqualTo(new UdsTarget(0x7E0, 0x7E8, false));
        assertThat(UdsTarget.parse(M.readTree("\"0x7E1\""), M.readTree("null"))).isEqualTo(new UdsTarget(0x7E1, 0x7E9, false));
        assertThatThrownBy(() -> UdsTarget.parse(M.readTree("\"700\""), null)).hasMessageContaining("rx is needed");
        assertThatThrownBy(() -> UdsTarget.parse(M.readTree("\"7E0\""), M.readTree("\"18DAF110\""))).hasMessageContaining("both");
        assertThatThrownBy(() -> UdsTarget.parse(M.readTree("\"7E0\""), M.readTree("\"7E0\""))).hasMessageContaining("differ");
        assertThatThrownBy(() -> UdsTarget.parse(null, null)).hasMessageContaining("tx is missing");
        assertThatThrownBy(() -> UdsTarget.parse(M.readTree("true"), null)).hasMessageContaining("hex string or a number");
        assertThatThrownBy(() -> UdsTarget.parse(M.readTree("\"GG\""), null)).hasMessageContaining("not a hex identifier");
        assertThatThrownBy(() -> UdsTarget.parse(M.readTree("-1"), null)).hasMessageContaining("not a CAN identifier");
        assertThatThrownBy(() -> UdsTarget.parse(M.readTree("\"3FFFFFFF\""), null)).hasMessageContaining("up to 1FFFFFFF");
    }

    @Test
    void commandNamesAreCaseSensitiveWithHints() throws Exception {
        assertThat(CommandNames.resolve("RPM")).isSameAs(ObdCommands.RPM);
        assertThatThrownBy(() -> CommandNames.resolve("rpm")).isInstanceOf(EventException.class)
                .hasMessageContaining("unknown OBD command rpm").hasMessageContaining("RPM");
        CommandNames.Resolved r = CommandNames.resolveAll(List.of("RPM", "X1", "RPM", "SPEED", "X2"));
        assertThat(r.commands()).containsExactly(ObdCommands.RPM, ObdCommands.SPEED);
        assertThat(r.unknown()).containsExactly("X1", "X2");
        assertThat(r.unknownMessage()).startsWith("unknown OBD commands X1, X2");
    }

    @Test
    void writesNeedAllowWriteAndAnAuthenticatedClient() throws Exception {
        RecordingClient anonymous = new RecordingClient(false);
        RecordingClient authenticated = new RecordingClient(true);
        assertThatThrownBy(() -> new WriteGate(false, true).check(authenticated, "clear_dtc"))
                .hasMessageContaining("does not allow writes");
        assertThatThrownBy(() -> new WriteGate(true, false).check(anonymous, "clear_dtc"))
                .hasMessageContaining("this server has no token");
        assertThatThrownBy(() -> new WriteGate(true, true).check(anonymous, "clear_dtc"))
                .hasMessageContaining("presented the server's token").hasMessageNotContaining("no token");
        new WriteGate(true, true).check(authenticated, "clear_dtc");
        assertThat(new WriteGate(true, true).allows(authenticated)).isTrue();
        assertThat(new WriteGate(true, true).allows(anonymous)).isFalse();
    }

    @Test
    void framesAreWrittenForACandumpView() throws Exception {
        List<ReceivedFrame> frames = List.of(
                new ReceivedFrame(CanFrame.of(0x7E8, (byte) 0x03, (byte) 0x41, (byte) 0x0D, (byte) 0x37), 1_700_000_000_123_456_789L,
                        "vcan0", ReceivedFrame.Direction.RX),
                new ReceivedFrame(CanFrame.extended(0x18DAF110, (byte) 0x02), 1_700_000_001_000_001_000L, "vcan0",
                        ReceivedFrame.Direction.RX),
                new ReceivedFrame(CanFrame.remote(0x123, false, 2), 5_000L, "vcan0", ReceivedFrame.Direction.RX));
        String json = CanTap.payload(frames, 3).rawValue().toString();
        assertThat(json).isEqualTo("{\"frames\":["
                + "{\"t\":1700000000.123456,\"id\":\"7E8\",\"ext\":false,\"fd\":false,\"rtr\":false,\"err\":false,"
                + "\"len\":4,\"data\":"
                + "\"03410D37\",\"text\":\"7E8#03410D37\"},"
                + "{\"t\":1700000001.000001,\"id\":\"18DAF110\",\"ext\":true,\"fd\":false,\"rtr\":false,\"err\":false,"
                + "\"len\":1,\"data\":\"02\",\"text\":\"18DAF110#02\"},"
                + "{\"t\":0.000005,\"id\":\"123\",\"ext\":false,\"fd\":false,\"rtr\":true,\"err\":false,\"len\":2,"
                + "\"data\":\"\",\"text\":\"123#R2\"}],\"dropped\":3}");
    }

    @Test
    void aTapKeepsWhatPassesItsFiltersAndDropsTheOldest() throws Exception {
        RecordingClient c = new RecordingClient();
        CanTap tap = new CanTap(c, dev.obdio.can.CanFilterSet.parse("7E8:7FF"), "7E8:7FF", 10, 2);
        for (int i = 0; i < 4; i++) {
            tap.offer(new ReceivedFrame(CanFrame.of(0x7E8, (byte) i), i, "v", ReceivedFrame.Direction.RX));
            tap.offer(new ReceivedFrame(CanFrame.of(0x7E0, (byte) i), i, "v", ReceivedFrame.Direction.RX));
        }
        tap.flush();
        tap.flush(); // nothing new: nothing sent
        assertThat(c.payloads(CanTap.EVENT)).hasSize(1);
        JsonNode sent = M.readTree(((RawValue) c.payloads(CanTap.EVENT).get(0)).rawValue().toString());
        assertThat(sent.get("frames")).hasSize(2);
        assertThat(sent.get("frames").get(0).get("data").textValue()).isEqualTo("02");
        assertThat(sent.get("dropped").intValue()).isEqualTo(2);
        assertThat(c.sent().get(0).streamed()).isTrue();
    }

    @Test
    void handlersDecodeTheirArgumentsWithoutAServer() throws Exception {
        VehicleLink link = new VehicleLink(dev.obdio.obd.ObdOptions.DEFAULTS);
        RecordingClient c = new RecordingClient();
        assertThat(new StatusHandler(link).handle(request(c, "status", "[]"))).isEqualTo(EventReply.emit("Not Connected"));
        assertThat(new IsConnectedHandler(link).handle(request(c, "is_connected", "[]"))).isEqualTo(EventReply.emit(false));
        assertThat(new ProtocolNameHandler(link).handle(request(c, "protocol_name", "[]"))).isEqualTo(EventReply.emit(""));
        assertThat(new SupportsHandler(link).handle(request(c, "supports", "[[\"RPM\"]]"))).isEqualTo(EventReply.emit(false));
        assertThat(new SupportsHandler(link).handle(request(c, "supports", "[\"RPM\"]"))).isEqualTo(EventReply.emit(false));
        assertThatThrownBy(() -> new SupportsHandler(link).handle(request(c, "supports", "[\"Rpm\"]")))
                .hasMessageContaining("unknown OBD command Rpm");
        assertThatThrownBy(() -> new QueryNowHandler(link, null).handle(request(c, "query_now", "[\"RPM\"]")))
                .hasMessageContaining("not connected to a vehicle");
        assertThatThrownBy(() -> new UdsRequestHandler(null, new WriteGate(false, false))
                .handle(request(c, "uds_request", "[{\"tx\":\"7E0\",\"hex\":\"2EF19000\"}]")))
                .hasMessageContaining("does not allow writes");
        assertThatThrownBy(() -> new UdsRequestHandler(null, new WriteGate(false, false))
                .handle(request(c, "uds_request", "[\"22F190\"]")))
                .hasMessageContaining("(an object)");
        assertThatThrownBy(() -> new ClearDtcHandler(link, null, new WriteGate(true, false), null)
                .handle(request(new RecordingClient(true), "clear_dtc", "[{\"confirm\":\"yes\"}]")))
                .hasMessageContaining("{\"confirm\": true}");
        VehicleEventOptions o = VehicleEventOptions.DEFAULTS;
        assertThatThrownBy(() -> new CanSubscribeHandler(null, o).handle(request(c, "can_subscribe", "[{\"filters\":\"7E8:7FF:1\"}]")))
                .hasMessageStartingWith("bad filter");
        assertThatThrownBy(() -> new SubscribeHandler(null, o).handle(request(c, "subscribe", "[{\"names\":\"RPM\",\"hz\":\"fast\"}]")))
                .hasMessageContaining("\"hz\" must be a number");
        assertThatThrownBy(() -> new SubscribeHandler(null, o).handle(request(c, "subscribe", "[{\"hz\":1}]")))
                .hasMessageContaining("\"names\" is missing");
    }

    private static EventRequest request(GatewayClient c, String event, String argsJson) throws Exception {
        List<JsonNode> args = new java.util.ArrayList<>();
        M.readTree(argsJson).forEach(args::add);
        return new EventRequest(event, args, c, 1024);
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> VehicleEventOptions.DEFAULTS.withSubscriptionLimits(0, 50, 10)).hasMessageContaining("maxCommandsPerClient");
        assertThatThrownBy(() -> VehicleEventOptions.DEFAULTS.withSubscriptionLimits(8, 5, 10)).hasMessageContaining("defaultHz");
        assertThatThrownBy(() -> VehicleEventOptions.DEFAULTS.withWatchPeriod(java.time.Duration.ofMillis(-1))).hasMessageContaining("watchPeriod");
        assertThat(Optional.of(VehicleEventOptions.DEFAULTS.withBatchLinger(java.time.Duration.ZERO).batchLinger())).contains(java.time.Duration.ZERO);
    }
}
