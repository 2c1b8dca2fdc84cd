package dev.obdio.sim;

/**
 * The counters an ECU keeps since the last clear and while the MIL is on (PIDs 21, 30, 31, 4D, 4E),
 * kept as anchors into the model's accumulators so they cost nothing per step.
 */
final class EcuCounters {
    private final VehicleModel model;
    private double odometerAnchor;
    private double secondsAnchor;
    private int warmUpAnchor;
    private double milKm;
    private double milSeconds;
    private boolean milOn;
    private double milSinceOdometer;
    private double milSinceSeconds;

    EcuCounters(VehicleModel model, EcuHistory history, boolean milOnAtStart) {
        this.model = model;
        this.odometerAnchor = model.odometerKm() - history.distanceSinceClearKm();
        this.secondsAnchor = model.ignitionOnSeconds() - history.minutesSinceClear() * 60.0;
        this.warmUpAnchor = model.warmUps() - history.warmUpsSinceClear();
        this.milKm = history.milDistanceKm();
        this.milSeconds = history.milMinutes() * 60.0;
        this.milOn = milOnAtStart;
        this.milSinceOdometer = model.odometerKm();
        this.milSinceSeconds = model.ignitionOnSeconds();
    }

    /** Everything restarts at 0 (mode 04, UDS 0x14); the MIL is off after a clear. */
    void onClear() {
        odometerAnchor = model.odometerKm();
        secondsAnchor = model.ignitionOnSeconds();
        warmUpAnchor = model.warmUps();
        milKm = 0;
        milSeconds = 0;
        milOn = false;
    }

    /** The MIL switched on or off. */
    void onMil(boolean on) {
        if (on == milOn) {
            return;
        }
        if (on) {
            milSinceOdometer = model.odometerKm();
            milSinceSeconds = model.ignitionOnSeconds();
        } else {
            milKm += model.odometerKm() - milSinceOdometer;
            milSeconds += model.ignitionOnSeconds() - milSinceSeconds;
        }
        milOn = on;
    }

    int distanceSinceClearKm() {
        return cap(model.odometerKm() - odometerAnchor, 65535);
    }

    int minutesSinceClear() {
        return cap((model.ignitionOnSeconds() - secondsAnchor) / 60, 65535);
    }

    int warmUpsSinceClear() {
        return cap(model.warmUps() - warmUpAnchor, 255);
    }

    int milDistanceKm() {
        double km = milKm + (milOn ? model.odometerKm() - milSinceOdometer : 0);
        return cap(km, 65535);
    }

    int milMinutes() {
        double s = milSeconds + (milOn ? model.ignitionOnSeconds() - milSinceSeconds : 0);
        return cap(s / 60, 65535);
    }

    private static int cap(double value, int max) {
        return (int) Math.max(0, Math.min(max, Math.floor(value)));
    }
}
