package dev.obdio.sim;

/**
 * What an ECU remembers from before the simulation started: the counters mode 04 resets.
 *
 * @param distanceSinceClearKm PID 31 at start, 0..65535 km
 * @param minutesSinceClear    PID 4E at start, 0..65535 min
 * @param warmUpsSinceClear    PID 30 at start, 0..255
 * @param milDistanceKm        PID 21 at start, 0..65535 km (0 unless a DTC requests the MIL)
 * @param milMinutes           PID 4D at start, 0..65535 min
 * @param monitorsComplete     readiness monitors have completed since the last clear
 */
public record EcuHistory(int distanceSinceClearKm, int minutesSinceClear, int warmUpsSinceClear, int milDistanceKm,
                         int milMinutes, boolean monitorsComplete) {
    /** Counters at 0, monitors complete. */
    public static final EcuHistory DEFAULTS = new EcuHistory(0, 0, 0, 0, 0, true);

    /** Validates ranges. */
    public EcuHistory {
        Checks.range("distanceSinceClearKm", distanceSinceClearKm, 0, 65535);
        Checks.range("minutesSinceClear", minutesSinceClear, 0, 65535);
        Checks.range("warmUpsSinceClear", warmUpsSinceClear, 0, 255);
        Checks.range("milDistanceKm", milDistanceKm, 0, 65535);
        Checks.range("milMinutes", milMinutes, 0, 65535);
    }
}
