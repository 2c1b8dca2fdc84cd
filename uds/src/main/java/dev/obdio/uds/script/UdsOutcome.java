package dev.obdio.uds.script;

import dev.obdio.uds.Hex;
import dev.obdio.uds.UdsResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a {@link UdsAction} went: what was sent and received, the result for people
 * ({@link #lines()}) and for machines ({@link #result()}, plain maps, lists, strings and numbers
 * ready for JSON), and the value a script can store with {@code -> $name}.
 *
 * @param command   the command, as typed
 * @param status    how it went
 * @param exchanges each request sent and the final response it got (several for {@code security})
 * @param message   what went wrong, empty when it went well
 * @param lines     the result for people
 * @param result    the result for machines
 * @param value     what {@code -> $name} stores: a single DID's value for {@code read}, else the last response
 */
public record UdsOutcome(String command, Status status, List<Exchange> exchanges, String message, List<String> lines,
                         Map<String, Object> result, Optional<byte[]> value) {

    /** How an action went. */
    public enum Status {
        /** The server answered positively. */
        POSITIVE,
        /** The request suppressed its positive response and no refusal came. */
        ACCEPTED_SILENTLY,
        /** The server refused (negative response). */
        NEGATIVE,
        /** No response in time. */
        TIMEOUT,
        /** Anything else: a response that did not fit, a transport fault, a value the codec refused. */
        ERROR
    }

    /**
     * One request and its final response.
     *
     * @param request  the bytes sent
     * @param response the final response, empty when none came
     */
    public record Exchange(byte[] request, Optional<UdsResponse> response) {
        /** Copies the request. */
        public Exchange {
            request = request.clone();
        }

        @Override
        public byte[] request() {
            return request.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Exchange e && Arrays.equals(request, e.request) && response.equals(e.response);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(request) * 31 + response.hashCode();
        }

        @Override
        public String toString() {
            return Hex.format(request) + " -> " + response.map(UdsResponse::toString).orElse("(none)");
        }
    }

    /** Copies the collections. */
    public UdsOutcome {
        exchanges = List.copyOf(exchanges);
        lines = List.copyOf(lines);
        result = Collections.unmodifiableMap(new LinkedHashMap<>(result));
        value = value.map(byte[]::clone);
    }

    /** Whether the action did what it asked (a positive answer, or a suppressed one without refusal). */
    public boolean succeeded() {
        return status == Status.POSITIVE || status == Status.ACCEPTED_SILENTLY;
    }

    /** The last final response, if any. */
    public Optional<UdsResponse> response() {
        return exchanges.isEmpty() ? Optional.empty() : exchanges.get(exchanges.size() - 1).response();
    }

    /** The NRC of a refusal. */
    public OptionalInt nrc() {
        return status == Status.NEGATIVE && response().isPresent() && response().get().isNegative()
                ? OptionalInt.of(response().get().nrc()) : OptionalInt.empty();
    }

    @Override
    public Optional<byte[]> value() {
        return value.map(byte[]::clone);
    }

    /** The outcome as one JSON-ready map: command, status, exchanges, result, message. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("status", status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        List<Map<String, Object>> ex = new ArrayList<>();
        for (Exchange e : exchanges) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("request", Hex.compact(e.request()));
            x.put("response", e.response().map(r -> Hex.compact(r.bytes())).orElse(null));
            ex.add(x);
        }
        m.put("exchanges", ex);
        nrc().ifPresent(n -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", String.format("0x%02X", n));
            x.put("name", dev.obdio.uds.Nrc.nameOf(n));
            m.put("nrc", x);
        });
        if (!result.isEmpty()) {
            m.put("result", result);
        }
        if (!message.isEmpty()) {
            m.put("message", message);
        }
        return m;
    }
}
