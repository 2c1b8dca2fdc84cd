package dev.obdio.sim;

import java.time.Duration;

/**
 * A misbehaviour injected into one simulated ECU so clients can be tested against it. At most one
 * fault of each kind is active per ECU ({@link SimulatedEcu#injectFault(Fault)} replaces a fault of
 * the same kind). They combine: a {@link Slow} ECU with {@link CorruptData} answers late and wrong.
 */
public sealed interface Fault {

    /** The ECU answers nothing at all, as with the ignition off or a blown fuse. */
    record Silent() implements Fault {
    }

    /** Every response is sent {@code delay} later than usual, e.g. beyond P2 (50 ms). */
    record Slow(Duration delay) implements Fault {
        /** Validates the delay. */
        public Slow {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("delay must be >= 0, got " + delay);
            }
        }
    }

    /**
     * Positive responses carry wrong data: every byte after the service id and the echoed
     * parameter (PID, DID, sub-function) is inverted, so lengths stay right and values are wrong.
     */
    record CorruptData() implements Fault {
    }

    /** Positive responses echo the wrong parameter: the byte after the service id is increased by one. */
    record WrongPidEcho() implements Fault {
    }

    /** Positive responses lose their last byte, so decoders see a short answer. */
    record Truncated() implements Fault {
    }

    /**
     * Before each answer the ECU sends {@code count} negative responses {@code 7F SID 78}
     * (response pending), {@code interval} apart, the first one within P2. With a large count the
     * storm outlasts any sensible client timeout.
     */
    record ResponsePendingStorm(int count, Duration interval) implements Fault {
        /** Validates count (1..100000) and interval (positive). */
        public ResponsePendingStorm {
            if (count < 1 || count > 100_000) {
                throw new IllegalArgumentException("count must be 1..100000, got " + count);
            }
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive, got " + interval);
            }
        }
    }

    /**
     * Each request is dropped (no answer) with probability {@code dropProbability}, drawn from the
     * vehicle's seed so runs repeat.
     */
    record Intermittent(double dropProbability) implements Fault {
        /** Validates the probability. */
        public Intermittent {
            if (!(dropProbability >= 0 && dropProbability <= 1)) {
                throw new IllegalArgumentException("dropProbability must be 0..1, got " + dropProbability);
            }
        }
    }
}
