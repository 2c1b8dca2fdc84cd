package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The J2012 description table and the two-byte DTC encoding. */
class DtcDescriptionsTest {

    @Test
    void tableHasPythonObdsCodes() {
        assertThat(DtcDescriptions.size()).isEqualTo(2066);
        assertThat(DtcDescriptions.describe("P0104")).isEqualTo("Mass or Volume Air Flow Circuit Intermittent");
        assertThat(DtcDescriptions.describe("p0a00")).isEqualTo("Motor Electronics Coolant Temperature Sensor Circuit");
        assertThat(DtcDescriptions.describe("U0100")).isEqualTo("Lost Communication With ECM/PCM A");
        assertThat(DtcDescriptions.describe("B0003")).isEmpty();
        assertThat(DtcDescriptions.find("C0123")).isEmpty();
    }

    @Test
    void twoBytesMakeACode() {
        assertThat(Dtc.fromBytes(0x01, 0x04)).isEqualTo(new Dtc("P0104", "Mass or Volume Air Flow Circuit Intermittent"));
        assertThat(Dtc.fromBytes(0x41, 0x23).code()).isEqualTo("C0123");
        assertThat(Dtc.fromBytes(0x80, 0x03).code()).isEqualTo("B0003");
        assertThat(Dtc.fromBytes(0xC1, 0xD2).code()).isEqualTo("U01D2");
        assertThat(Dtc.fromBytes(0x3F, 0xFF).code()).isEqualTo("P3FFF");
        assertThat(Dtc.parse("p0301").description()).isEqualTo("Cylinder 1 Misfire Detected");
        assertThatThrownBy(() -> new Dtc("X0100", "")).hasMessageContaining("P0104");
        assertThatThrownBy(() -> new Dtc("P01ab", "")).hasMessageContaining("upper-case");
    }
}
