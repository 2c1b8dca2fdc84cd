package dev.obdio.uds.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.VirtualInterface;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import dev.obdio.uds.FakeEcu;
import dev.obdio.uds.FakeEcu.Reply;
import dev.obdio.uds.Hex;
import dev.obdio.uds.UdsClient;
import dev.obdio.uds.UdsClientConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Script parsing (errors with line and column) and runs against the {@link FakeEcu}. */
@Timeout(30)
class UdsScriptTest {
    private static int counter;
    private FakeEcu ecu;
    private CanBus bus;
    private IsoTpChannel channel;
    private UdsClient client;
    private final StringWriter log = new StringWriter();

    @BeforeEach
    void start() {
        String name = "uds-script-" + (++counter) + "-" + System.nanoTime();
        ecu = FakeEcu.start(name);
        bus = VirtualInterface.named(name).openEndpoint(BusOptions.DEFAULTS);
        channel = IsoTp.open(bus, IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8))
                .withTimeouts(Duration.ofSeconds(5)), IsoTp.Engine.JAVA);
        client = new UdsClient(channel, UdsClientConfig.DEFAULTS.withTransportAllowance(Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() {
        client.close();
        channel.close();
        bus.close();
        ecu.close();
    }

    private ScriptResult run(String script, boolean allowWrite) {
        return new UdsScriptRunner(client, new PrintWriter(log)).run(UdsScript.parse(script, "test.uds"), allowWrite);
    }

    private static UdsScriptException parseError(String script) {
        try {
            UdsScript.parse(script, "t.uds");
        } catch (UdsScriptException e) {
            return e;
        }
        throw new AssertionError("no parse error for: " + script);
    }

    @Test
    void aPassingScriptWithVariablesWildcardsAndCommands() {
        ecu.routine(0x0202, q -> Reply.pending(0x31, 3, Duration.ofMillis(10), Hex.parse("71 01 02 02 00 AA")));
        String script = """
                # Identification, then an unlock, a write and a routine.
                read F190 -> $vin        # the VIN's 17 bytes
                expect 62 F1 90 *
                expect 62 F1 90 $vin
                22 F1 8C                 # any request in hex
                expect 62 F1 8C "SN-" *
                expect 62 ?? ?? 53 4E *
                session extended
                expect 50 03 00 32 01 F4
                set key-algo %s
                security 1
                expect positive
                write F190 $vin
                expect 6E F1 90
                write F198 "WS-0042-01"
                read F198
                expect 62 F1 98 "WS-0042-01"
                routine start 0202 01
                expect 71 01 02 02 00 AA
                read 1234
                expect nrc 0x31
                expect nrc requestOutOfRange
                expect nrc
                wait 20ms
                tester-present
                """.formatted(FakeEcu.KEY_ALGORITHM);
        ScriptResult result = run(script, true);
        assertThat(result.passed()).as(log.toString()).isTrue();
        assertThat(result.requests()).isEqualTo(10);
        assertThat(result.expectationsPassed()).isEqualTo(12);
        assertThat(result.summary()).startsWith("10 requests, 12 expectations passed, ");
        assertThat(ecu.requests(0x2E).get(0).bytes()).containsExactly(Hex.parse("2E F1 90 " + Hex.compact(FakeEcu.VIN.getBytes())));
        assertThat(log.toString()).contains("line 2   > 22 F1 90", "< 62 F1 90 57 56 57",
                "F190 VIN: WVWZZZ1JZXW000001", "$vin = 57 56 57", "line 3   ok  expect 62 F1 90 *", "F198 repairShopCodeOrTesterSerialNumber: WS-0042-01",
                "security level 0x01 unlocked");
        assertThat(result.steps()).anySatisfy(step -> assertThat(step).containsEntry("line", 2).containsEntry("status", "positive"));
    }

    @Test
    void stopsAtTheFirstFailedExpectationWithItsLine() {
        ScriptResult result = run("""
                read F190
                expect 62 F1 90 *
                read F18C
                expect 62 F1 8C "XX" *
                tester-present
                """, false);
        assertThat(result.passed()).isFalse();
        assertThat(result.failure().orElseThrow().line()).isEqualTo(4);
        assertThat(result.failure().orElseThrow().message()).startsWith("expected 62 F1 8C 58 58 *, got 62 F1 8C 53 4E");
        assertThat(result.requests()).isEqualTo(2);
        assertThat(result.expectationsPassed()).isEqualTo(1);
        assertThat(ecu.requests(0x3E)).isEmpty(); // line 5 never ran
        assertThat(log.toString()).contains("line 4   FAILED expected");
    }

    @Test
    void aRefusalWithoutExpectationFailsTheScript() {
        ScriptResult result = run("""
                read F190
                read 1234
                read F18C
                """, false);
        assertThat(result.failure().orElseThrow().line()).isEqualTo(2);
        assertThat(result.failure().orElseThrow().message())
                .isEqualTo("read 1234: 7F 22 31 (requestOutOfRange) (add an expect line if this is intended)");
        assertThat(ecu.requests(0x22)).hasSize(2);
    }

    @Test
    void silenceCanBeExpected() {
        client.close();
        client = new UdsClient(channel, UdsClientConfig.DEFAULTS.withTransportAllowance(Duration.ofMillis(20)));
        ecu.on(0x31, r -> Reply.silence());
        ScriptResult result = run("""
                31 01 02 02
                expect no-response
                3E 80
                expect no-response
                expect positive
                """, true);
        assertThat(result.passed()).as(log.toString()).isTrue();
        ScriptResult timeout = run("31 01 02 02\n", true);
        assertThat(timeout.failure().orElseThrow().message()).contains("no response to RoutineControl (0x31)");
    }

    @Test
    void writesNeedAllowWriteAndNothingIsSent() {
        String script = "read F190\nroutine start 0202\nclear-dtc\n";
        assertThatThrownBy(() -> run(script, false)).isInstanceOf(IllegalStateException.class)
                .hasMessage("test.uds changes the vehicle (line 2: routine start 0202; line 3: clear-dtc FFFFFF): run it "
                        + "with --allow-write");
        assertThat(ecu.requests()).isEmpty();
        UdsScript raw = UdsScript.parse("2E F1 90 00\n11 01\n22 F1 90\n3E 00\nBA 01\n", "raw.uds");
        assertThat(raw.vehicleChanges()).extracting(Statement.Request::line).containsExactly(1, 2, 5);
    }

    @Test
    void variablesHoldTheirValueOnlyAfterSuccess() {
        ScriptResult result = run("""
                read 1234 -> $x
                expect nrc
                write 0110 $x
                """, true);
        assertThat(result.failure().orElseThrow().line()).isEqualTo(3);
        assertThat(result.failure().orElseThrow().message()).contains("$x has no value");
    }

    @Test
    void codecsCanBeSetInTheScript() {
        ScriptResult result = run("""
                session extended
                set codec 0110 u16,unit=rpm
                read 0110
                expect 62 01 10 02 8A
                write 0110 700
                read 0110
                expect 62 01 10 02 BC
                write 0110 0x0300
                read 0110
                expect 62 01 10 03 00
                """, true);
        assertThat(result.passed()).as(log.toString()).isTrue();
        assertThat(log.toString()).contains("0110: 650 rpm  (02 8A)");
    }

    @Test
    void aValueTheCodecRefusesFailsTheLine() {
        ScriptResult result = run("""
                session extended
                write F190 "TOO-SHORT"
                """, true);
        assertThat(result.failure().orElseThrow().line()).isEqualTo(2);
        assertThat(result.failure().orElseThrow().message()).contains("DID F190 (ascii:17): needs exactly 17 characters, got 9");
    }

    @Test
    void parseErrorsNameLineAndColumn() {
        UdsScriptException e = parseError("read F190\n\n  sesion extended\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("t.uds:3:3: unknown command \"sesion\" (did you mean session?)");

        assertThat(parseError("22 F1 9\n").getMessage()).isEqualTo("t.uds:1:7: \"9\": write bytes as pairs of hex digits");
        assertThat(parseError("22 F1 9G\n").getMessage()).isEqualTo("t.uds:1:8: 'G' in \"9G\" is not a hex digit");
        assertThat(parseError("write F190 $vin\n").getMessage())
                .isEqualTo("t.uds:1:12: $vin is used before a value is stored in it (with -> $vin)");
        assertThat(parseError("expect positive\n").getMessage()).startsWith("t.uds:1:1: expect before any request");
        assertThat(parseError("read F190 F18C -> $x\n").getMessage())
                .isEqualTo("t.uds:1:16: -> stores one DID's value: read one DID per line");
        assertThat(parseError("read F190 -> vin\n").getMessage()).startsWith("t.uds:1:11: -> must be followed by one $name");
        assertThat(parseError("write F190 \"abc\n").getMessage()).isEqualTo("t.uds:1:12: unterminated string (missing \")");
        assertThat(parseError("read F190\nwait 5 minutes\n").getMessage()).startsWith("t.uds:2:8: wait takes one duration");
        assertThat(parseError("wait 5min\n").getMessage()).startsWith("t.uds:1:6: duration \"5min\"");
        assertThat(parseError("set codec 0110 u12\n").getMessage()).startsWith("t.uds:1:16: codec \"u12\"");
        assertThat(parseError("set key-algo rot13\n").getMessage()).startsWith("t.uds:1:14: unknown key algorithm \"rot13\"");
        assertThat(parseError("session turbo\n").getMessage()).startsWith("t.uds:1:9: session \"turbo\"");
        assertThat(parseError("security 2\n").getMessage()).startsWith("t.uds:1:10: security level 2 must be odd");
        assertThat(parseError("read\n").getMessage()).isEqualTo("t.uds:1:5: missing DID (e.g. read F190)");
        assertThat(parseError("read F190 # the VIN\n22 * \n").getMessage())
                .isEqualTo("t.uds:2:4: wildcard * only in expectations");
        assertThat(parseError("read F190\nexpect nrc maybe\n").getMessage()).startsWith("t.uds:2:12: NRC \"maybe\"");
        assertThat(parseError("dtc --snapshot\n").getMessage()).startsWith("t.uds:1:15: --snapshot needs a DTC");
        assertThat(parseError("routine go 0202\n").getMessage()).startsWith("t.uds:1:9: routine control type \"go\"");
    }

    @Test
    void nothingIsSentWhenALaterLineIsWrong() {
        assertThatThrownBy(() -> run("read F190\nread F18C\nrad F190\n", false)).isInstanceOf(UdsScriptException.class)
                .hasMessageStartingWith("test.uds:3:1:");
        assertThat(ecu.requests()).isEmpty();
    }

    @Test
    void parsesEveryCommand() {
        UdsScript s = UdsScript.parse("""
                session programming --functional --suppress
                reset key-off-on
                read F190 F18C
                write F198 WS 42
                security 0x11 --key-algo xor:AA
                dtc --count --mask 08
                dtc --snapshot P0301-00 --record 01
                dtc --extended 030100
                dtc --supported
                dtc --snapshot-ids
                clear-dtc 030100
                routine result 0202
                tester-present
                raw 3E 80 --functional
                """, "all.uds");
        List<String> commands = s.statements().stream().map(st -> ((Statement.Request) st).action().command()).toList();
        assertThat(commands).containsExactly(
                "session 0x02 (programmingSession) --functional --suppress",
                "reset 0x02 (keyOffOnReset)",
                "read F190 F18C",
                "write F198 WS 42",
                "security 17 --key-algo xor:AA",
                "dtc --count --mask 08",
                "dtc --snapshot P0301-00 --record 01",
                "dtc --extended P0301-00 --record FF",
                "dtc --supported",
                "dtc --snapshot-ids",
                "clear-dtc 030100",
                "routine result 0202",
                "tester-present",
                "raw 3E 80 --functional");
    }

    @Test
    void patterns() {
        BytePattern.Positions at = new BytePattern.Positions("p", 1);
        BytePattern p = BytePattern.parse(Lexer.split("p", 1, "62 * 90 ?? *"), java.util.Set.of(), true, at);
        assertThat(p.matches(Hex.parse("62 F1 90 00"), Map.of())).isTrue();
        assertThat(p.matches(Hex.parse("62 90 00 01 02"), Map.of())).isTrue();
        assertThat(p.matches(Hex.parse("62 F1 90"), Map.of())).isFalse();
        BytePattern exact = BytePattern.parse(Lexer.split("p", 1, "62 $v \"A\""), java.util.Set.of("v"), true, at);
        assertThat(exact.matches(Hex.parse("62 01 02 41"), Map.of("v", Hex.parse("0102")))).isTrue();
        assertThat(exact.matches(Hex.parse("62 01 02 41 00"), Map.of("v", Hex.parse("0102")))).isFalse();
        assertThat(exact.resolve(Map.of("v", Hex.parse("0102")))).containsExactly(0x62, 1, 2, 0x41);
        assertThat(exact.variables()).containsExactly("v");
        assertThatThrownBy(() -> p.resolve(Map.of())).isInstanceOf(IllegalStateException.class);
        assertThat(BytePattern.parse(Lexer.split("p", 1, "*"), java.util.Set.of(), true, at).matches(new byte[0], Map.of())).isTrue();
    }
}
