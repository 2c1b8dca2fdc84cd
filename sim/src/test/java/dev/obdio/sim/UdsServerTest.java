package dev.obdio.sim;

import dev.obdio.uds.ObdioXorRotateAdd;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The UDS server of the petrol car's engine ECU, as raw request and response bytes on a fake clock. */
class UdsServerTest {
    private static final long SECRET_LEVEL_1 = 0x5A3C96E1L;
    private static final int ROTATE_LEVEL_1 = 7;

    private final FakeClock clock = new FakeClock();
    private Vehicle vehicle;
    private EcuProbe engine;

    @BeforeEach
    void setUp() {
        vehicle = Vehicle.create(VehicleFiles.builtIn("petrol"), clock.now());
        engine = new EcuProbe(vehicle, "engine", clock);
    }

    private void extended() {
        engine.expect("10 03", "50 03 00 32 01 F4");
    }

    /** Requests a seed and answers it with the documented algorithm. */
    private void unlockLevel1() {
        byte[] seed = engine.bytes("27 01");
        assertThat(Hex.of(seed)).startsWith("67 01");
        byte[] key = ObdioXorRotateAdd.of(SECRET_LEVEL_1, ROTATE_LEVEL_1).key(1, java.util.Arrays.copyOfRange(seed, 2, 6));
        engine.expect("27 02 " + Hex.of(key), "67 02");
    }

    private String wrongKeyFor(byte[] seedAnswer) {
        byte[] key = ObdioXorRotateAdd.of(SECRET_LEVEL_1, ROTATE_LEVEL_1).key(1, java.util.Arrays.copyOfRange(seedAnswer, 2, 6));
        key[3] ^= 0x01;
        return "27 02 " + Hex.of(key);
    }

    @ParameterizedTest(name = "default session: {0} -> {1}")
    @CsvSource({
            "10 01, 50 01 00 32 01 F4",
            "10 03, 50 03 00 32 01 F4",
            "10 02, 7F 10 7E",
            "10 04, 7F 10 12",
            "10, 7F 10 13",
            "10 03 00, 7F 10 13",
            "3E 00, 7E 00",
            "3E 01, 7F 3E 12",
            "3E, 7F 3E 13",
            "27 01, 7F 27 7F",
            "2E F1 98 30 30 30 30 30 30 30 30 30 31, 7F 2E 7F",
            "31 01 02 03, 7F 31 7F",
            "28 00 01, 7F 28 7F",
            "85 02, 7F 85 7F",
            "23 00 00 10 00 04, 7F 23 11",
            "34 00 44 00 00 00 00 00 00 10 00, 7F 34 11",
            "22 F1 86, 62 F1 86 01",
            "22 F1 89, 62 F1 89 30 34 31 32",
            "22 F1 8B, 62 F1 8B 21 04 15",
            "22 12 34, 7F 22 31",
            "22 F1, 7F 22 13",
            "22, 7F 22 13",
            "22 F1 A1, 7F 22 31",
            "22 01 10, 62 01 10 02 8A",
            "14 FF FF, 7F 14 13",
            "14 12 34 56, 7F 14 31",
            "19, 7F 19 13",
            "19 99, 7F 19 12",
            "19 01 08, 59 01 FF 00 00 01",
            "19 01 FF, 59 01 FF 00 00 10",
            "19 02 08, 59 02 FF 03 01 00 E8",
            "19 02 04, 59 02 FF 01 71 00 27",
            "19 02 01, 59 02 FF 01 71 00 27",
            "19 03, 59 03 03 01 00 01",
            "19 04 03 01 00 02, 7F 19 31",
            "19 04 12 34 00 01, 7F 19 31",
            "19 04 01 71 00 01, 7F 19 31",
            "19 04 01 71 00 FF, 59 04 01 71 00 27",
            "19 06 03 01 00 01, 59 06 03 01 00 E8 01 03",
            "19 06 03 01 00 FF, 59 06 03 01 00 E8 01 03 02 00",
            "19 06 03 01 00 05, 7F 19 31",
            "19 06 03 01 00, 7F 19 13",
            "11 04, 7F 11 12",
            "11, 7F 11 13",
    })
    void defaultSession(String request, String expected) {
        engine.expect(request, expected);
    }

