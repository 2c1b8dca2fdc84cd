package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import dev.obdio.uds.DiagnosticSessionControl;
import dev.obdio.uds.DidCodec;
import dev.obdio.uds.DidData;
import dev.obdio.uds.Dtc;
import dev.obdio.uds.DtcRecord;
import dev.obdio.uds.EcuReset;
import dev.obdio.uds.ReadDtcInformation;
import dev.obdio.uds.RoutineControl;
import dev.obdio.uds.SecurityAccess;
import dev.obdio.uds.SessionTiming;
import dev.obdio.uds.UdsClient;
import dev.obdio.uds.UdsClientConfig;
import dev.obdio.uds.UdsNegativeResponseException;
import dev.obdio.uds.UdsTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The UDS client of module {@code uds} against the simulated petrol car on a virtual bus, for
 * every service the simulator implements, through the ISO-TP java engine on both sides.
 */
class UdsClientAgainstSimTest {
    /** The petrol engine's level 1 as docs/SIMULATOR.md gives it. */
    private static final String RIGHT_KEY = "obdio-xor-rotate-add:secret=5A3C96E1,rotate=7";
    private static final String WRONG_KEY = "obdio-xor-rotate-add:secret=5A3C96E2,rotate=7";
    /** ΔP2 for a loaded machine: the client waits P2 (50 ms) plus this. */
    private static final Duration ALLOWANCE = Duration.ofSeconds(1);
    private static final UdsClientConfig CONFIG = UdsClientConfig.DEFAULTS.withTransportAllowance(ALLOWANCE)
            .withKeyAlgorithm(RIGHT_KEY);

    private static UdsClient client(SimOnBus sim, int tx, UdsClientConfig config) {
        IsoTpChannel physical = sim.channel(IsoTpOptions.DEFAULTS.withAddress(sim.address(tx, tx + 8)));
        IsoTpChannel functional = sim.channel(IsoTpOptions.DEFAULTS.withAddress(sim.address(0x7DF, tx + 8))
                .withBroadcast(IsoTpOptions.Broadcast.SINGLE_FRAME));
        return new UdsClient(physical, functional, config);
    }

    private static int nrcOf(Runnable call) {
        try {
            call.run();
        } catch (UdsNegativeResponseException e) {
            return e.nrc();
        }
        throw new AssertionError("no negative response");
    }

    @Test
    void sessionsAnnounceP2AndP2StarAndTheClientAdoptsThem() {
        try (SimOnBus sim = SimOnBus.petrol();
             UdsClient ecu = client(sim, 0x7E0, CONFIG.withP2(Duration.ofMillis(20)).withP2Star(Duration.ofMillis(900)))) {
            assertThat(ecu.timing()).isEqualTo(new SessionTiming(Duration.ofMillis(20), Duration.ofMillis(900)));
            DiagnosticSessionControl.Response r = ecu.changeSession(DiagnosticSessionControl.EXTENDED);
            assertThat(r.session()).isEqualTo(DiagnosticSessionControl.EXTENDED);
            assertThat(r.timing()).contains(new SessionTiming(Duration.ofMillis(50), Duration.ofMillis(5000)));
            assertThat(ecu.timing()).isEqualTo(new SessionTiming(Duration.ofMillis(50), Duration.ofMillis(5000)));
            assertThat(sim.vehicle.ecu("engine").session(System.nanoTime())).isEqualTo(DiagnosticSession.EXTENDED);
            assertThat(ecu.readDid(0xF186).raw()).containsExactly(0x03);
            // Programming only from extended; extended not from programming (0x7E).
            ecu.changeSession(DiagnosticSessionControl.PROGRAMMING);
            assertThat(nrcOf(() -> ecu.changeSession(DiagnosticSessionControl.EXTENDED))).isEqualTo(0x7E);
            ecu.changeSession(DiagnosticSessionControl.DEFAULT);
            assertThat(ecu.session()).isEqualTo(DiagnosticSessionControl.DEFAULT);
            assertThat(nrcOf(() -> ecu.changeSession(DiagnosticSessionControl.PROGRAMMING))).isEqualTo(0x7E);
        }
    }

