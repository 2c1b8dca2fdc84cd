package dev.obdio.sim;

/**
 * The physics of the simulated vehicle, integrated in fixed 10 ms steps: a driver following the
 * drive cycle, the gearbox and its coupling (clutch slip, torque converter, lock-up), engine torque
 * and friction, speed-density air mass, mixture control with O2 sensors and fuel trims, a hybrid
 * motor and battery, and first-order thermal models for coolant (with thermostat), oil, intake air
 * and catalyst.
 *
 * <p>The model only moves when {@link #advanceTo(long)} is called; it has no thread and never reads
 * a clock. Its state after n steps depends only on the description, the seed and n (plus runtime
 * changes such as ignition or the idle target), and {@link #snapshot()} adds sensor noise that is a
 * pure function of (seed, step), so reads never disturb the run.
 *
 * <p>Not thread-safe: {@link Vehicle} serialises access.
 */
final class VehicleModel {
    /** Integration step. */
    static final long STEP_NANOS = 10_000_000L;
    private static final double DT = STEP_NANOS / 1e9;

    static final double R_AIR = 287.05;
    static final double AIR_DENSITY_STP_G_PER_L = 1.184;
    private static final double G = 9.81;
    private static final double DRIVELINE_EFFICIENCY = 0.92;
    private static final double ACCESSORY_TORQUE_NM = 8;
    private static final double O2_HEATER_READY_S = 25;
    private static final double CLOSED_LOOP_COOLANT_C = 40;
    private static final double WARM_COOLANT_C = 70;
    private static final double PETROL_MIN_MAP_KPA = 18;
    private static final double PETROL_INDICATED_EFFICIENCY = 0.36;
    private static final double DIESEL_INDICATED_EFFICIENCY = 0.42;

    // Noise channels, one per sensor.
    private static final int N_RPM = 1;
    private static final int N_RPM_ABS = 2;
    private static final int N_MAP = 3;
    private static final int N_IAT = 4;
    private static final int N_VOLT = 5;
    private static final int N_O2 = 6;
    private static final int N_CAT = 7;
    private static final int N_EGR = 8;
    private static final int N_AMBIENT = 9;
    private static final int N_SOC = 10;
    private static final int N_BIAS = 100;

    private final VehicleDescription d;
    private final EngineSpec engine;
    private final TransmissionSpec gearbox;
    private final HybridSpec hybrid;
    private final long seed;
    private final TorqueCurve curve;
    private final Driver driver;
    private final double wheelRadius;
    private final double massEff;
    private final double vdL;
    private final double ambient;
    private final double baro;
    private final double afr;
    private final double bias1;
    private final double bias2;
    private final double catalystBase;

    private long steps;
    private int idleRpm;

    // Ignition and engine.
    private boolean ignitionOn = true;
    private boolean engineRunning = true;
    private double runTime;
    private double hybridOffTimer;
    private boolean hybridCharging;

    // Motion.
    private double v;
    private double odometerKm;
    private double pedal;
    private double cruiseIntegral;

    // Driveline.
    private int gear;
    private int shiftTarget;
    private double shiftTimer;
    private boolean locked;
    private double rpm;

    // Engine operating point (true values).
    private double tBrake;
    private double tInd;
    private double loadRatio;
    private double map;
    private double boost;
    private double throttle;
    private boolean fuelCut;
    private double lambdaCmd;
    private double lambda1;
    private double lambda2;
    private double fuelGs;
    private int fuelStatus;
    private double stft1;
    private double stft2;
    private double ltft1;
    private double ltft2;
    private double trimPhase;
    private double o2b1s1 = 0.45;
    private double o2b1s2 = 0.45;
    private double o2b2s1 = 0.45;
    private double o2b2s2 = 0.45;
    private double egr;
    private double motorKw;

    // Temperatures and stores.
    private double coolant;
    private double oil;
    private double iat;
    private double cat1;
    private double cat2;
    private double fuelL;
    private double soc;

    // Accumulators for monitors and counters.
    private long ignitionOnSteps;
    private double engineRunSeconds;
    private double warmRunSeconds;
    private double warmCruiseSeconds;
    private int ignitionCycles;
    private int warmUps;
    private boolean warmUpCounted;
    private double startCoolant;

    VehicleModel(VehicleDescription d, long seed) {
        this.d = d;
        this.engine = d.engine();
        this.gearbox = d.transmission();
        this.hybrid = d.hybrid();
        this.seed = seed;
        this.curve = new TorqueCurve(engine);
        this.driver = new Driver(d.driveCycle(), seed);
        this.wheelRadius = d.body().wheelRadiusM();
        this.massEff = d.body().massKg() * 1.05;
        this.vdL = engine.displacementL();
        this.ambient = d.environment().ambientC();
        this.baro = d.environment().baroKpa();
        this.afr = engine.fuel().stoichiometricAfr();
        // Every engine runs a little rich or lean until the long-term trims learn it.
        this.bias1 = 0.045 * Noise.uniform(seed, N_BIAS, 1);
        this.bias2 = 0.045 * Noise.uniform(seed, N_BIAS, 2);
        this.catalystBase = Noise.unit(seed, N_BIAS, 3);
        this.idleRpm = engine.idleRpm();
        this.coolant = d.start().coolantC() != null ? d.start().coolantC() : ambient;
        this.oil = coolant;
        this.iat = ambient;
        this.cat1 = coolant;
        this.cat2 = coolant;
        this.fuelL = d.body().fuelTankL() * d.start().fuelLevelPct() / 100;
        this.odometerKm = d.start().odometerKm();
        this.soc = hybrid != null ? hybrid.initialSocPct() : 0;
        this.ltft1 = bias1 * 100 * 0.8;
        this.ltft2 = bias2 * 100 * 0.8;
        this.map = baro;
        startIgnitionCycle();
        settle();
    }

