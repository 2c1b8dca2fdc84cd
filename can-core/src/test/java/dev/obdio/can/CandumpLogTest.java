package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CandumpLogTest {

    @Test
    void writesCanFdFlagsWithFdfAsCandumpDoesOnCurrentKernels() {
        ReceivedFrame r = CandumpLog.parse("(1576495052.545849) can0 123##1AABB");
        assertThat(r.frame().brs()).isTrue();
        assertThat(CandumpLog.format(r)).isEqualTo("(1576495052.545849) can0 123##5AABB");
        assertThat(CandumpLog.parse(CandumpLog.format(r))).isEqualTo(r);
    }

    @Test
    void readsTheExampleOfTheStandardsSheet() {
        ReceivedFrame r = CandumpLog.parse("(1576495052.545849) can0 301#084C014E02C20C5C");
        assertThat(r.timestampNanos()).isEqualTo(1_576_495_052_545_849_000L);
        assertThat(r.channel()).isEqualTo("can0");
        assertThat(r.direction()).isEqualTo(ReceivedFrame.Direction.RX);
        assertThat(r.frame()).isEqualTo(CanFrameText.parse("301#084C014E02C20C5C"));
        assertThat(CandumpLog.format(r)).isEqualTo("(1576495052.545849) can0 301#084C014E02C20C5C");
    }

    @Test
    void readsAndWritesEveryLineCandumpWrote() {
        List<String> lines = Recordings.lines("log_L.txt");
        assertThat(lines).hasSizeGreaterThan(25);
        for (String line : lines) {
            assertThat(CandumpLog.format(CandumpLog.parse(line))).isEqualTo(line);
        }
    }

    @Test
    void readsAndWritesCandumpsAlignedInterfacesAndDirections() {
        // candump -x -l on vcan0 and vcanlong1: names right-aligned, " T" for frames sent from this host.
        List<String> lines = Recordings.lines("log_l_x_multi.txt");
        for (String line : lines) {
            ReceivedFrame r = CandumpLog.parse(line);
            assertThat(r.direction()).isEqualTo(ReceivedFrame.Direction.TX);
            assertThat(r.channel()).isIn("vcan0", "vcanlong1");
            assertThat(CandumpLog.format(r, "vcanlong1".length(), true)).isEqualTo(line);
        }
    }

    @Test
    void writesSecondsWithTenDigitsAndSixDecimals() {
        ReceivedFrame r = new ReceivedFrame(CanFrame.of(0x7DF, (byte) 2, (byte) 1, (byte) 0x0C), 1_234_567_891L, "vcan0",
                ReceivedFrame.Direction.TX);
        assertThat(CandumpLog.format(r)).isEqualTo("(0000000001.234567) vcan0 7DF#02010C");
        assertThat(CandumpLog.format(r, 8, true)).isEqualTo("(0000000001.234567)    vcan0 7DF#02010C T");
        assertThat(CandumpLog.timestamp(0)).isEqualTo("(0000000000.000000)");
    }

    @Test
    void readsNanosecondsTabsPythonCanDirectionsAndLineEnds() {
        assertThat(CandumpLog.parse("(1576495052.545849123)\tcan0\t123#00\r\n").timestampNanos())
                .isEqualTo(1_576_495_052_545_849_123L);
        assertThat(CandumpLog.parse("(0.000000) vcan0 123#00 t").direction()).isEqualTo(ReceivedFrame.Direction.TX);
        assertThat(CandumpLog.parse("(0.000000) vcan0 123#00 R").direction()).isEqualTo(ReceivedFrame.Direction.RX);
        assertThat(CandumpLog.parse("(1576495052.545849)  virtual:car 123##1AABB").channel()).isEqualTo("virtual:car");
    }

    @Test
    void tellsLinesToSkipFromFrameLines() {
        assertThat(CandumpLog.isFrameLine("(1.000000) can0 123#")).isTrue();
        assertThat(CandumpLog.isFrameLine("(garbage")).isTrue();
        assertThat(CandumpLog.isFrameLine("# a comment")).isFalse();
        assertThat(CandumpLog.isFrameLine("DROPCOUNT: dropped 2 CAN frames on 'can0' socket (total drops 2)")).isFalse();
        assertThat(CandumpLog.isFrameLine("")).isFalse();
        assertThat(CandumpLog.isFrameLine(null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "# comment|0|a frame line starts with '(' and a timestamp, got '#'",
        "(1576495052.54584) can0 123#00|12|the timestamp needs 6 or 9 decimal places, got 5",
        "(1576495052.5458490) can0 123#00|12|the timestamp needs 6 or 9 decimal places, got 7",
        "(1576495052545849) can0 123#00|17|expected '.' and the fraction of the timestamp",
        "(.545849) can0 123#00|1|expected the seconds of the timestamp, got '.'",
        "(1.545849 can0 123#00|9|expected ')' after the timestamp",
        "(1.545849)can0 123#00|10|expected a space before the interface name",
        "(1.545849) can0|15|the line ends before the frame",
        "(1.545849) can0 123#G0|20|'G' is not a hex digit",
        "(1.545849) can0 123#00 X|23|unexpected text after the frame (only R or T may follow)",
        "(1.545849) can0 123#00 R T|25|unexpected text after the frame (only R or T may follow)",
        "(99999999999.000000) can0 123#00|1|timestamp out of range",
        "(|1|expected the seconds of the timestamp, got the end of the line",
    })
    void rejectsMalformedFrameLinesWithThePosition(String line, int position, String reason) {
        assertThatThrownBy(() -> CandumpLog.parse(line)).isInstanceOfSatisfying(FrameSyntaxException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.position()).isEqualTo(position);
            assertThat(e.input()).isEqualTo(line);
        });
    }

    @Test
    void refusesToWriteWhatNoReaderCouldSplit() {
        CanFrame f = CanFrame.of(1);
        assertThatThrownBy(() -> CandumpLog.format(new ReceivedFrame(f, 0, "my bus", ReceivedFrame.Direction.RX)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("my bus");
        assertThatThrownBy(() -> CandumpLog.format(new ReceivedFrame(f, -1, "can0", ReceivedFrame.Direction.RX)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