    @Test
    void securityAccessWithWrongAndRightKeysAndTheAttemptCounter() {
        VehicleDescription petrol = VehicleFiles.builtIn("petrol");
        // The engine's levels with a 300 ms lock-out instead of 10 s, so the test can wait it out.
        List<SecurityLevelSpec> quick = new ArrayList<>();
        for (SecurityLevelSpec s : petrol.ecu("engine").security()) {
            quick.add(new SecurityLevelSpec(s.level(), s.secret(), s.rotate(), s.sessions(), s.maxAttempts(), 300));
        }
        petrol = petrol.withEcu(petrol.ecu("engine").withSecurity(quick));
        try (SimOnBus sim = SimOnBus.start(petrol);
             UdsClient wrong = client(sim, 0x7E0, CONFIG.withKeyAlgorithm(WRONG_KEY))) {
            assertThat(nrcOf(() -> wrong.unlock(1))).as("not in the default session").isEqualTo(0x7F);
            wrong.changeSession(DiagnosticSessionControl.EXTENDED);
            assertThat(nrcOf(() -> wrong.unlock(1))).as("invalid key").isEqualTo(0x35);
            assertThat(nrcOf(() -> wrong.unlock(1))).as("invalid key").isEqualTo(0x35);
            assertThat(nrcOf(() -> wrong.unlock(1))).as("third wrong key").isEqualTo(0x36);
            assertThat(nrcOf(() -> wrong.unlock(1))).as("seed during the lock-out").isEqualTo(0x37);
            UdsClient right = new UdsClient(wrong.channel(), CONFIG);
            await().atMost(SimOnBus.WAIT).pollInterval(Duration.ofMillis(100)).ignoreException(UdsNegativeResponseException.class)
                    .until(() -> right.unlock(1) == SecurityAccess.Outcome.UNLOCKED);
            assertThat(right.unlock(1)).isEqualTo(SecurityAccess.Outcome.ALREADY_UNLOCKED);
            assertThat(nrcOf(() -> right.request(new SecurityAccess.KeyRequest(1, new byte[4]))))
                    .as("a key without a seed").isEqualTo(0x24);
            assertThat(nrcOf(() -> right.request(new SecurityAccess.SeedRequest(5)))).as("no level 5").isEqualTo(0x12);
            assertThat(sim.vehicle.ecu("engine").unlockedSecurityLevels(System.nanoTime())).containsExactly(1);
            // Level 3 lives in the programming session only.
            assertThat(nrcOf(() -> right.unlock(3))).isEqualTo(0x7E);
        }
    }

    @Test
    void writeThenReadBackNeedsTheSessionAndTheLevel() {
        try (SimOnBus sim = SimOnBus.petrol(); UdsClient ecu = client(sim, 0x7E0, CONFIG)) {
            assertThat(nrcOf(() -> ecu.writeDid(0xF198, "WS-0042-01"))).as("default session").isEqualTo(0x7F);
            ecu.changeSession(DiagnosticSessionControl.EXTENDED);
            assertThat(nrcOf(() -> ecu.writeDid(0xF198, "WS-0042-01"))).as("locked").isEqualTo(0x33);
            ecu.unlock(1);
            ecu.writeDid(0xF198, "WS-0042-01");
            assertThat(ecu.readDid(0xF198).value().display()).isEqualTo("WS-0042-01");
            assertThat(nrcOf(() -> ecu.writeDid(0xF198, new byte[] {0x41}))).as("wrong length").isEqualTo(0x13);
            assertThat(nrcOf(() -> ecu.writeDid(0xF190, "5FNSM1H50PB004273"))).as("read-only").isEqualTo(0x31);
            ecu.writeDid(0x0110, new byte[] {0x02, (byte) 0xBC}); // idle target 700 rpm
            assertThat(ecu.readDid(0x0110).raw()).containsExactly(0x02, 0xBC);
            assertThat(nrcOf(() -> ecu.writeDid(0x0110, new byte[] {0x07, (byte) 0xD0}))).as("above max").isEqualTo(0x31);
            assertThat(sim.vehicle.ecu("engine").didValue(0xF198)).asString().isEqualTo("WS-0042-01");
            // The battery ECU's own DIDs: a new battery registered.
            UdsClientConfig batteryConfig = CONFIG.withKeyAlgorithm("obdio-xor-rotate-add:secret=3C5A7E91,rotate=17")
                    .withCodec(0x2001, DidCodec.ascii(3)).withCodec(0x2002, DidCodec.unsigned(1, 1, 0, "Ah"));
            try (UdsClient battery = client(sim, 0x7E2, batteryConfig)) {
                battery.changeSession(DiagnosticSessionControl.EXTENDED);
                battery.unlock(1);
                assertThat(battery.readDids(0x2001, 0x2002)).extracting(v -> v.value().display())
                        .containsExactly("AGM", "70 Ah");
                battery.writeDid(0x2002, "80");
                battery.writeDid(0x2001, "EFB");
                assertThat(battery.readDids(0x2001, 0x2002)).extracting(v -> v.value().display())
                        .containsExactly("EFB", "80 Ah");
            }
        }
    }

