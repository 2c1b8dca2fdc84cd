package dev.obdio.cli;

import static dev.obdio.obd.testing.ScriptedEcu.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.Quantity;
import dev.obdio.obd.testing.ScriptedEcu;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code obdio obd BUS query|watch|scan|dtc}, in-process against scripted ECUs on a virtual bus. */
class ObdBusCommandsTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String VIN = "1G1JC5444R7252367";
    /** Generous for a loaded machine; windows close early anyway once the ECUs are known. */
    private static final String P2 = "--p2=150";

    private String bus;
    private ScriptedEcu engine;
    private ScriptedEcu gearbox;

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        picocli.CommandLine cl = ObdioCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeEach
    void vehicle() {
        bus = "virtual:cli-obd-" + COUNTER.incrementAndGet();
        engine = ScriptedEcu.on(bus, 0x7E8).pid(0x01, "81076504").pid(0x05, "4C").pid(0x0C, "1AF8").pid(0x0D, "64")
                .answer("0902", "490201" + hex(VIN)).answer("0904", "490401" + hex("ECMCAL0123456789"))
                .answer("03", "43020104C1D2").answer("07", "4700").answer("0A", "4A00").answer("04", "44").start();
        gearbox = ScriptedEcu.on(bus, 0x7E9).pid(0x0D, "64").answer("03", "430100A1").answer("07", "4700")
                .answer("0A", "4A00").answer("04", "7F0422").start();
    }

    @AfterEach
    void off() {
        engine.close();
        gearbox.close();
    }

    @Test
    void queryPrintsValuesWithUnits() {
        Run r = run("obd", bus, "query", "RPM", "SPEED", "COOLANT_TEMP", "VIN", P2);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("RPM: 1726.0 revolutions_per_minute",
                "SPEED: 100.0 kilometer_per_hour", "COOLANT_TEMP: 36 degree_Celsius", "VIN: " + VIN);
        assertThat(r.err()).isEmpty();
        assertThat(engine.requests()).contains("010C0D05", "0902");
    }

    @Test
    void queryJsonIsObdSocketIosAndImperialConverts() {
        Run r = run("obd", bus, "query", "--json", "SPEED", "010C", P2);
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"value\":100.0,\"command\":{\"name\":\"SPEED\",\"desc\":\"Vehicle Speed\","
                + "\"fast\":true,\"command\":\"010D\",\"bytes\":\"3\",\"ecu\":2},\"time\":")
                .endsWith(",\"unit\":\"kilometer_per_hour\"}");
        assertThat(lines.get(1)).contains("\"name\":\"RPM\"");
        Run imperial = run("obd", bus, "query", "--imperial", "SPEED", "COOLANT_TEMP", P2);
        assertThat(imperial.out().lines()).containsExactly("SPEED: 62.1371192237334 mile_per_hour",
                "COOLANT_TEMP: 96.8 degree_Fahrenheit");
    }

    @Test
    void queryWithoutAnswerExitsOneWithAReason() {
        Run r = run("obd", bus, "query", "RPM", "OIL_TEMP", P2);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out().lines()).containsExactly("RPM: 1726.0 revolutions_per_minute", "OIL_TEMP: no value");
        assertThat(r.err()).contains("OIL_TEMP: no answer (the vehicle does not list it as supported)");
        Run json = run("obd", bus, "query", "--json", "OIL_TEMP", P2);
        assertThat(json.out().trim()).isEqualTo("null");
    }

    @Test
    void queryRefusesUnknownNamesAndClearing() {
        Run unknown = run("obd", bus, "query", "rpm");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown OBD command 'rpm'").contains("did you mean RPM");
        Run clear = run("obd", bus, "query", "CLEAR_DTC", P2);
        assertThat(clear.status()).isEqualTo(1);
        assertThat(clear.err()).contains("only done by clearDtcs");
        assertThat(engine.count("04")).isZero();
    }

    @Test
    void noVehicleIsAPlainMessageAndExitOne() {
        Run r = run("obd", "virtual:cli-obd-nothing-" + COUNTER.incrementAndGet(), "query", "RPM", P2);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no ECU answers on virtual:cli-obd-nothing-").doesNotContain("Exception");
        Run noBus = run("obd", "query", "RPM"); // no BUS: the embedded simulated car answers
        assertThat(noBus.status()).isZero();
        assertThat(noBus.err()).contains("no BUS given: talking to the simulated petrol car");
        assertThat(noBus.out()).startsWith("RPM: ");
        Run badBus = run("obd", "virtual:bad name!", "scan");
        assertThat(badBus.status()).isEqualTo(1);
        assertThat(badBus.err()).contains("virtual bus name").doesNotContain("Exception");
    }

    @Test
    void watchPrintsALinePerResponseUntilTheCount() {
        Run r = run("obd", bus, "watch", "RPM", "SPEED", "--count", "10", P2);
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines).allMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (RPM: 1726\\.0 revolutions_per_minute"
                + "|SPEED: 100\\.0 kilometer_per_hour)"));
        assertThat(lines).anyMatch(l -> l.contains("RPM")).anyMatch(l -> l.contains("SPEED"));
        assertThat(engine.requests()).contains("010C0D");
    }

    @Test
    void watchJsonAndHz() throws Exception {
        long started = System.nanoTime();
        Run r = run("obd", bus, "watch", "--json", "RPM", "--hz", "20", "--count", "5", P2);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            ObdResponse back = parse(line);
            assertThat(back.value()).contains(Quantity.of(1726.0, "revolutions_per_minute"));
        }
        assertThat(ms).isGreaterThanOrEqualTo(4 * 50); // 5 reads at most 20 a second take at least 200 ms
        Run duration = run("obd", bus, "watch", "SPEED", "--duration", "0.3", P2);
        assertThat(duration.status()).isZero();
        assertThat(duration.out()).contains("SPEED: 100.0 kilometer_per_hour");
        Run bad = run("obd", bus, "watch", "SPEED", "--hz", "-1");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--hz");
    }

    private static ObdResponse parse(String json) throws Exception {
        var node = dev.obdio.obd.ObdJson.mapper().readTree(json);
        assertThat(node.get("command").get("name").asText()).isEqualTo("RPM");
        return new ObdResponse(ObdCommands.RPM, List.of(), Optional.of(Quantity.of(node.get("value").asDouble(),
                node.get("unit").asText())), node.get("time").asLong(), List.of());
    }

    @Test
    void watchOnATerminalRedrawsATableInPlace() {
        WatchTable table = new WatchTable(List.of(ObdCommands.RPM, ObdCommands.SPEED), false);
        String first = table.render("bus  Car Connected", 1.0);
        assertThat(first).doesNotContain("\u001B[3A").contains("\u001B[2K").contains("RPM").contains("…");
        table.update(ObdCommands.RPM.decode(List.of(dev.obdio.obd.EcuMessage.ofHex(dev.obdio.obd.EcuRole.ENGINE,
                "410C1AF8"))));
        String second = table.render("bus  Car Connected", 2.0);
        assertThat(second).startsWith("\u001B[3A").contains("1726.0 revolutions_per_minute").contains("0.5/s");
        assertThat(second.split("\n")).hasSize(3);
        assertThat(table.total()).isEqualTo(1);
    }

    @Test
    void scanShowsEcusProtocolSupportVinAndDtcs() {
        Run r = run("obd", bus, "scan", P2);
        assertThat(r.status()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).contains("Status:    Car Connected")
                .contains("Protocol:  ISO 15765-4 (CAN 11/500) (ELM327 protocol 6)")
                .contains("VIN:       " + VIN)
                .contains("Monitors:  MIL on, 1 DTC, spark ignition")
                .contains("ECU 7E8 (engine), requests on 7E0")
                .contains("ECU 7E9 (transmission), requests on 7E1")
                .contains("Calibration ID: ECMCAL0123456789")
                .contains("PIDS_A STATUS COOLANT_TEMP RPM SPEED")
                .contains("P0104  Mass or Volume Air Flow Circuit Intermittent")
                .contains("U01D2").contains("[ECU 7E8 engine]")
                .contains("P00A1").contains("[ECU 7E9 transmission]")
                .contains("Pending DTCs: none").contains("Permanent DTCs: none");
        assertThat(r.err()).isEmpty(); // no progress bar without a terminal
    }

    @Test
    void dtcListsEachKindPerEcu() {
        Run r = run("obd", bus, "dtc", P2);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Stored DTCs:").contains("P0104").contains("P00A1")
                .doesNotContain("Pending");
        Run both = run("obd", bus, "dtc", "--pending", "--permanent", P2);
        assertThat(both.out().lines()).containsExactly("Pending DTCs: none", "Permanent DTCs: none");
    }

    @Test
    void clearingNeedsYes() {
        Run refused = run("obd", bus, "dtc", "--clear", P2);
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("--clear needs --yes").contains("readiness monitors");
        assertThat(engine.count("04")).isZero();
        Run cleared = run("obd", bus, "dtc", "--clear", "--yes", P2);
        assertThat(engine.count("04")).isEqualTo(1);
        assertThat(cleared.out()).contains("Cleared: ECU 7E8 (engine)");
        assertThat(cleared.err()).contains("7E9").contains("conditionsNotCorrect");
        assertThat(cleared.status()).isEqualTo(1); // the transmission refused
        Run yesAlone = run("obd", bus, "dtc", "--yes");
        assertThat(yesAlone.status()).isEqualTo(2);
    }

    @Test
    void decodeStillWorksWithoutABus() {
        Run r = run("obd", "decode", "RPM", "410C1AF8");
        assertThat(r.status()).isZero();
        assertThat(r.out().trim()).isEqualTo("{\"value\":1726.0,\"unit\":\"revolutions_per_minute\"}");
    }
}
