package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanFrame;
import dev.obdio.can.CanFrameText;
import dev.obdio.can.CandumpLog;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.VirtualInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpCommandTest {
    private static final Duration DONE = Duration.ofSeconds(10);

    static void awaitEndpoints(String bus, int count) {
        VirtualInterface vi = VirtualInterface.named(bus.substring("virtual:".length()));
        await().atMost(Duration.ofSeconds(5)).until(() -> vi.endpointCount() >= count);
    }

    private static void send(String bus, String... frames) {
        try (CanBus sender = CanBuses.open(bus)) {
            for (String f : frames) {
                sender.send(CanFrameText.parse(f));
            }
        }
    }

    @Test
    void showsFramesOfAnotherEndpointExactlyAsCandump() throws Exception {
        String bus = Cli.uniqueBus("d");
        Cli.Running dump = Cli.start("dump", "-n", "6", bus);
        awaitEndpoints(bus, 1);
        send(bus, "123#DEADBEEF", "5AA#", "123#R3", "12345678#00", "7E8#0441", "123##1AABB");
        Cli.Result r = Cli.finish(dump, DONE);
        assertThat(r.exitCode()).isZero();
        String name = bus;
        assertThat(r.outLines()).containsExactly(
                "  " + name + "  123   [4]  DE AD BE EF",
                "  " + name + "  5AA   [0] ",
                "  " + name + "  123   [3]  remote request",
                "  " + name + "  12345678   [1]  00",
                "  " + name + "       7E8   [2]  04 41",
                "  " + name + "       123  [02]  AA BB");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void logFormatLinesParseBackToTheSentFrames() throws Exception {
        String bus = Cli.uniqueBus("d");
        Cli.Running dump = Cli.start("dump", "-L", "-n", "3", bus);
        awaitEndpoints(bus, 1);
        send(bus, "123#DEADBEEF", "18DAF110#0641", "7DF##3" + "11".repeat(12));
        Cli.Result r = Cli.finish(dump, DONE);
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(3).allMatch(l -> l.matches("\\(\\d{10}\\.\\d{6}\\) " + bus + " \\S+"));
        assertThat(lines.stream().map(CandumpLog::parse).map(ReceivedFrame::frame).map(CanFrameText::format))
                .containsExactly("123#DEADBEEF", "18DAF110#0641", "7DF##3" + "11".repeat(12));
    }

    @Test
    void endsAfterTheSilenceTimeout() throws Exception {
        String bus = Cli.uniqueBus("d");
        Cli.Result r = Cli.finish(Cli.start("dump", "-T", "200", bus), DONE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void filtersAsCandump() throws Exception {
        String bus = Cli.uniqueBus("d");
        Cli.Running dump = Cli.start("dump", "-n", "2", bus + ",7E8:7F8,12345678:1FFFFFFF");
        awaitEndpoints(bus, 1);
        send(bus, "7DF#0201", "7E9#0441", "123#00", "12345679#00", "12345678#01");
        Cli.Result r = Cli.finish(dump, DONE);
        assertThat(r.outLines()).containsExactly(
                "  " + bus + "  7E9   [2]  04 41",
                "  " + bus + "  12345678   [1]  01");
    }

    @Test
    void interleavesSeveralBusesWithAlignedNames() throws Exception {
        String a = Cli.uniqueBus("a");
        String b = Cli.uniqueBus("longer-name-");
        Cli.Running dump = Cli.start("dump", "-n", "3", "-L", a, b);
        awaitEndpoints(a, 1);
        awaitEndpoints(b, 1);
        send(a, "001#01");
        send(b, "002#02");
        send(a, "003#03");
        Cli.Result r = Cli.finish(dump, DONE);
        String pad = " ".repeat(b.length() - a.length());
        // Each bus keeps its order; across buses, frames of the same instant may come either way (as in candump).
        assertThat(r.outLines()).hasSize(3).allMatch(l -> l.matches("\\(\\d{10}\\.\\d{6}\\) .*"));
        assertThat(r.outLines().stream().map(l -> l.substring(l.indexOf(')') + 2)))
                .containsSubsequence(pad + a + " 001#01", pad + a + " 003#03")
                .contains(b + " 002#02");
    }

    @Test
    void decodesErrorFramesWithMinusE() throws Exception {
        String bus = Cli.uniqueBus("d");
        Cli.Running dump = Cli.start("dump", "-e", "-n", "1", bus);
        awaitEndpoints(bus, 1);
        send(bus, "20000004#0004000000000000");
        Cli.Result r = Cli.finish(dump, DONE);
        assertThat(r.out()).isEqualTo("  " + bus + "  20000004   [8]  00 04 00 00 00 00 00 00   ERRORFRAME\n"
                + "\tcontroller-problem{rx-error-warning}\n");
    }

    @Test
    void errorFramesNeedAnErrorMaskOrMinusE() throws Exception {
        String bus = Cli.uniqueBus("d");
        Cli.Running plain = Cli.start("dump", "-n", "1", bus);
        Cli.Running masked = Cli.start("dump", "-n", "1", bus + ",0~0,#00000040");
        awaitEndpoints(bus, 2);
        send(bus, "20000004#0004000000000000", "20000040#", "321#01");
        assertThat(Cli.finish(plain, DONE).outLines()).containsExactly("  " + bus + "  321   [1]  01");
        assertThat(Cli.finish(masked, DONE).outLines())
                .containsExactly("  " + bus + "  20000040   [0]                            ERRORFRAME");
    }

    @Test
    void showsTimestampsAndDirections() throws Exception {
        String bus = Cli.uniqueBus("d");
        Cli.Running dump = Cli.start("dump", "-t", "z", "-x", "-n", "2", bus);
        awaitEndpoints(bus, 1);
        send(bus, "123#11", "123##2AA");
        Cli.Result r = Cli.finish(dump, DONE);
        assertThat(r.outLines()).satisfiesExactly(
                l -> assertThat(l).isEqualTo(" (000.000000)  " + bus + "  RX - -  123   [1]  11"),
                l -> assertThat(l).matches(" \\(\\d{3}\\.\\d{6}\\)  " + bus + "  RX - E  123  \\[01\\]  AA"));
    }

    @Test
    void logsToAFileAndKeepsTheScreenQuiet(@TempDir Path dir) throws Exception {
        String bus = Cli.uniqueBus("d");
        Path log = dir.resolve("traffic.log");
        Cli.Running dump = Cli.start("dump", "-x", "-f", log.toString(), "-n", "2", bus);
        awaitEndpoints(bus, 1);
        send(bus, "123#01", "456#02");
        Cli.Result r = Cli.finish(dump, DONE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("Disabled standard output while logging.",
                "Enabling Logfile '" + log + "'");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith(" " + bus + " 123#01 R");
        assertThat(lines.get(1)).endsWith(" " + bus + " 456#02 R");
    }

    @Test
    void logsWithCandumpsFileNameAndCanStillShowTheScreen() throws Exception {
        String bus = Cli.uniqueBus("d");
        Cli.Running dump = Cli.start("dump", "-l", "-s", "0", "-n", "1", bus);
        awaitEndpoints(bus, 1);
        send(bus, "123#01");
        Cli.Result r = Cli.finish(dump, DONE);
        assertThat(r.outLines()).containsExactly("  " + bus + "  123   [1]  01");
        String enabling = r.errLines().get(1);
        assertThat(enabling).matches("Enabling Logfile 'candump-\\d{4}-\\d\\d-\\d\\d_\\d{6}\\.log'");
        Path file = Path.of(enabling.substring(enabling.indexOf('\'') + 1, enabling.length() - 1));
        try {
            assertThat(Files.readAllLines(file)).singleElement().asString().endsWith(" " + bus + " 123#01");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void endsQuietlyWhenItsOutputIsClosed() throws Exception {
        String bus = Cli.uniqueBus("d");
        var cl = ObdioCommand.commandLine();
        cl.setOut(new java.io.PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }));
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        var dump = java.util.concurrent.CompletableFuture.supplyAsync(() -> cl.execute("dump", bus));
        awaitEndpoints(bus, 1);
        send(bus, "123#01");
        assertThat(dump.get(10, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void ctrlCEndsTheDumpCleanlyWithTheLogComplete(@TempDir Path dir) throws Exception {
        String bus = Cli.uniqueBus("d");
        Path log = dir.resolve("ctrl-c.log");
        Cli.Running dump = Cli.start("dump", "-s", "0", "-f", log.toString(), bus);
        awaitEndpoints(bus, 1);
        send(bus, "123#01", "456#02", "789#03");
        await().atMost(Duration.ofSeconds(5)).until(() -> dump.outLinesSoFar().size() == 3);
        StopSignal.simulateCtrlC();
        Cli.Result r = Cli.finish(dump, DONE);
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readAllLines(log)).hasSize(3).allMatch(l -> l.contains(" " + bus + " "));
    }

    @Test
    void stopsWhenTheInterfaceGoesDownUnlessToldToKeepRunning() throws Exception {
        String bus = Cli.uniqueBus("down");
        VirtualInterface vi = VirtualInterface.named(bus.substring("virtual:".length()));
        Cli.Running strict = Cli.start("dump", bus);
        Cli.Running tolerant = Cli.start("dump", "-D", "-n", "1", bus);
        awaitEndpoints(bus, 2);
        vi.setUp(false);
        Cli.Result r = Cli.finish(strict, DONE);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("obdio dump: " + bus + ": the interface went down");
        vi.setUp(true);
        send(bus, "123#01");
        Cli.Result t = Cli.finish(tolerant, DONE);
        assertThat(t.exitCode()).isZero();
        assertThat(t.errLines()).containsExactly(bus + ": interface down");
        assertThat(t.outLines()).containsExactly("  " + bus + "  123   [1]  01");
    }

    @Test
    void accountsForEveryFrameShownOrDropped() throws Exception {
        // A one-frame receive buffer flooded from another endpoint drops frames; -d reports them, so
        // the frames shown plus the drops reported are exactly the frames sent.
        String bus = Cli.uniqueBus("d");
        Cli.Running dump = Cli.start("dump", "-L", "-d", "-r", "1", "-T", "1000", bus);
        awaitEndpoints(bus, 1);
        int sent = 20_000;
        try (CanBus sender = CanBuses.open(bus)) {
            for (int i = 0; i < sent; i++) {
                sender.send(CanFrame.of(i & 0x7FF, (byte) i));
            }
        }
        Cli.Result r = Cli.finish(dump, DONE);
        List<String> lines = r.outLines();
        long shown = lines.stream().filter(CandumpLog::isFrameLine).count();
        long reported = lines.stream().filter(l -> l.startsWith("DROPCOUNT: dropped "))
                .mapToLong(l -> Long.parseLong(l.replaceAll(".*\\(total drops (\\d+)\\)$", "$1"))).max().orElse(0);
        assertThat(lines).allMatch(l -> CandumpLog.isFrameLine(l)
                || l.matches("DROPCOUNT: dropped \\d+ CAN frames? on '" + bus + "' socket \\(total drops \\d+\\)"));
        assertThat(shown + reported).isEqualTo(sent);
    }

    @Test
    void badFilterOrBusGivesOneLineAndNoStackTrace() {
        Cli.Result badFilter = Cli.run("dump", "virtual:x,12G:7FF");
        assertThat(badFilter.exitCode()).isEqualTo(2);
        assertThat(badFilter.errLines().get(0))
                .isEqualTo("obdio dump: bad filter in \"virtual:x,12G:7FF\": filter \"12G:7FF\": id \"12G\" is not hex");
        assertThat(badFilter.err()).contains("<id>:<mask>").doesNotContain("Exception", "\tat ");

        Cli.Result badBus = Cli.run("dump", "-T", "10", "virtual:bad name");
        assertThat(badBus.exitCode()).isEqualTo(1);
        assertThat(badBus.errLines()).singleElement().asString().startsWith("obdio dump: virtual bus name \"bad name\"");

        Cli.Result badTimestamp = Cli.run("dump", "-t", "q", "virtual:x");
        assertThat(badTimestamp.exitCode()).isEqualTo(2);
        assertThat(badTimestamp.errLines().get(0)).contains("unknown timestamp mode \"q\"");

        Cli.Result logAndAscii = Cli.run("dump", "-L", "-a", "virtual:x");
        assertThat(logAndAscii.exitCode()).isEqualTo(2);
        assertThat(logAndAscii.errLines()).singleElement().asString().startsWith("obdio dump: log format selected");
    }

    @Test
    void framesOfOtherEndpointsAreRx() throws Exception {
        // The dump's endpoint never sends; frames of every other endpoint are RX, even where they are TX.
        String bus = Cli.uniqueBus("d");
        Cli.Running dump = Cli.start("dump", "-x", "-L", "-n", "1", bus);
        awaitEndpoints(bus, 1);
        try (CanBus sender = CanBuses.open(bus, BusOptions.DEFAULTS.withReceiveOwnFrames(true))) {
            sender.send(CanFrame.of(0x100));
            assertThat(sender.receive(Duration.ofSeconds(5)).direction()).isEqualTo(ReceivedFrame.Direction.TX);
        }
        assertThat(Cli.finish(dump, DONE).outLines()).singleElement().asString().endsWith(" 100# R");
    }
}
