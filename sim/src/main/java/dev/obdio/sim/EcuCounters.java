package dev.obdio.sim;

/**
 * The counters an ECU keeps since the last clear and while the MIL is on (PIDs 21, 30, 31, 4D, 4E),
 * kept as anchors into the model's accumulators so they cost nothing per step.
 */
final class EcuCounters {
    private final VehicleModel model;
    private double odometerAnchor;
    private long stepsAnchor;
    private int warmUpAnchor;
    private double milKm;
    private long milSteps;
    private boolean milOn;
    private double milSinceOdometer;
    private long milSinceSteps;

    EcuCounters(VehicleModel model, EcuHistory history, boolean milOnAtStart) {
        this.model = model;
        this.odometerAnchor = model.odometerKm() - history.distanceSinceClearKm();
        this.stepsAnchor = model.ignitionOnSteps() - history.minutesSinceClear() * VehicleModel.STEPS_PER_MINUTE;
        this.warmUpAnchor = model.warmUps() - history.warmUpsSinceClear();
        this.milKm = history.milDistanceKm();
        this.milSteps = history.milMinutes() * VehicleModel.STEPS_PER_MINUTE;
        this.milOn = milOnAtStart;
        this.milSinceOdometer = model.odometerKm();
        this.milSinceSteps = model.ignitionOnSteps();
    }

    /** Everything restarts at 0 (mode 04, UDS 0x14); the MIL is off after a clear. */
    void onClear() {
        odometerAnchor = model.odometerKm();
        stepsAnchor = model.ignitionOnSteps();
        warmUpAnchor = model.warmUps();
        milKm = 0;
        milSteps = 0;
        milOn = false;
    }

    /** The MIL switched on or off. */
    void onMil(boolean on) {
        if (on == milOn) {
            return;
        }
        if (on) {
            milSinceOdometer = model.odometerKm();
            milSinceSteps = model.ignitionOnSteps();
        } else {
            milKm += model.odometerKm() - milSinceOdometer;
            milSteps += model.ignitionOnSteps() - milSinceSteps;
        }
        milOn = on;
    }

    int distanceSinceClearKm() {
        return cap(model.odometerKm() - odometerAnchor, 65535);
    }

    int minutesSinceClear() {
        return cap((model.ignitionOnSteps() - stepsAnchor) / VehicleModel.STEPS_PER_MINUTE, 65535);
    }

    int warmUpsSinceClear() {
        return cap(model.warmUps() - warmUpAnchor, 255);
    }

    int milDistanceKm() {
        double km = milKm + (milOn ? model.odometerKm() - milSinceOdometer : 0);
        return cap(km, 65535);
    }

    int milMinutes() {
        long steps = milSteps + (milOn ? model.ignitionOnSteps() - milSinceSteps : 0);
        return cap(steps / VehicleModel.STEPS_PER_MINUTE, 65535);
    }

    private static int cap(double value, int max) {
        return (int) Math.max(0, Math.min(max, Math.floor(value)));
    }
}
