package dev.obdio.gateway;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.obdio.obd.DtcClearResult;
import dev.obdio.obd.ObdProblem;
import java.util.List;

/**
 * The reply to {@code clear_dtc}, also sent to every client as {@code dtc_cleared} so that other
 * pages refresh: {@code {"cleared":["7E8"],"problems":[],"success":true,"time":1700000000000}}.
 *
 * @param cleared  the ECUs that confirmed, by the id they answer on
 * @param problems refusals (an ECU refuses with the engine running: 0x22 conditionsNotCorrect) and
 *                 transport failures, for people
 * @param success  at least one ECU confirmed and none refused
 * @param time     when the answers were in, epoch milliseconds
 */
@JsonPropertyOrder({"cleared", "problems", "success", "time"})
record ClearReport(List<String> cleared, List<String> problems, boolean success, long time) {

    /** The event every client gets after a clear. */
    static final String BROADCAST = "dtc_cleared";

    static ClearReport of(DtcClearResult result) {
        return new ClearReport(result.cleared().stream().sorted().map(DtcReport::ecuName).toList(),
                result.problems().stream().map(ObdProblem::describe).toList(), result.success(), result.time());
    }
}