    /** Brings the engine's operating point in line with the start state, without advancing time. */
    private void settle() {
        for (int i = 0; i < 3; i++) {
            updateCombustion(true);
            updateMixture();
        }
    }

    private void startIgnitionCycle() {
        ignitionCycles++;
        runTime = 0;
        startCoolant = coolant;
        warmUpCounted = false;
        driver.restart();
        gear = gearbox.type() == TransmissionType.MANUAL ? 0 : 1;
        locked = false;
        shiftTimer = 0;
        cruiseIntegral = 0;
        engineRunning = hybrid == null || wantsEngine(0, 0);
        rpm = engineRunning ? idleTarget() : 0;
    }

    // ---------------------------------------------------------------- clock

    /** Runs whole steps until the model time reaches {@code modelNanos} (never backwards). */
    void advanceTo(long modelNanos) {
        while ((steps + 1) * STEP_NANOS <= modelNanos) {
            step();
            steps++;
        }
    }

    /** Model time of the current state. */
    long modelNanos() {
        return steps * STEP_NANOS;
    }

    // ---------------------------------------------------------------- runtime controls

    void setIgnition(boolean on) {
        if (on == ignitionOn) {
            return;
        }
        ignitionOn = on;
        if (on) {
            startIgnitionCycle();
        } else {
            engineRunning = false;
            rpm = 0;
            pedal = 0;
        }
    }

    boolean ignitionOn() {
        return ignitionOn;
    }

    void setIdleRpm(int value) {
        idleRpm = value;
    }

    // ---------------------------------------------------------------- accumulators for ECUs

    double odometerKm() {
        return odometerKm;
    }

    /** Steps (10 ms) with the ignition on since the model started; exact, for minute counters. */
    long ignitionOnSteps() {
        return ignitionOnSteps;
    }

    /** Steps per minute. */
    static final long STEPS_PER_MINUTE = 60_000_000_000L / STEP_NANOS;

    /** Seconds the engine ran warm (coolant at least 70 °C). */
    double warmRunSeconds() {
        return warmRunSeconds;
    }

    /** Seconds the engine ran warm while cruising between 30 and 120 km/h. */
    double warmCruiseSeconds() {
        return warmCruiseSeconds;
    }

    /** Ignition cycles so far, 1 at start. */
    int ignitionCycles() {
        return ignitionCycles;
    }

    /** Warm-up cycles completed (coolant rose 22 °C and reached 70 °C in one ignition cycle). */
    int warmUps() {
        return warmUps;
    }

    double engineRunSeconds() {
        return engineRunSeconds;
    }

    /** The seed everything random derives from. */
    long seed() {
        return seed;
    }

    /** Driver state for diagnostics: lap and leg index. */
    Driver driver() {
        return driver;
    }

    // ---------------------------------------------------------------- one step

    private void step() {
        if (!ignitionOn) {
            coastToStop();
            updateThermal();
            return;
        }
        ignitionOnSteps++;
        runTime += DT;
        double kph = v * 3.6;
        driver.update(DT, kph);
        double pedalCmd = pedalCommand();
        pedal += Math.max(-3 * DT, Math.min(2 * DT, pedalCmd - pedal));
        pedal = Math.max(0, Math.min(1, pedal));

        if (hybrid != null) {
            decideHybridEngine();
        }
        selectGear();
        updateEngineSpeed();
        updateCombustion();
        updateMotion();
        updateMixture();
        updateThermal();
        updateStores();
    }

    private void coastToStop() {
        v = Math.max(0, v - 3.0 * DT);
        odometerKm += v * DT / 1000;
        engineRunning = false;
        rpm = 0;
        tBrake = 0;
        tInd = 0;
        fuelGs = 0;
        motorKw = 0;
    }

    private double pedalCommand() {
        switch (driver.intent()) {
            case ACCELERATE:
                cruiseIntegral = 0;
                return driver.pedal();
            case CRUISE: {
                double targetMs = driver.targetKph() / 3.6;
                double err = targetMs - v;
                cruiseIntegral = Math.max(-20, Math.min(20, cruiseIntegral + err * DT));
                double feedForward = requiredPedal(roadLoad(v));
                return Math.max(0, Math.min(1, feedForward + 0.12 * err + 0.03 * cruiseIntegral));
            }
            default:
                cruiseIntegral = 0;
                return 0;
        }
    }

