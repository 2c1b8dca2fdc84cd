package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code obdio obd decode}, run in-process through the real command line. */
class ObdDecodeCommandTest {

    /** Exit status, stdout and stderr of one run. */
    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = ObdioCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void decodesAMeasurement() {
        Run r = run("obd", "decode", "RPM", "410C1AF8");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("{\"value\":1726.0,\"unit\":\"revolutions_per_minute\"}" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
        assertThat(run("obd", "decode", "COOLANT_TEMP", "41 05 4C").out().trim())
                .isEqualTo("{\"value\":36,\"unit\":\"degree_Celsius\"}");
        assertThat(run("obd", "decode", "010D", "41.0D.37").out().trim())
                .isEqualTo("{\"value\":55.0,\"unit\":\"kilometer_per_hour\"}");
    }

    @Test
    void decodesEveryKindOfValue() {
        assertThat(run("obd", "decode", "GET_DTC", "4301" + "0104", "43018003").out().trim()).isEqualTo(
                "{\"value\":[[\"P0104\",\"Mass or Volume Air Flow Circuit Intermittent\"],[\"B0003\",\"\"]],"
                        + "\"unit\":\"<class 'list'>\"}");
        assertThat(run("obd", "decode", "STATUS", "41010007E500").out()).startsWith(
                "{\"value\":{\"MIL\":false,\"DTC_COUNT\":0,\"ignition_type\":\"spark\",");
        assertThat(run("obd", "decode", "VIN", "4902013147314A433534343452373235323336370000").out().trim())
                .isEqualTo("{\"value\":\"1G1JC5444R7252367\",\"unit\":\"<class 'bytearray'>\"}");
        assertThat(run("obd", "decode", "ELM_VOLTAGE", "12.6V").out().trim())
                .isEqualTo("{\"value\":12.6,\"unit\":\"volt\"}");
        assertThat(run("obd", "decode", "CLEAR_DTC", "44").out().trim()).isEqualTo("{\"value\":null,\"unit\":null}");
    }

    @Test
    void jsonFullPrintsTheWholeResponse() {
        Run r = run("obd", "decode", "--json-full", "--time", "1639266637000", "SPEED", "410D37");
        assertThat(r.status()).isZero();
        assertThat(r.out().trim()).isEqualTo("{\"value\":55.0,\"command\":{\"name\":\"SPEED\",\"desc\":\"Vehicle Speed\","
                + "\"fast\":true,\"command\":\"010D\",\"bytes\":\"3\",\"ecu\":2},\"time\":1639266637000,"
                + "\"unit\":\"kilometer_per_hour\"}");
        assertThat(run("obd", "decode", "--json-full", "RPM", "410C").out().trim()).isEqualTo("null");
    }

    @Test
    void convertsUnitsOnRequest() {
        assertThat(run("obd", "decode", "--imperial", "COOLANT_TEMP", "410564").out().trim())
                .isEqualTo("{\"value\":140.0,\"unit\":\"degree_Fahrenheit\"}");
        assertThat(run("obd", "decode", "--to", "mph", "SPEED", "410D64").out().trim())
                .startsWith("{\"value\":62.13711922373").endsWith("\"unit\":\"mile_per_hour\"}");
        Run notMeasured = run("obd", "decode", "--to", "mph", "FUEL_TYPE", "415101");
        assertThat(notMeasured.status()).isEqualTo(2);
        assertThat(notMeasured.err()).contains("not a measurement");
    }

    @Test
    void unknownCommandExitsTwoWithCloseNames() {
        Run r = run("obd", "decode", "rpm", "410C1AF8");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("unknown OBD command 'rpm'").contains("did you mean RPM, DTC_RPM");
        assertThat(run("obd", "decode", "XYZZYQWERTY", "41").err()).contains("unknown OBD command 'XYZZYQWERTY'")
                .doesNotContain("did you mean");
    }

    @Test
    void badHexIsAClearError() {
        Run r = run("obd", "decode", "RPM", "410C1AZ8");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("bad hex '410C1AZ8'").contains("'Z' at position 7");
        assertThat(run("obd", "decode", "RPM", "410C1AF").err()).contains("odd number of hex digits");
    }

    @Test
    void refusedAnswersAreReportedAndExitOne() {
        Run r = run("obd", "decode", "RPM", "7F0112");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out().trim()).isEqualTo("{\"value\":null,\"unit\":null}");
        assertThat(r.err()).contains("refused service 01: 0x12 subFunctionNotSupported");
        Run wrongEcu = run("obd", "decode", "--ecu", "transmission", "RPM", "410C1AF8");
        assertThat(wrongEcu.err()).contains("does not use answers from the transmission ECU");
        Run badRole = run("obd", "decode", "--ecu", "gearbox", "RPM", "410C1AF8");
        assertThat(badRole.status()).isEqualTo(2);
        assertThat(badRole.err()).contains("unknown ECU role 'gearbox'");
    }

    @Test
    void missingArgumentsShowUsage() {
        Run r = run("obd", "decode", "RPM");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter").contains("HEX");
        assertThat(run("obd").out()).contains("decode");
    }
}
