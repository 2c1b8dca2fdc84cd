package dev.obdio.obd;

import static dev.obdio.obd.TestBuses.FAST;
import static dev.obdio.obd.TestBuses.fresh;
import static dev.obdio.obd.testing.ScriptedEcu.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.obd.testing.ScriptedEcu;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection end to end against scripted ECUs on the virtual bus. */
class ObdConnectionTest {

    private static final String VIN = "1G1JC5444R7252367";

    @Test
    void readsASingleFrameAnswer() {
        String bus = fresh("single");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8").pid(0x0D, "37").start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            assertThat(car.status()).isEqualTo(ObdStatus.CAR_CONNECTED);
            assertThat(car.status().text()).isEqualTo("Car Connected");
            assertThat(car.isConnected()).isTrue();
            assertThat(car.protocolName()).isEqualTo("ISO 15765-4 (CAN 11/500)");
            assertThat(car.protocolId()).isEqualTo("6");
            assertThat(car.portName()).isEqualTo(bus);
            ObdResponse rpm = car.query(ObdCommands.RPM);
            assertThat(rpm.value()).contains(Quantity.of(1726.0, "revolutions_per_minute"));
            assertThat(rpm.messages()).singleElement().satisfies(m -> assertThat(m.sourceId()).isEqualTo(0x7E8));
            assertThat(car.query(ObdCommands.SPEED).value()).contains(Quantity.of(55.0, "kilometer_per_hour"));
        }
    }

    @Test
    void readsAMultiFrameVin() {
        String bus = fresh("vin");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8")
                .answer("0902", "490201" + hex(VIN)).start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            assertThat(car.supports(ObdCommands.VIN)).isTrue();
            ObdResponse vin = car.query(ObdCommands.VIN);
            assertThat(vin.value()).contains(TextValue.bytearray(VIN));
        }
    }

    @Test
    void severalEcusAnswerOneFunctionalRequestEachFlowControlledOnItsOwnId() {
        String bus = fresh("many");
        try (TestBuses.Spy spy = new TestBuses.Spy(bus);
             ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8")
                     .answer("0902", "490201" + hex(VIN)).start();
             ScriptedEcu gearbox = ScriptedEcu.on(bus, 0x7E9).pid(0x0D, "37")
                     .answer("0904", "490401" + hex("TCM-CAL-12345678")).start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            assertThat(car.ecus()).extracting(Ecu::responseId).containsExactly(0x7E8, 0x7E9);
            assertThat(car.ecu(EcuRole.ENGINE)).map(Ecu::responseId).contains(0x7E8);
            assertThat(car.ecu(EcuRole.TRANSMISSION)).map(Ecu::responseId).contains(0x7E9);
            List<ObdResponse> vin = car.queryEach(ObdCommands.VIN, true);
            List<ObdResponse> cal = car.queryEach(ObdCommands.CALIBRATION_ID, true);
            assertThat(vin).singleElement().satisfies(r -> assertThat(r.value()).contains(TextValue.bytearray(VIN)));
            assertThat(cal).singleElement().satisfies(r -> assertThat(r.value())
                    .contains(TextValue.bytearray("TCM-CAL-12345678")));
            // Each ECU's first frame was answered with a flow control on that ECU's physical id.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<ReceivedFrame> frames = spy.frames();
                assertThat(frames).anyMatch(f -> f.frame().id() == 0x7E0 && (f.frame().dataByte(0) >> 4) == 3);
                assertThat(frames).anyMatch(f -> f.frame().id() == 0x7E1 && (f.frame().dataByte(0) >> 4) == 3);
            });
            assertThat(spy.frames()).filteredOn(f -> f.frame().id() == 0x7DF).isNotEmpty()
                    .allMatch(f -> f.frame().length() == 8 && f.frame().dataByte(7) == 0xCC);
        }
    }

    @Test
    void talks29BitWhenDetectingAndWhenForced() {
        String bus = fresh("29bit");
        try (TestBuses.Spy spy = new TestBuses.Spy(bus);
             ScriptedEcu engine = ScriptedEcu.on(bus, 0x18DAF110).pid(0x0C, "1AF8")
                     .answer("0902", "490201" + hex(VIN)).start()) {
            try (ObdConnection car = ObdConnection.open(bus, FAST.withBitrate(250_000))) {
                assertThat(car.protocolName()).isEqualTo("ISO 15765-4 (CAN 29/250)");
                assertThat(car.protocolId()).isEqualTo("9");
                assertThat(car.ecus()).singleElement().satisfies(e -> {
                    assertThat(e.name()).isEqualTo("18DAF110");
                    assertThat(e.requestId()).isEqualTo(0x18DA10F1);
                    assertThat(e.role()).isEqualTo(EcuRole.ENGINE);
                });
                assertThat(car.query(ObdCommands.RPM).value()).contains(Quantity.of(1726.0, "revolutions_per_minute"));
                assertThat(car.query(ObdCommands.VIN).value()).contains(TextValue.bytearray(VIN));
            }
            // Detection asked on 11-bit first, then found the vehicle on 29-bit.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spy.frames())
                    .extracting(f -> f.frame().id()).contains(0x7DF, 0x18DB33F1, 0x18DA10F1));
            engine.clearRequests();
            try (ObdConnection car = ObdConnection.open(bus, FAST.withAddressing(ObdAddressing.CAN_29_BIT))) {
                assertThat(car.protocolName()).isEqualTo("ISO 15765-4 (CAN 29/500)");
                assertThat(car.protocolId()).isEqualTo("7");
                assertThat(car.query(ObdCommands.RPM).value()).isPresent();
            }
        }
    }

    @Test
    void forced11BitDoesNotFindA29BitVehicle() {
        String bus = fresh("forced11");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x18DAF110).pid(0x0C, "1AF8").start();
             ObdConnection car = ObdConnection.open(bus, FAST.withAddressing(ObdAddressing.CAN_11_BIT))) {
            assertThat(car.status()).isEqualTo(ObdStatus.OBD_CONNECTED);
            assertThat(car.status().text()).isEqualTo("OBD Connected");
            assertThat(car.protocolName()).isEqualTo("ISO 15765-4 (CAN 11/500)"); // forced, so known
            ObdResponse rpm = car.query(ObdCommands.RPM);
            assertThat(rpm.value()).isEmpty();
            assertThat(rpm.problems()).extracting(ObdProblem::describe).anyMatch(d -> d.contains("no ECU answers"));
        }
    }

    @Test
    void noVehicleAtAllIsNotAnErrorAndNamesStayEmpty() {
        String bus = fresh("empty");
        try (ObdConnection car = ObdConnection.open(bus, FAST)) {
            assertThat(car.status()).isEqualTo(ObdStatus.OBD_CONNECTED);
            assertThat(car.protocolName()).isEmpty();
            assertThat(car.protocolId()).isEmpty();
            assertThat(car.portName()).isEqualTo(bus);
            assertThat(car.ecus()).isEmpty();
            assertThat(car.supportedCommands()).containsExactly(ObdCommands.PIDS_A, ObdCommands.GET_DTC,
                    ObdCommands.CLEAR_DTC, ObdCommands.MIDS_A, ObdCommands.GET_CURRENT_DTC, ObdCommands.PIDS_9A);
            assertThat(car.query(ObdCommands.RPM).isNull()).isTrue();
        }
    }

    @Test
    void waitsThroughResponsePendingForTheAnswer() {
        String bus = fresh("pending");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8")
                .answer("0902", "490201" + hex(VIN)).responsePending("0902", 3)
                .pendingGap(Duration.ofMillis(200)).start();
             // P2 far shorter than the 600 ms the ECU takes: only P2* carries the wait.
             ObdConnection car = ObdConnection.open(bus, FAST.withP2(Duration.ofMillis(100)))) {
            ObdResponse vin = car.query(ObdCommands.VIN);
            assertThat(vin.value()).contains(TextValue.bytearray(VIN));
            assertThat(vin.problems()).isEmpty();
        }
    }

    @Test
    void responsePendingWithoutAnAnswerEndsAfterPStar() {
        String bus = fresh("pending-forever");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8")
                .rule(req -> req[0] == 0x09 && req[1] == 0x02 ? new byte[] {0x7F, 0x09, 0x78} : null)
                .answer("0900", "490040000000").start();
             ObdConnection car = ObdConnection.open(bus, FAST.withP2Star(Duration.ofMillis(300)))) {
            ObdResponse vin = car.query(ObdCommands.VIN);
            assertThat(vin.value()).isEmpty();
            assertThat(vin.problems()).isEmpty(); // a pending answer that never came is no answer
        }
    }

    @Test
    void aSilentEcuGivesNoValueNotZeros() {
        String bus = fresh("silent");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8").pid(0x0D, "37").start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            engine.setSilent(true);
            ObdResponse rpm = car.query(ObdCommands.RPM);
            assertThat(rpm.isNull()).isTrue();
            assertThat(rpm.value()).isEmpty();
            assertThat(rpm.messages()).isEmpty();
            assertThat(car.status()).isEqualTo(ObdStatus.OBD_CONNECTED); // 0100 went unanswered too
            engine.setSilent(false);
            assertThat(car.query(ObdCommands.RPM).value()).contains(Quantity.of(1726.0, "revolutions_per_minute"));
            assertThat(car.status()).isEqualTo(ObdStatus.CAR_CONNECTED);
        }
    }

    @Test
    void refusalsAreProblemsAndUnsupportedCommandsNeedForce() {
        String bus = fresh("refuse");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8")
                .rule(req -> req[0] == 0x01 && req[1] == 0x05 ? new byte[] {0x7F, 0x01, 0x12} : null).start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            assertThat(car.supports(ObdCommands.COOLANT_TEMP)).isFalse();
            ObdResponse notSent = car.query(ObdCommands.COOLANT_TEMP);
            assertThat(notSent.isNull()).isTrue();
            assertThat(notSent.problems()).singleElement().isInstanceOf(ObdProblem.NotSent.class);
            assertThat(engine.count("0105")).isZero();
            ObdResponse refused = car.query(ObdCommands.COOLANT_TEMP, true);
            assertThat(refused.isNull()).isTrue();
            assertThat(refused.problems()).singleElement().satisfies(p -> {
                assertThat(p).isInstanceOf(ObdProblem.NegativeResponse.class);
                assertThat(((ObdProblem.NegativeResponse) p).code()).isEqualTo(0x12);
            });
            assertThat(car.status()).isEqualTo(ObdStatus.CAR_CONNECTED);
        }
    }

    @Test
    void discoversSupportedCommandsPerEcu() {
        String bus = fresh("discover");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8)
                .pid(0x05, "4C").pid(0x0C, "1AF8").pid(0x0D, "37").pid(0x2F, "80").pid(0x46, "30")
                .answer("0601", "4601010A0BB00BB00BB0").answer("0621", "462101010A0000FFFF")
                .answer("0902", "490201" + hex(VIN)).start();
             ScriptedEcu gearbox = ScriptedEcu.on(bus, 0x7E9).pid(0x0D, "37").start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            Ecu e = car.ecu(EcuRole.ENGINE).orElseThrow();
            assertThat(e.supportedCommands()).contains(ObdCommands.PIDS_A, ObdCommands.COOLANT_TEMP, ObdCommands.RPM,
                    ObdCommands.SPEED, ObdCommands.PIDS_B, ObdCommands.FUEL_LEVEL, ObdCommands.PIDS_C,
                    ObdCommands.AMBIANT_AIR_TEMP, ObdCommands.DTC_RPM, ObdCommands.DTC_AMBIANT_AIR_TEMP,
                    ObdCommands.MIDS_A, ObdCommands.MONITOR_O2_B1S1, ObdCommands.MIDS_B, ObdCommands.MONITOR_CATALYST_B1,
                    ObdCommands.PIDS_9A, ObdCommands.VIN);
            assertThat(e.supportedCommands()).doesNotContain(ObdCommands.THROTTLE_POS, ObdCommands.DTC_PIDS_A);
            Ecu t = car.ecu(EcuRole.TRANSMISSION).orElseThrow();
            assertThat(t.supportedCommands()).containsExactly(ObdCommands.PIDS_A, ObdCommands.SPEED,
                    ObdCommands.DTC_SPEED);
            List<ObdCommand> all = car.supportedCommands();
            assertThat(all).contains(ObdCommands.RPM, ObdCommands.VIN, ObdCommands.GET_DTC)
                    .doesNotContain(ObdCommands.ELM_VOLTAGE);
            assertThat(all).isSortedAccordingTo(CommandOrder.BY_MODE_AND_PID);
            assertThat(all.get(0)).isEqualTo(ObdCommands.PIDS_A);
            // Each mask was asked once, and the chain stopped where the last mask said so.
            assertThat(engine.count("0120")).isEqualTo(1);
            assertThat(engine.count("0140")).isEqualTo(1);
            assertThat(engine.count("0160")).isZero();
            assertThat(car.supports(ObdCommands.DTC_RPM)).isTrue();
            assertThat(car.query(ObdCommands.DTC_RPM).value()).contains(Quantity.of(1726.0, "revolutions_per_minute"));
        }
    }

    @Test
    void readsSeveralPidsInOneRequest() {
        String bus = fresh("batch");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x04, "80").pid(0x05, "4C").pid(0x0C, "1AF8")
                .pid(0x0D, "37").pid(0x0F, "50").pid(0x11, "40").pid(0x2F, "80").start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            engine.clearRequests();
            List<ObdCommand> seven = List.of(ObdCommands.ENGINE_LOAD, ObdCommands.COOLANT_TEMP, ObdCommands.RPM,
                    ObdCommands.SPEED, ObdCommands.INTAKE_TEMP, ObdCommands.THROTTLE_POS, ObdCommands.FUEL_LEVEL);
            Map<ObdCommand, ObdResponse> got = car.query(seven);
            assertThat(got.keySet()).containsExactlyElementsOf(seven);
            assertThat(got.values()).allMatch(r -> r.value().isPresent());
            assertThat(got.get(ObdCommands.COOLANT_TEMP).value()).contains(Quantity.of(36, "degree_Celsius"));
            assertThat(engine.requests()).containsExactly("0104050C0D0F11", "012F");
            assertThat(car.multiPidSupport(0x7E8)).isEqualTo(MultiPidSupport.ACCEPTS);
        }
    }

    @Test
    void fallsBackToSinglePidsForAnEcuThatRejectsBatchesAndRemembers() {
        for (ScriptedEcu.MultiPid behaviour : List.of(ScriptedEcu.MultiPid.FIRST_ONLY, ScriptedEcu.MultiPid.REFUSE,
                ScriptedEcu.MultiPid.SILENT)) {
            String bus = fresh("nobatch-" + behaviour);
            try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x05, "4C").pid(0x0C, "1AF8").pid(0x0D, "37")
                    .multiPid(behaviour).start();
                 ObdConnection car = ObdConnection.open(bus, FAST)) {
                List<ObdCommand> three = List.of(ObdCommands.COOLANT_TEMP, ObdCommands.RPM, ObdCommands.SPEED);
                engine.clearRequests();
                Map<ObdCommand, ObdResponse> first = car.query(three);
                assertThat(first.values()).as(behaviour.name()).allMatch(r -> r.value().isPresent());
                assertThat(first.values()).as(behaviour.name()).allMatch(r -> r.problems().isEmpty());
                assertThat(engine.requests()).first().isEqualTo("01050C0D");
                if (behaviour == ScriptedEcu.MultiPid.SILENT) {
                    // silence may be a late answer: only a few silent batches in a row tell
                    assertThat(car.multiPidSupport(0x7E8)).isNotEqualTo(MultiPidSupport.REJECTS);
                    for (int i = 1; i < ObdSession.SILENT_BATCHES; i++) {
                        assertThat(car.query(three).values()).allMatch(r -> r.value().isPresent());
                    }
                }
                assertThat(car.multiPidSupport(0x7E8)).as(behaviour.name()).isEqualTo(MultiPidSupport.REJECTS);
                engine.clearRequests();
                Map<ObdCommand, ObdResponse> second = car.query(three);
                assertThat(second.values()).allMatch(r -> r.value().isPresent());
                assertThat(engine.requests()).containsExactly("0105", "010C", "010D");
            }
        }
    }

    @Test
    void physicalRequestsGoToOneEcu() {
        String bus = fresh("physical");
        try (TestBuses.Spy spy = new TestBuses.Spy(bus);
             ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8").start();
             ScriptedEcu gearbox = ScriptedEcu.on(bus, 0x7E9).pid(0x0D, "37").start();
             ObdConnection car = ObdConnection.open(bus, FAST.withPhysicalEcu(0x7E9))) {
            assertThat(car.ecus()).extracting(Ecu::responseId).containsExactly(0x7E9);
            assertThat(car.query(ObdCommands.SPEED).value()).contains(Quantity.of(55.0, "kilometer_per_hour"));
            assertThat(engine.requests()).isEmpty();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spy.frames())
                    .extracting(f -> f.frame().id()).contains(0x7E1));
            assertThat(spy.frames()).extracting(f -> f.frame().id()).doesNotContain(0x7DF);
        }
    }

    @Test
    void clearingDtcsNeedsTheExplicitCall() {
        String bus = fresh("clear");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8").answer("04", "44")
                .answer("03", "4301" + "0104").start();
             ScriptedEcu gearbox = ScriptedEcu.on(bus, 0x7E9).pid(0x0D, "37").answer("04", "7F0422").start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            ObdResponse viaQuery = car.query(ObdCommands.CLEAR_DTC, true);
            assertThat(viaQuery.problems()).singleElement().isInstanceOf(ObdProblem.NotSent.class);
            assertThat(car.watch(ObdCommands.CLEAR_DTC, Duration.ZERO, null, true)).isFalse();
            assertThat(engine.count("04")).isZero();
            assertThat(car.query(ObdCommands.GET_DTC).value()).hasValueSatisfying(v ->
                    assertThat(((DtcList) v).codes()).extracting(Dtc::code).containsExactly("P0104"));
            DtcClearResult cleared = car.clearDtcs(ClearConfirmation.ERASE_DTCS_FREEZE_FRAMES_AND_READINESS);
            assertThat(engine.count("04")).isEqualTo(1);
            assertThat(cleared.cleared()).containsExactly(0x7E8);
            assertThat(cleared.problems()).singleElement().satisfies(p ->
                    assertThat(p.describe()).contains("7E9").contains("0x22 conditionsNotCorrect"));
            assertThat(cleared.success()).isFalse();
        }
    }

    @Test
    void closingEmptiesEverything() {
        String bus = fresh("close");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8").start()) {
            ObdConnection car = ObdConnection.open(bus, FAST);
            assertThat(car.openChannels()).isEqualTo(2); // functional + the engine's
            car.close();
            car.close();
            assertThat(car.status()).isEqualTo(ObdStatus.NOT_CONNECTED);
            assertThat(car.status().text()).isEqualTo("Not Connected");
            assertThat(car.protocolName()).isEmpty();
            assertThat(car.protocolId()).isEmpty();
            assertThat(car.portName()).isEmpty();
            assertThat(car.supportedCommands()).isEmpty();
            assertThat(car.openChannels()).isZero();
            ObdResponse after = car.query(ObdCommands.RPM);
            assertThat(after.isNull()).isTrue();
            assertThat(after.problems()).extracting(ObdProblem::describe).containsExactly("the connection is closed");
        }
    }

    @Test
    void theDefaultsAreTheStandardOnes() {
        assertThat(ObdOptions.DEFAULTS.p2()).isEqualTo(Duration.ofMillis(50));
        assertThat(ObdOptions.DEFAULTS.p2Star()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ObdOptions.DEFAULTS.bitrate()).isEqualTo(500_000);
        assertThat(ObdOptions.DEFAULTS.addressing()).isEqualTo(ObdAddressing.AUTO);
        assertThat(ObdOptions.DEFAULTS.maxPidsPerRequest()).isEqualTo(6);
        String bus = fresh("defaults");
        // An ECU slower than P2 is no answer (latency is a lower bound: this cannot pass by luck) ...
        try (ScriptedEcu slow = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8").latency(Duration.ofMillis(300)).start();
             ObdConnection car = ObdConnection.open(bus)) {
            assertThat(car.status()).isEqualTo(ObdStatus.OBD_CONNECTED);
            assertThat(car.ecus()).isEmpty();
        }
        // ... and an ECU that asks for time with 0x78 gets P2* = 5 s.
        String bus2 = fresh("defaults2");
        try (ScriptedEcu patient = ScriptedEcu.on(bus2, 0x7E8).pid(0x0C, "1AF8").responsePending("010C", 2)
                .pendingGap(Duration.ofMillis(400)).start();
             ObdConnection car = ObdConnection.open(bus2)) {
            assertThat(car.status()).isEqualTo(ObdStatus.CAR_CONNECTED);
            assertThat(car.query(ObdCommands.RPM).value()).isPresent();
        }
    }

    @Test
    void badOptionsAreRefusedWithTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObdOptions.DEFAULTS.withBitrate(125_000))
                .hasMessageContaining("250000 or 500000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObdOptions.DEFAULTS.withP2(Duration.ZERO))
                .hasMessageContaining("p2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObdOptions.DEFAULTS.withPhysicalEcu(0x7E0))
                .hasMessageContaining("0x7E0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObdOptions.DEFAULTS
                .withAddressing(ObdAddressing.CAN_11_BIT).withPhysicalEcu(0x18DAF110)).hasMessageContaining("does not fit");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObdOptions.DEFAULTS.withMaxPidsPerRequest(7))
                .hasMessageContaining("maxPidsPerRequest");
    }
}
