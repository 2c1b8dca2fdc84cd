package dev.obdio.sim;

/**
 * The state the simulated vehicle starts in (engine just started).
 *
 * @param fuelLevelPct fuel tank level, 5..100 %
 * @param odometerKm   odometer reading, 0..10,000,000 km
 * @param coolantC     engine temperature at start, or {@code null} for a cold start at ambient temperature
 */
public record StartState(double fuelLevelPct, double odometerKm, Double coolantC) {
    /** Validates ranges. */
    public StartState {
        Checks.range("fuelLevelPct", fuelLevelPct, 5, 100);
        Checks.range("odometerKm", odometerKm, 0, 10_000_000);
        if (coolantC != null) {
            Checks.range("coolantC", coolantC, -40, 110);
        }
    }
}
