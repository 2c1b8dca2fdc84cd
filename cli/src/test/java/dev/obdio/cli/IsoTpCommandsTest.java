package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.VirtualInterface;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code obdio isotp send|recv|dump|sniff} in-process on virtual buses with the java engine:
 * one command's endpoint talking to another's, the output formats of isotprecv, isotpdump and
 * isotpsniffer, and plain messages with a non-zero status for timeouts and bad input.
 */
class IsoTpCommandsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static IsoTpOptions options(int tx, int rx) {
        return IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(tx, rx));
    }

    @Test
    void sendToRecv() throws Exception {
        String bus = IsoTpCli.uniqueBus("send-recv");
        IsoTpCli.Running recv = IsoTpCli.start("isotp", "recv", "-s", "7E8", "-d", "7E0", "-l", "-n", "2", "--verbose",
                bus).awaitErr("java engine");
        IsoTpCli.Result single = IsoTpCli.run("22 F1 90\n", "isotp", "send", "-s", "7E0", "-d", "7E8", bus);
        assertThat(single.exitCode()).as(single.err()).isZero();
        IsoTpCli.Result multi = IsoTpCli.run("", "isotp", "send", "-s", "7E0", "-d", "7E8", "-D", "20", bus);
        assertThat(multi.exitCode()).as(multi.err()).isZero();
        IsoTpCli.Result r = recv.finish();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("22 F1 90 \n01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13 14 \n");
        assertThat(r.err()).isEqualTo("obdio isotp recv: java engine: " + bus + " is not a SocketCAN interface"
                + " (the kernel engine serves can0, vcan0, …)\n");
    }

    @Test
    void sendAndRecvWithExtendedAddressingPaddingAndCanFd() throws Exception {
        String bus = IsoTpCli.uniqueBus("ext-fd");
        IsoTpCli.Running recv = IsoTpCli.start("isotp", "recv", "-s", "18DAF110", "-d", "18DA10F1", "-x", "F1:10",
                "-p", "AA:55", "-P", "a", "-L", "72:64:1", "-b", "2", "-m", "F1", "--verbose", bus).awaitErr("engine");
        IsoTpCli.Result sent = IsoTpCli.run("", "isotp", "send", "-s", "18DA10F1", "-d", "18DAF110", "-x", "10:F1",
                "-p", "55:AA", "-P", "a", "-L", "72:64:1", "-D", "300", bus);
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        IsoTpCli.Result r = recv.finish();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(IsoTpHex.format(IsoTpSendCommand.fixedPdu(300)));
    }

    @Test
    void recvGivesUpAfterItsTimeout() {
        IsoTpCli.Result r = IsoTpCli.run("", "isotp", "recv", "-s", "7E8", "-d", "7E0", "-T", "100",
                IsoTpCli.uniqueBus("quiet"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("obdio isotp recv: no PDU within 100 ms\n");
        IsoTpCli.Result loop = IsoTpCli.run("", "isotp", "recv", "-s", "7E8", "-d", "7E0", "-l", "-T", "100",
                IsoTpCli.uniqueBus("quiet"));
        assertThat(loop.exitCode()).as("-l ends quietly after -T").isZero();
    }

    @Test
    void sendWithoutReceiverFailsPlainly() {
        IsoTpCli.Result r = IsoTpCli.run("", "isotp", "send", "-s", "7E0", "-d", "7E8", "-D", "100",
                IsoTpCli.uniqueBus("nobody"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("obdio isotp send: no flow control within N_Bs = 1000 ms\n");
    }

    @Test
    void badInputAndOptionsAreNamed() {
        String bus = IsoTpCli.uniqueBus("bad");
        IsoTpCli.Result hex = IsoTpCli.run("22 ZZ", "isotp", "send", "-s", "7E0", "-d", "7E8", bus);
        assertThat(hex.exitCode()).isEqualTo(2);
        assertThat(hex.err()).startsWith("obdio send: byte 2 \"ZZ\" is not a hex byte");
        IsoTpCli.Result empty = IsoTpCli.run("", "isotp", "send", "-s", "7E0", "-d", "7E8", bus);
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("no PDU on stdin");
        IsoTpCli.Result id = IsoTpCli.run("01", "isotp", "send", "-s", "800", "-d", "7E8", bus);
        assertThat(id.exitCode()).isEqualTo(2);
        assertThat(id.err()).contains("-s 800: an 11-bit id is 0..7FF");
        IsoTpCli.Result mixed = IsoTpCli.run("01", "isotp", "send", "-s", "7E0", "-d", "18DAF110", bus);
        assertThat(mixed.err()).contains("both with 8 (29-bit)");
        IsoTpCli.Result same = IsoTpCli.run("01", "isotp", "send", "-s", "7E0", "-d", "7E0", bus);
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("txId and rxId must differ");
        IsoTpCli.Result dumpX = IsoTpCli.run("", "isotp", "dump", "-s", "7E0", "-d", "7E8", "-X", "10", bus);
        assertThat(dumpX.exitCode()).isEqualTo(2);
        assertThat(dumpX.err()).contains("-X needs -x");
        IsoTpCli.Result missing = IsoTpCli.run("", "isotp", "recv", "-d", "7E8", bus);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '-s CAN_ID'");
    }

    @Test
    void theKernelEngineIsRefusedOnAVirtualBus() {
        String bus = IsoTpCli.uniqueBus("kernel");
        IsoTpCli.Result r = IsoTpCli.run("01", "isotp", "send", "--engine", "kernel", "-s", "7E0", "-d", "7E8", bus);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("obdio send: the kernel ISO-TP engine cannot be used: " + bus + " is not a"
                + " SocketCAN interface (the kernel engine serves can0, vcan0, …); use the java engine (--engine java,"
                + " Engine.JAVA) or AUTO\n");
        IsoTpCli.Result bad = IsoTpCli.run("01", "isotp", "send", "--engine", "fast", "-s", "7E0", "-d", "7E8", bus);
        assertThat(bad.exitCode()).isEqualTo(2);
    }

    @Test
    void dumpShowsFrameTypesAndUdsServices() throws Exception {
        // With wire timing, as on vcan, every endpoint sees the frames in one order (the instant
        // virtual bus hands a frame to the endpoints one by one on the sender's thread, so a
        // frame caused by another can overtake it on the way to a third endpoint).
        String name = IsoTpCli.uniqueBus("dump").substring("virtual:".length());
        String bus = "virtual:" + name + "?bitrate=500000";
        VirtualInterface vi = VirtualInterface.named(name);
        try (IsoTpChannel tester = IsoTp.open(bus, options(0x7E0, 0x7E8).withTxPadding(0xCC).withBlockSize(2)
                .withStMin(0xF5));
             IsoTpChannel ecu = IsoTp.open(bus, options(0x7E8, 0x7E0))) {
            int endpoints = vi.endpointCount();
            IsoTpCli.Running dump = IsoTpCli.start("isotp", "dump", "-s", "7E0", "-d", "7E8", "-u", "-n", "7", bus);
            await().atMost(WAIT).until(() -> vi.endpointCount() > endpoints);
            tester.send(new byte[] {0x22, (byte) 0xF1, (byte) 0x90});
            assertThat(ecu.receive(WAIT)).hasSize(3);
            byte[] vin = "b\u00F1\u0090WDX123456789012345678901".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            ecu.send(vin);
            assertThat(tester.receive(WAIT)).isEqualTo(vin);
            IsoTpCli.Result r = dump.finish();
            assertThat(r.exitCode()).as(r.err()).isZero();
            String p = " " + bus + "  "; // the bus as given, as isotpdump prints its argument
            assertThat(r.out().lines().toList()).containsExactly(
                    p + "7E0  [8]  [SF] ln: 3    data: 22 F1 90 CC CC CC CC  - [SRQ] ReadDataByIdentifier",
                    p + "7E8  [8]  [FF] ln: 27   data: 62 F1 90 57 44 58     - [PSR] ReadDataByIdentifier",
                    p + "7E0  [8]  [FC] FC: 0 = CTS # BS: 2 # STmin: 0xF5 = 500 us",
                    p + "7E8  [8]  [CF] sn: 1    data: 31 32 33 34 35 36 37 ",
                    p + "7E8  [8]  [CF] sn: 2    data: 38 39 30 31 32 33 34 ",
                    p + "7E0  [8]  [FC] FC: 0 = CTS # BS: 2 # STmin: 0xF5 = 500 us",
                    p + "7E8  [8]  [CF] sn: 3    data: 35 36 37 38 39 30 31 ");
        }
    }

    @Test
    void sniffReassemblesBothDirections() throws Exception {
        String bus = IsoTpCli.uniqueBus("sniff");
        try (IsoTpChannel tester = IsoTp.open(bus, options(0x7E0, 0x7E8));
             IsoTpChannel ecu = IsoTp.open(bus, options(0x7E8, 0x7E0))) {
            IsoTpCli.Running sniff = IsoTpCli.start("isotp", "sniff", "-s", "7E0", "-d", "7E8", "-n", "2", "-c",
                    "--verbose", bus).awaitErr("java engine");
            tester.send(new byte[] {0x22, (byte) 0xF1, (byte) 0x90});
            assertThat(ecu.receive(WAIT)).hasSize(3);
            byte[] answer = "b\u00F1\u0090WDX1234567890".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            ecu.send(answer);
            assertThat(tester.receive(WAIT)).isEqualTo(answer);
            IsoTpCli.Result r = sniff.finish();
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out().lines().toList()).containsExactly(
                    "\033[31m " + bus + "  7E0  [3]  22 F1 90  - '\"..'\033[0m",
                    "\033[34m " + bus + "  7E8  [16]  62 F1 90 57 44 58 31 32 33 34 35 36 37 38 39 30  - 'b..WDX1234567890'"
                            + "\033[0m");
        }
    }

    @Test
    void sniffEndsOnALineFromTheKeyboard() throws Exception {
        String bus = IsoTpCli.uniqueBus("sniff-quit");
        IsoTpCli.Running sniff = IsoTpCli.startWithInput("\n", "isotp", "sniff", "-s", "7E0", "-d", "7E8", bus);
        IsoTpCli.Result r = sniff.finish();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("quit due to keyboard input.\n");
    }

    @Test
    void helpListsTheTools() {
        IsoTpCli.Result r = IsoTpCli.run("", "isotp");
        assertThat(r.exitCode()).isZero();
        assertThat(List.of("send", "recv", "dump", "sniff")).allSatisfy(tool -> assertThat(r.out()).contains(tool));
    }
}
