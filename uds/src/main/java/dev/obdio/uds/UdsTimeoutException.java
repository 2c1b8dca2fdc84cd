package dev.obdio.uds;

import java.time.Duration;

/**
 * No final response came in time: within P2 of the request, within P2* of the last
 * response-pending (NRC 0x78), or within the overall cap.
 */
public final class UdsTimeoutException extends UdsException {

    /** Which limit ran out. */
    public enum Limit {
        /** P2 (plus the transport allowance) after the request. */
        P2,
        /** P2* (plus the transport allowance) after a response-pending answer. */
        P2_STAR,
        /** The overall cap of one request, however many response-pending answers came. */
        OVERALL
    }

    private final Limit limit;
    private final Duration waited;
    private final int pendingAnswers;

    /**
     * @param serviceId      the request's service identifier
     * @param limit          the limit that ran out
     * @param waited         its value
     * @param pendingAnswers response-pending answers received before it ran out
     */
    public UdsTimeoutException(int serviceId, Limit limit, Duration waited, int pendingAnswers) {
        super(serviceId, message(serviceId, limit, waited, pendingAnswers), null);
        this.limit = limit;
        this.waited = waited;
        this.pendingAnswers = pendingAnswers;
    }

    private static String message(int sid, Limit limit, Duration waited, int pending) {
        String what = "no response to " + UdsService.describe(sid);
        return switch (limit) {
            case P2 -> what + " within P2 = " + waited.toMillis() + " ms (is the ECU there, on these identifiers?)";
            case P2_STAR -> what + " within P2* = " + waited.toMillis() + " ms after " + pending
                    + " response-pending (NRC 0x78) answer" + (pending == 1 ? "" : "s");
            case OVERALL -> what + ": the overall cap of " + waited.toMillis() + " ms ran out after " + pending
                    + " response-pending (NRC 0x78) answer" + (pending == 1 ? "" : "s");
        };
    }

    /** The limit that ran out. */
    public Limit limit() {
        return limit;
    }

    /** The value of that limit. */
    public Duration waited() {
        return waited;
    }

    /** Response-pending answers received before it ran out. */
    public int pendingAnswers() {
        return pendingAnswers;
    }
}
