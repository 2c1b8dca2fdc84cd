package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.CanFrame;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * isotpdump's line format, worked out from its printf calls (can-utils 2020.11 isotpdump.c); the
 * SocketCAN guest test compares whole dumps with the real tool's.
 */
class IsoTpDumpFormatTest {
    private static final int SRC = 0x7E0;

    private static CanFrame frame(int id, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return CanFrame.of(id, b);
    }

    private static IsoTpDumpFormat plain() {
        return new IsoTpDumpFormat("vcan0", SRC, false, false, false, false);
    }

    @Test
    void frameTypesAndTheirFields() {
        IsoTpDumpFormat f = plain();
        assertThat(f.line("", frame(0x7E0, 0x03, 0x22, 0xF1, 0x90)))
                .isEqualTo(" vcan0  7E0  [4]  [SF] ln: 3    data: 22 F1 90 \n");
        assertThat(f.line("", frame(0x7E8, 0x10, 0x14, 0x62, 0xF1, 0x90, 0x57, 0x30, 0x4C)))
                .isEqualTo(" vcan0  7E8  [8]  [FF] ln: 20   data: 62 F1 90 57 30 4C \n");
        assertThat(f.line("", frame(0x7E0, 0x30, 0x00, 0x00)))
                .isEqualTo(" vcan0  7E0  [3]  [FC] FC: 0 = CTS # BS: 0 = off # STmin: 0x00 = 0 ms\n");
        assertThat(f.line("", frame(0x7E8, 0x21, 0x30, 0x30, 0x30, 0x30, 0x34, 0x33, 0x32)))
                .isEqualTo(" vcan0  7E8  [8]  [CF] sn: 1    data: 30 30 30 30 34 33 32 \n");
        assertThat(f.line("", frame(0x7E0, 0x31, 0x08, 0xF5, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC)))
                .isEqualTo(" vcan0  7E0  [8]  [FC] FC: 1 = WT # BS: 8 # STmin: 0xF5 = 500 us\n");
        assertThat(f.line("", frame(0x7E0, 0x32, 0x00, 0x80)))
                .isEqualTo(" vcan0  7E0  [3]  [FC] FC: 2 = OVFLW # BS: 0 = off # STmin: 0x80 = reserved\n");
        assertThat(f.line("", frame(0x7E0, 0x35, 0x01, 0x7F)))
                .isEqualTo(" vcan0  7E0  [3]  [FC] FC: 5 = reserved # BS: 1 # STmin: 0x7F = 127 ms\n");
        assertThat(f.line("", frame(0x7E0, 0x45, 0x01))).isEqualTo(" vcan0  7E0  [2]  [??]\n");
        assertThat(f.line("", frame(0x7E0, 0x2F))).isEqualTo(" vcan0  7E0  [1]  [CF] sn: F    data:\n");
    }

    @Test
    void escapedLengths() {
        IsoTpDumpFormat f = plain();
        assertThat(f.line("", frame(0x7E8, 0x10, 0x00, 0x00, 0x00, 0x13, 0x88, 0xAA, 0xBB)))
                .isEqualTo(" vcan0  7E8  [8]  [FF] ln: 5000 data: AA BB \n");
        byte[] sf = new byte[12];
        sf[0] = 0x00;
        sf[1] = 0x0A;
        for (int i = 2; i < 12; i++) {
            sf[i] = (byte) i;
        }
        assertThat(f.line("", CanFrame.fd(0x7E0, false, true, false, sf)))
                .isEqualTo(" vcan0  7E0 [12]  [SF] ln: 10   data: 02 03 04 05 06 07 08 09 0A 0B \n");
    }

    @Test
    void extendedIdsAndAddresses() {
        IsoTpDumpFormat f = new IsoTpDumpFormat("can0", 0x18DA10F1 | CanFrame.EFF_FLAG, true, false, false, false);
        assertThat(f.line("", CanFrame.extended(0x18DA10F1, (byte) 0x10, (byte) 0x02, (byte) 0x3E, (byte) 0x00)))
                .isEqualTo(" can0  18DA10F1{10}  [4]  [SF] ln: 2    data: 3E 00 \n");
        assertThat(f.line("", CanFrame.extended(0x00000123, (byte) 0xF1, (byte) 0x30, (byte) 0, (byte) 0)))
                .isEqualTo(" can0       123{F1}  [4]  [FC] FC: 0 = CTS # BS: 0 = off # STmin: 0x00 = 0 ms\n");
    }

