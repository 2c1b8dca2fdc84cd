package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OBD-II services of the built-in petrol car as raw request and response bytes (SAE J1979 on
 * ISO 15765-4). Values that follow the drive cycle are checked against the vehicle's snapshot at
 * the same instant; fixed data (DTCs, freeze frame, VIN, calibration) byte for byte.
 */
class ObdServicesTest {
    private final FakeClock clock = new FakeClock();
    private Vehicle vehicle;
    private EcuProbe engine;
    private EcuProbe transmission;

    @BeforeEach
    void setUp() {
        vehicle = Vehicle.create(VehicleFiles.builtIn("petrol"), clock.now());
        engine = new EcuProbe(vehicle, "engine", clock);
        transmission = new EcuProbe(vehicle, "transmission", clock);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // Mode 01 status: MIL on with one stored DTC; spark ignition; monitors complete since clear.
            "01 01, 41 01 81 07 E5 00",
            // This drive cycle: nothing has completed yet but the comprehensive components.
            "01 41, 41 41 00 37 E5 E5",
            "01 1C, 41 1C 01",
            "01 13, 41 13 33",
            "01 51, 41 51 01",
            "01 63, 41 63 01 5E",
            "01 30, 41 30 26",
            "01 31, 41 31 05 F0",
            "01 21, 41 21 00 0C",
            "01 4D, 41 4D 00 15",
            "01 4E, 41 4E 09 6A",
            // Modes 03, 07, 0A with the CAN count byte.
            "03, 43 01 03 01",
            "07, 47 01 01 71",
            "0A, 4A 01 03 01",
            // Freeze frame 0 was stored by P0301.
            "02 02 00, 42 02 00 03 01",
            "02 0C 00, 42 0C 00 26 48",
            "02 0D 00, 42 0D 00 3E",
            "02 05 00, 42 05 00 80",
            "02 04 00, 42 04 00 8A",
            "02 03 00, 42 03 00 02 00",
            "02 06 00, 42 06 00 83",
            "02 07 00, 42 07 00 7E",
            "02 0B 00, 42 0B 00 3A",
            "02 0E 00, 42 0E 00 A5",
            "02 0F 00, 42 0F 00 47",
            "02 10 00, 42 10 00 09 9C",
            "02 11 00, 42 11 00 3E",
            "02 1F 00, 42 1F 00 02 E9",
            "02 0C 00 0D 00 05 00, 42 0C 00 26 48 0D 00 3E 05 00 80",
            // Mode 06: misfire counts of cylinder 1 fail against the maximum of 50 (P0301 is stored).
            "06 A2, 46 A2 0B 24 00 60 00 00 00 32 A2 0C 24 00 78 00 00 00 32",
            "06 A3, 46 A3 0B 24 00 00 00 00 00 32 A3 0C 24 00 00 00 00 00 32",
            "06 A1, 46 A1 0B 24 00 62 00 00 FF FF A1 0C 24 00 78 00 00 FF FF",
            // Mode 09.
            "09 00, 49 00 55 40 00 00",
            "09 06, 49 06 02 A1 B2 C3 D4 7F 3E 9C 5B",
            // Negative responses to physical requests.
            "01, 7F 01 13",
            "01 0C 0D 05 04 0B 0F 11, 7F 01 13",
            "01 16, 7F 01 12",
            "01 02, 7F 01 12",
            "01 C0, 7F 01 12",
            "02 0C, 7F 02 13",
            "02 0C 00 0D, 7F 02 13",
            "02 0C 01, 7F 02 31",
            "02 5C 00, 7F 02 12",
            "03 00, 7F 03 13",
            "04 00, 7F 04 13",
            "05, 7F 05 11",
            "08 01, 7F 08 11",
            "06, 7F 06 13",
            "06 55, 7F 06 12",
            "06 A2 A3, 7F 06 12",
            "09, 7F 09 13",
            "09 01, 7F 09 12",
            "09 02 04, 7F 09 12",
    })
    void engineAnswers(String request, String expected) {
        engine.expect(request, expected);
    }

    @ParameterizedTest(name = "functional {0} -> silence")
    @CsvSource({"01 16", "01", "02 0C 01", "03 00", "05", "06 55", "09 01", "0B", "01 C0"})
    void functionalRequestsNobodyServesGetSilence(String request) {
        assertThat(engine.functional(request)).isEqualTo("(silence)");
        assertThat(transmission.functional(request)).isEqualTo("(silence)");
    }

    @Test
    void transmissionServesItsOwnSmallSet() {
        transmission.expect("01 01", "41 01 00 04 00 00");
        transmission.expect("03", "43 00");
        transmission.expect("07", "47 00");
        transmission.expect("0A", "4A 00");
        transmission.expect("09 00", "49 00 14 40 00 00");
        transmission.expect("01 0C", "7F 01 12");
        transmission.expect("06 00", "7F 06 11");
        transmission.expect("09 02", "7F 09 12");
        assertThat(transmission.functional("09 02")).isEqualTo("(silence)");
        assertThat(transmission.functional("06 00")).isEqualTo("(silence)");
    }

    @Test
    void vinCalibrationIdsAndEcuName() {
        byte[] vin = engine.bytes("09 02");
        assertThat(Hex.of(vin)).startsWith("49 02 01");
        assertThat(new String(vin, 3, 17, StandardCharsets.US_ASCII)).isEqualTo("5FNSM1H50PB004273");
        assertThat(vin).hasSize(20);

        byte[] cal = engine.bytes("09 04");
        assertThat(Hex.of(cal)).startsWith("49 04 02");
        assertThat(cal).hasSize(3 + 2 * 16);
        assertThat(new String(cal, 3, 16, StandardCharsets.US_ASCII)).isEqualTo("OBDIO35V6A1042\0\0");
        assertThat(new String(cal, 19, 16, StandardCharsets.US_ASCII)).isEqualTo("OBDIO35V6B0117\0\0");

        byte[] name = engine.bytes("09 0A");
        assertThat(Hex.of(name)).startsWith("49 0A 01");
        assertThat(new String(name, 3, 20, StandardCharsets.US_ASCII)).isEqualTo("ECM\0-EngineControl\0\0");

        byte[] inUse = engine.bytes("09 08");
        assertThat(Hex.of(inUse)).startsWith("49 08 14");
        assertThat(inUse).hasSize(3 + 20 * 2);
        int obdCond = ((inUse[3] & 0xFF) << 8) | (inUse[4] & 0xFF);
        int ignitions = ((inUse[5] & 0xFF) << 8) | (inUse[6] & 0xFF);
        assertThat(ignitions).isGreaterThan(obdCond).isPositive();
        for (int i = 0; i < 9; i++) {
            int comp = ((inUse[7 + 4 * i] & 0xFF) << 8) | (inUse[8 + 4 * i] & 0xFF);
            int cond = ((inUse[9 + 4 * i] & 0xFF) << 8) | (inUse[10 + 4 * i] & 0xFF);
            assertThat(comp).as("numerator %d", i).isLessThanOrEqualTo(cond);
            assertThat(cond).as("denominator %d", i).isLessThanOrEqualTo(obdCond);
        }
    }

    @Test
    void multiPidRequestAnswersEachPidWithItsData() {
        clock.advanceMillis(95_000); // driving: values are not trivial
        VehicleSnapshot s = vehicle.snapshot(clock.now());
        byte[] answer = engine.bytes("01 0C 0D 05 16 0F");
        int rpmRaw = (int) Math.rint(s.get(Signal.ENGINE_RPM) * 4);
        int speed = (int) Math.rint(s.get(Signal.VEHICLE_SPEED));
        int coolant = (int) Math.rint(s.get(Signal.COOLANT_TEMP) + 40);
        int iat = (int) Math.rint(s.get(Signal.INTAKE_TEMP) + 40);
        // PID 16 (bank 1 sensor 3) is not implemented, so it is left out.
        assertThat(Hex.of(answer)).isEqualTo(Hex.of(new byte[] {0x41, 0x0C, (byte) (rpmRaw >> 8), (byte) rpmRaw,
                0x0D, (byte) speed, 0x05, (byte) coolant, 0x0F, (byte) iat}));
    }

    @Test
    void modeFourClearsDtcsFreezeFrameAndCountersButNotPermanentDtcs() {
        clock.advanceMillis(600_000);
        assertThat(engine.physical("01 31")).isNotEqualTo("41 31 05 F0"); // the car has driven
        engine.expect("04", "44");
        engine.expect("03", "43 00");
        engine.expect("07", "47 00");
        engine.expect("0A", "4A 01 03 01");
        engine.expect("02 02 00", "42 02 00 00 00");
        engine.expect("02 0C 00", "7F 02 12");
        engine.expect("01 31", "41 31 00 00");
        engine.expect("01 30", "41 30 00");
        engine.expect("01 21", "41 21 00 00");
        engine.expect("01 4D", "41 4D 00 00");
        engine.expect("01 4E", "41 4E 00 00");
        // MIL off, no DTC; every monitor but the comprehensive components is incomplete again.
        engine.expect("01 01", "41 01 00 37 E5 E5");
        // Monitor results read 0 until their monitors complete again.
        engine.expect("06 A2", "46 A2 0B 24 00 00 00 00 00 00 A2 0C 24 00 00 00 00 00 00");
        // Counters run again from the clear.
        clock.advanceMillis(120_000);
        assertThat(engine.physical("01 4E")).isEqualTo("41 4E 00 02");
    }

    @Test
    void functionalClearReachesEveryEcu() {
        vehicle.ecu("transmission").storeDtc(DtcSpec.stored("P0715"), clock.now());
        transmission.expect("03", "43 01 07 15");
        Map<SimulatedEcu, ResponseSchedule> answers = vehicle.respondFunctional(Hex.bytes("04"), clock.now());
        assertThat(answers.values()).allSatisfy(s -> assertThat(Hex.of(s.finalPayload())).isEqualTo("44"));
        transmission.expect("03", "43 00");
        engine.expect("03", "43 00");
    }

    @Test
    void functionalSupportedPidsReachEveryEcuOfTheHybrid() {
        Vehicle hybrid = Vehicle.create(VehicleFiles.builtIn("hybrid"), clock.now());
        Map<SimulatedEcu, ResponseSchedule> answers = hybrid.respondFunctional(Hex.bytes("01 00"), clock.now());
        assertThat(answers).hasSize(3);
        assertThat(answers.values()).allSatisfy(s -> assertThat(Hex.of(s.finalPayload())).startsWith("41 00"));
        // Only the hybrid ECU knows the battery.
        Map<SimulatedEcu, ResponseSchedule> battery = hybrid.respondFunctional(Hex.bytes("01 5B"), clock.now());
        assertThat(battery.get(hybrid.ecu("hybrid")).isSilent()).isFalse();
        assertThat(battery.get(hybrid.ecu("engine")).isSilent()).isTrue();
        assertThat(battery.get(hybrid.ecu("transmission")).isSilent()).isTrue();
    }

    @Test
    void runtimeDtcCapturesAFreezeFrameWhenNoneIsHeld() {
        engine.expect("04", "44");
        clock.advanceMillis(100_000);
        VehicleSnapshot now = vehicle.snapshot(clock.now());
        assertThat(vehicle.ecu("engine").storeDtc(DtcSpec.stored("P0420"), clock.now())).isTrue();
        engine.expect("03", "43 01 04 20");
        engine.expect("02 02 00", "42 02 00 04 20");
        int speed = (int) Math.rint(now.get(Signal.VEHICLE_SPEED));
        engine.expect("02 0D 00", String.format("42 0D 00 %02X", speed));
        assertThat(engine.physical("01 01")).startsWith("41 01 81");
    }

    @Test
    void responsesComeWithinTheConfiguredLatency() {
        for (int i = 0; i < 200; i++) {
            ResponseSchedule s = engine.schedule("01 0C");
            assertThat(s.responses()).hasSize(1);
            assertThat(s.last().delayNanos()).isBetween(5_000_000L, 15_000_000L);
            clock.advanceMillis(7);
        }
    }
}
