package dev.obdio.sim;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One response PDU an ECU sends, {@code delayNanos} after it received the request. The payload is
 * the diagnostic message (e.g. {@code 41 0C 1A F8}), not CAN frames: the transport binding
 * segments it with ISO-TP.
 *
 * @param delayNanos time from the request's arrival to this response, at least 0
 * @param payload    the response bytes, never empty; copied in and out
 */
public record ScheduledResponse(long delayNanos, byte[] payload) {

    /** Validates and copies. */
    public ScheduledResponse {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delayNanos must be >= 0, got " + delayNanos);
        }
        if (payload == null || payload.length == 0) {
            throw new IllegalArgumentException("payload must not be empty");
        }
        payload = payload.clone();
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** True when this is a negative response {@code 7F SID 78} (request received, response pending). */
    public boolean isResponsePending() {
        return payload.length == 3 && (payload[0] & 0xFF) == 0x7F && (payload[2] & 0xFF) == 0x78;
    }

    /** The payload as upper-case hex without separators, e.g. {@code 410C1AF8}. */
    public String hex() {
        return HexFormat.of().withUpperCase().formatHex(payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduledResponse other && other.delayNanos == delayNanos
                && Arrays.equals(other.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(delayNanos) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "+" + (delayNanos / 1_000) + "us " + hex();
    }
}
