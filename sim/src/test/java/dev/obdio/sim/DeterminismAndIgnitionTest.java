package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Same seed, same answers; reads never disturb the run; the ignition starts and ends cycles. */
class DeterminismAndIgnitionTest {
    private static final long MS = 1_000_000L;

    @Test
    void sameSeedSameAnswersDifferentSeedDifferentNoise() {
        VehicleDescription d = VehicleFiles.builtIn("petrol");
        Vehicle a = Vehicle.create(d, 0);
        Vehicle b = Vehicle.create(d, 0);
        Vehicle c = Vehicle.create(d, 99, 0);
        for (long t = 0; t <= 300_000; t += 997) {
            assertThat(a.snapshot(t * MS)).isEqualTo(b.snapshot(t * MS));
            ResponseSchedule ra = a.ecu("engine").respond(Hex.bytes("01 0C 0D 10"), Addressing.PHYSICAL, t * MS);
            ResponseSchedule rb = b.ecu("engine").respond(Hex.bytes("01 0C 0D 10"), Addressing.PHYSICAL, t * MS);
            assertThat(ra).isEqualTo(rb);
        }
        assertThat(c.snapshot(300_000 * MS).get(Signal.ENGINE_RPM))
                .isNotEqualTo(a.snapshot(300_000 * MS).get(Signal.ENGINE_RPM));
    }

    @Test
    void readingDoesNotDisturbTheModel() {
        VehicleDescription d = VehicleFiles.builtIn("diesel");
        Vehicle busy = Vehicle.create(d, 0);
        Vehicle idle = Vehicle.create(d, 0);
        for (long t = 0; t < 120_000; t += 3) {
            busy.snapshot(t * MS);
            busy.ecu("engine").respond(Hex.bytes("01 0C"), Addressing.PHYSICAL, t * MS);
        }
        assertThat(busy.snapshot(120_000 * MS)).isEqualTo(idle.snapshot(120_000 * MS));
    }

    @Test
    void timeNeverRunsBackwards() {
        Vehicle v = Vehicle.create(VehicleFiles.builtIn("petrol"), 0);
        VehicleSnapshot later = v.snapshot(60_000 * MS);
        assertThat(v.snapshot(10_000 * MS)).isEqualTo(later);
    }

    @Test
    void ignitionOffSilencesEveryEcuAndStopsTheEngine() {
        FakeClock clock = new FakeClock();
        Vehicle v = Vehicle.create(VehicleFiles.builtIn("petrol"), clock.now());
        EcuProbe engine = new EcuProbe(v, "engine", clock);
        clock.advanceMillis(600_000);
        engine.expect("10 03", "50 03 00 32 01 F4");
        double hot = v.snapshot(clock.now()).get(Signal.COOLANT_TEMP);
        v.setIgnition(false, clock.now());
        assertThat(v.ignitionOn()).isFalse();
        assertThat(engine.physical("01 0C")).isEqualTo("(silence)");
        assertThat(v.respondFunctional(Hex.bytes("01 00"), clock.now()).values()).allMatch(ResponseSchedule::isSilent);
        clock.advanceMillis(1_800_000);
        VehicleSnapshot parked = v.snapshot(clock.now());
        assertThat(parked.get(Signal.ENGINE_RPM)).isZero();
        assertThat(parked.get(Signal.VEHICLE_SPEED)).isZero();
        assertThat(parked.get(Signal.COOLANT_TEMP)).isLessThan(hot - 20);

        v.setIgnition(true, clock.now());
        clock.advanceMillis(2_000);
        engine.expect("22 F1 86", "62 F1 86 01"); // power-on session
        assertThat(engine.physical("01 1F")).isEqualTo("41 1F 00 02"); // run time restarted
        assertThat(engine.physical("01 41")).isEqualTo("41 41 00 37 E5 E5"); // new drive cycle
        assertThat(v.drivePosition(clock.now())).containsExactly(0, 0);
    }

    @Test
    void aWarmUpCycleIsCountedOncePerIgnitionCycle() {
        FakeClock clock = new FakeClock();
        Vehicle v = Vehicle.create(VehicleFiles.builtIn("petrol"), clock.now());
        EcuProbe engine = new EcuProbe(v, "engine", clock);
        engine.expect("01 30", "41 30 26");
        clock.advanceMillis(900_000);
        engine.expect("01 30", "41 30 27");
        clock.advanceMillis(900_000);
        engine.expect("01 30", "41 30 27");
        // A restart of a warm engine is no warm-up: the coolant cannot rise 22 °C.
        v.setIgnition(false, clock.now());
        v.setIgnition(true, clock.now());
        clock.advanceMillis(900_000);
        engine.expect("01 30", "41 30 27");
    }
}
