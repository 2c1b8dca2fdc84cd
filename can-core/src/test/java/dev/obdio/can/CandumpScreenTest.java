package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compares with the screen output of the real candump 2020.11.0 for the same frames: the
 * recordings hold candump -L's log of the frames and what candump printed with each option.
 */
class CandumpScreenTest {

    private static final CandumpScreen.Format UTC = CandumpScreen.Format.DEFAULTS.withZone(ZoneOffset.UTC);

    private static List<ReceivedFrame> frames(String log) {
        return Recordings.lines(log).stream().map(CandumpLog::parse).toList();
    }

    /** Our screen, line by line; an -e frame spans several lines as on the terminal. */
    private static List<String> screen(List<ReceivedFrame> frames, CandumpScreen.Format format, int width) {
        CandumpScreen screen = new CandumpScreen(format, width);
        List<String> lines = new ArrayList<>();
        for (ReceivedFrame f : frames) {
            lines.addAll(screen.format(f).lines().toList());
            if (screen.format(f).endsWith("\n\t")) {
                lines.add("\t");
            }
        }
        return lines;
    }

    private static void assertSameAsCandump(String recording, CandumpScreen.Format format) {
        assertThat(screen(frames("log_L.txt"), format, 5)).containsExactlyElementsOf(Recordings.lines(recording));
    }

    @Test
    void plainOutputIsCandumps() {
        assertSameAsCandump("screen_plain.txt", UTC);
    }

    @Test
    void theStandardsSheetLine() {
        ReceivedFrame r = new ReceivedFrame(CanFrameText.parse("123#DEADBEEF"), 0, "vcan0", ReceivedFrame.Direction.RX);
        assertThat(new CandumpScreen(UTC, 5).format(r)).isEqualTo("  vcan0  123   [4]  DE AD BE EF");
    }

    @Test
    void timestampsAreCandumps() {
        assertSameAsCandump("screen_td.txt", UTC.withTimestamps(CandumpScreen.Timestamps.DELTA));
        assertSameAsCandump("screen_tz.txt", UTC.withTimestamps(CandumpScreen.Timestamps.ZERO));
        assertSameAsCandump("screen_tA.txt", UTC.withTimestamps(CandumpScreen.Timestamps.DATE));
    }

    @Test
    void asciiBinaryAndSwappedOutputAreCandumps() {
        assertSameAsCandump("screen_a.txt", UTC.withAscii(true));
        assertSameAsCandump("screen_i.txt", UTC.withBinary(true));
        assertSameAsCandump("screen_Sa.txt", UTC.withSwap(true).withAscii(true));
    }

    @Test
    void severalInterfacesDirectionsAndDecodedErrorsAreCandumps() {
        CandumpScreen.Format format = UTC.withTimestamps(CandumpScreen.Timestamps.ABSOLUTE).withExtraInfo(true)
                .withDecodeErrors(true);
        List<String> ours = screen(frames("log_l_x_multi.txt"), format, "vcanlong1".length());
        assertThat(ours).containsExactlyElementsOf(Recordings.lines("screen_ta_x_e.txt"));
    }

    @Test
    void longFrameIsWhatCanplayerVerbosePrints() {
        // canplayer -v prints "<write-if> (<log-if>) " and the frame with 11-bit ids indented.
        List<ReceivedFrame> frames = frames("log_L.txt");
        List<String> expected = Recordings.lines("canplayer_v.txt");
        for (int i = 0; i < frames.size(); i++) {
            assertThat("vcan0 (vcan0) " + CandumpScreen.longFrame(frames.get(i).frame(), UTC, true))
                    .isEqualTo(expected.get(i));
        }
    }

    @Test
    void deltaNeverGoesBackwardsAndZeroCountsFromTheFirstFrame() {
        CandumpScreen delta = new CandumpScreen(UTC.withTimestamps(CandumpScreen.Timestamps.DELTA), 4);
        CandumpScreen zero = new CandumpScreen(UTC.withTimestamps(CandumpScreen.Timestamps.ZERO), 4);
        long[] times = {5_000_000_000L, 5_250_000_000L, 5_100_000_000L, 1_005_250_000_000L};
        String[] deltas = {"(000.000000)", "(000.250000)", "(000.000000)", "(1000.150000)"};
        String[] zeros = {"(000.000000)", "(000.250000)", "(000.100000)", "(1000.250000)"};
        for (int i = 0; i < times.length; i++) {
            ReceivedFrame r = new ReceivedFrame(CanFrame.of(1), times[i], "can0", ReceivedFrame.Direction.RX);
            assertThat(delta.format(r)).isEqualTo(" " + deltas[i] + "  can0  001   [0] ");
            assertThat(zero.format(r)).startsWith(" " + zeros[i] + " ");
        }
    }

    @Test
    void rawDlcIsShownWithTheNewerCandumpsOption() {
        CanFrame f = CanFrameText.parse("123#1122334455667788_E");
        assertThat(CandumpScreen.longFrame(f, UTC, false)).isEqualTo("123   [8]  11 22 33 44 55 66 77 88");
        assertThat(CandumpScreen.longFrame(f, UTC.withRawDlc(true), false)).isEqualTo("123   {E}  11 22 33 44 55 66 77 88");
        assertThat(CandumpScreen.longFrame(CanFrameText.parse("123#R8_9"), UTC.withRawDlc(true), false))
                .isEqualTo("123   {9}  remote request");
        assertThat(CandumpScreen.longFrame(CanFrameText.parse("123#11"), UTC.withRawDlc(true), false))
                .isEqualTo("123   {1}  11");
    }

    @Test
    void dateTimestampsUseTheGivenZone() {
        ReceivedFrame r = new ReceivedFrame(CanFrame.of(1), 1_576_495_052_545_849_999L, "c", ReceivedFrame.Direction.RX);
        CandumpScreen berlin = new CandumpScreen(UTC.withTimestamps(CandumpScreen.Timestamps.DATE)
                .withZone(ZoneId.of("Europe/Berlin")), 1);
        assertThat(berlin.format(r)).startsWith(" (2019-12-16 12:17:32.545849)  c  001");
    }

    @Test
    void timestampLettersAreCandumps() {
        assertThat(CandumpScreen.Timestamps.ofLetter("a")).isEqualTo(CandumpScreen.Timestamps.ABSOLUTE);
        assertThat(CandumpScreen.Timestamps.ofLetter("A")).isEqualTo(CandumpScreen.Timestamps.DATE);
        assertThat(CandumpScreen.Timestamps.ofLetter("d")).isEqualTo(CandumpScreen.Timestamps.DELTA);
        assertThat(CandumpScreen.Timestamps.ofLetter("z")).isEqualTo(CandumpScreen.Timestamps.ZERO);
        assertThatThrownBy(() -> CandumpScreen.Timestamps.ofLetter("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown timestamp mode \"x\"");
    }
}
