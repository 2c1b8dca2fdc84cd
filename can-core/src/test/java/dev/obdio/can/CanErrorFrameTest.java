package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanErrorFrameTest {

    private static CanErrorFrame decode(String text) {
        return CanErrorFrame.decode(CanFrameText.parse(text));
    }

    @Test
    void decodesTheDetailBytes() {
        CanErrorFrame e = decode("2000009E#0710A00A4000FE01");
        assertThat(e.lostArbitrationBit()).isEqualTo(7);
        assertThat(e.controllerStatus()).isEqualTo(0x10);
        assertThat(e.protocolType()).isEqualTo(0xA0);
        assertThat(e.protocolLocation()).isEqualTo(0x0A);
        assertThat(e.transceiverStatus()).isEqualTo(0x40);
        assertThat(e.txErrorCounter()).isEqualTo(254);
        assertThat(e.rxErrorCounter()).isEqualTo(1);
        assertThat(e.has(CanErrorFrame.BUS_ERROR)).isTrue();
        assertThat(e.has(CanErrorFrame.BUS_OFF)).isFalse();
        assertThat(e.classNames()).containsExactly("lost-arbitration", "controller-problem", "protocol-violation",
                "transceiver-status", "bus-error");
        assertThat(e.transceiverStatusName()).isEqualTo("canl-no-wire");
        assertThat(e.describe(",")).isEqualTo("lost-arbitration{at bit 7},controller-problem{rx-error-passive},"
                + "protocol-violation{{bus-overload,error-on-tx}{data-field}},transceiver-status,bus-error,"
                + "error-counter-tx-rx{{254}{1}}");
    }

    @Test
    void describesLikeCandump2020() {
        assertThat(decode("20000004#0004000000000000").describe("\n\t")).isEqualTo("controller-problem{rx-error-warning}");
        assertThat(decode("20000100#").describe(",")).isEqualTo("restarted-after-bus-off");
        assertThat(decode("20000008#0000000000000000").describe(",")).isEqualTo("protocol-violation{{}{}}");
        assertThat(decode("20000008#00000013").describe(",")).isEqualTo("protocol-violation{{}{tolerate-dominant-bits}}");
        // 2020.11.0 has no name for CAN_ERR_CNT itself: an empty first entry, then the counters.
        assertThat(decode("20000200#0000000000001020").describe("|")).isEqualTo("|error-counter-tx-rx{{16}{32}}");
        assertThat(decode("20000200#").describe("|")).isEmpty();
        assertThat(decode("20000204#").isDescribable()).isFalse();
        assertThat(decode("20000204#").describe(",")).isEmpty();
        assertThat(decode("20000200#").classNames()).containsExactly("error-counter-tx-rx");
    }

    @Test
    void namesEveryTransceiverStatus() {
        assertThat(decode("20000010#0000000007").transceiverStatusName()).isEqualTo("canh-short-to-gnd");
        assertThat(decode("20000010#0000000080").transceiverStatusName()).isEqualTo("canl-short-to-canh");
        assertThat(decode("20000010#00000000FF").transceiverStatusName()).isEqualTo("unknown-0xFF");
        assertThat(decode("20000010#").transceiverStatusName()).isEqualTo("unspecified");
    }

    @Test
    void onlyDecodesErrorFrames() {
        assertThatThrownBy(() -> CanErrorFrame.decode(CanFrame.of(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