    @Test
    void snapshotRecordHoldsTheFreezeFrameAsObdPidDids() {
        engine.expect("19 04 03 01 00 01", "59 04 03 01 00 E8 01 0F"
                + " F4 03 02 00 F4 04 8A F4 05 80 F4 06 83 F4 07 7E F4 08 82 F4 09 81 F4 0B 3A F4 0C 26 48"
                + " F4 0D 3E F4 0E A5 F4 0F 47 F4 10 09 9C F4 11 3E F4 1F 02 E9");
        engine.expect("19 04 03 01 00 FF", engine.physical("19 04 03 01 00 01"));
    }

    @Test
    void supportedDtcsListEveryDtcWithItsStatus() {
        byte[] all = engine.bytes("19 0A");
        assertThat(Hex.of(all)).startsWith("59 0A FF 03 01 00 E8 01 71 00 27");
        assertThat((all.length - 3) / 4).isEqualTo(16);
        assertThat(all.length % 4).isEqualTo(3);
        assertThat(vehicle.ecu("engine").dtcs()).extracting(DtcStatus::statusByte).containsExactly(0xE8, 0x27);
    }

    @Test
    void sessionSecurityWriteReadBackThenResetDropsSessionAndSecurity() {
        extended();
        engine.expect("22 F1 86", "62 F1 86 03");
        engine.expect("22 F1 A1", "7F 22 33");
        engine.expect("2E F1 98 57 4F 52 4B 53 48 4F 50 30 31", "7F 2E 33");
        unlockLevel1();
        engine.expect("27 01", "67 01 00 00 00 00");
        engine.expect("22 F1 A1", "62 F1 A1 5A 00 00 01");
        engine.expect("2E F1 98 57 4F 52 4B 53 48 4F 50 30 31", "6E F1 98");
        engine.expect("22 F1 98", "62 F1 98 57 4F 52 4B 53 48 4F 50 30 31");
        engine.expect("22 F1 98 F1 90", "62 F1 98 57 4F 52 4B 53 48 4F 50 30 31 F1 90 "
                + Hex.of("5FNSM1H50PB004273".getBytes(StandardCharsets.US_ASCII)));
        assertThat(new String(vehicle.ecu("engine").didValue(0xF198), StandardCharsets.US_ASCII)).isEqualTo("WORKSHOP01");

        engine.expect("11 01", "51 01");
        assertThat(vehicle.ecu("engine").session(clock.now())).isEqualTo(DiagnosticSession.DEFAULT);
        clock.advanceMillis(100);
        assertThat(engine.physical("22 F1 86")).as("rebooting").isEqualTo("(silence)");
        assertThat(engine.functional("01 00")).as("rebooting").isEqualTo("(silence)");
        clock.advanceMillis(450);
        engine.expect("22 F1 86", "62 F1 86 01");
        extended();
        assertThat(vehicle.ecu("engine").unlockedSecurityLevels(clock.now())).isEmpty();
        engine.expect("22 F1 A1", "7F 22 33");
        // Written values are kept in the ECU's memory across resets.
        engine.expect("22 F1 98", "62 F1 98 57 4F 52 4B 53 48 4F 50 30 31");
    }

    @Test
    void writeChecksFollowIsoOrder() {
        extended();
        engine.expect("2E F1 90 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37", "7F 2E 31");
        engine.expect("2E 12 34 00", "7F 2E 31");
        engine.expect("2E F1 98", "7F 2E 13");
        engine.expect("2E F1 99 23 01 01", "7F 2E 31"); // writable in the programming session only
        engine.expect("2E F1 98 41", "7F 2E 33"); // security is checked before the data length
        unlockLevel1();
        engine.expect("2E F1 98 41", "7F 2E 13");
        engine.expect("2E F1 98 41 42 43 44 45 46 47 48 49 0A", "7F 2E 31"); // not printable
        engine.expect("2E 01 10 01 F4", "7F 2E 31"); // 500 rpm is below the minimum 550
        engine.expect("2E 01 10 03 E8", "6E 01 10");
        engine.expect("22 01 10", "62 01 10 03 E8");
    }

