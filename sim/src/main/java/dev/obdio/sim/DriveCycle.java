package dev.obdio.sim;

import java.util.List;

/**
 * The route the simulated driver repeats forever: idle, accelerate through the gears, cruise, brake,
 * stop, and so on. Each repetition varies the speeds, durations and pedal by up to
 * {@code variation} (drawn from the vehicle seed), so no two laps are identical.
 *
 * @param legs      the legs in order, 1..100
 * @param variation relative variation per repetition, 0..0.5 (0.1 = ±10 %)
 */
public record DriveCycle(List<DriveLeg> legs, double variation) {

    /** Validates and copies. */
    public DriveCycle {
        Checks.notEmpty("legs", legs);
        legs = List.copyOf(legs);
        if (legs.size() > 100) {
            throw new IllegalArgumentException("legs: at most 100, got " + legs.size());
        }
        Checks.range("variation", variation, 0, 0.5);
    }
}
