package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.CanFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrameGeneratorTest {

    private static List<CanFrame> frames(FrameGenerator g, int n) {
        List<CanFrame> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(g.next());
        }
        return list;
    }

    private static FrameGenerator generator(String id, String len, String data, FrameGenerator.Types types) {
        return new FrameGenerator(FrameGenerator.Mode.parse(id, 16, true, "-I"), FrameGenerator.Mode.parse(len, 10, false, "-L"),
                FrameGenerator.DataMode.parse(data), types, new SplittableRandom(1));
    }

    @Test
    void incrementsIdsAndLengthsAsCangen() {
        List<CanFrame> f = frames(generator("i", "i", "r", FrameGenerator.Types.CLASSIC), 11);
        assertThat(f.stream().map(CanFrame::id)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(f.stream().map(CanFrame::length)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1);
    }

    @Test
    void incrementingCanFdLengthsWalkEveryDlc() {
        var fd = new FrameGenerator.Types(false, true, false, false, false, false, false);
        assertThat(frames(generator("r", "i", "r", fd), 16).stream().map(CanFrame::length))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64);
    }

    @Test
    void incrementingDataNeedsAtLeastOneByte() {
        List<CanFrame> f = frames(generator("123", "0", "i", FrameGenerator.Types.CLASSIC), 3);
        assertThat(f).allMatch(x -> x.length() == 1);
        assertThat(f.stream().map(x -> x.dataByte(0))).containsExactly(0, 1, 2);
    }

    @Test
    void randomIdsStayInRangeAndEvenOddHold() {
        assertThat(frames(generator("e", "r", "r", FrameGenerator.Types.CLASSIC), 500)).allMatch(f -> f.id() % 2 == 0
                && f.id() <= CanFrame.MAX_STANDARD_ID);
        var ext = new FrameGenerator.Types(true, false, false, false, false, false, false);
        List<CanFrame> odd = frames(generator("o", "r", "r", ext), 500);
        assertThat(odd).allMatch(f -> f.id() % 2 == 1 && f.extended());
        assertThat(odd.stream().anyMatch(f -> f.id() > CanFrame.MAX_STANDARD_ID)).isTrue();
    }

    @Test
    void randomClassicLengthsAreEightForAboutHalfTheFrames() {
        long eights = frames(generator("r", "r", "r", FrameGenerator.Types.CLASSIC), 2000).stream()
                .filter(f -> f.length() == 8).count();
        assertThat(eights).isBetween(900L, 1300L); // cangen: 8 for DLC 8..15, i.e. 9 of 16 values
    }
}
