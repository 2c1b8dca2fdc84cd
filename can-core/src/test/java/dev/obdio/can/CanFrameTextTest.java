package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanFrameTextTest {

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    @Test
    void readsTheExamplesOfTheStandardsSheet() {
        assertThat(CanFrameText.parse("123#DEADBEEF")).isEqualTo(CanFrame.of(0x123, hex("DEADBEEF")));
        assertThat(CanFrameText.parse("12345678#00")).isEqualTo(CanFrame.extended(0x12345678, (byte) 0));
        assertThat(CanFrameText.parse("123#")).isEqualTo(CanFrame.of(0x123));
        assertThat(CanFrameText.parse("123#R")).isEqualTo(CanFrame.remote(0x123, false, 0));
        assertThat(CanFrameText.parse("123#R3")).isEqualTo(CanFrame.remote(0x123, false, 3));
        assertThat(CanFrameText.parse("123#11.22.33")).isEqualTo(CanFrame.of(0x123, hex("112233")));
        assertThat(CanFrameText.parse("123#1122334455667788_E")).isEqualTo(
                new CanFrame(0x123, false, CanFrame.Kind.DATA, false, false, false, 0xE, hex("1122334455667788")));
        assertThat(CanFrameText.parse("123##1AABB")).isEqualTo(CanFrame.fd(0x123, false, true, false, hex("AABB")));
    }

    @Test
    void readsTheExamplesOfCansendsHelp() {
        assertThat(CanFrameText.parse("5A1#11.2233.44556677.88")).isEqualTo(CanFrame.of(0x5A1, hex("1122334455667788")));
        assertThat(CanFrameText.parse("5AA#")).isEqualTo(CanFrame.of(0x5AA));
        assertThat(CanFrameText.parse("123##1")).isEqualTo(CanFrame.fd(0x123, false, true, false));
        assertThat(CanFrameText.parse("213##311223344")).isEqualTo(CanFrame.fd(0x213, false, true, true, hex("11223344")));
        assertThat(CanFrameText.parse("1F334455#1122334455667788_B")).isEqualTo(
                new CanFrame(0x1F334455, true, CanFrame.Kind.DATA, false, false, false, 0xB, hex("1122334455667788")));
        assertThat(CanFrameText.parse("00000123#R3")).isEqualTo(CanFrame.remote(0x123, true, 3));
        assertThat(CanFrameText.parse("333#R8_E")).isEqualTo(
                new CanFrame(0x333, false, CanFrame.Kind.REMOTE, false, false, false, 0xE, new byte[8]));
    }

    @Test
    void eightDigitsWithTheErrorFlagAreAnErrorFrame() {
        CanFrame f = CanFrameText.parse("20000004#0004000000000000");
        assertThat(f.isError()).isTrue();
        assertThat(f.id()).isEqualTo(0x4);
        assertThat(f.data()).isEqualTo(hex("0004000000000000"));
        assertThat(CanFrameText.format(f)).isEqualTo("20000004#0004000000000000");
        assertThat(CanFrameText.parse("3FFFFFFF#")).isEqualTo(CanFrame.error(0x1FFFFFFF));
    }

    @Test
    void acceptsLowerCaseAndTheFdfFlagAndWritesCanonicalText() {
        assertThat(CanFrameText.parse("1ab#deadbeef")).isEqualTo(CanFrame.of(0x1AB, hex("DEADBEEF")));
        assertThat(CanFrameText.parse("123#r2")).isEqualTo(CanFrame.remote(0x123, false, 2));
        // Newer kernels and can-utils write the FDF bit (4); it is accepted and not written back.
        assertThat(CanFrameText.parse("123##5AABB")).isEqualTo(CanFrame.fd(0x123, false, true, false, hex("AABB")));
        assertThat(CanFrameText.format(CanFrameText.parse("123##7AABB"))).isEqualTo("123##3AABB");
        assertThat(CanFrameText.format(CanFrameText.parse("123#R0"))).isEqualTo("123#R");
        assertThat(CanFrameText.format(CanFrameText.parse("123#.11.22."))).isEqualTo("123#1122");
    }

    @Test
    void padsCanFdDataToTheNextFdLengthAsCansendDoes() {
        CanFrame f = CanFrameText.parse("123##0112233445566778899");
        assertThat(f.length()).isEqualTo(12);
        assertThat(CanFrameText.format(f)).isEqualTo("123##0112233445566778899000000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "123#DEADBEEF|123#DEADBEEF",
        "7ff#|7FF#",
        "00000123#01|00000123#01",
        "1fffffff#R8_f|1FFFFFFF#R8_F",
        "123##3|123##3",
    })
    void writesUpperCaseHexAndFixedIdWidths(String in, String out) {
        assertThat(CanFrameText.format(CanFrameText.parse(in))).isEqualTo(out);
    }

    @Test
    void writesDotsBetweenBytesLikeCangenVerbose() {
        assertThat(CanFrameText.format(CanFrame.of(0x123, hex("000000")), true)).isEqualTo("123#00.00.00");
        assertThat(CanFrameText.format(CanFrame.fd(0x123, false, true, false, hex("1122")), true)).isEqualTo("123##1.11.22");
        assertThat(CanFrameText.format(CanFrame.fd(0x123, false, true, false), true)).isEqualTo("123##1");
        assertThat(CanFrameText.format(CanFrame.remote(0x123, false, 3), true)).isEqualTo("123#R3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "123#G0|4|'G' is not a hex digit",
        "123#0G|5|'G' is not a hex digit",
        "12G#00|2|'G' is not a hex digit",
        "123#123|7|odd number of hex digits: a byte needs two",
        "12#00|0|the id needs 3 hex digits (11-bit) or 8 (29-bit), got 2",
        "123456789#00|0|the id needs 3 hex digits (11-bit) or 8 (29-bit), got 9",
        "123|3|missing '#' after the id",
        "800#|0|11-bit id 800 is above 7FF (write 8 digits for a 29-bit id)",
        "E0000123#|0|error frame id E0000123 has the EFF or RTR flag set",
        "80000123#|0|29-bit id 80000123 is above 1FFFFFFF",
        "123#112233445566778899|20|more than 8 data bytes (a CAN FD frame takes 64: <id>##<flags><data>)",
        "123#R9|5|expected the requested length 0..8 after 'R', got '9'",
        "123#R3_9|6|a raw DLC (_<dlc>) needs a length of 8, got 3",
        "123#11_9|6|a raw DLC (_<dlc>) needs a length of 8, got 1",
        "123#1122334455667788_8|21|expected a raw DLC 9..F after '_'",
        "123#1122334455667788_|21|expected a raw DLC 9..F after '_'",
        "123#1122334455667788_9X|22|unexpected 'X' after the frame",
        "123#RX|5|expected the requested length 0..8 after 'R', got 'X'",
        "\"123#R1 \"|6|unexpected ' ' after the frame",
        "123##|5|missing the CAN FD flags digit after '##'",
        "123##G|5|'G' is not a hex digit (CAN FD flags)",
        "123##8|5|unknown CAN FD flag bit 8 (BRS=1, ESI=2, FDF=4)",
        "123##0AA_9|8|a raw DLC (_<dlc>) is for classic frames only",
        "20000004#R|9|an error frame cannot be a remote request",
        "20000004##1|9|an error frame cannot be a CAN FD frame",
        "123#11..22|7|'.' is not a hex digit",
        "\" 123#00\"|0|' ' is not a hex digit",
    })
    void rejectsBadTextWithThePositionAndTheReason(String text, int position, String reason) {
        assertThatThrownBy(() -> CanFrameText.parse(text))
                .isInstanceOfSatisfying(FrameSyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.input()).isEqualTo(text);
                    assertThat(e.getMessage()).isEqualTo("position " + position + ": " + reason);
                });
    }

    @Test
    void rejectsEmptyTextAndNamesUnprintableCharacters() {
        assertThatThrownBy(() -> CanFrameText.parse("")).isInstanceOf(FrameSyntaxException.class)
                .hasMessage("position 0: empty frame: expected <id>#<data>");
        assertThatThrownBy(() -> CanFrameText.parse(null)).isInstanceOf(FrameSyntaxException.class);
        assertThatThrownBy(() -> CanFrameText.parse("123#\t0")).isInstanceOf(FrameSyntaxException.class)
                .hasMessage("position 4: U+0009 is not a hex digit");
        assertThatThrownBy(() -> CanFrameText.parse("123#\u0661\u0661")).isInstanceOf(FrameSyntaxException.class)
                .hasMessage("position 4: U+0661 is not a hex digit");
    }

    @Test
    void theSyntaxHelpNamesEveryForm() {
        assertThat(CanFrameText.SYNTAX).contains("<id>#<data>", "#R", "_<dlc>", "##<flags>", "20000000");
    }
}
