package dev.obdio.sim;

/**
 * How long an ECU takes to answer: uniformly between {@code minMs} and {@code maxMs}, drawn from the
 * vehicle seed for each response.
 *
 * @param minMs shortest response time, 0..P2 (50 ms)
 * @param maxMs longest response time, minMs..50 ms
 */
public record LatencySpec(double minMs, double maxMs) {
    /** 5 to 15 ms, typical of real ECUs. */
    public static final LatencySpec DEFAULTS = new LatencySpec(5, 15);

    /** Validates ranges. */
    public LatencySpec {
        Checks.range("minMs", minMs, 0, 50);
        Checks.range("maxMs", maxMs, minMs, 50);
    }
}