    /** Pedal that makes the engine hold a wheel force, in the current gear. */
    private double requiredPedal(double force) {
        if (gear == 0) {
            return 0.1;
        }
        double overall = gearbox.ratio(gear) * gearbox.finalDrive();
        double torque = force * wheelRadius / (overall * DRIVELINE_EFFICIENCY);
        return torque / curve.max(Math.max(rpm, idleRpm));
    }

    private double roadLoad(double speed) {
        double rolling = speed > 0.01 ? d.body().massKg() * G * d.body().rollingResistance() : 0;
        double aero = 0.5 * 1.2 * d.body().dragCoefficient() * d.body().frontalAreaM2() * speed * speed;
        return rolling + aero;
    }

    private boolean braking() {
        return driver.intent() == Driver.Intent.BRAKE || driver.intent() == Driver.Intent.STAND;
    }

    // ---------------------------------------------------------------- hybrid

    private boolean wantsEngine(double kph, double demandKw) {
        // Like real hybrids, the engine runs until it is warm: catalyst and cabin heat need it.
        if (coolant < WARM_COOLANT_C) {
            return true;
        }
        if (soc < 45 || (hybridCharging && soc < 55)) {
            return true;
        }
        return kph > hybrid.evMaxKph() || demandKw > 0.6 * hybrid.motorKw();
    }

    private void decideHybridEngine() {
        double kph = v * 3.6;
        double demandKw = pedal * wheelForceCapacity() * Math.max(v, 1) / 1000;
        hybridCharging = soc < 45 || (hybridCharging && soc < 55);
        boolean wanted = wantsEngine(kph, demandKw);
        if (wanted) {
            hybridOffTimer = 0;
            if (!engineRunning) {
                engineRunning = true;
                rpm = Math.max(idleTarget(), locked ? gearedRpm(gear) : 0);
            }
        } else if (engineRunning) {
            hybridOffTimer += DT;
            if (hybridOffTimer > 3) {
                engineRunning = false;
                rpm = 0;
            }
        }
    }

    /** Wheel force the engine could give at full pedal in the current gear. */
    private double wheelForceCapacity() {
        int g = Math.max(1, gear);
        double overall = gearbox.ratio(g) * gearbox.finalDrive();
        return curve.max(Math.max(idleRpm, gearedRpm(g))) * overall * DRIVELINE_EFFICIENCY / wheelRadius;
    }

    // ---------------------------------------------------------------- gearbox

    /** Engine speed the wheels imply in gear {@code g}. */
    double gearedRpm(int g) {
        if (g < 1) {
            return 0;
        }
        return v / wheelRadius * 60 / (2 * Math.PI) * gearbox.ratio(g) * gearbox.finalDrive();
    }

    private double shiftDuration() {
        return switch (gearbox.type()) {
            case MANUAL -> 0.5;
            case AUTOMATIC -> 0.3;
            case DUAL_CLUTCH -> 0.08;
        };
    }

    private void selectGear() {
        if (shiftTimer > 0) {
            shiftTimer -= DT;
            if (shiftTimer <= 0) {
                shiftTimer = 0;
                gear = shiftTarget;
            }
            locked = false;
            return;
        }
        boolean standing = v < 0.05;
        if (standing && braking()) {
            // Stopped: a manual driver selects neutral; automatics stay in first.
            gear = gearbox.type() == TransmissionType.MANUAL ? 0 : 1;
            return;
        }
        if (gear == 0) {
            if (pedal > 0 || v > 0.3) {
                gear = bestGear();
            }
            return;
        }
        double up = gearbox.upshiftRpm()
                + (0.85 * engine.redlineRpm() - gearbox.upshiftRpm()) * clamp((pedal - 0.3) / 0.6, 0, 1);
        double now = gearedRpm(gear);
        if (gear < gearbox.gears() && now > up) {
            startShift(gear + 1);
        } else if (gear > 1 && now < gearbox.downshiftRpm() && !(braking() && gear <= 2 && v < 3)) {
            startShift(gear - 1);
        } else if (gear > 1 && pedal > 0.85 && gearedRpm(gear - 1) < 0.7 * engine.redlineRpm()
                && now < 0.5 * up) {
            startShift(gear - 1);
        }
    }

    /** The gear a driver would pick at this speed when rolling in neutral. */
    private int bestGear() {
        for (int g = gearbox.gears(); g >= 1; g--) {
            if (gearedRpm(g) > gearbox.downshiftRpm()) {
                return g;
            }
        }
        return 1;
    }

    private void startShift(int target) {
        shiftTarget = target;
        shiftTimer = shiftDuration();
        locked = false;
    }

    private double idleTarget() {
        // Cold engines idle faster, up to 350 rpm more at -10 °C and below.
        double cold = clamp((60 - coolant) / 70, 0, 1);
        return idleRpm + 350 * cold;
    }

