package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdOptions;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.Quantity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Seen through the OBD client, the car drives coherently: engine speed, vehicle speed and the
 * gear (PID A4) agree with the gearbox, the final drive and the tyre of the vehicle file. The
 * model runs in real time on the bus, so the test samples a stretch of the route with gear
 * changes, chosen in advance on an offline copy of the same vehicle (the model is deterministic).
 */
class ObdDriveCycleCoherenceTest {
    private static final double WINDOW_S = 12;
    private static final double MARGIN_S = 6;

    /** Rolling radius of 235/45R18 as docs/SIMULATOR.md defines it: 0.97 x (rim/2 + width x aspect). */
    private static final double RADIUS_M = 0.97 * (18 * 0.0254 / 2 + 0.235 * 0.45);

    record Sample(double rpm, double kmh, int gear, double ratio) {
    }

    /** Seconds after ignition where the next WINDOW_S + MARGIN_S see the car moving through several gears. */
    static long windowWithShifts(VehicleDescription d) {
        Vehicle probe = Vehicle.create(d, 0);
        int steps = 10 * 900;
        double[] kmh = new double[steps];
        int[] gear = new int[steps];
        for (int i = 0; i < steps; i++) {
            VehicleSnapshot s = probe.snapshot(i * 100_000_000L);
            kmh[i] = s.get(Signal.VEHICLE_SPEED);
            gear[i] = (int) s.get(Signal.GEAR);
        }
        int span = (int) ((WINDOW_S + MARGIN_S) * 10);
        for (int start = 50; start + span < steps; start += 10) {
            TreeSet<Integer> gears = new TreeSet<>();
            int moving = 0;
            for (int i = start; i < start + span; i++) {
                if (kmh[i] >= 20) {
                    moving++;
                    gears.add(gear[i]);
                }
            }
            if (moving >= span * 0.8 && gears.size() >= 3) {
                return start / 10;
            }
        }
        throw new AssertionError("no stretch with three gears in the first 15 minutes of " + d.name());
    }

    @Test
    void speedRpmAndGearAgreeThroughTheClient() throws Exception {
        VehicleDescription d = VehicleFiles.builtIn("petrol");
        long t0 = windowWithShifts(d);
        try (SimOnBus sim = SimOnBus.start(d, System.nanoTime() - TimeUnit.SECONDS.toNanos(t0));
             ObdConnection car = ObdConnection.open(sim.bus, ObdOptions.DEFAULTS.withP2(Duration.ofMillis(200)))) {
            ObdCommand gear = ObdConnectionAgainstSimTest.GEAR;
            List<Sample> samples = new ArrayList<>();
            long end = System.nanoTime() + (long) (WINDOW_S * 1e9);
            while (System.nanoTime() < end) {
                Map<ObdCommand, ObdResponse> rs = car.query(List.of(ObdCommands.RPM, ObdCommands.SPEED));
                ObdResponse g = car.query(gear, true);
                if (rs.values().stream().allMatch(r -> r.value().isPresent()) && !g.messages().isEmpty()) {
                    samples.add(new Sample(((Quantity) rs.get(ObdCommands.RPM).value().get()).doubleValue(),
                            ((Quantity) rs.get(ObdCommands.SPEED).value().get()).doubleValue(),
                            ObdConnectionAgainstSimTest.gearOf(g), ObdConnectionAgainstSimTest.ratioOf(g)));
                }
            }
            assertThat(samples).as("samples over %s s", WINDOW_S).hasSizeGreaterThan(50);
            List<Double> ratios = d.transmission().gearRatios();
            TreeSet<Integer> gearsSeen = new TreeSet<>();
            int locked = 0;
            int agree = 0;
            for (Sample s : samples) {
                assertThat(s.rpm()).isBetween(0.0, (double) d.engine().redlineRpm());
                assertThat(s.kmh()).isBetween(0.0, 250.0);
                assertThat(s.gear()).isBetween(0, ratios.size());
                if (s.gear() >= 1) {
                    assertThat(s.ratio()).isCloseTo(ratios.get(s.gear() - 1), org.assertj.core.data.Offset.offset(0.001));
                }
                // Gear 2 and up above 1200 rpm: the converter is locked, engine speed follows the wheels.
                if (s.gear() >= 2 && s.kmh() >= 20 && s.rpm() >= 1200) {
                    gearsSeen.add(s.gear());
                    locked++;
                    double wheelRpm = s.kmh() / 3.6 / RADIUS_M * 60 / (2 * Math.PI);
                    double expected = wheelRpm * s.ratio() * d.transmission().finalDrive();
                    if (Math.abs(s.rpm() - expected) <= 0.06 * expected + 30) {
                        agree++;
                    }
                }
            }
            assertThat(gearsSeen).as("gears with the driveline locked").hasSizeGreaterThanOrEqualTo(2);
            // Shifts (0.3 s) and the two requests of a sample straddling one may disagree, rarely.
            assertThat(agree).as("%d of %d samples agree", agree, locked).isGreaterThanOrEqualTo((int) (locked * 0.85));
        }
    }
}