    @Test
    void writingTheIdleTargetChangesTheEngine() {
        // Warm the engine so the cold-idle boost has gone; the first leg of the cycle is idling.
        VehicleDescription warm = VehicleFiles.builtIn("petrol").withStart(new StartState(60, 48210, 90.0));
        vehicle = Vehicle.create(warm, clock.now());
        engine = new EcuProbe(vehicle, "engine", clock);
        clock.advanceMillis(5_000);
        double before = vehicle.snapshot(clock.now()).get(Signal.ENGINE_RPM);
        extended();
        unlockLevel1();
        engine.expect("2E 01 10 03 84", "6E 01 10"); // 900 rpm
        clock.advanceMillis(3_000);
        double after = vehicle.snapshot(clock.now()).get(Signal.ENGINE_RPM);
        assertThat(after - before).isBetween(200.0, 300.0);
    }

    @Test
    void wrongKeysAreCountedThenLockedOutForTheDelay() {
        extended();
        engine.expect("27 02 00 00 00 00", "7F 27 24"); // key before seed
        engine.expect("27 02 11 22", "7F 27 13");
        engine.expect("27 03", "7F 27 7E"); // level 3 is for the programming session
        engine.expect("27 05", "7F 27 12");
        engine.expect("27 00", "7F 27 12");
        engine.expect(wrongKeyFor(engine.bytes("27 01")), "7F 27 35");
        engine.expect(wrongKeyFor(engine.bytes("27 01")), "7F 27 35");
        engine.expect(wrongKeyFor(engine.bytes("27 01")), "7F 27 36");
        engine.expect("27 01", "7F 27 37");
        engine.expect("27 02 00 00 00 00", "7F 27 37");
        // The lock-out survives a reset.
        engine.expect("11 01", "51 01");
        clock.advanceMillis(600);
        extended();
        engine.expect("27 01", "7F 27 37");
        clock.advanceMillis(9_000);
        extended();
        engine.expect("27 01", "7F 27 37");
        clock.advanceMillis(500);
        extended();
        unlockLevel1();
    }

    @Test
    void aSeedIsOnlyGoodForOneKey() {
        extended();
        byte[] seed = engine.bytes("27 01");
        byte[] key = ObdioXorRotateAdd.of(SECRET_LEVEL_1, ROTATE_LEVEL_1).key(1, java.util.Arrays.copyOfRange(seed, 2, 6));
        engine.expect(wrongKeyFor(seed), "7F 27 35");
        engine.expect("27 02 " + Hex.of(key), "7F 27 24");
    }