    private void updateEngineSpeed() {
        if (!engineRunning) {
            rpm = 0;
            // The motor turns the gearbox; lock state still describes the clutch path for the test.
            locked = false;
            return;
        }
        double idle = idleTarget();
        double rg = gearedRpm(gear);
        double target;
        if (shiftTimer > 0) {
            // Clutch open (manual/DCT) or converter unlocked (automatic): engine heads for the new gear.
            target = Math.max(idle, gearedRpm(shiftTarget) + (gearbox.type() == TransmissionType.AUTOMATIC ? 100 * pedal : 0));
            locked = false;
            rpm += (target - rpm) * Math.min(1, DT / 0.12);
            return;
        }
        if (gear == 0) {
            locked = false;
            target = hybridCharging && v < 0.05 ? idle + 250 : idle;
            rpm += (target - rpm) * Math.min(1, DT / 0.2);
            return;
        }
        if (gearbox.type() == TransmissionType.AUTOMATIC) {
            boolean lockUp = gear >= 2 && rg >= 1100;
            if (lockUp) {
                locked = true;
                rpm = rg;
            } else {
                locked = false;
                double slip = (100 + 900 * pedal) * clamp(1 - Math.max(0, rg - idle) / 1500, 0.1, 1);
                target = Math.max(rg, idle) + slip;
                rpm += (target - rpm) * Math.min(1, DT / 0.15);
                if (pedal > 0.01) {
                    rpm = Math.max(rpm, rg); // a driving converter's impeller never turns slower than its turbine
                }
            }
            return;
        }
        // Manual and dual-clutch: clutch closed once the engine and gearbox speeds meet.
        if (locked) {
            if (rg < idle * 0.9) {
                locked = false; // declutch before stalling
            } else {
                rpm = rg;
                return;
            }
        }
        if (pedal > 0.02 && driver.intent() != Driver.Intent.BRAKE) {
            double launch = idle + 300 + 900 * pedal;
            rpm += (launch - rpm) * Math.min(1, DT / 0.3);
            if (rg >= rpm - 30 || rg >= launch) {
                locked = true;
                rpm = rg;
            }
        } else if (rg >= idle * 1.1 && !braking()) {
            locked = true;
            rpm = rg;
        } else {
            rpm += (idle - rpm) * Math.min(1, DT / 0.2);
        }
    }

    // ---------------------------------------------------------------- combustion

    private void updateCombustion() {
        updateCombustion(false);
    }

    private void updateCombustion(boolean instant) {
        motorKw = 0;
        if (!engineRunning) {
            tBrake = 0;
            tInd = 0;
            loadRatio = 0;
            fuelGs = 0;
            fuelCut = false;
            map = baro;
            boost = 0;
            throttle = 0;
            fuelStatus = 0;
            lambdaCmd = 1;
            egr = 0;
            return;
        }
        double rpmE = Math.max(rpm, 300);
        double tMax = curve.max(rpmE);
        double tF = curve.friction(rpmE);
        boolean coasting = pedal < 0.005 && locked && v * 3.6 > 15 && rpm > idleRpm + 300 && coolant > 30;
        fuelCut = coasting;
        double request = pedal * tMax;
        if (!locked || gear == 0) {
            request = Math.max(request, 0) + ACCESSORY_TORQUE_NM;
            if (gearbox.type() == TransmissionType.AUTOMATIC && gear > 0) {
                request += 12; // converter drag in gear at standstill
            }
        } else {
            request += ACCESSORY_TORQUE_NM * 0.5;
        }
        if (hybrid != null && hybridCharging) {
            double charge = 20;
            request += charge;
            motorKw -= charge * rpmE * 2 * Math.PI / 60 / 1000;
        }
        if (fuelCut) {
            tBrake = -tF;
            tInd = 0;
        } else {
            tBrake = Math.min(request, tMax + (hybrid != null && hybridCharging ? 20 : 0));
            tInd = tBrake + tF;
        }
        loadRatio = clamp(tInd / (tMax + tF), 0, 1);
        double tempK = iat + 273.15;
        if (engine.fuel() == FuelType.PETROL) {
            double targetMap = fuelCut ? PETROL_MIN_MAP_KPA + 2 : PETROL_MIN_MAP_KPA + (baro - PETROL_MIN_MAP_KPA) * loadRatio;
            map += (targetMap - map) * (instant ? 1 : Math.min(1, DT / 0.05));
            boost = 0;
            double open = fuelCut ? 0.0 : Math.pow(loadRatio, 1.7) * Math.sqrt(0.4 + 0.6 * rpmE / engine.redlineRpm());
            throttle = pedal >= 0.9 ? 1.0 : clamp(0.015 + 0.985 * open, 0, 1);
            egr = 0;
        } else {
            double spool = clamp((rpmE - engine.idleRpm()) / Math.max(1, engine.maxTorqueRpm() - engine.idleRpm()), 0, 1);
            double boostTarget = fuelCut ? 0 : engine.maxBoostKpa() * spool * Math.pow(loadRatio, 0.8);
            boost += (boostTarget - boost) * (instant ? 1 : Math.min(1, DT / 0.8));
            map = baro + boost;
            throttle = fuelCut ? 0.7 : clamp(0.8 + 0.2 * loadRatio * 2, 0, 1);
            egr = coolant > 50 && loadRatio < 0.6 && rpm < 3000 && !fuelCut ? 5 + 35 * (1 - loadRatio / 0.6) : 0;
        }
        double chargeGs = speedDensity(rpmE, map, tempK);
        double freshGs = chargeGs * egrFactor(egr);
        if (engine.fuel() == FuelType.PETROL) {
            fuelGs = fuelCut ? 0 : freshGs / (afr * lambda1Now());
        } else {
            double indicatedW = tInd * rpmE * 2 * Math.PI / 60;
            fuelGs = fuelCut ? 0 : indicatedW / (DIESEL_INDICATED_EFFICIENCY * engine.fuel().heatingValueKjPerG() * 1000);
        }
    }

