package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.obdio.can.PythonCanPeer;
import dev.obdio.can.UdpMulticastBus;
import dev.obdio.can.UdpTestPorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code obdio send} and {@code obdio dump} on python-can's {@code udp_multicast} bus, with a
 * python-can program (Debian's python3-can, as in can-core's UdpPythonCanInteropTest) on the other
 * end: frames the CLI sends arrive in python-can with the same fields, and frames python-can sends
 * are printed by the CLI in candump's log format.
 *
 * <p>Needs {@code /usr/bin/python3} with python-can; skipped, with the reason, without it (CI
 * installs python3-can).
 */
class UdpPythonCanCliTest {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String GROUP = UdpMulticastBus.DEFAULT_GROUP_IPV4;

    /** A frame in python-can's fields and in cansend's text. */
    private record Case(String python, String text) {
        /**
         * The text in a log: CAN FD flags carry FDF (4), as candump writes frames received from
         * kernels since 6.1 (DumpSocketCanTest checks that against candump itself).
         */
        String logText() {
            int fd = text.indexOf("##");
            return fd < 0 ? text : text.substring(0, fd + 2)
                    + Integer.toHexString(Character.digit(text.charAt(fd + 2), 16) | 4).toUpperCase()
                    + text.substring(fd + 3);
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("id=123 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 dlc=4 data=deadbeef", "123#DEADBEEF"),
            new Case("id=5a1 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 dlc=0 data=", "5A1#"),
            new Case("id=7ff ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 dlc=8 data=0011223344556677", "7FF#0011223344556677"),
            new Case("id=12345678 ext=1 rtr=0 err=0 fd=0 brs=0 esi=0 dlc=3 data=112233", "12345678#112233"),
            new Case("id=7df ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 dlc=0 data=", "7DF#R"),
            new Case("id=321 ext=0 rtr=0 err=0 fd=1 brs=1 esi=0 dlc=12 data=" + "5a".repeat(12), "321##1" + "5A".repeat(12)),
            new Case("id=321 ext=0 rtr=0 err=0 fd=1 brs=0 esi=1 dlc=2 data=aabb", "321##2AABB"),
            new Case("id=1abcdef0 ext=1 rtr=0 err=0 fd=1 brs=1 esi=1 dlc=64 data=" + "0123456789abcdef".repeat(8),
                    "1ABCDEF0##3" + "0123456789ABCDEF".repeat(8)));

    private final int port = UdpTestPorts.freePort();
    private final String bus = "udp:" + GROUP + ":" + port;

    @BeforeAll
    static void needsPythonCan() {
        String why = PythonCanPeer.unavailableReason();
        assumeTrue(why == null, () -> "python-can interop skipped: " + why);
    }

    @Test
    void framesTheCliSendsArriveInPythonCan() throws Exception {
        try (PythonCanPeer py = PythonCanPeer.start(STARTUP, "receive", GROUP, Integer.toString(port),
                Integer.toString(CASES.size()), Long.toString(WAIT.toSeconds()))) {
            for (Case c : CASES) {
                Cli.Result r = Cli.run("send", bus, c.text());
                assertThat(r.exitCode()).as("obdio send %s: %s", c.text(), r.err()).isZero();
                Map<String, String> got = PythonCanPeer.parseFrameLine(py.nextLine(WAIT));
                assertThat(got).as("python-can's view of %s", c.text())
                        .isEqualTo(PythonCanPeer.parseFrameLine("FRAME " + c.python()));
            }
            py.expectLine("DONE", WAIT);
            py.expectSuccessfulExit(WAIT);
        }
    }

    @Test
    void framesPythonCanSendsArePrintedByDump() throws Exception {
        String marker = "id=7fe ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 dlc=1 data=ee";
        Cli.Running dump = Cli.start("dump", "-L", "-T", "2000", bus);
        try (PythonCanPeer py = PythonCanPeer.start(STARTUP, "send", GROUP, Integer.toString(port))) {
            // The dump listens once it printed a marker; the frames come after the last one.
            long end = System.nanoTime() + WAIT.toNanos();
            while (dump.outLinesSoFar().stream().noneMatch(l -> l.endsWith("#EE"))) {
                assertThat(dump.isDone()).as("obdio dump ended: %s", dump.err()).isFalse();
                assertThat(System.nanoTime() - end).as("obdio dump prints the marker").isNegative();
                py.writeLine(marker);
                py.expectLine("SENT", WAIT);
                Thread.sleep(100); // pacing the markers, not waiting for a result
            }
            py.writeLine(marker);
            py.expectLine("SENT", WAIT);
            for (Case c : CASES) {
                py.writeLine(c.python());
                py.expectLine("SENT", WAIT);
            }
            py.writeLine("END");
            py.expectLine("DONE", WAIT);
            py.expectSuccessfulExit(WAIT);
        }
        Cli.Result r = Cli.finish(dump, WAIT.plusSeconds(10));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.outLines();
        int last = lines.size() - 1;
        while (last >= 0 && !lines.get(last).endsWith("#EE")) {
            last--;
        }
        List<String> frames = new ArrayList<>();
        for (String line : lines.subList(last + 1, lines.size())) {
            // candump -L: "(seconds.micros) BUS FRAME"
            String[] f = line.split(" ");
            assertThat(f).as(line).hasSize(3);
            assertThat(f[0]).as(line).matches("\\(\\d+\\.\\d{6}\\)");
            assertThat(f[1]).as(line).isEqualTo(bus);
            frames.add(f[2]);
        }
        assertThat(frames).containsExactlyElementsOf(CASES.stream().map(Case::logText).toList());
    }
}
