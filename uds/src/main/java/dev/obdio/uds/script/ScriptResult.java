package dev.obdio.uds.script;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a script run went.
 *
 * @param requests           requests run
 * @param expectationsPassed expectations that held
 * @param elapsed            wall time of the run
 * @param failure            where and why it stopped, empty when it passed
 * @param steps              each request's outcome ({@link UdsOutcome#toMap()} plus {@code line}) and
 *                           each expectation's verdict, JSON-ready
 */
public record ScriptResult(int requests, int expectationsPassed, Duration elapsed, Optional<Failure> failure,
                           List<Map<String, Object>> steps) {

    /**
     * Where a script stopped.
     *
     * @param line    the 1-based line
     * @param message why
     */
    public record Failure(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /** Copies the steps. */
    public ScriptResult {
        steps = List.copyOf(steps);
    }

    /** Whether every request and expectation passed. */
    public boolean passed() {
        return failure.isEmpty();
    }

    /** {@code 4 requests, 3 expectations passed, 0.42 s}. */
    public String summary() {
        return String.format("%d request%s, %d expectation%s passed, %.2f s", requests, requests == 1 ? "" : "s",
                expectationsPassed, expectationsPassed == 1 ? "" : "s", elapsed.toNanos() / 1e9);
    }
}
