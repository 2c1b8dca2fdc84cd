package dev.obdio.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One request a {@link VehicleServer} served, as its {@link RequestLog} reports it: which ECU got
 * what, and what came of it.
 *
 * @param time       when the request arrived (wall clock)
 * @param ecu        the ECU's name; {@code *} for a functional request offered to no ECU
 * @param canId      the identifier the request came on (the ECU's request id or the functional id)
 * @param extendedId whether {@code canId} is 29-bit
 * @param addressing physical or functional
 * @param request    the request PDU (copied in and out)
 * @param outcome    what the ECU did
 */
public record ServedRequest(Instant time, String ecu, int canId, boolean extendedId, Addressing addressing,
                            byte[] request, Outcome outcome) {

    /** Bytes of a PDU shown in a log line before it is cut short. */
    static final int LOG_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    /** Checks and copies. */
    public ServedRequest {
        Checks.notNull("time", time);
        Checks.notNull("ecu", ecu);
        Checks.notNull("addressing", addressing);
        Checks.notNull("request", request);
        Checks.notNull("outcome", outcome);
        request = request.clone();
    }

    /** A copy of the request PDU. */
    @Override
    public byte[] request() {
        return request.clone();
    }

    /** What became of a request. */
    public sealed interface Outcome {
    }

    /**
     * The ECU answered and its final response is on the bus.
     *
     * @param response         the final response (copied in and out)
     * @param pendingResponses how many {@code 7F SID 78} (response pending) went before it
     * @param latency          from the request's arrival to the final response's last frame on the bus
     */
    public record Answered(byte[] response, int pendingResponses, Duration latency) implements Outcome {
        /** Checks and copies. */
        public Answered {
            Checks.notNull("response", response);
            Checks.notNull("latency", latency);
            response = response.clone();
        }

        /** A copy of the final response. */
        @Override
        public byte[] response() {
            return response.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Answered a && Arrays.equals(response, a.response)
                    && pendingResponses == a.pendingResponses && latency.equals(a.latency);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(response) * 31 + pendingResponses;
        }

        @Override
        public String toString() {
            return "Answered[" + HEX.formatHex(response) + ", pending " + pendingResponses + ", " + latency + "]";
        }
    }

    /** The ECU sent nothing: unsupported functional request, ignition off, a fault, a suppressed response. */
    public record Silent() implements Outcome {
    }

    /**
     * The ECU meant to answer but the answer did not get out: the tester sent no flow control,
     * the bus refused a frame, or the server stopped.
     *
     * @param reason why, for people
     * @param after  from the request's arrival to the failure
     */
    public record Failed(String reason, Duration after) implements Outcome {
        /** Checks the fields. */
        public Failed {
            Checks.notNull("reason", reason);
            Checks.notNull("after", after);
        }
    }

    /**
     * The request was not offered to any ECU, e.g. a functional request of more than one frame
     * (ISO 15765-4 allows single frames only).
     *
     * @param reason why, for people
     */
    public record Ignored(String reason) implements Outcome {
        /** Checks the reason. */
        public Ignored {
            Checks.notNull("reason", reason);
        }
    }

    /**
     * The request as one line for {@code obdio sim -v}: local time, ECU, identifier, request, and
     * the response, {@code silent}, a failure or why it was ignored, with the latency, e.g.
     * {@code 14:02:11.204  engine        7E0  0902 -> 4902013546...57 (20 bytes) 12.3 ms}.
     */
    public String toLogLine() {
        return toLogLine(ZoneId.systemDefault());
    }

    /** {@link #toLogLine()} with the time in another zone. */
    public String toLogLine(ZoneId zone) {
        StringBuilder b = new StringBuilder(128);
        b.append(CLOCK.format(LocalTime.ofInstant(time, zone))).append("  ");
        b.append(String.format(Locale.ROOT, "%-13s ", ecu));
        b.append(extendedId ? String.format("%08X", canId) : String.format("%03X", canId)).append("  ");
        b.append(hex(request)).append(" -> ");
        if (outcome instanceof Answered a) {
            if (a.pendingResponses() > 0) {
                b.append(String.format(Locale.ROOT, "7F%02X78 x%d, ", request[0] & 0xFF, a.pendingResponses()));
            }
            b.append(hex(a.response)).append(' ').append(millis(a.latency()));
        } else if (outcome instanceof Silent) {
            b.append("silent");
        } else if (outcome instanceof Failed f) {
            b.append("failed: ").append(f.reason()).append(" (after ").append(millis(f.after())).append(')');
        } else if (outcome instanceof Ignored i) {
            b.append("ignored: ").append(i.reason());
        }
        return b.toString();
    }

    /** Hex without separators, cut after {@value #LOG_BYTES} bytes with the full length. */
    static String hex(byte[] pdu) {
        if (pdu.length <= LOG_BYTES) {
            return HEX.formatHex(pdu);
        }
        return HEX.formatHex(pdu, 0, LOG_BYTES) + "... (" + pdu.length + " bytes)";
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServedRequest s && time.equals(s.time) && ecu.equals(s.ecu) && canId == s.canId
                && extendedId == s.extendedId && addressing == s.addressing && Arrays.equals(request, s.request)
                && outcome.equals(s.outcome);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, ecu, canId, addressing, outcome) * 31 + Arrays.hashCode(request);
    }

    @Override
    public String toString() {
        return "ServedRequest[" + toLogLine(ZoneId.of("UTC")) + "]";
    }
}
