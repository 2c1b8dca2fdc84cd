package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value records: validation with clear messages, copies, int-versus-float. */
class ObdValueTest {

    @Test
    void quantityKeepsIntAndFloatApart() {
        assertThat(Quantity.of(36L, "degree_Celsius")).isNotEqualTo(Quantity.of(36.0, "degree_Celsius"));
        assertThat(new Quantity(36, "count").magnitude()).isEqualTo(36L);
        assertThat(new Quantity(BigInteger.TEN, "count").magnitude()).isEqualTo(10L);
        BigInteger huge = BigInteger.ONE.shiftLeft(70);
        assertThat(new Quantity(huge, "count").magnitude()).isEqualTo(huge);
        assertThat(new Quantity(huge, "count").isInteger()).isTrue();
        assertThat(Quantity.of(55.0, "kilometer_per_hour")).hasToString("55.0 kilometer_per_hour");
        assertThatThrownBy(() -> new Quantity(new java.math.BigDecimal("1.5"), "volt"))
                .hasMessageContaining("integer or a double");
        assertThatThrownBy(() -> Quantity.of(1L, " ")).hasMessageContaining("unit");
    }

    @Test
    void bigPayloadsStayPythonIntegers() {
        // python-OBD's temp reads every byte it is given: 8 bytes of FF are 2^64 - 1 - 40
        EcuMessage m = EcuMessage.ofHex(EcuRole.UNKNOWN, "4100FFFFFFFFFFFFFFFF");
        Quantity t = (Quantity) Decoders.TEMP.decode(List.of(m)).orElseThrow();
        assertThat(t.magnitude()).isEqualTo(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.valueOf(41)));
        assertThat(ObdJson.toJson(t)).isEqualTo("18446744073709551575");
    }

    @Test
    void recordsCopyTheirArrays() {
        byte[] data = {0x41, 0x0C};
        EcuMessage m = EcuMessage.of(EcuRole.ENGINE, data);
        data[0] = 0;
        assertThat(m.byteAt(0)).isEqualTo(0x41);
        m.data()[1] = 0;
        assertThat(m.byteAt(1)).isEqualTo(0x0C);
        assertThat(m).isEqualTo(EcuMessage.ofHex(EcuRole.ENGINE, "41 0C"));
        BitArray bits = BitArray.parse("1010");
        bits.bits()[0] = false;
        assertThat(bits.get(0)).isTrue();
        assertThat(bits.get(99)).isFalse();
        assertThat(bits.value(0, 4)).isEqualTo(10);
        assertThat(BitArray.of(new byte[] {(byte) 0xBE}).supportedPids(0x00)).containsExactly(1, 3, 4, 5, 6, 7);
    }

    @Test
    void hexParsingSaysWhatIsWrong() {
        assertThatThrownBy(() -> EcuMessage.ofHex(EcuRole.ENGINE, "41 0G")).hasMessageContaining("'G' at position 5");
        assertThatThrownBy(() -> EcuMessage.ofHex(EcuRole.ENGINE, "4 10C")).hasMessageContaining("splits a byte");
        assertThatThrownBy(() -> EcuMessage.ofHex(EcuRole.ENGINE, "410")).hasMessageContaining("odd number");
        assertThatThrownBy(() -> new EcuMessage(EcuRole.ENGINE, -2, new byte[0], List.of()))
                .hasMessageContaining("sourceId");
    }

    @Test
    void statusNeedsEveryMonitor() {
        Map<String, StatusTest> tests = new HashMap<>();
        Status.TEST_NAMES.forEach(n -> tests.put(n, StatusTest.NULL));
        Status s = new Status(true, 3, IgnitionType.SPARK, tests);
        assertThat(s.tests().keySet()).containsExactlyElementsOf(Status.TEST_NAMES);
        assertThatThrownBy(() -> s.test("NOPE")).hasMessageContaining("no monitor called NOPE");
        tests.remove("PM_FILTER_MONITORING");
        assertThatThrownBy(() -> new Status(false, 0, IgnitionType.SPARK, tests)).hasMessageContaining("tests must hold");
        assertThatThrownBy(() -> new Status(false, 128, IgnitionType.SPARK, Map.of())).hasMessageContaining("0..127");
    }

    @Test
    void monitorTestsNeedOneKindOfValue() {
        assertThatThrownBy(() -> new MonitorTest(1, "A", "a", Quantity.of(1.0, "volt"), Quantity.of(1.0, "second"),
                Quantity.of(2.0, "volt"))).hasMessageContaining("not of the kind");
        MonitorTest failed = new MonitorTest(1, "A", "a", Quantity.of(3.0, "volt"), Quantity.of(1.0, "volt"),
                Quantity.of(2.0, "volt"));
        assertThat(failed.passed()).isFalse();
        assertThat(failed.unit()).isEqualTo("volt");
    }

    @Test
    void commandsRejectBadDefinitions() {
        assertThatThrownBy(() -> ObdCommand.of("MY PID", "d", "0101", 3, Decoders.PERCENT, 2, false))
                .hasMessageContaining("without spaces");
        assertThatThrownBy(() -> ObdCommand.of("MY_PID", "d", "010", 3, Decoders.PERCENT, 2, false))
                .hasMessageContaining("odd number of hex digits");
        assertThatThrownBy(() -> ObdCommand.of("MY_PID", "d", "0101", 3, Decoders.PERCENT, 0, false))
                .hasMessageContaining("ecu mask");
        assertThatThrownBy(() -> Decoders.uas(0x42)).hasMessageContaining("unknown unit-and-scaling id 0x42");
        assertThat(Decoders.byName("uas(0x1b)")).contains(Decoders.uas(0x1B));
        assertThat(Decoders.byName("encoded_string(17)")).contains(Decoders.encodedString(17));
        assertThat(Decoders.byName("nope")).isEmpty();
    }
}
