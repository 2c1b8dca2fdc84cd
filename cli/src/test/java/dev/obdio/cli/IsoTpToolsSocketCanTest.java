package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.socketcan.RequiresSocketCan;
import dev.obdio.can.socketcan.SocketCanCondition;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code obdio isotp} next to the real can-utils (Debian's 2020.11.0) on a SocketCAN interface:
 * dump and sniff print what isotpdump and isotpsniffer print for the same traffic, byte for byte
 * (without timestamps); send and recv talk to isotprecv and isotpsend, with either engine.
 */
@RequiresSocketCan
class IsoTpToolsSocketCanTest {
    private static final String IF = SocketCanCondition.testInterface();
    private static final Duration WAIT = Duration.ofSeconds(40); // generous: the emulated guest is slow on a cold JVM
    private static final byte[] REQUEST = {0x22, (byte) 0xF1, (byte) 0x90};
    private static final byte[] RESPONSE = ("b\u00F1\u0090WDX1234567890123456789012345678901234567890")
            .getBytes(StandardCharsets.ISO_8859_1);

    /** A can-utils tool running beside the test; its output lines are collected. */
    private static final class Tool implements AutoCloseable {
        private final Process process;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Tool(String... command) {
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.ISO_8859_1))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    // ended
                }
            }, command[0] + "-output");
            t.setDaemon(true);
            t.start();
        }

        List<String> await(int count) throws InterruptedException {
            List<String> got = new ArrayList<>();
            long end = System.nanoTime() + WAIT.toNanos();
            while (got.size() < count) {
                String l = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (l == null) {
                    throw new AssertionError("expected " + count + " lines, got " + got);
                }
                got.add(l);
            }
            return got;
        }

        void write(String text) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write(text.getBytes(StandardCharsets.US_ASCII));
            in.close();
        }

        int waitFor() throws InterruptedException {
            if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the tool did not end");
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    /** Receivers of one kind ({@code raw} or {@code isotp}) registered for an 11-bit id in the kernel. */
    private static int receivers(int id, String kind) throws IOException {
        String wanted = String.format("%03x", id);
        int n = 0;
        for (String line : Files.readAllLines(Path.of("/proc/net/can/rcvlist_sff"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 7 && f[1].toLowerCase(Locale.ROOT).equals(wanted) && f[f.length - 1].equals(kind)) {
                n++;
            }
        }
        return n;
    }

    private static void awaitReceivers(int id, String kind, int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> receivers(id, kind) >= count);
    }

    /** A request and a 46-byte response between a kernel tester (7E0) and ECU (7E8). */
    private static void conversation(IsoTpOptions tester, IsoTpOptions ecu) throws Exception {
        try (IsoTpChannel t = IsoTp.open(IF, tester, IsoTp.Engine.KERNEL);
             IsoTpChannel e = IsoTp.open(IF, ecu, IsoTp.Engine.KERNEL)) {
            t.send(REQUEST);
            assertThat(e.receive(WAIT)).isEqualTo(REQUEST);
            e.send(RESPONSE);
            assertThat(t.receive(WAIT)).isEqualTo(RESPONSE);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"PLAIN", "ASCII_UDS", "EXTENDED"})
    void dumpPrintsWhatIsotpdumpPrints(DumpCase c) throws Exception {
        IsoTpOptions tester = IsoTpOptions.DEFAULTS.withAddress(c.extended
                ? new IsoTpAddress.Extended(0x7E0, 0x7E8, false, 0x10, 0xF1) : IsoTpAddress.normal11(0x7E0, 0x7E8))
                .withBlockSize(3).withStMin(0xF2).withTxPadding(0xCC);
        IsoTpOptions ecu = IsoTpOptions.DEFAULTS.withAddress(c.extended
                ? new IsoTpAddress.Extended(0x7E8, 0x7E0, false, 0xF1, 0x10) : IsoTpAddress.normal11(0x7E8, 0x7E0));
        // The request's single frame, the response's first frame and 6 (7 with the address byte)
        // consecutive frames, and a flow control for every block of 3.
        int frames = c.extended ? 12 : 10;
        int before = receivers(0x7E0, "raw");
        List<String> args = new ArrayList<>(List.of("-s", "7E0", "-d", "7E8"));
        args.addAll(c.args);
        List<String> real = new ArrayList<>(List.of("isotpdump"));
        real.addAll(args);
        real.add(IF);
        try (Tool isotpdump = new Tool(real.toArray(String[]::new))) {
            List<String> ours = new ArrayList<>(List.of("isotp", "dump"));
            ours.addAll(args);
            ours.addAll(List.of("-n", String.valueOf(frames), IF));
            IsoTpCli.Running dump = IsoTpCli.start(ours.toArray(String[]::new));
            awaitReceivers(0x7E0, "raw", before + 2);
            conversation(tester, ecu);
            List<String> expected = isotpdump.await(frames);
            IsoTpCli.Result r = dump.finish();
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out().lines().toList()).containsExactlyElementsOf(expected);
        }
    }

    /** The isotpdump options compared. */
    enum DumpCase {
        PLAIN(false),
        ASCII_UDS(false, "-a", "-u", "-c"),
        EXTENDED(true, "-x", "10", "-X", "F1", "-u");

        final boolean extended;
        final List<String> args;

        DumpCase(boolean extended, String... args) {
            this.extended = extended;
            this.args = List.of(args);
        }
    }

    /**
     * The same lines as isotpsniffer; the two directions in either order, as isotpsniffer's own
     * select() over its two sockets does not promise one either.
     */
    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"KERNEL", "JAVA"})
    void sniffPrintsWhatIsotpsnifferPrints(IsoTp.Engine engine) throws Exception {
        IsoTpCli.Running sniff = IsoTpCli.start("isotp", "sniff", "-s", "7E0", "-d", "7E8", "-c", "-n", "2",
                "--engine", engine.name().toLowerCase(Locale.ROOT), "--verbose", IF).awaitErr("engine");
        int before = receivers(0x7E8, "isotp"); // ours are in (--verbose said so)
        try (Tool isotpsniffer = new Tool("isotpsniffer", "-s", "7E0", "-d", "7E8", "-c", IF)) {
            awaitReceivers(0x7E8, "isotp", before + 1);
            conversation(IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8)),
                    IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0)));
            List<String> expected = isotpsniffer.await(2);
            IsoTpCli.Result r = sniff.finish();
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out().lines().toList()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"KERNEL", "JAVA"})
    void recvPrintsWhatIsotpsendSent(IsoTp.Engine engine) throws Exception {
        IsoTpCli.Running recv = IsoTpCli.start("isotp", "recv", "-s", "7E8", "-d", "7E0", "-b", "8", "-l", "-n", "2",
                "--engine", engine.name().toLowerCase(Locale.ROOT), "--verbose", IF).awaitErr("engine");
        String small = "22 F1 90";
        StringBuilder large = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            large.append(String.format("%02X ", i & 0xFF));
        }
        for (String pdu : List.of(small, large.toString().trim())) {
            try (Tool isotpsend = new Tool("isotpsend", "-s", "7E0", "-d", "7E8", IF)) {
                isotpsend.write(pdu + "\n");
                assertThat(isotpsend.waitFor()).isZero();
            }
        }
        IsoTpCli.Result r = recv.finish();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(small + " \n" + large + "\n");
    }

    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"KERNEL", "JAVA"})
    void sendReachesIsotprecv(IsoTp.Engine engine) throws Exception {
        for (int length : new int[] {1, 4095}) {
            int before = receivers(0x7E0, "isotp");
            // One isotprecv per PDU: with -l its output is block-buffered in a pipe until it exits.
            try (Tool isotprecv = new Tool("isotprecv", "-s", "7E8", "-d", "7E0", IF)) {
                awaitReceivers(0x7E0, "isotp", before + 1);
                IsoTpCli.Result r = IsoTpCli.run("", "isotp", "send", "--engine", engine.name().toLowerCase(Locale.ROOT),
                        "-s", "7E0", "-d", "7E8", "-D", String.valueOf(length), IF);
                assertThat(r.exitCode()).as(r.err()).isZero();
                assertThat(isotprecv.await(1).get(0) + "\n").isEqualTo(IsoTpHex.format(IsoTpSendCommand.fixedPdu(length)));
            }
        }
    }
}
