package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.Recordings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenCommandTest {

    private static List<CanFrame> received(CanBus receiver) throws InterruptedException {
        List<CanFrame> got = new ArrayList<>();
        ReceivedFrame f;
        while ((f = receiver.receive(Duration.ofMillis(50))) != null) {
            got.add(f.frame());
        }
        return got;
    }

    private static List<CanFrame> gen(String... options) throws InterruptedException {
        String bus = Cli.uniqueBus("g");
        try (CanBus receiver = CanBuses.open(bus)) {
            String[] args = new String[options.length + 2];
            args[0] = "gen";
            System.arraycopy(options, 0, args, 1, options.length);
            args[args.length - 1] = bus;
            Cli.Result r = Cli.run(args);
            assertThat(r.exitCode()).as(r.err()).isZero();
            return received(receiver);
        }
    }

    @Test
    void fixedIdFixedLengthIncrementingData() throws Exception {
        List<CanFrame> frames = gen("-g", "0", "-n", "300", "-I", "42A", "-L", "4", "-D", "i");
        assertThat(frames).hasSize(300).allMatch(f -> f.id() == 0x42A && !f.extended() && f.length() == 4 && f.isData());
        for (int i = 0; i < frames.size(); i++) {
            int counter = frames.get(i).dataByte(0) | frames.get(i).dataByte(1) << 8;
            assertThat(counter).isEqualTo(i);
        }
    }

    @Test
    void extendedCanFdWithBitRateSwitch() throws Exception {
        List<CanFrame> frames = gen("-g", "0", "-n", "50", "-e", "-b", "--seed", "3");
        assertThat(frames).hasSize(50).allMatch(f -> f.extended() && f.fd() && f.brs() && !f.esi());
        assertThat(frames.stream().map(CanFrame::length).distinct().count()).isGreaterThan(5);
    }

    @Test
    void remoteRequestsOfAFixedLength() throws Exception {
        assertThat(gen("-g", "0", "-n", "5", "-R", "-L", "3")).hasSize(5).allMatch(f -> f.isRemote() && f.length() == 3);
    }

    @Test
    void rawDlcsAndRandomNibbles() throws Exception {
        assertThat(gen("-g", "0", "-n", "5", "-8", "-L", "12"))
                .allMatch(f -> f.length() == 8 && f.len8Dlc() == 12 && f.dlc() == 12);
        List<CanFrame> nibbles = gen("-g", "0", "-n", "200", "-L", "2", "-D", "A5x1", "--seed", "9");
        assertThat(nibbles).allMatch(f -> f.dataByte(0) == 0xA5 && (f.dataByte(1) & 0x0F) == 1);
        assertThat(nibbles.stream().map(f -> f.dataByte(1)).distinct().count()).isGreaterThan(8);
    }

    @Test
    void aSeedRepeatsARun() throws Exception {
        List<CanFrame> first = gen("-g", "0", "-n", "40", "-m", "--seed", "7");
        assertThat(gen("-g", "0", "-n", "40", "-m", "--seed", "7")).isEqualTo(first);
        assertThat(first.stream().anyMatch(CanFrame::fd)).isTrue();
        assertThat(first.stream().anyMatch(f -> !f.fd())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cangen_v.txt|-n 4 -I 123 -L 4 -D i -v",
        "cangen_vv.txt|-n 4 -I 123 -L 4 -D i -v -v",
        "cangen_vvv.txt|-n 4 -I 123 -L 4 -D i -v -v -v",
        "cangen_fd_v.txt|-n 3 -f -b -I 12345678 -e -L 12 -D 11223344 -v",
        "cangen_fd_vv.txt|-n 3 -f -b -I 123 -L 12 -D 11223344 -v -v",
        "cangen_rtr_v.txt|-n 3 -R -I 123 -L 3 -v",
        "cangen_rtr_vv.txt|-n 3 -R -I 123 -L 3 -v -v",
    })
    void verboseOutputIsWhatCangenPrinted(String recording, String options) {
        // Recorded from the real cangen 2020.11.0 on vcan0 with the same options.
        String bus = Cli.uniqueBus("g");
        List<String> args = new ArrayList<>(List.of("gen", "-g", "0"));
        args.addAll(List.of(options.split(" ")));
        args.add(bus);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactlyElementsOf(Recordings.lines(recording).stream()
                .map(l -> l.replace("  vcan0  ", "  " + bus + "  ")).toList());
    }

    @Test
    void waitsTheGapBetweenFrames() throws Exception {
        String bus = Cli.uniqueBus("g");
        try (CanBus receiver = CanBuses.open(bus)) {
            Cli.Result r = Cli.finish(Cli.start("gen", "-g", "50", "-n", "5", bus), Duration.ofSeconds(20));
            assertThat(r.exitCode()).isZero();
            List<ReceivedFrame> got = new ArrayList<>();
            ReceivedFrame f;
            while ((f = receiver.receive(Duration.ofMillis(50))) != null) {
                got.add(f);
            }
            assertThat(got).hasSize(5);
            assertThat(got.get(4).timestampNanos() - got.get(0).timestampNanos()).isGreaterThanOrEqualTo(150_000_000L);
        }
    }

    @Test
    void badArgumentsGiveOneLine() {
        Cli.Result id = Cli.run("gen", "-I", "800", "virtual:x");
        assertThat(id.exitCode()).isEqualTo(2);
        assertThat(id.errLines()).containsExactly("obdio gen: the id 800 is above 7FF: add -e for 29-bit ids");
        assertThat(Cli.run("gen", "-D", "123", "virtual:x").errLines()).singleElement().asString()
                .startsWith("obdio gen: data \"123\": use r, i, or 1..64 bytes of hex");
        assertThat(Cli.run("gen", "-L", "zz", "virtual:x").errLines()).containsExactly(
                "obdio gen: -L \"zz\": use r (random), i (increment) or a decimal value");
        assertThat(Cli.run("gen", "-f", "-R", "virtual:x").errLines()).containsExactly(
                "obdio gen: remote requests (-R) are classic CAN only, not CAN FD");
        assertThat(Cli.run("gen", "-g", "-1", "virtual:x").exitCode()).isEqualTo(2);
    }
}
