package dev.obdio.sim;

import dev.obdio.uds.ObdioXorRotateAdd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DTC codes, the security algorithm and response schedules. */
class SmallValuesTest {

    @Test
    void dtcCodesParseAndPrintLikeJ2012() {
        assertThat(DtcCode.parse("P0104").value()).isEqualTo(0x0104);
        assertThat(DtcCode.parse("c1a2b").toString()).isEqualTo("C1A2B");
        assertThat(DtcCode.parse("U01D2").value()).isEqualTo(0xC1D2);
        assertThat(new DtcCode(0xC1D2).toString()).isEqualTo("U01D2");
        assertThat(new DtcCode(0x9F00).toString()).isEqualTo("B1F00");
        for (int v = 1; v <= 0xFFFF; v += 37) {
            DtcCode c = new DtcCode(v);
            assertThat(DtcCode.parse(c.toString())).isEqualTo(c);
        }
        for (String bad : List.of("", "P030", "P03011", "X0301", "P4301", "P03G1", "P-301", "P+301")) {
            assertThatThrownBy(() -> DtcCode.parse(bad)).as(bad).hasMessageContaining("is not a DTC");
        }
        assertThatThrownBy(() -> new DtcCode(0)).hasMessageContaining("out of range");
    }

    @Test
    void securityAlgorithmMatchesTheDocumentedVector() {
        assertThat(ObdioXorRotateAdd.key(0x11223344L, new ObdioXorRotateAdd.Secret(0x5A3C96E1L, 7))).isEqualTo(0xE98F6986L);
        assertThat(Hex.of(ObdioXorRotateAdd.of(0x5A3C96E1L, 7).key(1, Hex.bytes("11223344")))).isEqualTo("E9 8F 69 86");
        assertThat(ObdioXorRotateAdd.key(0, new ObdioXorRotateAdd.Secret(0, 1))).isZero();
        assertThat(ObdioXorRotateAdd.key(0xFFFFFFFFL, new ObdioXorRotateAdd.Secret(0xFFFFFFFFL, 31))).isEqualTo(0xFFFFFFFFL);
        assertThatThrownBy(() -> new ObdioXorRotateAdd.Secret(1L << 32, 1)).hasMessageContaining("32 bits");
        assertThatThrownBy(() -> new ObdioXorRotateAdd.Secret(1, 0)).hasMessageContaining("rotate");
        assertThatThrownBy(() -> ObdioXorRotateAdd.of(1, 1).key(1, new byte[3])).hasMessageContaining("4-byte seed");
    }

    @Test
    void schedulesAreOrderedAndCopied() {
        byte[] payload = {0x41, 0x00};
        ScheduledResponse r = new ScheduledResponse(5, payload);
        payload[0] = 0;
        assertThat(r.hex()).isEqualTo("4100");
        assertThat(r.isResponsePending()).isFalse();
        assertThat(new ScheduledResponse(0, Hex.bytes("7F2278")).isResponsePending()).isTrue();
        assertThatThrownBy(() -> new ResponseSchedule(List.of(new ScheduledResponse(10, payload),
                new ScheduledResponse(5, payload)))).hasMessageContaining("must not decrease");
        assertThatThrownBy(() -> new ScheduledResponse(-1, payload)).hasMessageContaining("delayNanos");
        assertThatThrownBy(() -> new ScheduledResponse(0, new byte[0])).hasMessageContaining("payload");
        assertThat(ResponseSchedule.silence().finalPayload()).isNull();
        assertThat(ResponseSchedule.of(3, payload).delayedBy(7).last().delayNanos()).isEqualTo(10);
    }

    @Test
    void ecuIdsAreValidated() {
        assertThat(new EcuIds(0x7E0, 0x7E8, 0x7DF, false)).hasToString("7E0/7E8 (7DF)");
        assertThat(new EcuIds(0x18DA10F1, 0x18DAF110, 0x18DB33F1, true)).hasToString("18DA10F1/18DAF110 (18DB33F1)");
        assertThatThrownBy(() -> new EcuIds(0x18DA10F1, 0x7E8, 0x7DF, false)).hasMessageContaining("requestId");
        assertThatThrownBy(() -> new EcuIds(0x7E0, 0x7E0, 0x7DF, false)).hasMessageContaining("differ");
    }
}
