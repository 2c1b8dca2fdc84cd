package dev.obdio.sim;

/**
 * Deterministic noise: a pure function of (seed, channel, index), so a sensor's value at a given
 * model step is the same however often, in whatever order, it is read. Uses the SplitMix64 finaliser
 * as a hash.
 */
final class Noise {
    private Noise() {
    }

    /** A hash of the three inputs, uniformly distributed over all longs. */
    static long hash(long seed, int channel, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + channel * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    static double unit(long seed, int channel, long index) {
        return (hash(seed, channel, index) >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1). */
    static double uniform(long seed, int channel, long index) {
        return unit(seed, channel, index) * 2 - 1;
    }

    /** Approximately standard normal (sum of three uniforms), bounded to ±3. */
    static double gauss(long seed, int channel, long index) {
        return uniform(seed, channel, index * 3) + uniform(seed, channel, index * 3 + 1)
                + uniform(seed, channel, index * 3 + 2);
    }
}
