package dev.obdio.obd;

import java.util.List;

/**
 * What a mode 04 request (clear DTCs) achieved.
 *
 * @param cleared  the ECUs that confirmed ({@code 44}), by the CAN id they answer on
 * @param problems refusals ({@code 7F 04 22}: conditions not correct, usually a running engine)
 *                 and transport failures
 * @param time     when the answers were in, epoch milliseconds
 */
public record DtcClearResult(List<Integer> cleared, List<ObdProblem> problems, long time) {

    /** Copies. */
    public DtcClearResult {
        cleared = List.copyOf(cleared);
        problems = List.copyOf(problems);
    }

    /** Whether at least one ECU confirmed and none refused. */
    public boolean success() {
        return !cleared.isEmpty() && problems.isEmpty();
    }
}
