package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.obd.ClearConfirmation;
import dev.obdio.obd.Decoders;
import dev.obdio.obd.DtcClearResult;
import dev.obdio.obd.DtcList;
import dev.obdio.obd.Ecu;
import dev.obdio.obd.EcuMessage;
import dev.obdio.obd.EcuRole;
import dev.obdio.obd.Monitor;
import dev.obdio.obd.MonitorTest;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdOptions;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.ObdStatus;
import dev.obdio.obd.ObdValue;
import dev.obdio.obd.Quantity;
import dev.obdio.obd.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OBD-II client of module {@code obd-protocol} against the simulated petrol car on a virtual bus. */
class ObdConnectionAgainstSimTest {
    private static SimOnBus sim;
    private static ObdConnection car;

    @BeforeAll
    static void connect() {
        sim = SimOnBus.petrol();
        // P2 with room for a loaded machine; the simulator answers within 5-15 ms.
        car = ObdConnection.open(sim.bus, ObdOptions.DEFAULTS.withP2(Duration.ofMillis(200)));
    }

    @AfterAll
    static void disconnect() {
        car.close();
        sim.close();
    }

    private static ObdValue valueOf(ObdCommand command) {
        return valueOf(command, false);
    }

    /** {@code force}: send it although the client's discovery does not list it. */
    private static ObdValue valueOf(ObdCommand command, boolean force) {
        ObdResponse r = car.query(command, force);
        assertThat(r.value()).as("%s: %s", command.name(), r.problems()).isPresent();
        return r.value().get();
    }

    private static double number(ObdCommand command) {
        return ((Quantity) valueOf(command)).doubleValue();
    }

    private static List<String> codes(ObdValue value) {
        return ((DtcList) value).codes().stream().map(d -> d.code()).toList();
    }

    @Test
    void findsTheThreeEcusOn11BitIdsAndWhatEachSupports() {
        assertThat(car.status()).isEqualTo(ObdStatus.CAR_CONNECTED);
        assertThat(car.protocolName()).isEqualTo("ISO 15765-4 (CAN 11/500)");
        assertThat(car.ecus()).extracting(Ecu::responseId).containsExactlyInAnyOrder(0x7E8, 0x7E9, 0x7EA);
        assertThat(car.ecu(EcuRole.ENGINE).orElseThrow().responseId()).isEqualTo(0x7E8);
        assertThat(car.ecu(EcuRole.TRANSMISSION).orElseThrow().responseId()).isEqualTo(0x7E9);
        Ecu battery = car.ecus().stream().filter(e -> e.responseId() == 0x7EA).findFirst().orElseThrow();
        // Discovery walked every ECU's masks: mode 01, 06 (engine only), 09.
        assertThat(battery.supportedCommands()).contains(ObdCommands.CONTROL_MODULE_VOLTAGE, ObdCommands.AMBIANT_AIR_TEMP,
                ObdCommands.ECU_NAME).doesNotContain(ObdCommands.RPM, ObdCommands.VIN);
        assertThat(car.supports(ObdCommands.RPM)).isTrue();
        assertThat(car.supports(ObdCommands.MONITOR_CATALYST_B1)).isTrue();
        assertThat(car.supports(ObdCommands.FUEL_PRESSURE)).as("PID 0A is not implemented").isFalse();
        assertThat(car.supportedCommands()).contains(ObdCommands.DTC_RPM, ObdCommands.PERF_TRACKING_SPARK);
    }

    @Test
    void mode01SingleAndSeveralPidsInOneRequest() {
        assertThat(number(ObdCommands.RPM)).isBetween(500.0, 7000.0);
        Status status = (Status) valueOf(ObdCommands.STATUS);
        assertThat(status.mil()).isTrue();
        assertThat(status.dtcCount()).isEqualTo(1);
        assertThat(((Quantity) valueOf(ObdCommands.ENGINE_LOAD)).unit()).isEqualTo("percent");
        sim.mark();
        Map<ObdCommand, ObdResponse> many = car.query(List.of(ObdCommands.RPM, ObdCommands.SPEED, ObdCommands.COOLANT_TEMP,
                ObdCommands.INTAKE_TEMP));
        assertThat(many.values()).allMatch(r -> r.value().isPresent());
        // One request for the four, answered by the engine in one response.
        ServedRequest r = sim.served("engine", "010C0D050F");
        assertThat(r.outcome()).isInstanceOf(ServedRequest.Answered.class);
        assertThat(number(ObdCommands.CONTROL_MODULE_VOLTAGE)).isBetween(11.5, 15.0);
    }

