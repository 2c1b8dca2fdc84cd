package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The request log's values and their one-line form. */
class ServedRequestTest {
    private static final Instant T = Instant.parse("2024-05-01T14:02:11.204Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static ServedRequest served(String ecu, int id, boolean extended, String request, ServedRequest.Outcome o) {
        return new ServedRequest(T, ecu, id, extended, Addressing.PHYSICAL, Hex.bytes(request), o);
    }

    @Test
    void eachOutcomeHasItsLine() {
        assertThat(served("engine", 0x7E0, false, "01 0C", new ServedRequest.Answered(Hex.bytes("41 0C 1A F8"), 0,
                Duration.ofNanos(12_340_000))).toLogLine(UTC))
                .isEqualTo("14:02:11.204  engine        7E0  010C -> 410C1AF8 12.3 ms");
        assertThat(served("engine", 0x18DA10F1, true, "31 01 02 11", new ServedRequest.Answered(
                Hex.bytes("71 01 02 11 00 36 B0"), 2, Duration.ofMillis(4503))).toLogLine(UTC))
                .isEqualTo("14:02:11.204  engine        18DA10F1  31010211 -> 7F3178 x2, 710102110036B0 4503.0 ms");
        assertThat(served("battery", 0x7DF, false, "01 0C", new ServedRequest.Silent()).toLogLine(UTC))
                .isEqualTo("14:02:11.204  battery       7DF  010C -> silent");
        assertThat(served("engine", 0x7E0, false, "09 02", new ServedRequest.Failed("no flow control within N_Bs = 1000 ms",
                Duration.ofMillis(1001))).toLogLine(UTC))
                .isEqualTo("14:02:11.204  engine        7E0  0902 -> failed: no flow control within N_Bs = 1000 ms (after 1001.0 ms)");
        assertThat(served("*", 0x7DF, false, "22 F1 90 F1 87 F1 89 F1 8C", new ServedRequest.Ignored("too long"))
                .toLogLine(UTC)).isEqualTo("14:02:11.204  *             7DF  22F190F187F189F18C -> ignored: too long");
    }

    @Test
    void longPdusAreCutInTheLineButKeptInTheValue() {
        byte[] big = new byte[100];
        big[0] = 0x62;
        ServedRequest r = served("engine", 0x7E0, false, "22 F1 90", new ServedRequest.Answered(big, 0, Duration.ZERO));
        assertThat(r.toLogLine(UTC)).contains("-> 62" + "00".repeat(31) + "... (100 bytes) 0.0 ms");
        assertThat(((ServedRequest.Answered) r.outcome()).response()).hasSize(100);
    }

    @Test
    void valuesAreCopiedAndCompared() {
        byte[] request = Hex.bytes("01 0C");
        ServedRequest a = new ServedRequest(T, "engine", 0x7E0, false, Addressing.FUNCTIONAL, request, new ServedRequest.Silent());
        request[0] = 0x09;
        ServedRequest b = served("engine", 0x7E0, false, "01 0C", new ServedRequest.Silent());
        assertThat(a.request()).isEqualTo(Hex.bytes("01 0C"));
        assertThat(a).isNotEqualTo(b); // addressing differs
        assertThat(new ServedRequest(T, "engine", 0x7E0, false, Addressing.PHYSICAL, Hex.bytes("01 0C"),
                new ServedRequest.Silent())).isEqualTo(b).hasSameHashCodeAs(b);
        assertThatThrownBy(() -> new ServedRequest(T, null, 0x7E0, false, Addressing.PHYSICAL, request,
                new ServedRequest.Silent())).hasMessageContaining("ecu");
    }
}
