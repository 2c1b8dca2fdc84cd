package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One simulated hour of each built-in vehicle at 10 ms steps (and every 10 s a round of requests): the
 * quantities must agree with each
 * other as physics says (gear ratios, speed-density air mass, fuel from air and mixture, loads,
 * thermostat), stay inside what their PIDs can encode, and decode with python-OBD's formulas to
 * the values the model holds.
 */
class DriveCycleCoherenceTest {
    private static final long STEP = 10_000_000L;
    private static final long HOUR_STEPS = 360_000;
    private static final double R_AIR = 287.05;

    /** python-OBD 0.7.3 decoders (obd/decoders.py, UnitsAndScaling.py) for the scalar PIDs, plus J1979 for 61/62/A6. */
    private static final Map<Integer, ToDoubleFunction<int[]>> PYTHON_OBD = new LinkedHashMap<>();
    /** Half a quantisation step (plus python-OBD's rounded UAS scales) per PID. */
    private static final Map<Integer, Double> TOLERANCE = new LinkedHashMap<>();

    static {
        decoder(0x04, d -> d[0] * 100.0 / 255, 100.0 / 255 / 2);
        decoder(0x05, d -> d[0] - 40, 0.5);
        for (int pid = 0x06; pid <= 0x09; pid++) {
            decoder(pid, d -> (d[0] - 128) * 100.0 / 128, 100.0 / 128 / 2);
        }
        decoder(0x0B, d -> d[0], 0.5);
        decoder(0x0C, d -> (d[0] * 256 + d[1]) * 0.25, 0.125);
        decoder(0x0D, d -> d[0], 0.5);
        decoder(0x0E, d -> (d[0] - 128) / 2.0, 0.25);
        decoder(0x0F, d -> d[0] - 40, 0.5);
        decoder(0x10, d -> (d[0] * 256 + d[1]) * 0.01, 0.005);
        decoder(0x11, d -> d[0] * 100.0 / 255, 100.0 / 255 / 2);
        decoder(0x1F, d -> d[0] * 256 + d[1], 0.5);
        decoder(0x23, d -> (d[0] * 256 + d[1]) * 10, 5);
        decoder(0x2C, d -> d[0] * 100.0 / 255, 100.0 / 255 / 2);
        decoder(0x2D, d -> (d[0] - 128) * 100.0 / 128, 100.0 / 128 / 2);
        decoder(0x2E, d -> d[0] * 100.0 / 255, 100.0 / 255 / 2);
        decoder(0x2F, d -> d[0] * 100.0 / 255, 100.0 / 255 / 2);
        decoder(0x33, d -> d[0], 0.5);
        decoder(0x3C, d -> (d[0] * 256 + d[1]) * 0.1 - 40, 0.05);
        decoder(0x3D, d -> (d[0] * 256 + d[1]) * 0.1 - 40, 0.05);
        decoder(0x42, d -> (d[0] * 256 + d[1]) * 0.001, 0.0005);
        decoder(0x43, d -> (d[0] * 256 + d[1]) * 100.0 / 255, 100.0 / 255 / 2);
        decoder(0x44, d -> (d[0] * 256 + d[1]) * 0.0000305, 0.0001);
        for (int pid : new int[] {0x45, 0x47, 0x49, 0x4A, 0x4C, 0x5A, 0x5B}) {
            decoder(pid, d -> d[0] * 100.0 / 255, 100.0 / 255 / 2);
        }
        decoder(0x46, d -> d[0] - 40, 0.5);
        decoder(0x5C, d -> d[0] - 40, 0.5);
        decoder(0x5D, d -> ((d[0] * 256 + d[1]) - 26880) / 128.0, 1.0 / 256);
        decoder(0x5E, d -> (d[0] * 256 + d[1]) * 0.05, 0.025);
        decoder(0x61, d -> d[0] - 125, 0.5);
        decoder(0x62, d -> d[0] - 125, 0.5);
        decoder(0xA6, d -> (((long) d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3]) / 10.0, 0.05);
    }

