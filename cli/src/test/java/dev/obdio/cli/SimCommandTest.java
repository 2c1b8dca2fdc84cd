package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static List<String> threadsMentioning(String text) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.contains(text)).toList();
    }

    private static byte[] ask(String bus, IsoTpAddress address, String hex) throws InterruptedException {
        try (IsoTpChannel c = IsoTp.open(bus, IsoTpOptions.DEFAULTS.withAddress(address), IsoTp.Engine.JAVA)) {
            c.send(HexFormat.of().parseHex(hex));
            return c.receive(WAIT);
        }
    }

    @Test
    void runsTheVehicleUntilCtrlCPrintingOneLinePerRequest() throws Exception {
        String bus = Cli.uniqueBus("sim-cli-");
        Cli.Running sim = Cli.start("sim", bus, "-v");
        await().atMost(WAIT).until(() -> sim.err().toString().contains("Ctrl-C stops."));
        assertThat(sim.err().toString()).startsWith("obdio sim: Petrol saloon 3.5 V6 automatic (VIN 5FNSM1H50PB004273, seed 1) on " + bus)
                .contains("  engine        7E0 -> 7E8  ECM-EngineControl",
                        "  transmission  7E1 -> 7E9  TCM-TransmissionCtl",
                        "  battery       7E2 -> 7EA  BMS-BatteryMonitor",
                        "  functional    7DF",
                        "ISO-TP (java engine) padding 55, BS 0, STmin 0x00; latency 5-15 ms.");
        byte[] vin = ask(bus, IsoTpAddress.normal11(0x7E0, 0x7E8), "0902");
        assertThat(new String(vin, 3, 17, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("5FNSM1H50PB004273");
        assertThat(ask(bus, IsoTpAddress.normal11(0x7E2, 0x7EA), "011C")).containsExactly(0x41, 0x1C, 0x01);
        await().atMost(WAIT).until(() -> sim.outLinesSoFar().size() >= 2);
        assertThat(sim.outLinesSoFar().get(0))
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  engine        7E0  0902 -> 490201354[0-9A-F]+ \\d+\\.\\d ms");
        assertThat(sim.outLinesSoFar().get(1)).contains("  battery       7E2  011C -> 411C01 ");
        assertThat(threadsMentioning(bus)).isNotEmpty();
        StopSignal.simulateCtrlC();
        Cli.Result r = Cli.finish(sim, WAIT);
        assertThat(r.exitCode()).isZero();
        assertThat(r.errLines()).last().isEqualTo("obdio sim: stopped after 2 requests.");
        await().atMost(WAIT).until(() -> threadsMentioning(bus).isEmpty());
    }

    @Test
    void takesTheVehicleIdsLatencySeedAndIsoTpOptions() throws Exception {
        String bus = Cli.uniqueBus("sim-cli-");
        Cli.Running sim = Cli.start("sim", bus, "--vehicle", "hybrid", "--29bit", "--latency", "0-2", "--seed", "9",
                "--padding", "AA", "--bs", "4", "--stmin", "2");
        await().atMost(WAIT).until(() -> sim.err().toString().contains("Ctrl-C stops."));
        assertThat(sim.err().toString()).contains("(VIN JTDKBA3U5P3091587, seed 9)",
                "  hybrid        18DA1EF1 -> 18DAF11E  HCU-HybridControl", "  functional    18DB33F1",
                "ISO-TP (java engine) padding AA, BS 4, STmin 0x02; latency 0-2 ms.");
        assertThat(ask(bus, IsoTpAddress.normal29(0x18DA1EF1, 0x18DAF11E), "011C")).containsExactly(0x41, 0x1C, 0x0D);
        StopSignal.simulateCtrlC();
        Cli.Result r = Cli.finish(sim, WAIT);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badOptionsGetOneLineAndNoThreads() {
        Cli.Result r = Cli.run("sim", "virtual:sim-cli-bad", "--latency", "70");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'70'").contains("out of range");
        r = Cli.run("sim", "virtual:sim-cli-bad", "--vehicle", "tractor");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no such file");
        r = Cli.run("sim", "virtual:sim-cli-bad", "--stmin", "200");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--stmin: 0xC8 is reserved");
        r = Cli.run("sim", "virtual:sim-cli-bad", "--padding", "XYZ");
        assertThat(r.err()).contains("'XYZ' is not a pad byte");
        r = Cli.run("sim", "virtual:bad name", "-v");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("obdio sim: ").contains("virtual bus name");
        assertThat(threadsMentioning("sim-cli-bad")).isEmpty();
    }

    @Test
    void hasHelp() {
        Cli.Result r = Cli.run("sim", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: obdio sim").contains("Examples:", "udp:");
        assertThat(r.out().lines()).allMatch(l -> l.length() <= 80);
    }
}
