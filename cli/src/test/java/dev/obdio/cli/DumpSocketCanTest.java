package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.obdio.can.socketcan.RequiresSocketCan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code obdio dump -L} next to can-utils' {@code candump -L} on a real SocketCAN interface (run in
 * the QEMU guest by {@code .ci/socketcan-tests cli}): for the same traffic from {@code cansend}
 * and {@code cangen} (classic, empty, RTR, 29-bit, CAN FD with BRS and ESI, error frames) both
 * print the same lines, timestamps included (each socket gets the same kernel timestamp), CAN FD
 * flags with the FDF bit (4) as candump writes them on kernels since 6.1.
 */
@RequiresSocketCan
class DumpSocketCanTest {
    /** An interface of its own, so no other traffic interleaves; CAN FD MTU set explicitly. */
    private static final String IF = "obdiodump0";
    /** Every data frame and every error frame, for both tools. */
    private static final String SPEC = IF + ",0:0,#FFFFFFFF";
    private static final String START = "7FF#5354415254";
    private static final String END = "7FE#454E44";
    private static final Duration WAIT = Duration.ofSeconds(40);

    @BeforeEach
    void createInterface() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/candump")) && Files.isExecutable(Path.of("/usr/bin/cansend"))
                && Files.isExecutable(Path.of("/usr/bin/cangen")), "can-utils are not installed");
        exec("ip", "link", "del", IF); // left over from an aborted run, if any
        assertThat(exec("ip", "link", "add", "dev", IF, "type", "vcan")).as("create " + IF).isZero();
        assertThat(exec("ip", "link", "set", IF, "mtu", "72")).isZero();
        assertThat(exec("ip", "link", "set", IF, "up")).isZero();
    }

    @AfterEach
    void deleteInterface() throws Exception {
        exec("ip", "link", "del", IF);
    }

    private static int exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void cansend(String frame) throws Exception {
        assertThat(exec("cansend", IF, frame)).as("cansend " + frame).isZero();
    }

    /** The lines after the last start marker up to the end marker, or null while the end is missing. */
    private static List<String> between(List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(" " + START)) {
                start = i;
            } else if (start >= 0 && lines.get(i).endsWith(" " + END)) {
                return List.copyOf(lines.subList(start + 1, i));
            }
        }
        return null;
    }

    private static boolean hasStart(List<String> lines) {
        return lines.stream().anyMatch(l -> l.endsWith(" " + START));
    }

    @Test
    void dashLPrintsWhatCandumpLPrints() throws Exception {
        Process candump = new ProcessBuilder("candump", "-L", SPEC).redirectErrorStream(true).start();
        List<String> candumpLines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(candump.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    candumpLines.add(l);
                }
            } catch (IOException e) {
                // ended
            }
        }, "candump-output");
        reader.setDaemon(true);
        reader.start();
        Cli.Running dump = Cli.start("dump", "-L", "-T", "20000", SPEC);
        try {
            // Both listen once both have seen a start marker; the traffic then comes after the last one.
            long end = System.nanoTime() + WAIT.toNanos();
            while (!(hasStart(candumpLines) && hasStart(dump.outLinesSoFar()))) {
                assertThat(System.nanoTime() - end).as("both dumps see the start marker").isNegative();
                assertThat(dump.isDone()).as("obdio dump ended early: %s", dump.err().toString()).isFalse();
                cansend(START);
                Thread.sleep(200); // pacing the markers, not waiting for a result
            }
            cansend(START);
            for (String frame : List.of("123#DEADBEEF", "5A1#", "000#0011223344556677", "123#R", "7FF#R",
                    "12345678#11.22.33", "1FFFFFFF#R", "00000000#AA",
                    "321##0", "321##1112233", "321##2AABB", "321##3" + "5A".repeat(12),
                    "1ABCDEF0##3" + "00112233445566778899AABBCCDDEEFF".repeat(4), "400##1",
                    "20000004#0004000000000000", "20000040#0000000000000000")) {
                cansend(frame);
            }
            assertThat(exec("cangen", IF, "-n", "40", "-g", "0", "-m")).as("cangen -m").isZero();
            assertThat(exec("cangen", IF, "-n", "20", "-g", "0", "-f", "-b", "-E", "-e")).as("cangen -f -b -E -e").isZero();
            cansend(END);

            await("both dumps see the end marker").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> between(candumpLines) != null && between(dump.outLinesSoFar()) != null);
            List<String> expected = between(candumpLines);
            List<String> ours = between(dump.outLinesSoFar());
            assertThat(expected).as("candump's lines").hasSize(16 + 40 + 20);
            assertThat(expected).anyMatch(l -> l.contains("##7")).anyMatch(l -> l.contains("#R"))
                    .anyMatch(l -> l.contains(" 20000004#"));
            assertThat(ours).containsExactlyElementsOf(expected);
        } finally {
            candump.destroy();
            candump.waitFor(5, TimeUnit.SECONDS);
            candump.destroyForcibly();
            assertThat(exec("ip", "link", "set", IF, "down")).isZero(); // ends obdio dump with an error
            Cli.finish(dump, WAIT);
        }
    }
}