    private static void decoder(int pid, ToDoubleFunction<int[]> f, double tolerance) {
        PYTHON_OBD.put(pid, f);
        TOLERANCE.put(pid, tolerance + 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"petrol", "diesel", "hybrid"})
    void anHourOfDrivingIsPhysicallyCoherent(String name) {
        VehicleDescription d = VehicleFiles.builtIn(name);
        long start = 5_000_000_000L;
        Vehicle vehicle = Vehicle.create(d, start);
        EngineSpec engine = d.engine();
        TransmissionSpec box = d.transmission();
        double radius = d.body().wheelRadiusM();
        double baro = d.environment().baroKpa();
        double thermostat = engine.thermostatC();
        double warmThreshold = d.isHybrid() ? 70 : thermostat - 2;
        double afr = engine.fuel().stoichiometricAfr();
        double density = engine.fuel().densityKgPerL();
        // The encodable range of each signal some supported PID carries (intersected over PIDs).
        Map<Signal, double[]> limits = new java.util.EnumMap<>(Signal.class);
        for (EcuDescription e : d.ecus()) {
            for (int pid : e.pids()) {
                for (ObdPids.Range r : ObdPids.get(pid).ranges()) {
                    double[] l = limits.computeIfAbsent(r.signal(), k -> new double[] {r.min(), r.max()});
                    l[0] = Math.max(l[0], r.min());
                    l[1] = Math.min(l[1], r.max());
                }
            }
        }
        Signal[] limited = limits.keySet().toArray(new Signal[0]);
        double[] lows = limits.values().stream().mapToDouble(l -> l[0]).toArray();
        double[] highs = limits.values().stream().mapToDouble(l -> l[1]).toArray();

        VehicleSnapshot previous = null;
        boolean warm = false;
        double maxSpeed = 0;
        long lockedSteps = 0;
        long coldSteps = 0;
        for (long i = 0; i <= HOUR_STEPS; i++) {
            long now = start + i * STEP;
            VehicleSnapshot s = vehicle.snapshot(now);
            double t = i * 0.01;
            Supplier<String> at = () -> String.format("%s at %.2f s: %s", name, t, s);
            double rpm = s.get(Signal.ENGINE_RPM);
            double speed = s.get(Signal.VEHICLE_SPEED);
            int gear = (int) s.get(Signal.GEAR);
            boolean running = s.get(Signal.ENGINE_RUNNING) == 1;
            maxSpeed = Math.max(maxSpeed, speed);

            // Engine speed, vehicle speed and the engaged gear.
            if (gear > 0) {
                check(s.get(Signal.GEAR_RATIO) == box.ratio(gear), "gear ratio of the engaged gear", at);
            }
            if (running && s.get(Signal.DRIVELINE_LOCKED) == 1) {
                lockedSteps++;
                check(gear >= 1 && gear <= box.gears(), "a locked driveline is in a gear", at);
                double geared = speed / 3.6 / radius * 60 / (2 * Math.PI) * box.ratio(gear) * box.finalDrive();
                close(rpm, geared, 0.01 * geared + 10, "rpm agrees with speed, gear ratio, final drive and tyre", at);
            }
            if (running) {
                check(rpm >= engine.idleRpm() * 0.85 && rpm <= engine.redlineRpm() + 50.0, "running engine speed", at);
            } else {
                check(rpm == 0 && s.get(Signal.MAF) == 0 && s.get(Signal.FUEL_RATE) == 0, "a stopped engine", at);
            }

            // Air: speed-density with the documented volumetric efficiency curve and EGR dilution.
            double map = s.get(Signal.INTAKE_PRESSURE);
            double tempK = s.get(Signal.INTAKE_TEMP) + 273.15;
            double maf = s.get(Signal.MAF);
            if (running) {
                double expectedMaf = speedDensity(engine, rpm, map, tempK) * (1 - 0.4 * s.get(Signal.COMMANDED_EGR) / 100);
                close(maf, expectedMaf, 1e-6 * expectedMaf + 1e-9, "speed-density MAF", at);
                double absolute = 100 * maf / (engine.displacementL() * 1.184 * rpm / 120);
                close(s.get(Signal.ABSOLUTE_LOAD), absolute, 1e-6 * absolute + 1e-9, "absolute load", at);
                if (engine.fuel() == FuelType.PETROL) {
                    double wot = speedDensity(engine, rpm, baro, tempK);
                    close(s.get(Signal.ENGINE_LOAD), Math.min(100, 100 * maf / wot), 1e-6, "load is airflow over WOT airflow", at);
                    check(map >= 10 && map <= baro + 1, "throttled MAP", at);
                } else {
                    check(map >= baro - 1 && map <= baro + engine.maxBoostKpa() + 2, "boost within the turbo's range", at);
                }
            }
            // Fuel: air over the air-fuel ratio; none in overrun fuel cut.
            double lambda = s.get(Signal.LAMBDA);
            double fuelRate = s.get(Signal.FUEL_RATE);
            if (lambda > 0) {
                double expectedFuel = maf / (afr * lambda) * 3.6 / density;
                close(fuelRate, expectedFuel, 1e-6 * expectedFuel + 1e-9, "fuel rate from air and lambda", at);
                if (engine.fuel() == FuelType.PETROL) {
                    check(lambda >= 0.8 && lambda <= 1.2, "petrol lambda", at);
                } else {
                    check(lambda > 1.1, "diesel stays above the smoke limit", at);
                }
            } else {
                check(fuelRate == 0, "no fuel without combustion", at);
            }
            if (engine.fuel() == FuelType.PETROL && running && s.get(Signal.FUEL_SYSTEM_STATUS) == 2) {
                check(s.get(Signal.COMMANDED_LAMBDA) == 1.0, "closed loop commands lambda 1", at);
                check(Math.abs(s.get(Signal.SHORT_FUEL_TRIM_1)) < 25, "short term trim", at);
            }

            // Coolant warms monotonically, then the thermostat holds it.
            double coolant = s.get(Signal.COOLANT_TEMP);
            if (!warm) {
                coldSteps++;
                if (previous != null) {
                    check(coolant >= previous.get(Signal.COOLANT_TEMP) - 1e-9, "coolant warms up monotonically", at);
                    check(s.get(Signal.OIL_TEMP) <= coolant + 1, "oil lags coolant", at);
                }
                warm = coolant >= warmThreshold;
            } else {
                check(coolant >= (d.isHybrid() ? 55 : thermostat - 12) && coolant <= thermostat + 8,
                        "the thermostat regulates coolant", at);
            }

            // Stores and counters only go one way.
            if (previous != null) {
                check(s.get(Signal.FUEL_LEVEL) <= previous.get(Signal.FUEL_LEVEL), "fuel level never rises", at);
                check(s.get(Signal.ODOMETER) >= previous.get(Signal.ODOMETER), "odometer", at);
                check(s.get(Signal.RUN_TIME) > previous.get(Signal.RUN_TIME), "run time", at);
            }
            double volts = s.get(Signal.MODULE_VOLTAGE);
            check(volts >= 11.8 && volts <= 14.8, "module voltage", at);

            // Every value a supported PID carries fits its encoding without clamping.
            for (int k = 0; k < limited.length; k++) {
                double v = s.get(limited[k]);
                if (!(v >= lows[k] && v <= highs[k])) {
                    fail(limited[k] + " = " + v + " outside " + lows[k] + ".." + highs[k] + ", the range of its PIDs: " + at.get());
                }
            }

            if (i % 1000 == 0) {
                decodesLikePythonObd(vehicle, s, now, at.get());
            }
            previous = s;
        }
        assertThat(warm).as("%s reached operating temperature", name).isTrue();
        assertThat(coldSteps).as("warm-up takes minutes, not seconds").isBetween(60_00L, 20 * 60_00L);
        assertThat(maxSpeed).as("the drive cycle leaves town").isGreaterThan(75);
        assertThat(lockedSteps).as("most of the hour is spent in gear").isGreaterThan(HOUR_STEPS / 3);
        VehicleSnapshot end = vehicle.snapshot(start + HOUR_STEPS * STEP);
        VehicleSnapshot begin = Vehicle.create(d, 0).snapshot(0);
        assertThat(end.get(Signal.ODOMETER) - begin.get(Signal.ODOMETER)).as("km in an hour").isBetween(20.0, 100.0);
        assertThat(begin.get(Signal.FUEL_LEVEL) - end.get(Signal.FUEL_LEVEL)).as("fuel used, %").isBetween(0.5, 30.0);
    }

