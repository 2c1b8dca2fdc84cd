package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our text formats against the real can-utils on a real kernel (run inside the SocketCAN guest
 * with {@code -Psocketcan}): canplayer replays a log we wrote, two candumps record it, and we
 * check that candump logged the frames we wrote and that our screen view of candump's log lines
 * is byte for byte what candump printed. Needs no obdio SocketCAN code: the tools do the I/O.
 */
@Tag("socketcan")
class CanUtilsInteropTest {
    private static final String IFACE = "obdiotext0";
    private static final String MARKER = "7FF#0B0D10CAFE0B0D10";

    @TempDir
    Path dir;

    @BeforeEach
    void createInterface() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/candump")) && Files.isExecutable(Path.of("/usr/bin/canplayer")),
                "can-utils are not installed");
        exec("ip", "link", "del", IFACE); // left over from an aborted run, if any
        assumeTrue(exec("ip", "link", "add", "dev", IFACE, "type", "vcan") == 0, "cannot create a vcan interface");
        assertThat(exec("ip", "link", "set", IFACE, "mtu", "72")).isZero();
        assertThat(exec("ip", "link", "set", IFACE, "up")).isZero();
    }

    @AfterEach
    void deleteInterface() throws Exception {
        exec("ip", "link", "del", IFACE);
    }

    private static int exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private Process candump(String output, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("candump", "-T", "3000", "-r", "8000000"));
        command.addAll(List.of(options));
        command.add(IFACE + ",0:0,#FFFFFFFF");
        return new ProcessBuilder(command).redirectOutput(dir.resolve(output).toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private boolean contains(String file, String text) throws IOException {
        Path p = dir.resolve(file);
        return Files.exists(p) && Files.readString(p).contains(text);
    }

    @Test
    void canplayerAndCandumpAgreeWithUsByteForByte() throws Exception {
        RandomFrames random = new RandomFrames(new SplittableRandom(RandomFrames.seed("interop", 2020_11_0L)));
        List<String> ours = new ArrayList<>();
        long t = 1_600_000_000_000_000_000L;
        for (int i = 0; i < 300; i++) {
            t += 2_000_000; // 2 ms apart: canplayer paces them, so no socket buffer overflows
            ours.add(CandumpLog.format(new ReceivedFrame(random.any(), t, "can0", ReceivedFrame.Direction.RX)));
        }
        Path log = dir.resolve("ours.log");
        Files.write(log, ours);

        Process logDump = candump("theirs.log", "-L");
        Process screenDump = candump("screen.txt", "-t", "A", "-x", "-e", "-a");
        // Both candumps listen once they have seen the marker.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            exec("cansend", IFACE, MARKER);
            return contains("theirs.log", "7FF#0B0D10CAFE0B0D10") && contains("screen.txt", "0B 0D 10 CA FE 0B 0D 10");
        });
        Process player = new ProcessBuilder("canplayer", "-I", log.toString(), IFACE + "=can0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("canplayer.txt").toFile()).start();
        assertThat(player.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(player.exitValue()).as(Files.readString(dir.resolve("canplayer.txt"))).isZero();
        assertThat(logDump.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(screenDump.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<ReceivedFrame> theirs = Files.readAllLines(dir.resolve("theirs.log")).stream().map(CandumpLog::parse)
                .filter(r -> !CanFrameText.format(r.frame()).equals(MARKER)).toList();
        assertThat(theirs).hasSize(ours.size());
        for (int i = 0; i < ours.size(); i++) {
            CanFrame sent = CandumpLog.parse(ours.get(i)).frame();
            // 2020.11.0 and a vcan without CC_LEN8_DLC do not carry raw DLCs.
            CanFrame expected = sent.len8Dlc() == 0 ? sent
                    : new CanFrame(sent.id(), sent.extended(), sent.kind(), false, false, false, 0, sent.data());
            assertThat(theirs.get(i).frame()).as(ours.get(i)).isEqualTo(expected);
        }

        // Our screen view of candump's log lines, next to candump's own screen output.
        // (The marker frames are left out: the two candumps may have started at different markers.)
        CandumpScreen screen = new CandumpScreen(CandumpScreen.Format.DEFAULTS.withZone(ZoneOffset.systemDefault())
                .withTimestamps(CandumpScreen.Timestamps.DATE).withExtraInfo(true).withDecodeErrors(true).withAscii(true),
                IFACE.length());
        StringBuilder expectedScreen = new StringBuilder();
        for (ReceivedFrame r : theirs) {
            // frames written by this host are TX for candump -x
            expectedScreen.append(screen.format(new ReceivedFrame(r.frame(), r.timestampNanos(), r.channel(),
                    ReceivedFrame.Direction.TX))).append('\n');
        }
        String candumpScreen = Files.readAllLines(dir.resolve("screen.txt")).stream()
                .filter(l -> !l.contains("0B 0D 10 CA FE 0B 0D 10")).map(l -> l + "\n").reduce("", String::concat);
        assertThat(candumpScreen).isEqualTo(expectedScreen.toString());
    }
}