    /** Mixture the engine burns now (petrol), from commanded lambda and trims. */
    private double lambda1Now() {
        return lambda1 > 0 ? lambda1 : 1;
    }

    /** Charge air mass flow in g/s by the speed-density method. */
    double speedDensity(double rpmValue, double mapKpa, double tempK) {
        return speedDensity(engine, rpmValue, mapKpa, tempK);
    }

    /**
     * Speed-density air mass flow, g/s: VE(rpm) x displacement x rpm / 120 x MAP / (R x T), the
     * charge a four-stroke engine breathes at manifold pressure {@code mapKpa} and temperature
     * {@code tempK}.
     */
    static double speedDensity(EngineSpec engine, double rpmValue, double mapKpa, double tempK) {
        return volumetricEfficiency(engine, rpmValue) * (engine.displacementL() / 1000) * rpmValue / 120
                * (mapKpa * 1000) / (R_AIR * tempK) * 1000;
    }

    /**
     * Volumetric efficiency at {@code rpm}: the engine's peak value at its peak-torque speed, falling
     * off quadratically to 62 % of it at very low and very high speeds (valve timing is tuned for
     * the middle of the range).
     */
    static double volumetricEfficiency(EngineSpec engine, double rpmValue) {
        double peak = engine.maxTorqueRpm();
        double x = (rpmValue - peak) / peak;
        double shape = Math.max(0, 1 - x * x);
        return engine.volumetricEfficiency() * (0.62 + 0.38 * shape);
    }

    /** Fraction of the charge that is fresh air when {@code egrPct} of it is recirculated exhaust. */
    static double egrFactor(double egrPct) {
        return 1 - 0.4 * egrPct / 100;
    }

    // ---------------------------------------------------------------- motion

    private void updateMotion() {
        double drive = 0;
        if (shiftTimer > 0 && gearbox.type() == TransmissionType.AUTOMATIC && engineRunning && tBrake > 0) {
            // Clutch-to-clutch shifts keep pulling, with the torque briefly reduced.
            double overall = gearbox.ratio(shiftTarget) * gearbox.finalDrive();
            drive = 0.7 * tBrake * overall * DRIVELINE_EFFICIENCY / wheelRadius;
        } else if (gear > 0 && shiftTimer <= 0) {
            double overall = gearbox.ratio(gear) * gearbox.finalDrive();
            double engineTorque = engineRunning ? tBrake : 0;
            if (engineRunning && hybrid != null && hybridCharging) {
                engineTorque -= 20;
            }
            boolean transmits = locked
                    || (gearbox.type() == TransmissionType.AUTOMATIC && engineRunning)
                    || (engineRunning && pedal > 0.02 && driver.intent() != Driver.Intent.BRAKE);
            if (engineRunning && transmits) {
                double torqueRatio = 1;
                if (gearbox.type() == TransmissionType.AUTOMATIC && !locked) {
                    double speedRatio = rpm > 0 ? clamp(gearedRpm(gear) / rpm, 0, 1) : 0;
                    torqueRatio = 1 + 0.9 * (1 - speedRatio);
                    // The converter passes little torque at idle with the brake on.
                    engineTorque = Math.max(0, engineTorque - ACCESSORY_TORQUE_NM) * (pedal > 0.01 ? 1 : 0.4);
                }
                if (!locked && gearbox.type() != TransmissionType.AUTOMATIC) {
                    engineTorque = Math.max(0, pedal * curve.max(Math.max(rpm, idleRpm)));
                }
                drive = engineTorque * torqueRatio * overall * DRIVELINE_EFFICIENCY / wheelRadius;
            }
            if (hybrid != null) {
                drive += hybridMotorForce(overall);
            }
        }
        double resist = roadLoad(v);
        double brakeForce = 0;
        if (braking()) {
            double wanted = driver.intent() == Driver.Intent.STAND ? (v > 0.05 ? driver.decel() : 0) : driver.decel();
            brakeForce = Math.max(0, massEff * wanted + drive - resist);
            if (hybrid != null && v > 1) {
                double regenKw = Math.min(brakeForce * v / 1000, hybrid.motorKw()) * 0.65;
                motorKw -= regenKw;
            }
        }
        double a = (drive - resist - brakeForce) / massEff;
        if (v <= 0.05 && braking()) {
            v = 0;
        } else {
            v = Math.max(0, v + a * DT);
            if (v < 0.05 && braking()) {
                v = 0;
            }
        }
        odometerKm += v * DT / 1000;
    }