    @Test
    void mode02FreezeFrameOfTheStoredMisfire() {
        // The client infers mode 02 support from mode 01's masks, where PID 02 has no meaning: force it.
        assertThat(((dev.obdio.obd.Dtc) valueOf(ObdCommands.DTC_FREEZE_DTC, true)).code()).isEqualTo("P0301");
        assertThat(number(ObdCommands.DTC_RPM)).isEqualTo(2450.0);
        assertThat(number(ObdCommands.DTC_SPEED)).isEqualTo(62.0);
        assertThat(number(ObdCommands.DTC_COOLANT_TEMP)).isEqualTo(88.0);
    }

    @Test
    void mode03And07And0AFromEveryEcu() {
        assertThat(codes(valueOf(ObdCommands.GET_DTC))).containsExactly("P0301");
        assertThat(codes(valueOf(ObdCommands.GET_CURRENT_DTC))).containsExactlyInAnyOrder("P0171", "P0562");
        assertThat(codes(valueOf(ObdCommands.GET_PERMANENT_DTC, true))).containsExactly("P0301");
    }

    @Test
    void mode06MonitorsFailWhereADtcSaysSo() {
        Monitor catalyst = (Monitor) valueOf(ObdCommands.MONITOR_CATALYST_B1);
        assertThat(catalyst.tests()).isNotEmpty().allMatch(MonitorTest::passed);
        Monitor cylinder1 = (Monitor) valueOf(ObdCommands.MONITOR_MISFIRE_CYLINDER_1);
        Monitor cylinder2 = (Monitor) valueOf(ObdCommands.MONITOR_MISFIRE_CYLINDER_2);
        assertThat(cylinder1.tests()).anyMatch(t -> !t.passed());
        assertThat(cylinder2.tests()).isNotEmpty().allMatch(MonitorTest::passed);
    }

    @Test
    void mode09VinCalibrationCvnAndEcuNames() {
        assertThat(valueOf(ObdCommands.VIN).toString()).contains("5FNSM1H50PB004273");
        List<ObdResponse> cals = car.queryEach(ObdCommands.CALIBRATION_ID, true);
        assertThat(cals).extracting(r -> r.value().orElseThrow().toString()).anyMatch(s -> s.contains("OBDIO35V6A1042"))
                .anyMatch(s -> s.contains("OBDIO6AT30571")).anyMatch(s -> s.contains("OBDIOIBS12V0310"));
        assertThat(car.queryEach(ObdCommands.CVN, true)).extracting(r -> r.value().orElseThrow().toString().toLowerCase())
                .anyMatch(s -> s.contains("2b3c4d5e"));
        assertThat(car.queryEach(ObdCommands.ECU_NAME, true)).extracting(r -> r.value().orElseThrow().toString())
                .anyMatch(s -> s.contains("ECM-EngineControl")).anyMatch(s -> s.contains("BMS-BatteryMonitor"));
    }

    @Test
    void mode04ClearsOnlyWithTheConfirmationAndPermanentDtcsStay() throws Exception {
        try (SimOnBus own = SimOnBus.petrol();
             ObdConnection c = ObdConnection.open(own.bus, ObdOptions.DEFAULTS.withP2(Duration.ofMillis(200)))) {
            ObdResponse refused = c.query(ObdCommands.CLEAR_DTC, true);
            assertThat(refused.value()).isEmpty();
            assertThat(own.log).noneMatch(r -> r.request()[0] == 0x04);
            assertThat(codes(c.query(ObdCommands.GET_DTC).value().orElseThrow())).containsExactly("P0301");
            DtcClearResult result = c.clearDtcs(ClearConfirmation.ERASE_DTCS_FREEZE_FRAMES_AND_READINESS);
            assertThat(result.success()).as(result.problems().toString()).isTrue();
            assertThat(result.cleared()).containsExactlyInAnyOrder(0x7E8, 0x7E9, 0x7EA);
            assertThat(codes(c.query(ObdCommands.GET_DTC).value().orElseThrow())).isEmpty();
            assertThat(codes(c.query(ObdCommands.GET_CURRENT_DTC).value().orElseThrow())).isEmpty();
            assertThat(codes(c.query(ObdCommands.GET_PERMANENT_DTC, true).value().orElseThrow())).containsExactly("P0301");
            assertThat(((Status) c.query(ObdCommands.STATUS).value().orElseThrow()).dtcCount()).isZero();
        }
    }

    /** PID A4 (gear and ratio) of the gearbox, which python-OBD does not know: a custom command, raw bytes. */
    static final ObdCommand GEAR = ObdCommand.of("GEAR", "Actual gear and ratio", "01A4", 4, Decoders.NOOP,
            EcuRole.TRANSMISSION.bit(), true);

    static int gearOf(ObdResponse r) {
        EcuMessage m = r.messages().get(0);
        return m.byteAt(3) >> 4;
    }

    static double ratioOf(ObdResponse r) {
        EcuMessage m = r.messages().get(0);
        return ((m.byteAt(4) << 8) | m.byteAt(5)) / 1000.0;
    }
}
