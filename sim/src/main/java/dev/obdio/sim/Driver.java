package dev.obdio.sim;

import java.util.List;

/**
 * The simulated driver: works through the drive cycle's legs and says, each step, what to do with
 * the pedals. Each repetition of the cycle varies targets and durations by the cycle's variation,
 * drawn from the seed by (lap, leg) so the route is reproducible.
 */
final class Driver {
    /** What the driver wants this step. */
    enum Intent {
        /** Hold the car still (or brake to a stop). */
        STAND,
        /** Accelerate with a fixed pedal. */
        ACCELERATE,
        /** Hold {@link #targetKph()}. */
        CRUISE,
        /** Brake at {@link #decel()}. */
        BRAKE
    }

    private static final int VARIATION_CHANNEL = 9001;
    private static final double ACCELERATE_TIMEOUT_S = 120;
    private static final double STAND_DECEL = 2.5;

    private final List<DriveLeg> legs;
    private final double variation;
    private final long seed;

    private int lap;
    private int index;
    private double legTime;
    private boolean legStarted;
    private double holdKph;
    // The current leg's parameters after variation.
    private double duration;
    private double target;
    private double pedal;
    private double decel;
    private Intent intent = Intent.STAND;

    Driver(DriveCycle cycle, long seed) {
        this.legs = cycle.legs();
        this.variation = cycle.variation();
        this.seed = seed;
    }

    /** Starts the cycle again from its first leg (a new ignition cycle). */
    void restart() {
        lap = 0;
        index = 0;
        legTime = 0;
        legStarted = false;
        holdKph = 0;
        intent = Intent.STAND;
    }

    /** Advances by {@code dt} seconds at the current speed; afterwards read the intent. */
    void update(double dt, double speedKph) {
        for (int guard = 0; guard < legs.size() + 1; guard++) {
            if (!legStarted) {
                startLeg(speedKph);
            }
            if (!legFinished(speedKph)) {
                break;
            }
            nextLeg();
        }
        legTime += dt;
    }

    private void startLeg(double speedKph) {
        DriveLeg leg = legs.get(index);
        long key = (long) lap * 1000 + index;
        double f = 1 + variation * Noise.uniform(seed, VARIATION_CHANNEL, key);
        double g = 1 + 0.5 * variation * Noise.uniform(seed, VARIATION_CHANNEL + 1, key);
        legTime = 0;
        legStarted = true;
        if (leg instanceof DriveLeg.Idle idle) {
            intent = Intent.STAND;
            duration = idle.seconds() * f;
        } else if (leg instanceof DriveLeg.Accelerate a) {
            intent = Intent.ACCELERATE;
            target = a.toKph() * f;
            pedal = Math.min(1, a.pedalPct() / 100 * g);
            holdKph = target;
        } else if (leg instanceof DriveLeg.Cruise c) {
            intent = Intent.CRUISE;
            duration = c.seconds() * f;
            if (holdKph <= 0) {
                holdKph = speedKph;
            }
            target = holdKph;
        } else if (leg instanceof DriveLeg.Brake b) {
            intent = Intent.BRAKE;
            target = b.toKph() == 0 ? 0 : b.toKph() * f;
            decel = b.decelMs2() * g;
            holdKph = target;
        }
    }

    private boolean legFinished(double speedKph) {
        return switch (intent) {
            case STAND -> legTime >= duration;
            case ACCELERATE -> speedKph >= target || legTime >= ACCELERATE_TIMEOUT_S;
            case CRUISE -> legTime >= duration;
            case BRAKE -> target == 0 ? speedKph <= 0 : speedKph <= target;
        };
    }

    private void nextLeg() {
        index++;
        if (index == legs.size()) {
            index = 0;
            lap++;
        }
        legStarted = false;
    }

    Intent intent() {
        return intent;
    }

    /** Pedal for ACCELERATE, 0..1. */
    double pedal() {
        return pedal;
    }

    /** Speed to hold in CRUISE, km/h. */
    double targetKph() {
        return target;
    }

    /** Deceleration for BRAKE and STAND, m/s². */
    double decel() {
        return intent == Intent.STAND ? STAND_DECEL : decel;
    }

    /** Completed laps of the cycle. */
    int lap() {
        return lap;
    }

    /** Index of the current leg. */
    int legIndex() {
        return index;
    }
}
