package dev.obdio.sim;

import java.util.List;

/**
 * What a diagnostic service decided about one request, before the ECU applies addressing rules
 * (functional NRC suppression), latency and faults.
 */
sealed interface Answer {

    /** A positive response. */
    record Positive(byte[] payload) implements Answer {
    }

    /** A negative response {@code 7F sid nrc}. */
    record Negative(int sid, int nrc) implements Answer {
        byte[] payload() {
            return new byte[] {0x7F, (byte) sid, (byte) nrc};
        }
    }

    /** Nothing to send: a suppressed positive response, or an OBD request nobody serves. */
    record None() implements Answer {
    }

    /**
     * Several responses at offsets from the moment the ECU starts answering: response-pending
     * negatives followed by the final answer of a slow operation.
     */
    record Timed(List<ScheduledResponse> responses) implements Answer {
    }

    /** The shared empty answer. */
    None NONE = new None();

    static Answer positive(ResponseBuilder b) {
        return new Positive(b.toBytes());
    }

    static Answer negative(int sid, int nrc) {
        return new Negative(sid, nrc);
    }
}
