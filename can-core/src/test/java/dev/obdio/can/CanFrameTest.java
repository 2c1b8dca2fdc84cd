package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanFrameTest {

    @Test
    void standardFrameCarriesIdAndCopiesData() {
        byte[] data = {1, 2, 3};
        CanFrame f = CanFrame.of(0x123, data);
        data[0] = 9;
        assertThat(f.id()).isEqualTo(0x123);
        assertThat(f.extended()).isFalse();
        assertThat(f.data()).containsExactly(1, 2, 3);
        f.data()[1] = 7;
        assertThat(f.dataByte(1)).isEqualTo(2);
        assertThat(f.rawCanId()).isEqualTo(0x123);
        assertThat(f.dlc()).isEqualTo(3);
    }

    @Test
    void rejectsIdsOutOfRangeWithoutMasking() {
        assertThatThrownBy(() -> CanFrame.of(0x800)).hasMessageContaining("0x800").hasMessageContaining("11-bit");
        assertThatThrownBy(() -> CanFrame.extended(0x20000000)).hasMessageContaining("29-bit");
        assertThatThrownBy(() -> CanFrame.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CanFrame.extended(0x1FFFFFFF).rawCanId()).isEqualTo(0x9FFFFFFF);
    }

    @Test
    void rejectsLengthsTheFrameTypeCannotCarry() {
        assertThatThrownBy(() -> CanFrame.of(1, new byte[9])).hasMessageContaining("exceeds 8 bytes");
        assertThatThrownBy(() -> CanFrame.fd(1, false, false, false, new byte[9]))
                .hasMessageContaining("not a CAN FD length");
        assertThat(CanFrame.fd(1, false, true, false, new byte[64]).dlc()).isEqualTo(15);
        assertThat(CanFrame.fd(1, false, false, false, new byte[12]).dlc()).isEqualTo(9);
    }

    @Test
    void rejectsFdRemoteAndFlagsOnClassic() {
        assertThatThrownBy(() -> new CanFrame(1, false, CanFrame.Kind.REMOTE, true, false, false, 0, new byte[0]))
                .hasMessageContaining("CAN FD frame cannot be a remote");
        assertThatThrownBy(() -> new CanFrame(1, false, CanFrame.Kind.DATA, false, true, false, 0, new byte[0]))
                .hasMessageContaining("BRS and ESI");
        assertThatThrownBy(() -> CanFrame.remote(1, false, 9)).hasMessageContaining("0..8");
    }

    @Test
    void rawDlcOnlyForEightByteClassicFrames() {
        CanFrame f = new CanFrame(0x10, false, CanFrame.Kind.DATA, false, false, false, 0xE, new byte[8]);
        assertThat(f.dlc()).isEqualTo(0xE);
        assertThat(f.length()).isEqualTo(8);
        assertThatThrownBy(() -> new CanFrame(0x10, false, CanFrame.Kind.DATA, false, false, false, 0xE, new byte[7]))
                .hasMessageContaining("needs 8 data bytes");
        assertThatThrownBy(() -> new CanFrame(0x10, false, CanFrame.Kind.DATA, false, false, false, 5, new byte[8]))
                .hasMessageContaining("9..15");
    }

    @Test
    void remoteFramesCarryALengthButNoContent() {
        CanFrame r = CanFrame.remote(0x7DF, false, 3);
        assertThat(r.length()).isEqualTo(3);
        assertThat(r.data()).containsOnly(0);
        assertThat(r.rawCanId()).isEqualTo(0x7DF | CanFrame.RTR_FLAG);
        CanFrame fromRaw = CanFrame.fromRawCanId(0x7DF | CanFrame.RTR_FLAG, false, 0, 0, new byte[] {5, 6, 7});
        assertThat(fromRaw).isEqualTo(r);
    }

    @Test
    void rawCanIdRoundTripsEveryKind() {
        CanFrame[] frames = {
            CanFrame.of(0x7E8, (byte) 2, (byte) 0x41),
            CanFrame.extended(0x18DAF110, (byte) 1),
            CanFrame.remote(0x123, true, 8),
            CanFrame.error(0x04, new byte[8]),
            CanFrame.fd(0x7E0, false, true, true, new byte[16]),
        };
        for (CanFrame f : frames) {
            assertThat(CanFrame.fromRawCanId(f.rawCanId(), f.fd(), f.fdFlags(), f.len8Dlc(), f.data()))
                    .as(f.toString()).isEqualTo(f);
        }
    }

    @Test
    void equalityIsByContent() {
        assertThat(CanFrame.of(1, (byte) 1, (byte) 2)).isEqualTo(CanFrame.of(1, (byte) 1, (byte) 2))
                .hasSameHashCodeAs(CanFrame.of(1, (byte) 1, (byte) 2))
                .isNotEqualTo(CanFrame.of(1, (byte) 1, (byte) 3))
                .isNotEqualTo(CanFrame.extended(1, (byte) 1, (byte) 2));
        assertThat(CanFrame.of(0x123, (byte) 0xDE, (byte) 0xAD).toString()).contains("123").contains("DEAD");
    }

    @Test
    void dlcTableMatchesCanFd() {
        int[] lengths = {0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64};
        for (int dlc = 0; dlc < 16; dlc++) {
            assertThat(Dlc.fdLength(dlc)).isEqualTo(lengths[dlc]);
            assertThat(Dlc.fdDlc(lengths[dlc])).isEqualTo(dlc);
            assertThat(Dlc.classicLength(dlc)).isEqualTo(Math.min(dlc, 8));
        }
        assertThat(Dlc.fdLengthAtLeast(9)).isEqualTo(12);
        assertThat(Dlc.fdLengthAtLeast(33)).isEqualTo(48);
        assertThat(Dlc.isValidFdLength(13)).isFalse();
        assertThatThrownBy(() -> Dlc.fdDlc(13)).hasMessageContaining("13");
    }
}
