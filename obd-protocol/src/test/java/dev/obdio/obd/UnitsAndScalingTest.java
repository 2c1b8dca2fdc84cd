package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Unit-and-scaling ids: sign, scale, offset, float results and the boolean id. */
class UnitsAndScalingTest {

    private static ObdValue uas(int id, String hex) {
        return UnitsAndScaling.decode(id, HexFormat.of().parseHex(hex)).orElseThrow();
    }

    @Test
    void unsignedScalesAreFloats() {
        assertThat(uas(0x01, "FFFF")).isEqualTo(Quantity.of(65535.0, "count"));
        assertThat(uas(0x07, "FFFD")).isEqualTo(Quantity.of(16383.25, "revolutions_per_minute"));
        assertThat(uas(0x11, "EA60")).isEqualTo(Quantity.of(6000000.0, "millisecond"));
        assertThat(uas(0x16, "0190")).isEqualTo(Quantity.of(0.0, "degree_Celsius"));
        assertThat(uas(0x16, "FFFF")).isEqualTo(Quantity.of(6513.5, "degree_Celsius"));
        assertThat(uas(0x3E, "0001")).isEqualTo(Quantity.of(0.00006103516, "millimeter ** 2"));
        assertThat(uas(0x39, "0000")).isEqualTo(Quantity.of(-327.68, "percent"));
    }

    @Test
    void signedIdsUseTwosComplement() {
        assertThat(uas(0x81, "8000")).isEqualTo(Quantity.of(-32768.0, "count"));
        assertThat(uas(0x8C, "FFFF")).isEqualTo(Quantity.of(-0.01, "volt"));
        assertThat(uas(0xB1, "7FFF")).isEqualTo(Quantity.of(65534.0, "millivolt / second"));
        assertThat(uas(0xFE, "FFFC")).isEqualTo(Quantity.of(-1.0, "pascal"));
    }

    @Test
    void id2EIsABooleanAndUnknownIdsGiveNothing() {
        assertThat(uas(0x2E, "0000")).isEqualTo(BooleanValue.FALSE);
        assertThat(uas(0x2E, "0100")).isEqualTo(BooleanValue.TRUE);
        assertThat(UnitsAndScaling.decode(0x42, new byte[2])).isEmpty();
        assertThat(UnitsAndScaling.isKnown(0x88)).isFalse();
        assertThat(UnitsAndScaling.unit(0x27)).contains("gps");
        assertThat(UnitsAndScaling.ids()).contains(0x01, 0x2E, 0xFE).doesNotContain(0x42);
    }
}
