package dev.obdio.obd;

/**
 * Told about each request {@link ObdConnection#open(String, ObdOptions, ConnectProgress)} sends
 * while it finds the vehicle and the commands it supports, on the opening thread. For progress
 * bars: {@code total} is an upper bound that may shrink as chains of supported-PID masks end.
 */
@FunctionalInterface
public interface ConnectProgress {
    /** Does nothing. */
    ConnectProgress NONE = (step, done, total) -> { };

    /**
     * A step is about to run.
     *
     * @param step  what is being asked, e.g. {@code "0120 PIDS_B"}
     * @param done  steps finished so far
     * @param total steps at most
     */
    void step(String step, int done, int total);
}