    private double hybridMotorForce(double overall) {
        double demand = pedal * wheelForceCapacity();
        double cap = Math.min(hybrid.motorKw() * 1000 / Math.max(v, 2), 250 * overall / wheelRadius);
        double force;
        if (!engineRunning) {
            force = braking() ? 0 : Math.min(demand, cap);
        } else if (pedal > 0.8) {
            force = cap * (pedal - 0.8) / 0.2; // boost
        } else {
            force = 0;
        }
        motorKw += force * Math.max(v, 0.5) / 1000 / 0.9;
        return force;
    }

    // ---------------------------------------------------------------- mixture, trims and O2 sensors

    private void updateMixture() {
        if (engine.fuel() != FuelType.PETROL) {
            if (engineRunning && fuelGs > 0) {
                double fresh = speedDensity(Math.max(rpm, 300), map, iat + 273.15) * egrFactor(egr);
                lambda1 = fresh / (fuelGs * afr);
            } else {
                lambda1 = 0;
            }
            lambda2 = lambda1;
            lambdaCmd = lambda1;
            fuelStatus = 0;
            return;
        }
        if (!engineRunning) {
            fuelStatus = 0;
            stft1 = 0;
            stft2 = 0;
            o2b1s1 += (0.45 - o2b1s1) * DT / 5;
            o2b2s1 += (0.45 - o2b2s1) * DT / 5;
            o2b1s2 += (0.45 - o2b1s2) * DT / 5;
            o2b2s2 += (0.45 - o2b2s2) * DT / 5;
            return;
        }
        boolean heated = runTime >= O2_HEATER_READY_S;
        boolean cold = coolant < CLOSED_LOOP_COOLANT_C || !heated;
        boolean enrich = pedal > 0.85 && loadRatio > 0.75;
        if (fuelCut) {
            fuelStatus = 4;
            lambdaCmd = 1.99;
        } else if (enrich) {
            fuelStatus = 4;
            lambdaCmd = 0.87;
        } else if (cold) {
            fuelStatus = 1;
            lambdaCmd = 0.9 + 0.1 * clamp((coolant + 10) / 50, 0, 1);
        } else {
            fuelStatus = 2;
            lambdaCmd = 1.0;
        }
        boolean closedLoop = fuelStatus == 2;
        double frequency = 0.6 + Math.max(rpm, idleRpm) / 3000;
        trimPhase = (trimPhase + frequency * DT) % 1.0;
        if (closedLoop) {
            ltft1 += (bias1 * 100 - ltft1) * DT / 300;
            ltft2 += (bias2 * 100 - ltft2) * DT / 300;
            stft1 = (bias1 * 100 - ltft1) + 3.0 * triangle(trimPhase);
            stft2 = (bias2 * 100 - ltft2) + 3.0 * triangle((trimPhase + 0.37) % 1.0);
        } else {
            stft1 = 0;
            stft2 = 0;
        }
        if (fuelCut) {
            lambda1 = 0;
            lambda2 = 0;
        } else {
            lambda1 = lambdaCmd * (1 + bias1) / (1 + (ltft1 + stft1) / 100);
            lambda2 = lambdaCmd * (1 + bias2) / (1 + (ltft2 + stft2) / 100);
        }
        o2b1s1 = upstreamVoltage(heated, lambda1, o2b1s1);
        o2b2s1 = upstreamVoltage(heated, lambda2, o2b2s1);
        o2b1s2 = downstreamVoltage(cat1, o2b1s1, o2b1s2);
        o2b2s2 = downstreamVoltage(cat2, o2b2s1, o2b2s2);
    }

    private static double triangle(double phase) {
        return phase < 0.5 ? 4 * phase - 1 : 3 - 4 * phase;
    }

    private double upstreamVoltage(boolean heated, double lambda, double previous) {
        if (!heated) {
            return previous + (0.45 - previous) * DT / 2;
        }
        double target = fuelCut ? 0.05 : 0.45 - 0.40 * Math.tanh((lambda - 1) * 80);
        // The sensor responds within about 50 ms.
        return previous + (target - previous) * Math.min(1, DT / 0.05);
    }

    private double downstreamVoltage(double catTemp, double upstream, double previous) {
        double target;
        if (fuelCut) {
            target = 0.08;
        } else if (catTemp > 350) {
            // A working catalyst stores oxygen and smooths the switching: a steady, slightly rich reading.
            target = 0.66 + 0.04 * (upstream - 0.45);
        } else {
            target = 0.45 + 0.5 * (upstream - 0.45);
        }
        return previous + (target - previous) * Math.min(1, DT / 1.5);
    }

    // ---------------------------------------------------------------- heat and stores

