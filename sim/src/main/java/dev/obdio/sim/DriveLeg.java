package dev.obdio.sim;

/** One part of a drive cycle. The simulated driver works through the legs in order. */
public sealed interface DriveLeg {

    /**
     * Stand still with the engine idling (brakes to a stop first if moving).
     *
     * @param seconds how long, 0.1..3600 s
     */
    record Idle(double seconds) implements DriveLeg {
        /** Validates the duration. */
        public Idle {
            Checks.range("idle", seconds, 0.1, 3600);
        }
    }

    /**
     * Accelerate with a steady pedal until a speed is reached (or two minutes passed).
     *
     * @param toKph    target speed, 1..250 km/h
     * @param pedalPct accelerator pedal, 5..100 %
     */
    record Accelerate(double toKph, double pedalPct) implements DriveLeg {
        /** Validates target and pedal. */
        public Accelerate {
            Checks.range("accelerate", toKph, 1, 250);
            Checks.range("pedal", pedalPct, 5, 100);
        }
    }

    /**
     * Hold the speed the previous leg reached.
     *
     * @param seconds how long, 0.1..3600 s
     */
    record Cruise(double seconds) implements DriveLeg {
        /** Validates the duration. */
        public Cruise {
            Checks.range("cruise", seconds, 0.1, 3600);
        }
    }

    /**
     * Brake at a steady deceleration down to a speed (0 stops the car).
     *
     * @param toKph    target speed, 0..250 km/h
     * @param decelMs2 deceleration, 0.3..8 m/s²
     */
    record Brake(double toKph, double decelMs2) implements DriveLeg {
        /** Validates target and deceleration. */
        public Brake {
            Checks.range("brake", toKph, 0, 250);
            Checks.range("decel", decelMs2, 0.3, 8);
        }
    }
}