    @Test
    void seedsDifferAndAreNeverZero() {
        extended();
        java.util.Set<String> seeds = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            String seed = engine.physical("27 01");
            assertThat(seed).doesNotEndWith("00 00 00 00");
            seeds.add(seed);
        }
        assertThat(seeds).hasSize(50);
    }

    @Test
    void programmingSessionNeedsExtendedAndAStandingVehicle() {
        engine.expect("10 02", "7F 10 7E");
        extended();
        engine.expect("10 02", "50 02 00 32 01 F4");
        engine.expect("10 03", "7F 10 7E");
        engine.expect("27 01", "7F 27 7E");
        engine.expect("14 FF FF FF", "7F 14 7F");
        engine.expect("10 01", "50 01 00 32 01 F4");
        clock.advanceMillis(40_000); // the car is moving now
        assertThat(vehicle.snapshot(clock.now()).get(Signal.VEHICLE_SPEED)).isGreaterThan(10);
        extended();
        engine.expect("10 02", "7F 10 22");
    }

    @Test
    void s3TimeoutFallsBackToDefaultAndLocks() {
        extended();
        unlockLevel1();
        for (int i = 0; i < 5; i++) {
            clock.advanceMillis(4_000);
            assertThat(engine.physical("3E 80")).isEqualTo("(silence)");
        }
        assertThat(vehicle.ecu("engine").session(clock.now())).isEqualTo(DiagnosticSession.EXTENDED);
        assertThat(vehicle.ecu("engine").unlockedSecurityLevels(clock.now())).containsExactly(1);
        clock.advanceMillis(4_900);
        engine.expect("22 F1 86", "62 F1 86 03");
        clock.advanceMillis(5_001);
        assertThat(vehicle.ecu("engine").session(clock.now())).isEqualTo(DiagnosticSession.DEFAULT);
        engine.expect("22 F1 86", "62 F1 86 01");
        extended();
        assertThat(vehicle.ecu("engine").unlockedSecurityLevels(clock.now())).isEmpty();
    }

    @Test
    void suppressPositiveResponseBit() {
        assertThat(engine.physical("10 83")).isEqualTo("(silence)");
        assertThat(vehicle.ecu("engine").session(clock.now())).isEqualTo(DiagnosticSession.EXTENDED);
        assertThat(engine.physical("3E 80")).isEqualTo("(silence)");
        // Negative responses are never suppressed.
        engine.expect("10 84", "7F 10 12");
        assertThat(engine.physical("28 83 01")).isEqualTo("(silence)");
        assertThat(vehicle.ecu("engine").communicationControl(clock.now())).containsExactly(3, 1);
    }

    @Test
    void functionalUdsKeepsOnlyTheNrcsIsoSaysToKeep() {
        assertThat(engine.functional("3E 80")).isEqualTo("(silence)");
        assertThat(engine.functional("3E 00")).isEqualTo("7E 00");
        assertThat(engine.functional("10 04")).isEqualTo("(silence)"); // 0x12 suppressed
        assertThat(engine.functional("23 00")).isEqualTo("(silence)"); // 0x11 suppressed
        assertThat(engine.functional("22 12 34")).isEqualTo("(silence)"); // 0x31 suppressed
        assertThat(engine.functional("27 01")).isEqualTo("(silence)"); // 0x7F suppressed
        assertThat(engine.functional("10")).isEqualTo("7F 10 13"); // 0x13 is not
        assertThat(engine.functional("10 03")).isEqualTo("50 03 00 32 01 F4");
    }

    @Test
    void clearDiagnosticInformationSharesTheObdFaultMemory() {
        engine.expect("14 FF FF FF", "54");
        engine.expect("03", "43 00");
        engine.expect("0A", "4A 01 03 01");
        engine.expect("19 02 08", "59 02 FF");
        engine.expect("19 03", "59 03");
        // Only the permanent record of P0301 remains, not failed since the clear.
        assertThat(vehicle.ecu("engine").dtcs()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DtcCode.parse("P0301"));
            assertThat(d.permanent()).isTrue();
            assertThat(d.stored()).isFalse();
            assertThat(d.statusByte() & 0x2F).isZero();
        });
        // One DTC by its UDS number.
        vehicle.ecu("engine").storeDtc(DtcSpec.pending("P0300"), clock.now());
        vehicle.ecu("engine").storeDtc(DtcSpec.stored("P0302"), clock.now());
        engine.expect("14 03 00 00", "54");
        engine.expect("07", "47 00");
        engine.expect("03", "43 01 03 02");
    }

    @Test
    void quickRoutineReportsFailedPreconditions() {
        extended();
        engine.expect("31 01 02 03", "71 01 02 03 02"); // standing, engine running
        engine.expect("31 03 02 03", "71 03 02 03 02");
        engine.expect("31 02 02 03", "7F 31 12");
        engine.expect("31 04 02 03", "7F 31 12");
        engine.expect("31 01 12 34", "7F 31 31");
        engine.expect("31 01 02", "7F 31 13");
        engine.expect("31 01 02 03 00", "7F 31 13");
        clock.advanceMillis(40_000);
        extended();
        engine.expect("31 01 02 03", "71 01 02 03 01 02"); // moving too
    }

    @Test
    void slowRoutineSchedulesResponsePendingThenTheResult() {
        extended();
        engine.expect("31 01 02 11", "7F 31 33");
        unlockLevel1();
        ResponseSchedule s = engine.schedule("31 01 02 11");
        List<ScheduledResponse> r = s.responses();
        assertThat(r).hasSize(4);
        assertThat(r.subList(0, 3)).allSatisfy(p -> assertThat(p.hex()).isEqualTo("7F3178"));
        assertThat(r.get(0).delayNanos()).isLessThan(UdsState.P2_MS * 1_000_000L);
        for (int i = 1; i < r.size(); i++) {
            long gap = r.get(i).delayNanos() - r.get(i - 1).delayNanos();
            assertThat(gap).as("each response-pending within P2*").isPositive().isLessThan(UdsState.P2_STAR_MS * 1_000_000L);
        }
        assertThat(r.get(3).hex()).startsWith("7101021100");
        assertThat(r.get(3).delayNanos() - r.get(0).delayNanos()).isEqualTo(4_500_000_000L);

        clock.advanceMillis(1_000);
        engine.expect("22 F1 86", "7F 22 21"); // busy
        assertThat(engine.physical("3E 80")).isEqualTo("(silence)");
        clock.advanceMillis(3_600);
        engine.expect("31 03 02 11", "71 03 02 11 00" + r.get(3).hex().substring(10).replaceAll("(..)", " $1"));
    }

    @Test
    void slowRoutineNeedsTheEngineRunning() {
        vehicle.setIgnition(false, clock.now());
        vehicle.setIgnition(true, clock.now());
        Vehicle hybrid = Vehicle.create(VehicleFiles.builtIn("hybrid").withStart(new StartState(50, 1000, 90.0)), clock.now());
        EcuProbe hybridEngine = new EcuProbe(hybrid, "engine", clock);
        clock.advanceMillis(10_000); // warm hybrid at standstill: engine off
        assertThat(hybrid.snapshot(clock.now()).get(Signal.ENGINE_RUNNING)).isZero();
        hybridEngine.expect("10 03", "50 03 00 32 01 F4");
        byte[] seed = hybridEngine.bytes("27 01");
        byte[] key = ObdioXorRotateAdd.of(0x6B8D2F41L, 9).key(1, java.util.Arrays.copyOfRange(seed, 2, 6));
        hybridEngine.expect("27 02 " + Hex.of(key), "67 02");
        hybridEngine.expect("31 01 02 11", "7F 31 22");
    }

    @Test
    void fanTestRunsUntilStopped() {
        extended();
        engine.expect("31 03 02 12", "7F 31 24");
        engine.expect("31 02 02 12", "7F 31 24");
        engine.expect("31 01 02 12", "71 01 02 12 00");
        engine.expect("31 01 02 12", "7F 31 24");
        clock.advanceMillis(3_000);
        engine.expect("31 03 02 12", "71 03 02 12 01 0B B8");
        engine.expect("31 02 02 12", "71 02 02 12 0B B8");
        engine.expect("31 03 02 12", "71 03 02 12 00 0B B8");
        engine.expect("31 01 02 12", "71 01 02 12 00");
        for (int i = 0; i < 3; i++) {
            clock.advanceMillis(4_000);
            engine.expect("3E 00", "7E 00");
        }
        engine.expect("31 03 02 12", "71 03 02 12 00 27 10"); // stopped itself after 10 s
        engine.expect("31 01 02 12", "71 01 02 12 00");
        clock.advanceMillis(2_000);
        engine.expect("10 01", "50 01 00 32 01 F4"); // leaving the session stops it
        extended();
        engine.expect("31 03 02 12", "71 03 02 12 00 07 D0");
    }

    @Test
    void communicationControlAndDtcSetting() {
        extended();
        engine.expect("28 03 01", "68 03");
        engine.expect("28 05 01", "7F 28 12");
        engine.expect("28 00 00", "7F 28 31");
        engine.expect("28 00 05", "7F 28 31");
        engine.expect("28 00", "7F 28 13");
        assertThat(vehicle.ecu("engine").communicationControl(clock.now())).containsExactly(3, 1);
        engine.expect("85 02", "C5 02");
        engine.expect("85 03", "7F 85 12");
        engine.expect("85 02 12 34 56", "7F 85 31");
        engine.expect("85 02 FF FF FF", "C5 02");
        assertThat(vehicle.ecu("engine").storeDtc(DtcSpec.stored("P0420"), clock.now())).isFalse();
        engine.expect("03", "43 01 03 01");
        engine.expect("10 01", "50 01 00 32 01 F4");
        assertThat(vehicle.ecu("engine").communicationControl(clock.now())).containsExactly(0, 3);
        assertThat(vehicle.ecu("engine").dtcSettingOn(clock.now())).isTrue();
        assertThat(vehicle.ecu("engine").storeDtc(DtcSpec.stored("P0420"), clock.now())).isTrue();
        engine.expect("03", "43 02 03 01 04 20");
    }

    @Test
    void obdDataThroughUdsDids() {
        engine.expect("22 F4 00", "62 F4 00" + engine.physical("01 00").substring(5));
        clock.advanceMillis(45_000);
        String speed = engine.physical("01 0D").substring(6);
        engine.expect("22 F4 0D", "62 F4 0D " + speed);
        engine.expect("22 F4 16", "7F 22 31");
    }
}