    private void updateThermal() {
        double kph = v * 3.6;
        double heatCapacity = 30_000 + 12_000 * vdL; // metal, oil and coolant, J/K
        double qIn = 0;
        if (engineRunning) {
            double fuelPowerW = fuelGs * engine.fuel().heatingValueKjPerG() * 1000;
            double frictionW = curve.friction(rpm) * rpm * 2 * Math.PI / 60;
            qIn = 0.30 * fuelPowerW + (fuelCut ? 0.5 * frictionW : 0);
        }
        double opening = clamp((coolant - engine.thermostatC()) / 10, 0, 1);
        double radiatorUa = 500 + 30 * kph;
        double qOut = 20 * (coolant - ambient) + opening * radiatorUa * (coolant - ambient);
        coolant += (qIn - qOut) / heatCapacity * DT;

        if (engineRunning) {
            double oilTarget = coolant + 3 + 8 * clamp((rpm - 2000) / 3000, 0, 1);
            oil += (oilTarget - oil) * DT / 300;
        } else {
            oil += (coolant - oil) * DT / 600;
        }

        double warmFraction = clamp((coolant - ambient) / 60, 0, 1);
        double iatTarget = ambient + 2 + 14 * Math.exp(-kph / 30) * warmFraction
                + (engine.fuel() == FuelType.DIESEL ? 0.08 * boost : 0);
        iat += (iatTarget - iat) * DT / 40;

        if (engineRunning) {
            double exhaust = engine.fuel() == FuelType.PETROL
                    ? (fuelCut ? 220 : 320 + 480 * loadRatio + 0.04 * Math.max(0, rpm - idleRpm))
                    : (fuelCut ? 140 : 170 + 430 * loadRatio + 0.03 * Math.max(0, rpm - idleRpm));
            double exotherm = !fuelCut && cat1 > 300 ? 40 + 40 * catalystBase : 0;
            cat1 += (exhaust + exotherm - cat1) * DT / 35;
            cat2 += (exhaust + exotherm * 0.9 + 6 - cat2) * DT / 38;
        } else {
            cat1 += (ambient - cat1) * DT / 400;
            cat2 += (ambient - cat2) * DT / 400;
        }
    }

    private void updateStores() {
        double fuelLPerS = fuelGs / 1000 / engine.fuel().densityKgPerL();
        fuelL = Math.max(0, fuelL - fuelLPerS * DT);
        if (fuelL < d.body().fuelTankL() * 0.08 && v == 0 && driver.intent() == Driver.Intent.STAND) {
            fuelL = d.body().fuelTankL() * 0.95; // a stop at the filling station
        }
        if (hybrid != null) {
            double batteryKw = motorKw;
            soc = clamp(soc - batteryKw * DT / 3600 / hybrid.batteryKwh() * 100, 15, 95);
        }
        if (engineRunning) {
            engineRunSeconds += DT;
            if (coolant >= WARM_COOLANT_C) {
                warmRunSeconds += DT;
                double kph = v * 3.6;
                if (kph >= 30 && kph <= 120) {
                    warmCruiseSeconds += DT;
                }
            }
        }
        if (!warmUpCounted && coolant - startCoolant >= 22 && coolant >= WARM_COOLANT_C) {
            warmUpCounted = true;
            warmUps++;
        }
    }

    // ---------------------------------------------------------------- sensors