    /** Requests every scalar PID of every ECU (six per request) and decodes the answer as python-OBD would. */
    private static void decodesLikePythonObd(Vehicle vehicle, VehicleSnapshot s, long now, String at) {
        for (SimulatedEcu ecu : vehicle.ecus()) {
            List<Integer> pids = new ArrayList<>();
            for (int pid : ecu.supportedPids()) {
                if (PYTHON_OBD.containsKey(pid)) {
                    pids.add(pid);
                }
            }
            for (int from = 0; from < pids.size(); from += 6) {
                List<Integer> batch = pids.subList(from, Math.min(pids.size(), from + 6));
                byte[] request = new byte[batch.size() + 1];
                request[0] = 0x01;
                for (int k = 0; k < batch.size(); k++) {
                    request[k + 1] = (byte) (int) batch.get(k);
                }
                byte[] answer = ecu.respond(request, Addressing.PHYSICAL, now).finalPayload();
                assertThat(answer[0]).isEqualTo((byte) 0x41);
                int pos = 1;
                for (int pid : batch) {
                    assertThat(answer[pos] & 0xFF).as("PID echo in %s", Hex.of(answer)).isEqualTo(pid);
                    ObdPids.PidDef def = ObdPids.get(pid);
                    int[] data = new int[def.length()];
                    for (int k = 0; k < data.length; k++) {
                        data[k] = answer[pos + 1 + k] & 0xFF;
                    }
                    pos += 1 + def.length();
                    double decoded = PYTHON_OBD.get(pid).applyAsDouble(data);
                    double truth = s.get(def.ranges().get(0).signal());
                    assertThat(decoded).as("PID %02X of %s decodes to the model's value: %s", pid, ecu.name(), at)
                            .isCloseTo(truth, within(TOLERANCE.get(pid) + Math.abs(truth) * 0.001));
                }
                assertThat(pos).isEqualTo(answer.length);
            }
        }
    }

    private static void check(boolean ok, String what, Supplier<String> at) {
        if (!ok) {
            fail(what + ": " + at.get());
        }
    }

    private static void close(double actual, double expected, double tolerance, String what, Supplier<String> at) {
        if (!(Math.abs(actual - expected) <= tolerance)) {
            fail(what + ": expected " + expected + " ± " + tolerance + ", got " + actual + " at " + at.get());
        }
    }

    /** VE(rpm) = VE x (0.62 + 0.38 max(0, 1 - ((rpm - peak) / peak)^2)); air = VE Vd rpm/120 MAP/(R T). */
    private static double speedDensity(EngineSpec e, double rpm, double mapKpa, double tempK) {
        double x = (rpm - e.maxTorqueRpm()) / e.maxTorqueRpm();
        double ve = e.volumetricEfficiency() * (0.62 + 0.38 * Math.max(0, 1 - x * x));
        return ve * e.displacementL() / 1000 * rpm / 120 * mapKpa * 1000 / (R_AIR * tempK) * 1000;
    }
}
