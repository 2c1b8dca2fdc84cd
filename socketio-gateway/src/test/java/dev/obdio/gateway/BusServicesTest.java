package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.CanFilterSet;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The raw-frame monitor and the UDS relay on a scripted car, without a server. */
class BusServicesTest {
    TestCar car;
    VehicleLink link;
    WatchHub hub;
    CanMonitor monitor;
    UdsRelay relay;

    @BeforeEach
    void start() {
        car = new TestCar();
        VehicleEventOptions options = VehicleEventOptions.DEFAULTS.withUds(Duration.ofSeconds(5), Duration.ofMillis(300));
        link = new VehicleLink(ObdOptions.DEFAULTS);
        hub = new WatchHub(options);
        monitor = new CanMonitor(options);
        relay = new UdsRelay(options, new BusAccess(hub));
        link.addListener(hub);
        link.addListener(monitor);
        link.addListener(relay);
        link.connect(car.bus);
    }

    @AfterEach
    void stop() {
        relay.close();
        monitor.close();
        hub.close();
        link.close();
        car.close();
    }

    private static String text(RecordingClient c) {
        StringBuilder s = new StringBuilder();
        c.payloads(CanTap.EVENT).forEach(p -> s.append(((com.fasterxml.jackson.databind.util.RawValue) p).rawValue()));
        return s.toString();
    }

    @Test
    void theMonitorSeesTheBusThroughItsOwnEndpoint() throws Exception {
        RecordingClient all = new RecordingClient();
        RecordingClient answers = new RecordingClient();
        monitor.subscribe(all, CanFilterSet.ALL, "", 20);
        monitor.subscribe(answers, CanFilterSet.parse("7E8:7FF"), "7E8:7FF", 20);
        assertThat(monitor.endpointOpen()).isTrue();
        link.current().orElseThrow().read(List.of(ObdCommands.RPM), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> !answers.payloads(CanTap.EVENT).isEmpty()
                && text(all).contains("\"id\":\"7E8\"") && text(all).matches(".*\"id\":\"7(DF|E0)\".*"));
        assertThat(text(answers)).contains("\"id\":\"7E8\"").doesNotContain("\"id\":\"7DF\"")
                .doesNotContain("\"id\":\"7E0\"");

        monitor.unsubscribe(all);
        assertThat(monitor.endpointOpen()).isTrue();
        link.closeConnection();
        assertThat(monitor.endpointOpen()).as("no bus without a connection").isFalse();
        assertThatThrownBy(() -> monitor.subscribe(all, CanFilterSet.ALL, "", 10)).hasMessageContaining("not connected");
        link.connect(car.bus);
        assertThat(monitor.endpointOpen()).as("the remaining subscription resumes").isTrue();
        monitor.unsubscribe(answers);
        assertThat(monitor.endpointOpen()).isFalse();
    }

    @Test
    void udsClientsCloseInTheDefaultSessionAndStayForOthers() throws Exception {
        UdsTarget engine = new UdsTarget(0x7E0, 0x7E8, false);
        UdsReply vin = relay.request(engine, new byte[] {0x22, (byte) 0xF1, (byte) 0x90});
        assertThat(vin.positive()).isTrue();
        assertThat(relay.openClients()).as("default session: closed at once").isZero();
        UdsReply extended = relay.request(engine, new byte[] {0x10, 0x03});
        assertThat(extended.response()).isEqualTo("5003003201F4");
        assertThat(relay.openClients()).as("kept for its session").isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.openClients() == 0);
        assertThatThrownBy(() -> relay.request(new UdsTarget(0x7E5, 0x7ED, false), new byte[] {0x22, (byte) 0xF1, (byte) 0x90}))
                .isInstanceOf(EventException.class).hasMessageContaining("ReadDataByIdentifier");
        link.closeConnection();
        assertThatThrownBy(() -> relay.request(engine, new byte[] {0x3E, 0x00})).hasMessageContaining("not connected");
    }

    @Test
    void udsRequestsPauseTheWatchLoop() throws Exception {
        RecordingClient c = new RecordingClient();
        hub.subscribe(c, List.of(ObdCommands.RPM, ObdCommands.SPEED), 50);
        await().atMost(Duration.ofSeconds(10)).until(() -> c.payloads("update").size() >= 3);
        UdsTarget engine = new UdsTarget(0x7E0, 0x7E8, false);
        for (int i = 0; i < 20; i++) {
            // the engine answers OBD and UDS on 7E8: without the pause the UDS client would take an OBD answer
            assertThat(relay.request(engine, new byte[] {0x22, (byte) 0xF1, (byte) 0x90}).positive()).isTrue();
        }
        int before = c.payloads("update").size();
        await().atMost(Duration.ofSeconds(10)).until(() -> c.payloads("update").size() >= before + 3);
    }
}
