package dev.obdio.uds;

import java.time.Duration;

/**
 * The server's timing of a diagnostic session, from its DiagnosticSessionControl response:
 * P2server_max (16 bits, 1 ms units) and P2*server_max (16 bits, 10 ms units).
 *
 * @param p2     the most the server takes to start its response
 * @param p2Star the most it takes to answer after a response-pending (NRC 0x78)
 */
public record SessionTiming(Duration p2, Duration p2Star) {

    /** ISO 14229-2's defaults: P2 = 50 ms, P2* = 5000 ms. */
    public static final SessionTiming DEFAULTS = new SessionTiming(Duration.ofMillis(50), Duration.ofMillis(5000));

    /** Validates the fields. */
    public SessionTiming {
        Checks.notNull("p2", p2);
        Checks.notNull("p2Star", p2Star);
        if (p2.isNegative() || p2Star.isNegative()) {
            throw new IllegalArgumentException("p2 and p2Star must not be negative, got " + p2 + " and " + p2Star);
        }
    }

    /** Timing from the four bytes of a response: P2 in 1 ms units, then P2* in 10 ms units. */
    static SessionTiming fromWire(int p2Millis, int p2StarTens) {
        return new SessionTiming(Duration.ofMillis(p2Millis), Duration.ofMillis(p2StarTens * 10L));
    }

    /** The four bytes a server sends for this timing (values beyond 16 bits are capped). */
    public byte[] toWire() {
        long p2ms = Math.min(p2.toMillis(), 0xFFFF);
        long tens = Math.min(p2Star.toMillis() / 10, 0xFFFF);
        return new byte[] {(byte) (p2ms >> 8), (byte) p2ms, (byte) (tens >> 8), (byte) tens};
    }

    @Override
    public String toString() {
        return "P2 = " + p2.toMillis() + " ms, P2* = " + p2Star.toMillis() + " ms";
    }
}
