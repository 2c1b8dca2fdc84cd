package dev.obdio.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * What an ECU sends in answer to one request: nothing (silence), one response, or a sequence of
 * responses at given delays, e.g. several {@code 7F 31 78} (response pending) and then the final
 * answer of a slow routine. Entries are ordered by delay. The transport binding sends each entry
 * when its delay has passed since the request arrived.
 *
 * @param responses the responses in send order; empty means silence
 */
public record ResponseSchedule(List<ScheduledResponse> responses) {
    private static final ResponseSchedule SILENCE = new ResponseSchedule(List.of());

    /** Validates that delays do not decrease, and copies. */
    public ResponseSchedule {
        if (responses == null) {
            throw new IllegalArgumentException("responses must not be null");
        }
        responses = List.copyOf(responses);
        for (int i = 1; i < responses.size(); i++) {
            if (responses.get(i).delayNanos() < responses.get(i - 1).delayNanos()) {
                throw new IllegalArgumentException("response delays must not decrease: " + responses);
            }
        }
    }

    /** No response at all. */
    public static ResponseSchedule silence() {
        return SILENCE;
    }

    /** One response after {@code delayNanos}. */
    public static ResponseSchedule of(long delayNanos, byte[] payload) {
        return new ResponseSchedule(List.of(new ScheduledResponse(delayNanos, payload)));
    }

    /** True when the ECU sends nothing. */
    public boolean isSilent() {
        return responses.isEmpty();
    }

    /** The last (final) response; throws when silent. */
    public ScheduledResponse last() {
        if (responses.isEmpty()) {
            throw new IllegalStateException("a silent schedule has no response");
        }
        return responses.get(responses.size() - 1);
    }

    /** The final payload, or {@code null} when silent. Convenient for tests and simple callers. */
    public byte[] finalPayload() {
        return responses.isEmpty() ? null : last().payload();
    }

    /** This schedule with every delay increased by {@code extraNanos}. */
    public ResponseSchedule delayedBy(long extraNanos) {
        if (extraNanos == 0 || responses.isEmpty()) {
            return this;
        }
        List<ScheduledResponse> shifted = new ArrayList<>(responses.size());
        for (ScheduledResponse r : responses) {
            shifted.add(new ScheduledResponse(r.delayNanos() + extraNanos, r.payload()));
        }
        return new ResponseSchedule(shifted);
    }
}