    @Test
    void resetDropsTheSessionAndTheLevel() {
        try (SimOnBus sim = SimOnBus.petrol(); UdsClient ecu = client(sim, 0x7E0, CONFIG)) {
            ecu.changeSession(DiagnosticSessionControl.EXTENDED);
            ecu.unlock(1);
            EcuReset.Response r = ecu.reset(EcuReset.SOFT);
            assertThat(r.resetType()).isEqualTo(EcuReset.SOFT);
            assertThat(ecu.session()).isEqualTo(DiagnosticSessionControl.DEFAULT);
            assertThat(ecu.keepAliveRunning()).isFalse();
            long now = System.nanoTime();
            assertThat(sim.vehicle.ecu("engine").session(now)).isEqualTo(DiagnosticSession.DEFAULT);
            assertThat(sim.vehicle.ecu("engine").unlockedSecurityLevels(now)).isEmpty();
            // Silent while it reboots (200 ms), then back in the default session.
            await().atMost(SimOnBus.WAIT).ignoreException(UdsTimeoutException.class)
                    .until(() -> ecu.readDid(0xF186).raw()[0] == 0x01);
        }
    }

    @Test
    void aSlowRoutineSendsResponsePendingUntilItsResult() {
        try (SimOnBus sim = SimOnBus.petrol(); UdsClient ecu = client(sim, 0x7E0, CONFIG)) {
            assertThat(nrcOf(() -> ecu.routine(RoutineControl.RESULTS, 0x0211, new byte[0])))
                    .as("results before a run").isEqualTo(0x7F);
            ecu.changeSession(DiagnosticSessionControl.EXTENDED);
            assertThat(nrcOf(() -> ecu.routine(RoutineControl.START, 0x0211, new byte[0]))).as("locked").isEqualTo(0x33);
            ecu.unlock(1);
            sim.mark();
            RoutineControl.Response r = ecu.routine(RoutineControl.START, 0x0211, new byte[0]); // about 4.5 s
            assertThat(r.routineId()).isEqualTo(0x0211);
            assertThat(r.statusRecord()).hasSize(3).startsWith(0x00);
            int millivolts = (r.statusRecord()[1] & 0xFF) << 8 | (r.statusRecord()[2] & 0xFF);
            assertThat(millivolts).isBetween(11_000, 15_000);
            ServedRequest served = sim.served("engine", "31010211");
            assertThat(served.outcome()).isInstanceOfSatisfying(ServedRequest.Answered.class, a -> {
                assertThat(a.pendingResponses()).isEqualTo(3); // at once, after 2 s and after 4 s
                assertThat(a.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(4500));
            });
            assertThat(ecu.routine(RoutineControl.RESULTS, 0x0211, new byte[0]).statusRecord())
                    .containsExactly(r.statusRecord());
        }
    }

    @Test
    void dtcReportsOfEverySubFunctionAndClearing() {
        UdsClientConfig config = CONFIG.withDtcExtendedDataSizes(Map.of(1, 1, 2, 1));
        // The freeze frame's PIDs as DIDs F4xx: their lengths (J1979), engine speed and vehicle speed decoded.
        Map<Integer, Integer> lengths = Map.ofEntries(Map.entry(0x03, 2), Map.entry(0x04, 1), Map.entry(0x05, 1),
                Map.entry(0x06, 1), Map.entry(0x07, 1), Map.entry(0x08, 1), Map.entry(0x09, 1), Map.entry(0x0B, 1),
                Map.entry(0x0E, 1), Map.entry(0x0F, 1), Map.entry(0x10, 2), Map.entry(0x11, 1), Map.entry(0x1F, 2));
        for (Map.Entry<Integer, Integer> e : lengths.entrySet()) {
            config = config.withCodec(0xF400 | e.getKey(), DidCodec.raw(e.getValue()));
        }
        config = config.withCodec(0xF40C, DidCodec.unsigned(2, 0.25, 0, "rpm"))
                .withCodec(0xF40D, DidCodec.unsigned(1, 1, 0, "km/h"));
        try (SimOnBus sim = SimOnBus.petrol(); UdsClient ecu = client(sim, 0x7E0, config)) {
            Dtc misfire = Dtc.parse("P0301-00");
            ReadDtcInformation.DtcCount count = ecu.dtcCount(0x08);
            assertThat(count.count()).isEqualTo(1);
            assertThat(count.availabilityMask().bits()).isEqualTo(0xFF);
            ReadDtcInformation.DtcList confirmed = ecu.dtcs(0x08);
            assertThat(confirmed.dtcs()).extracting(DtcRecord::dtc).containsExactly(misfire);
            DtcRecord p0301 = confirmed.dtcs().get(0);
            assertThat(p0301.status().confirmed()).isTrue();
            assertThat(p0301.status().bits() & 0x80).as("warning indicator (MIL)").isEqualTo(0x80);
            assertThat(ecu.dtcs(0x04).dtcs()).extracting(d -> d.dtc().toString()).containsExactly("P0171-00");
            assertThat(ecu.supportedDtcs().dtcs()).extracting(d -> d.dtc().toString())
                    .contains("P0301-00", "P0171-00", "P0420-00", "P0430-00");
            assertThat(ecu.snapshotIdentification().ids()).extracting(ReadDtcInformation.SnapshotId::dtc,
                    ReadDtcInformation.SnapshotId::recordNumber).containsExactly(org.assertj.core.groups.Tuple.tuple(misfire, 1));
            ReadDtcInformation.Snapshots frame = ecu.snapshots(misfire, 1);
            Map<Integer, DidData> values = new java.util.HashMap<>();
            frame.records().get(0).values().forEach(v -> values.put(v.did(), v.value()));
            assertThat(((DidData.Numeric) values.get(0xF40C)).value()).isEqualTo(2450.0);
            assertThat(((DidData.Numeric) values.get(0xF40D)).value()).isEqualTo(62.0);
            ReadDtcInformation.ExtendedData ext = ecu.extendedData(misfire, 0xFF);
            assertThat(ext.records()).extracting(ReadDtcInformation.ExtendedDataRecord::recordNumber).containsExactly(1, 2);
            assertThat(ext.records().get(0).data()).containsExactly(3); // occurrences
            assertThat(nrcOf(() -> ecu.snapshots(Dtc.parse("P0171"), 1))).as("no freeze frame").isEqualTo(0x31);

            ecu.clearDtcs(0xFFFFFF);
            assertThat(ecu.dtcs(0x0C).dtcs()).as("stored and pending cleared").isEmpty();
            assertThat(ecu.snapshotIdentification().ids()).isEmpty();
            assertThat(nrcOf(() -> ecu.clearDtcs(0x123456))).as("no such group").isEqualTo(0x31);
            // Mode 0A still reports the permanent DTC, mode 03 nothing.
            assertThat(Hex.of(sim.vehicle.ecu("engine").respond(Hex.bytes("0A"), Addressing.PHYSICAL,
                    System.nanoTime()).finalPayload())).isEqualTo("4A 01 03 01");
        }
    }

