package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanFrameText;
import dev.obdio.can.ReceivedFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlayCommandTest {
    private static final Duration DONE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Path log(String... lines) throws Exception {
        Path file = Files.createTempFile(dir, "play", ".log");
        Files.write(file, List.of(lines));
        return file;
    }

    private static List<ReceivedFrame> drain(CanBus receiver) throws InterruptedException {
        List<ReceivedFrame> got = new ArrayList<>();
        ReceivedFrame f;
        while ((f = receiver.receive(Duration.ofMillis(50))) != null) {
            got.add(f);
        }
        return got;
    }

    private static List<String> texts(List<ReceivedFrame> frames) {
        return frames.stream().map(f -> CanFrameText.format(f.frame())).toList();
    }

    @Test
    void replaysTheLoggedFramesToTheMappedBusInOrder() throws Exception {
        String bus = Cli.uniqueBus("p");
        Path file = log("(1576495052.545849) can0 301#084C014E02C20C5C",
                "# a comment canplayer skips",
                "(1576495052.545900) can0 123#R3",
                "DROPCOUNT: dropped 1 CAN frame on 'can0' socket (total drops 1)",
                "(1576495052.546000) can0 18DAF110##1" + "AA".repeat(12),
                "(1576495052.546100) can0 20000004#0004000000000000");
        try (CanBus receiver = CanBuses.open(bus, dev.obdio.can.BusOptions.DEFAULTS
                .withFilters(dev.obdio.can.CanFilterSet.ALL_WITH_ERRORS))) {
            Cli.Result r = Cli.run("play", "-t", "-I", file.toString(), bus + "=can0");
            assertThat(r.exitCode()).isZero();
            assertThat(texts(drain(receiver))).containsExactly("301#084C014E02C20C5C", "123#R3",
                    "18DAF110##1" + "AA".repeat(12), "20000004#0004000000000000");
        }
    }

    @Test
    void stdoutMappingPrintsTheLinesAsTheyAre() throws Exception {
        String[] lines = {"(1576495052.545849) can0 301#084C014E02C20C5C", "(1576495052.545900)  can0 123#R3 T",
            "(1576495052.546000) can1 456#01", "(1576495052.546100) can0 7E8#0441"};
        Cli.Result r = Cli.run("play", "-I", log(lines).toString(), "stdout=can0");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly(lines[0], lines[1], lines[3]);
    }

    @Test
    void reproducesTheLoggedGaps() throws Exception {
        String bus = Cli.uniqueBus("p");
        Path file = log("(0000000100.000000) can0 001#01", "(0000000100.300000) can0 002#02",
                "(0000000100.600000) can0 003#03");
        try (CanBus receiver = CanBuses.open(bus)) {
            assertThat(Cli.finish(Cli.start("play", "-I", file.toString(), bus + "=can0"), DONE).exitCode()).isZero();
            List<ReceivedFrame> got = drain(receiver);
            assertThat(texts(got)).containsExactly("001#01", "002#02", "003#03");
            // A lower bound only: a busy machine can make gaps longer, never shorter.
            assertThat(got.get(1).timestampNanos() - got.get(0).timestampNanos()).isGreaterThanOrEqualTo(250_000_000L);
            assertThat(got.get(2).timestampNanos() - got.get(1).timestampNanos()).isGreaterThanOrEqualTo(250_000_000L);
        }
    }

    @Test
    void minusTIgnoresTheTimestamps() throws Exception {
        String bus = Cli.uniqueBus("p");
        // An hour between the frames: only -t can finish this within the test's time limit.
        Path file = log("(0000000100.000000) can0 001#01", "(0000003700.000000) can0 002#02");
        try (CanBus receiver = CanBuses.open(bus)) {
            assertThat(Cli.finish(Cli.start("play", "-t", "-I", file.toString(), bus + "=can0"), DONE).exitCode()).isZero();
            assertThat(texts(drain(receiver))).containsExactly("001#01", "002#02");
        }
    }

    @Test
    void skipsLongGapsWithMinusS() throws Exception {
        String bus = Cli.uniqueBus("p");
        Path file = log("(0000000100.000000) can0 001#01", "(0000003700.000000) can0 002#02");
        try (CanBus receiver = CanBuses.open(bus)) {
            assertThat(Cli.finish(Cli.start("play", "-s", "5", "-I", file.toString(), bus + "=can0"), DONE).exitCode())
                    .isZero();
            assertThat(texts(drain(receiver))).containsExactly("001#01", "002#02");
        }
    }

    @Test
    void withoutMappingsFramesGoToTheLoggedBusAndWithMappingsOnlyMappedOnes() throws Exception {
        String a = Cli.uniqueBus("p");
        String b = Cli.uniqueBus("p");
        Path file = log("(1.000000) " + a + " 001#01", "(1.000001) " + b + " 002#02", "(1.000002) " + a + " 003#03");
        try (CanBus ra = CanBuses.open(a); CanBus rb = CanBuses.open(b)) {
            assertThat(Cli.run("play", "-t", "-I", file.toString()).exitCode()).isZero();
            assertThat(texts(drain(ra))).containsExactly("001#01", "003#03");
            assertThat(texts(drain(rb))).containsExactly("002#02");

            assertThat(Cli.run("play", "-t", "-I", file.toString(), b + "=" + a).exitCode()).isZero();
            assertThat(texts(drain(rb))).containsExactly("001#01", "003#03");
            assertThat(drain(ra)).isEmpty();
        }
    }

    @Test
    void loopsCountsAndGaps() throws Exception {
        String bus = Cli.uniqueBus("p");
        Path file = log("(1.000000) can0 001#01", "(1.000001) can0 002#02", "(1.000002) can0 003#03");
        try (CanBus receiver = CanBuses.open(bus)) {
            assertThat(Cli.run("play", "-t", "-l", "2", "-I", file.toString(), bus + "=can0").exitCode()).isZero();
            assertThat(texts(drain(receiver))).containsExactly("001#01", "002#02", "003#03", "001#01", "002#02", "003#03");

            assertThat(Cli.run("play", "-l", "i", "-n", "4", "-I", file.toString(), bus + "=can0").exitCode()).isZero();
            assertThat(texts(drain(receiver))).containsExactly("001#01", "002#02", "003#03", "001#01");

            assertThat(Cli.finish(Cli.start("play", "-t", "-g", "100", "-I", file.toString(), bus + "=can0"), DONE)
                    .exitCode()).isZero();
            List<ReceivedFrame> got = drain(receiver);
            assertThat(texts(got)).containsExactly("001#01", "002#02", "003#03");
            assertThat(got.get(2).timestampNanos() - got.get(0).timestampNanos()).isGreaterThanOrEqualTo(150_000_000L);
        }
    }

    @Test
    void verbosePrintsWhatCanplayerPrints() throws Exception {
        String bus = Cli.uniqueBus("p");
        Path file = log("(1.000000) can0 123#DEADBEEF", "(1.000001) can0 12345678#R", "(1.000002) can0 123##1AABB");
        Cli.Result r = Cli.run("play", "-t", "-v", "-I", file.toString(), bus + "=can0");
        assertThat(r.outLines()).containsExactly(
                bus + " (can0)      123   [4]  DE AD BE EF",
                bus + " (can0) 12345678   [0]  remote request",
                bus + " (can0)      123  [02]  AA BB");
    }

    @Test
    void aMalformedLineStopsWithItsLineNumber() throws Exception {
        String bus = Cli.uniqueBus("p");
        Path file = log("(1.000000) can0 123#00", "(1.00000) can0 123#00");
        try (CanBus receiver = CanBuses.open(bus)) {
            Cli.Result r = Cli.run("play", "-t", "-I", file.toString(), bus + "=can0");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.errLines()).containsExactly("obdio play: " + file + " line 2: position 3: the timestamp needs "
                    + "6 or 9 decimal places, got 5: (1.00000) can0 123#00");
            assertThat(texts(drain(receiver))).containsExactly("123#00");
        }
    }

    @Test
    void badArguments() throws Exception {
        assertThat(Cli.run("play", "-I", dir.resolve("missing.log").toString()).errLines())
                .containsExactly("obdio play: cannot read " + dir.resolve("missing.log"));
        assertThat(Cli.run("play", "-l", "0", "-I", log().toString()).exitCode()).isEqualTo(2);
        Cli.Result noEquals = Cli.run("play", "-I", log().toString(), "vcan0");
        assertThat(noEquals.exitCode()).isEqualTo(2);
        assertThat(noEquals.errLines()).containsExactly(
                "obdio play: mapping \"vcan0\": expected BUS=LOGGED_IFACE or stdout=LOGGED_IFACE");
    }
}