    /** The sensor values now: true state plus noise that depends only on (seed, step). */
    VehicleSnapshot snapshot() {
        double[] s = new double[Signal.values().length];
        long k = steps;
        boolean running = ignitionOn && engineRunning;
        double kph = v * 3.6;
        put(s, Signal.ENGINE_RUNNING, running ? 1 : 0);
        double rpmN = running ? Math.max(0, rpm * (1 + 0.0015 * Noise.gauss(seed, N_RPM, k)) + 2 * Noise.gauss(seed, N_RPM_ABS, k)) : 0;
        put(s, Signal.ENGINE_RPM, rpmN);
        put(s, Signal.VEHICLE_SPEED, kph);
        // During a shift the controller reports the gear it is engaging.
        int reported = shiftTimer > 0 ? shiftTarget : gear;
        put(s, Signal.GEAR, reported);
        put(s, Signal.GEAR_RATIO, reported > 0 ? gearbox.ratio(reported) : 0);
        put(s, Signal.DRIVELINE_LOCKED, running && locked && shiftTimer <= 0 ? 1 : 0);
        double mapN = running ? clamp(map + 0.3 * Noise.gauss(seed, N_MAP, k), 1, 255) : baro;
        double iatN = iat + 0.1 * Noise.gauss(seed, N_IAT, k);
        double tempK = iatN + 273.15;
        double maf = running ? speedDensity(rpmN, mapN, tempK) * egrFactor(egr) : 0;
        put(s, Signal.INTAKE_PRESSURE, mapN);
        put(s, Signal.INTAKE_TEMP, iatN);
        put(s, Signal.MAF, maf);
        double lambda = engine.fuel() == FuelType.PETROL ? (running && !fuelCut ? lambda1 : 0)
                : (running && fuelGs > 0 ? maf / (fuelGs * afr) : 0);
        put(s, Signal.LAMBDA, lambda);
        put(s, Signal.COMMANDED_LAMBDA, engine.fuel() == FuelType.PETROL ? (running ? lambdaCmd : 1) : lambda);
        double fuelRate = lambda > 0 ? maf / (afr * lambda) * 3.6 / engine.fuel().densityKgPerL() : 0;
        put(s, Signal.FUEL_RATE, fuelRate);
        double load;
        if (!running) {
            load = 0;
        } else if (engine.fuel() == FuelType.PETROL) {
            load = 100 * maf / speedDensity(rpmN, baro, tempK);
        } else {
            load = 100 * loadRatio;
        }
        put(s, Signal.ENGINE_LOAD, clamp(load, 0, 100));
        put(s, Signal.ABSOLUTE_LOAD, running && rpmN > 0 ? 100 * maf / (vdL * AIR_DENSITY_STP_G_PER_L * rpmN / 120) : 0);
        double tRef = engine.maxTorqueNm();
        double rpmE = Math.max(rpm, 300);
        put(s, Signal.DEMAND_TORQUE, running ? 100 * pedal * curve.max(rpmE) / tRef : 0);
        put(s, Signal.ACTUAL_TORQUE, running ? 100 * tBrake / tRef : 0);
        put(s, Signal.THROTTLE_POSITION, 11.8 + 74 * throttle);
        put(s, Signal.THROTTLE_POSITION_B, 23.1 + 72 * throttle);
        put(s, Signal.RELATIVE_THROTTLE, 100 * throttle);
        put(s, Signal.COMMANDED_THROTTLE, 100 * throttle);
        put(s, Signal.PEDAL_D, 14.9 + 66 * pedal);
        put(s, Signal.PEDAL_E, (14.9 + 66 * pedal) / 2);
        put(s, Signal.RELATIVE_PEDAL, 100 * pedal);
        double advance;
        if (!running || engine.fuel() != FuelType.PETROL) {
            advance = 0;
        } else if (fuelCut) {
            advance = 10;
        } else {
            advance = 10 + 22 * clamp((rpm - idleRpm) / 3000, 0, 1) * (1 - 0.7 * loadRatio) - (coolant < 50 ? 3 : 0);
        }
        put(s, Signal.TIMING_ADVANCE, advance);
        put(s, Signal.COOLANT_TEMP, coolant);
        put(s, Signal.OIL_TEMP, oil);
        put(s, Signal.CATALYST_TEMP_B1S1, cat1 + Noise.gauss(seed, N_CAT, k));
        put(s, Signal.CATALYST_TEMP_B2S1, cat2 + Noise.gauss(seed, N_CAT + 50, k));
        put(s, Signal.O2_B1S1, o2(o2b1s1, k, 0));
        put(s, Signal.O2_B1S2, o2(o2b1s2, k, 1));
        put(s, Signal.O2_B2S1, o2(o2b2s1, k, 2));
        put(s, Signal.O2_B2S2, o2(o2b2s2, k, 3));
        put(s, Signal.SHORT_FUEL_TRIM_1, stft1);
        put(s, Signal.LONG_FUEL_TRIM_1, ltft1);
        put(s, Signal.SHORT_FUEL_TRIM_2, stft2);
        put(s, Signal.LONG_FUEL_TRIM_2, ltft2);
        put(s, Signal.FUEL_SYSTEM_STATUS, running ? fuelStatus : 0);
        put(s, Signal.FUEL_LEVEL, 100 * fuelL / d.body().fuelTankL());
        put(s, Signal.RUN_TIME, runTime);
        put(s, Signal.ODOMETER, odometerKm);
        double volts;
        if (running || (hybrid != null && ignitionOn)) {
            volts = 14.15 - 0.25 * pedal + 0.03 * Noise.gauss(seed, N_VOLT, k);
        } else {
            volts = 12.45 + 0.01 * Noise.gauss(seed, N_VOLT, k);
        }
        put(s, Signal.MODULE_VOLTAGE, volts);
        put(s, Signal.AMBIENT_TEMP, ambient + 0.2 * Noise.gauss(seed, N_AMBIENT, k / 1000));
        put(s, Signal.BAROMETRIC_PRESSURE, baro);
        boolean purge = running && engine.fuel() == FuelType.PETROL && fuelStatus == 2 && coolant > 60;
        put(s, Signal.EVAP_PURGE, purge ? 15 + 30 * (1 - loadRatio) : 0);
        double rail = running ? 25_000 + 135_000 * clamp(0.7 * loadRatio + 0.3 * rpm / engine.redlineRpm(), 0, 1) : 0;
        put(s, Signal.FUEL_RAIL_PRESSURE, rail);
        put(s, Signal.COMMANDED_EGR, running ? egr : 0);
        put(s, Signal.EGR_ERROR, running && egr > 0 ? 2 * Noise.gauss(seed, N_EGR, k) : 0);
        put(s, Signal.INJECTION_TIMING, running ? -2 + 10 * rpm / engine.redlineRpm() - 4 * loadRatio : 0);
        put(s, Signal.HYBRID_BATTERY, hybrid != null ? clamp(soc + 0.05 * Noise.gauss(seed, N_SOC, k), 0, 100) : 0);
        return new VehicleSnapshot(modelNanos(), s);
    }

    private double o2(double value, long k, int sensor) {
        return clamp(value + 0.008 * Noise.gauss(seed, N_O2 + 10 * sensor, k), 0, 1.275);
    }

    private static void put(double[] s, Signal signal, double value) {
        s[signal.ordinal()] = value;
    }

    static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }
}