    @Test
    void aSilentEcuTimesOutAndNegativeResponsesAreTyped() {
        try (SimOnBus sim = SimOnBus.petrol();
             UdsClient ecu = client(sim, 0x7E1, CONFIG.withTransportAllowance(Duration.ofMillis(300)))) {
            assertThat(ecu.readDid(0xF189).value().display()).isEqualTo("0207");
            sim.vehicle.ecu("transmission").injectFault(new Fault.Silent());
            assertThatThrownBy(() -> ecu.readDid(0xF189)).isInstanceOfSatisfying(UdsTimeoutException.class,
                    e -> assertThat(e.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(350)));
            sim.vehicle.ecu("transmission").clearFaults();
            assertThat(ecu.readDid(0xF189).value().display()).isEqualTo("0207");
            assertThatThrownBy(() -> ecu.readDid(0x1234)).isInstanceOfSatisfying(UdsNegativeResponseException.class,
                    e -> assertThat(e.nrcName()).isEqualTo("requestOutOfRange"));
            assertThat(nrcOf(() -> ecu.reset(0x42))).isEqualTo(0x12);
            assertThat(nrcOf(() -> ecu.communicationControl(0, 1))).as("default session").isEqualTo(0x7F);
            // A busy ECU: a response-pending storm, which the client waits through under P2*.
            sim.vehicle.ecu("transmission").injectFault(new Fault.ResponsePendingStorm(2, Duration.ofMillis(40)));
            assertThat(ecu.readDid(0xF189).value().display()).isEqualTo("0207");
        }
    }

    @Test
    void communicationControlAndDtcSettingInTheExtendedSession() {
        try (SimOnBus sim = SimOnBus.petrol(); UdsClient ecu = client(sim, 0x7E0, CONFIG)) {
            int[] atStart = sim.vehicle.ecu("engine").communicationControl(System.nanoTime());
            ecu.changeSession(DiagnosticSessionControl.EXTENDED);
            ecu.communicationControl(0x03, 0x01);
            ecu.controlDtcSetting(0x02);
            ecu.testerPresent();
            SimulatedEcu engine = sim.vehicle.ecu("engine");
            long now = System.nanoTime();
            assertThat(engine.communicationControl(now)).containsExactly(0x03, 0x01);
            assertThat(engine.dtcSettingOn(now)).isFalse();
            assertThat(engine.storeDtc(DtcSpec.stored("P0420"), now)).isFalse();
            ecu.changeSession(DiagnosticSessionControl.DEFAULT);
            assertThat(engine.dtcSettingOn(System.nanoTime())).isTrue();
            assertThat(engine.communicationControl(System.nanoTime())).containsExactly(atStart);
        }
    }

}
