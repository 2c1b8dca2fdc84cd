package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every decoder vector of python-OBD's own tests, read from {@code decoder_vectors*.tsv} in the
 * shared reference directory (the sample must be there). Each row is checked twice: against
 * {@code reference_value}/{@code reference_unit} (what python-OBD 0.7.3 returned: same value, same
 * unit, same int-or-float) and against {@code expected_value} with the test's own comparison.
 */
class DecoderVectorsTest {
    private static final String SAMPLE = "decoder_vectors_sample.tsv";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern APPROX = Pattern.compile("approx\\(abs<([0-9.eE+-]+)\\)");
    private static final Pattern UAS_TABLE = Pattern.compile("UAS_IDS\\[(?:0x)?([0-9A-Fa-f]{1,2})]");

    /** One TSV row. */
    record Vector(String file, String source, String test, String decoder, String input, String expectedValue,
                  String expectedUnit, String compare, String referenceValue, String referenceUnit) {
        String label() {
            return source + " " + decoder + " " + input;
        }
    }

    @TestFactory
    Stream<DynamicTest> pythonObdDecoderVectors() {
        List<Vector> vectors = new ArrayList<>();
        for (Path file : vectorFiles()) {
            List<String[]> rows = ReferenceFiles.readPlainTsv(file);
            List<String> header = List.of(rows.get(0));
            for (String[] r : rows.subList(1, rows.size())) {
                Map<String, String> f = new java.util.HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    f.put(header.get(i), i < r.length ? r[i] : "");
                }
                vectors.add(new Vector(file.getFileName().toString(), f.get("source"), f.get("test"),
                        f.get("decoder"), f.get("input_hex"), f.get("expected_value"), f.get("expected_unit"),
                        f.get("compare"), f.get("reference_value"), f.get("reference_unit")));
            }
        }
        assertThat(vectors).as("decoder vectors").isNotEmpty();
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v.label(), () -> check(v)));
    }

    private static List<Path> vectorFiles() {
        Path sample = ReferenceFiles.require(SAMPLE);
        List<Path> files = new ArrayList<>();
        files.add(sample);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(sample.getParent(), "decoder_vectors*.tsv")) {
            for (Path p : ds) {
                if (!p.equals(sample)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void check(Vector v) throws IOException {
        Optional<ObdValue> value = decode(v.decoder(), messages(v.input()));
        checkAgainst(v, value, v.referenceValue(), v.referenceUnit(), true);
        if (!v.compare().equals("fields")) {
            checkAgainst(v, value, v.expectedValue(), v.expectedUnit(), false);
        }
    }

    private static Optional<ObdValue> decode(String decoder, List<EcuMessage> messages) {
        Matcher uas = UAS_TABLE.matcher(decoder);
        if (uas.matches()) { // a unit-and-scaling table entry applied to raw bytes
            return UnitsAndScaling.decode(Integer.parseInt(uas.group(1), 16), messages.get(0).data());
        }
        Decoder d = Decoders.byName(decoder).orElseThrow(() -> new AssertionError("unknown decoder " + decoder));
        return d.decode(messages);
    }

    /** {@code 41000104}, {@code 41000104|41008003}, {@code frames:["A", "B"]}, {@code frames:["A"]|frames:["B"]}. */
    private static List<EcuMessage> messages(String input) throws IOException {
        List<EcuMessage> out = new ArrayList<>();
        for (String part : input.split("\\|")) {
            if (part.startsWith("frames:")) {
                List<String> lines = new ArrayList<>();
                JSON.readTree(part.substring("frames:".length())).forEach(n -> lines.add(n.asText()));
                out.add(EcuMessage.ofText(EcuRole.UNKNOWN, lines));
            } else {
                out.add(EcuMessage.of(EcuRole.UNKNOWN, HexFormat.of().parseHex(part)));
            }
        }
        return out;
    }

    /**
     * Checks {@code value} against a written value. {@code exact}: the reference columns, where the
     * JSON number must be the same text (same digits, same int-or-float); otherwise the python
     * test's comparison ({@code ==} between int and float is numeric, {@code approx} a tolerance).
     */
    private static void checkAgainst(Vector v, Optional<ObdValue> value, String written, String unit, boolean exact)
            throws IOException {
        String what = (exact ? "reference " : "expected ") + written + " [" + unit + "] for " + v.label();
        switch (unit) {
            case "None" -> assertThat(value).as(what).isEmpty();
            case "str", "bytearray(ascii)" -> {
                ObdValue got = present(value, what);
                assertThat(got).as(what).isInstanceOf(TextValue.class);
                assertThat(((TextValue) got).text()).as(what).isEqualTo(JSON.readTree(written).asText());
                assertThat(got.pythonType()).as(what).isEqualTo(unit.equals("str") ? "<class 'str'>"
                        : "<class 'bytearray'>");
            }
            case "bytearray(hex)" -> {
                ObdValue got = present(value, what);
                assertThat(got).as(what).isInstanceOf(RawBytes.class);
                assertThat(((RawBytes) got).hex()).as(what).isEqualToIgnoringCase(written);
            }
            case "BitArray.bits" -> {
                ObdValue got = present(value, what);
                assertThat(got).as(what).isInstanceOf(BitArray.class);
                assertThat(((BitArray) got).bitString()).as(what).isEqualTo(written);
            }
            case "bool" -> {
                ObdValue got = present(value, what);
                assertThat(got).as(what).isEqualTo(BooleanValue.of(JSON.readTree(written).asBoolean()));
            }
            case "tuple", "list" -> {
                ObdValue got = present(value, what);
                assertThat(got.pythonType()).as(what).isEqualTo("<class '" + unit + "'>");
                assertThat(JSON.readTree(ObdJson.toJson(got))).as(what).isEqualTo(JSON.readTree(written));
            }
            case "Status" -> checkStatus(present(value, what), JSON.readTree(written), what);
            case "Monitor" -> checkMonitor(present(value, what), JSON.readTree(written), what);
            case "int", "float" -> checkNumber(v, present(value, what), written, null, exact, what);
            default -> checkNumber(v, present(value, what), written, unit, exact, what);
        }
    }

    private static ObdValue present(Optional<ObdValue> value, String what) {
        if (value.isEmpty()) {
            fail("no value, wanted " + what);
        }
        return value.get();
    }

    private static void checkNumber(Vector v, ObdValue got, String written, String unit, boolean exact, String what) {
        assertThat(got).as(what).isInstanceOf(Quantity.class);
        Quantity q = (Quantity) got;
        if (unit != null) {
            assertThat(q.unit()).as(what).isEqualTo(unit);
        }
        Matcher approx = APPROX.matcher(v.compare());
        double want = Double.parseDouble(written);
        if (exact) {
            boolean wantInteger = !written.contains(".") && !written.toLowerCase(Locale.ROOT).contains("e");
            assertThat(q.isInteger()).as("int-versus-float of " + what).isEqualTo(wantInteger);
            if (approx.matches()) {
                assertThat(q.doubleValue()).as(what).isCloseTo(want, org.assertj.core.data.Offset.offset(
                        Math.max(1e-9, Math.abs(want) * 1e-12)));
            } else {
                assertThat(numberText(q)).as(what).isEqualTo(written);
            }
        } else if (approx.matches()) {
            double tolerance = Double.parseDouble(approx.group(1));
            assertThat(Math.abs(q.doubleValue() - want)).as(what).isLessThan(tolerance);
        } else {
            assertThat(q.doubleValue()).as(what).isEqualTo(want);
        }
    }

    private static String numberText(Quantity q) {
        return q.isInteger() ? q.magnitude().toString() : PythonFloat.repr(q.doubleValue());
    }

    private static void checkStatus(ObdValue got, JsonNode want, String what) {
        assertThat(got).as(what).isInstanceOf(Status.class);
        Status s = (Status) got;
        assertThat(s.mil()).as("MIL of " + what).isEqualTo(want.get("MIL").asBoolean());
        assertThat(s.dtcCount()).as("DTC_count of " + what).isEqualTo(want.get("DTC_count").asInt());
        assertThat(s.ignitionType().label()).as("ignition_type of " + what)
                .isEqualTo(want.get("ignition_type").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = want.get("tests").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            StatusTest t = s.test(e.getKey());
            assertThat(t.available()).as(e.getKey() + ".available of " + what).isEqualTo(e.getValue().get(0).asBoolean());
            assertThat(t.complete()).as(e.getKey() + ".complete of " + what).isEqualTo(e.getValue().get(1).asBoolean());
        }
    }

    private static void checkMonitor(ObdValue got, JsonNode want, String what) {
        assertThat(got).as(what).isInstanceOf(Monitor.class);
        List<MonitorTest> tests = ((Monitor) got).tests();
        assertThat(tests).as("tests of " + what).hasSize(want.size());
        for (int i = 0; i < tests.size(); i++) {
            MonitorTest t = tests.get(i);
            JsonNode w = want.get(i);
            String at = "test " + i + " of " + what;
            assertThat(t.tid()).as(at).isEqualTo(w.get("tid").asInt());
            assertThat(t.name()).as(at).isEqualTo(w.get("name").asText());
            assertThat(t.desc()).as(at).isEqualTo(w.get("desc").asText());
            assertThat(t.unit()).as(at).isEqualTo(w.get("unit").asText());
            assertMonitorNumber(t.value(), w.get("value"), "value of " + at);
            assertMonitorNumber(t.min(), w.get("min"), "min of " + at);
            assertMonitorNumber(t.max(), w.get("max"), "max of " + at);
        }
    }

    private static void assertMonitorNumber(ObdValue got, JsonNode want, String what) {
        if (want.isBoolean()) {
            assertThat(got).as(what).isEqualTo(BooleanValue.of(want.asBoolean()));
            return;
        }
        assertThat(got).as(what).isInstanceOf(Quantity.class);
        Quantity q = (Quantity) got;
        assertThat(q.isInteger()).as("int-versus-float of " + what).isEqualTo(want.isIntegralNumber());
        assertThat(q.doubleValue()).as(what).isEqualTo(want.asDouble());
    }
}
