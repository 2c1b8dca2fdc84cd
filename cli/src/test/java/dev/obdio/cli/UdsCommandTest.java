package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.obdio.uds.FakeEcu;
import dev.obdio.uds.FakeEcu.Reply;
import dev.obdio.uds.Hex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code obdio uds …} run in-process against the scripted {@link FakeEcu} on a virtual bus. */
@Timeout(60)
class UdsCommandTest {
    private static int counter;
    private static final ObjectMapper JSON = new ObjectMapper();
    private String bus;
    private FakeEcu ecu;
    private StringWriter out;
    private StringWriter err;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        String name = "cli-uds-" + (++counter) + "-" + System.nanoTime();
        bus = "virtual:" + name;
        ecu = FakeEcu.start(name);
    }

    @AfterEach
    void stop() {
        ecu.close();
    }

    /** Runs {@code obdio uds BUS ARGS…} (generous timing for a loaded machine); the exit status. */
    private int uds(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = ObdioCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("uds", bus));
        if (!List.of(args).contains("--allowance")) {
            all.addAll(List.of("--allowance", "1000"));
        }
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void readsDidsWithDecodedAndHexOutput() {
        assertThat(uds("read", "F190", "F186")).isZero();
        assertThat(out.toString()).contains("F190 VIN: WVWZZZ1JZXW000001  (57 56 57 5A 5A 5A 31 4A 5A 58 57 30 30 30 30 30 31)",
                "F186 activeDiagnosticSession: 1  (01)");
        assertThat(ecu.requests(0x22).get(0).bytes()).containsExactly(Hex.parse("22 F190 F186"));
    }

    @Test
    void readsAsJson() throws Exception {
        assertThat(uds("read", "F190", "--json")).isZero();
        JsonNode json = JSON.readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("positive");
        assertThat(json.get("exchanges").get(0).get("request").asText()).isEqualTo("22F190");
        JsonNode did = json.get("result").get("dids").get(0);
        assertThat(did.get("did").asText()).isEqualTo("F190");
        assertThat(did.get("name").asText()).isEqualTo("VIN");
        assertThat(did.get("value").asText()).isEqualTo(FakeEcu.VIN);
        assertThat(did.get("hex").asText()).isEqualTo(Hex.compact(FakeEcu.VIN.getBytes()));
    }

    @Test
    void codecsFromTheCommandLine() throws Exception {
        assertThat(uds("--codec", "0110=u16,unit=rpm", "--json", "read", "0110")).isZero();
        JsonNode did = JSON.readTree(out.toString()).get("result").get("dids").get(0);
        assertThat(did.get("value").asDouble()).isEqualTo(650.0);
        assertThat(did.get("unit").asText()).isEqualTo("rpm");
        assertThat(uds("--codec", "0110", "read", "0110")).isEqualTo(2);
        assertThat(err.toString()).contains("write DID=SPEC");
    }

    @Test
    void aRefusalIsReportedWithItsNrcAndExitOne() throws Exception {
        assertThat(uds("read", "1234")).isEqualTo(1);
        assertThat(err.toString()).contains("obdio uds: ReadDataByIdentifier (0x22) refused: NRC 0x31 requestOutOfRange");
        assertThat(uds("read", "1234", "--json")).isEqualTo(1);
        JsonNode json = JSON.readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("negative");
        assertThat(json.get("nrc").get("code").asText()).isEqualTo("0x31");
        assertThat(json.get("nrc").get("name").asText()).isEqualTo("requestOutOfRange");
    }

    @Test
    void silenceIsATimeoutWithExitOne() {
        ecu.silent();
        assertThat(uds("--allowance", "30", "tester-present")).isEqualTo(1);
        assertThat(err.toString()).contains("no response to TesterPresent (0x3E) within P2 = 80 ms");
    }

    @Test
    void sessionShowsTheTimingAndGoesFunctionalWhenAsked() {
        assertThat(uds("session", "extended")).isZero();
        assertThat(out.toString()).contains("session 0x03 extendedDiagnosticSession: P2 = 50 ms, P2* = 5000 ms");
        assertThat(uds("--functional", "7DF", "session", "default", "--functional")).isZero();
        assertThat(ecu.requests(0x10)).extracting(FakeEcu.Received::functional).containsExactly(false, true);
        assertThat(ecu.session()).isEqualTo(1);
        assertThat(uds("session", "default", "--functional")).isEqualTo(1);
        assertThat(err.toString()).contains("functional addressing needs a client with a functional channel");
    }

    @Test
    void writesResetsRoutinesClearingAndRawWritesNeedAllowWrite() {
        String[][] commands = {
            {"write", "F198", "WS-0042-01"}, {"reset", "hard"}, {"routine", "start", "0203"}, {"clear-dtc"},
            {"raw", "2E", "F1", "98", "41"}, {"raw", "11", "01"}, {"raw", "BA", "01"},
        };
        for (String[] c : commands) {
            assertThat(uds(c)).as(String.join(" ", c)).isEqualTo(3);
            assertThat(err.toString()).contains("changes the vehicle; not sent. Add --allow-write to send it.");
        }
        assertThat(ecu.requests()).isEmpty();
    }

    @Test
    void writeAndSecurityWithAllowWrite() {
        assertThat(uds("--allow-write", "write", "F198", "WS-0042-01")).isEqualTo(1); // default session
        assertThat(err.toString()).contains("serviceNotSupportedInActiveSession");
        assertThat(uds("session", "extended")).isZero();
        assertThat(uds("--allow-write", "write", "F198", "WS-0042-01")).isEqualTo(1);
        assertThat(err.toString()).contains("securityAccessDenied");
        assertThat(uds("security", "1", "--key-algo", FakeEcu.KEY_ALGORITHM)).isZero();
        assertThat(out.toString()).contains("security level 0x01 unlocked (seed 11 22 33 44, key E9 8F 69 86)");
        assertThat(uds("security", "1", "--key-algo", FakeEcu.KEY_ALGORITHM)).isZero();
        assertThat(out.toString()).contains("already unlocked (zero seed)");
        assertThat(uds("write", "F198", "WS-0042-01", "--allow-write")).isZero();
        assertThat(ecu.didValue(0xF198)).containsExactly("WS-0042-01".getBytes());
        assertThat(uds("--allow-write", "write", "F198", "0x3030303030303030303A")).isZero();
        assertThat(ecu.didValue(0xF198)).containsExactly("000000000:".getBytes());
    }

    @Test
    void securityWithoutAlgorithmSaysSo() {
        assertThat(uds("session", "extended")).isZero();
        assertThat(uds("security", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("no key algorithm is configured");
        assertThat(uds("security", "1", "--key-algo", "xor:01")).isEqualTo(1);
        assertThat(err.toString()).contains("invalidKey");
    }

    @Test
    void resetRoutineClearAndTesterPresent() {
        assertThat(uds("--allow-write", "reset", "hard")).isZero();
        assertThat(out.toString()).contains("reset 0x01 hardReset accepted");
        ecu.routine(0x0202, q -> Reply.pending(0x31, 3, Duration.ofMillis(10), Hex.parse("71 01 02 02 00 AA")));
        assertThat(uds("--allow-write", "routine", "start", "0202", "01", "02")).isZero();
        assertThat(out.toString()).contains("routine 0202 startRoutine: status 00 AA");
        assertThat(ecu.requests(0x31).get(0).bytes()).containsExactly(Hex.parse("31 01 0202 0102"));
        assertThat(uds("--allow-write", "clear-dtc")).isZero();
        assertThat(out.toString()).contains("DTCs of group FFFFFF cleared");
        assertThat(uds("tester-present")).isZero();
        assertThat(out.toString()).contains("tester present");
    }

    @Test
    void dtcReports() throws Exception {
        assertThat(uds("dtc")).isZero();
        assertThat(out.toString()).contains("2 DTCs (status mask 0xFF, availability mask 0x7F)", "P0301-00 status 0x2F",
                "U0145-87 status 0x08 (confirmedDTC)");
        assertThat(uds("dtc", "--mask", "01", "--count")).isZero();
        assertThat(out.toString()).contains("1 DTC match status mask 0x01");
        assertThat(uds("--codec", "0110=u16", "dtc", "--snapshot", "P0301-00")).isZero();
        assertThat(out.toString()).contains("snapshot record 0x01", "0110: 650", "F190: " + FakeEcu.VIN);
        assertThat(uds("dtc", "--extended", "P0301", "--json")).isZero();
        assertThat(JSON.readTree(out.toString()).get("result").get("dtc").get("dtc").asText()).isEqualTo("P0301-00");
        assertThat(uds("dtc", "--supported", "--count")).isEqualTo(2); // exclusive options
    }

    @Test
    void rawPrintsTheResponse() {
        assertThat(uds("raw", "22", "F1", "8C")).isZero();
        assertThat(out.toString().strip()).isEqualTo("62 F1 8C 53 4E 2D 30 30 30 31 32 33");
        assertThat(uds("raw", "22F18C", "-v")).isZero();
        assertThat(out.toString()).contains("> 22 F1 8C", "< 62 F1 8C 53 4E");
        assertThat(uds("raw", "22", "12", "34")).isEqualTo(1);
        assertThat(out.toString()).contains("7F 22 31 (requestOutOfRange)");
        assertThat(uds("raw", "3E", "80")).isZero();
        assertThat(out.toString()).contains("no response");
        assertThat(uds("raw", "2G")).isEqualTo(2);
        assertThat(err.toString()).contains("'G' at position 2 is not a hex digit");
    }

    @Test
    void badIdentifiersAndBusesAreExplained() {
        assertThat(uds("--tx", "7DF", "read", "F190")).isEqualTo(2);
        assertThat(err.toString()).contains("--rx is needed for --tx 7DF");
        assertThat(uds("--tx", "18DA10F1", "--rx", "7E8", "read", "F190")).isEqualTo(2);
        assertThat(err.toString()).contains("must both be 11-bit or both 29-bit");
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = ObdioCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("uds", "virtual:bad name", "read", "F190")).isEqualTo(1);
        assertThat(err.toString()).contains("virtual bus name");
    }

    @Test
    void twentyNineBitIdentifiers() {
        // The FakeEcu listens on 0x7E0 only: a 29-bit request times out, but goes out as asked.
        assertThat(uds("--allowance", "20", "--tx", "18DA10F1", "read", "F190")).isEqualTo(1);
        assertThat(err.toString()).contains("no response");
    }

    @Test
    void runsAPassingScript() throws Exception {
        Path script = Files.writeString(dir.resolve("ok.uds"), """
                read F190 -> $vin
                expect 62 F1 90 $vin
                session extended
                security 1 --key-algo %s
                write F198 "WS-0042-01"
                read F198
                expect 62 F1 98 "WS-0042-01"
                """.formatted(FakeEcu.KEY_ALGORITHM));
        assertThat(uds("--allow-write", "run", script.toString())).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("line 2   ok  expect 62 F1 90 $vin",
                "passed: 5 requests, 2 expectations passed");
    }

    @Test
    void aFailingScriptExitsOneWithItsLine() {
        Path script = write("fail.uds", "read F190\nread F18C\nexpect 62 F1 8C \"XX\" *\ntester-present\n");
        assertThat(uds("run", script.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FAILED at line 3: expected 62 F1 8C 58 58 *, got 62 F1 8C 53 4E");
        assertThat(ecu.requests(0x3E)).isEmpty();
    }

    @Test
    void aScriptWithAMistakeIsRefusedBeforeAnythingIsSent() {
        Path script = write("bad.uds", "read F190\n\nread F18C -> vin\n");
        assertThat(uds("run", script.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("obdio uds run: bad.uds:3:11: -> must be followed by one $name");
        assertThat(ecu.requests()).isEmpty();
        assertThat(uds("run", dir.resolve("missing.uds").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void aScriptThatWritesNeedsAllowWrite() {
        Path script = write("w.uds", "read F190\nroutine start 0203\n");
        assertThat(uds("run", script.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("w.uds changes the vehicle (line 2: routine start 0203); nothing sent");
        assertThat(ecu.requests()).isEmpty();
    }

    @Test
    void scriptResultAsJson() throws Exception {
        Path script = write("j.uds", "read F190\nexpect 62 F1 90 *\nread 1234\nexpect nrc 0x31\n");
        assertThat(uds("--json", "run", script.toString())).isZero();
        JsonNode json = JSON.readTree(out.toString());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("requests").asInt()).isEqualTo(2);
        assertThat(json.get("steps")).hasSize(4);
        assertThat(json.get("steps").get(2).get("line").asInt()).isEqualTo(3);
        assertThat(json.get("steps").get(2).get("nrc").get("name").asText()).isEqualTo("requestOutOfRange");
    }

    @Test
    void theExampleScriptsRun() {
        Path examples = Path.of("..", "examples", "uds");
        assertThat(uds("run", examples.resolve("read-identification.uds").toString())).as(out + "" + err).isZero();
        assertThat(uds("--allow-write", "run", examples.resolve("unlock-and-write.uds").toString()))
                .as(out + "" + err).isZero();
        assertThat(ecu.didValue(0xF198)).containsExactly("0000000000".getBytes()); // restored
        assertThat(uds("--allow-write", "run", examples.resolve("run-routine.uds").toString())).as(out + "" + err).isZero();
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