    @Test
    void asciiIsAlignedToAFullClassicFrame() {
        IsoTpDumpFormat f = new IsoTpDumpFormat("vcan0", SRC, false, true, false, false);
        assertThat(f.line("", frame(0x7E0, 0x03, 0x22, 0xF1, 0x90)))
                .isEqualTo(" vcan0  7E0  [4]  [SF] ln: 3    data: 22 F1 90" + " ".repeat(14) + "-  '\"..'\n");
        assertThat(f.line("", frame(0x7E8, 0x21, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47)))
                .isEqualTo(" vcan0  7E8  [8]  [CF] sn: 1    data: 41 42 43 44 45 46 47  -  'ABCDEFG'\n");
    }

    @Test
    void udsNamesAfterSingleAndFirstFrames() {
        IsoTpDumpFormat f = new IsoTpDumpFormat("vcan0", SRC, false, false, false, true);
        assertThat(f.line("", frame(0x7E0, 0x03, 0x22, 0xF1, 0x90)))
                .isEqualTo(" vcan0  7E0  [4]  [SF] ln: 3    data: 22 F1 90 " + " ".repeat(12) + " - [SRQ] ReadDataByIdentifier\n");
        assertThat(f.line("", frame(0x7E8, 0x03, 0x7F, 0x22, 0x31)))
                .isEqualTo(" vcan0  7E8  [4]  [SF] ln: 3    data: 7F 22 31 " + " ".repeat(12) + " - [NRC] requestOutOfRange\n");
        assertThat(f.line("", frame(0x7E8, 0x10, 0x14, 0x62, 0xF1, 0x90, 0x57, 0x30, 0x4C)))
                .isEqualTo(" vcan0  7E8  [8]  [FF] ln: 20   data: 62 F1 90 57 30 4C     - [PSR] ReadDataByIdentifier\n");
        assertThat(f.line("", frame(0x7E8, 0x21, 0x30, 0x30, 0x30, 0x30, 0x34, 0x33, 0x32)))
                .as("consecutive frames carry no service").doesNotContain(" - [");
        // isotpdump's state: a single frame without data leaves the name for the next frame with data.
        assertThat(f.line("", frame(0x7E0, 0x00))).isEqualTo(" vcan0  7E0  [1]  [SF] ln: 0    data:\n");
        assertThat(f.line("", frame(0x7E0, 0x21, 0x3E, 0x80))).endsWith(" - [SRQ] TesterPresent\n");
    }

    @Test
    void udsWithAsciiUsesTheNarrowerPadding() {
        IsoTpDumpFormat f = new IsoTpDumpFormat("vcan0", SRC, false, true, false, true);
        assertThat(f.line("", frame(0x7E0, 0x02, 0x10, 0x03)))
                .isEqualTo(" vcan0  7E0  [3]  [SF] ln: 2    data: 10 03" + " ".repeat(17) + "-  '..'" + " ".repeat(5)
                        + " - [SRQ] DiagnosticSessionControl\n");
    }

    @Test
    void colorsBySender() {
        IsoTpDumpFormat f = new IsoTpDumpFormat("vcan0", SRC, false, false, true, false);
        assertThat(f.line("", frame(0x7E0, 0x02, 0x3E, 0x00))).startsWith("\033[31m ").endsWith("\033[0m\n");
        assertThat(f.line("", frame(0x7E8, 0x02, 0x7E, 0x00))).startsWith("\033[34m ");
    }

    @Test
    void printfStarPadding() {
        assertThat(IsoTpDumpFormat.pad(5, "ab")).isEqualTo("   ab");
        assertThat(IsoTpDumpFormat.pad(-5, "ab")).isEqualTo("ab   ");
        assertThat(IsoTpDumpFormat.pad(0, "ab")).isEqualTo("ab");
        assertThat(IsoTpDumpFormat.pad(1, "ab")).isEqualTo("ab");
    }

    @Test
    void timestamps() {
        ZoneId utc = ZoneId.of("UTC");
        assertThat(IsoTpTimestamps.of(null, utc).prefix(1)).isEmpty();
        assertThat(IsoTpTimestamps.of("a", utc).prefix(1_700_000_000_123_456L)).isEqualTo("(1700000000.123456) ");
        assertThat(IsoTpTimestamps.of("A", utc).prefix(1_700_000_000_000_042L))
                .isEqualTo("(2023-11-14 22:13:20.000042) ");
        IsoTpTimestamps delta = IsoTpTimestamps.of("d", utc);
        assertThat(delta.prefix(5_000_000)).isEqualTo("(0.000000) ");
        assertThat(delta.prefix(6_250_000)).isEqualTo("(1.250000) ");
        assertThat(delta.prefix(6_000_000)).as("never negative").isEqualTo("(0.000000) ");
        IsoTpTimestamps zero = IsoTpTimestamps.of("z", utc);
        zero.prefix(5_000_000);
        zero.prefix(5_500_000);
        assertThat(zero.prefix(7_000_001)).isEqualTo("(2.000001) ");
    }
}
