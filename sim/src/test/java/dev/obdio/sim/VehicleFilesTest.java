package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vehicle files: the built-ins round-trip through YAML and JSON, and bad files name the bad field. */
class VehicleFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"petrol", "diesel", "hybrid"})
    void builtInsRoundTripThroughYamlAndJson(String name, @TempDir Path dir) throws IOException {
        VehicleDescription d = VehicleFiles.builtIn(name);
        assertThat(VehicleFiles.parse(VehicleFiles.toYaml(d), "out.yaml")).isEqualTo(d);
        assertThat(VehicleFiles.parse(VehicleFiles.toJson(d), "out.json")).isEqualTo(d);
        Path yaml = dir.resolve(name + ".yaml");
        Path json = dir.resolve(name + ".json");
        VehicleFiles.write(d, yaml);
        VehicleFiles.write(d, json);
        assertThat(Files.readString(json)).startsWith("{");
        assertThat(VehicleFiles.read(yaml)).isEqualTo(d);
        assertThat(VehicleFiles.resolve(json.toString())).isEqualTo(d);
        // The written form is stable: writing what was read gives the same text.
        assertThat(VehicleFiles.toYaml(VehicleFiles.read(yaml))).isEqualTo(Files.readString(yaml));
    }

    @Test
    void theDocumentedExampleIsThePetrolBuiltIn() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "SIMULATOR.md"), StandardCharsets.UTF_8);
        String start = "<!-- vehicle-example:start -->\n```yaml\n";
        String end = "```\n<!-- vehicle-example:end -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        assertThat(from).isPositive();
        assertThat(to).isGreaterThan(from);
        assertThat(doc.substring(from + start.length(), to)).isEqualTo(VehicleFiles.builtInText("petrol"));
    }

    @Test
    void builtInsAndTheirExtendedIdVariant() {
        assertThat(VehicleFiles.resolve("PETROL")).isEqualTo(VehicleFiles.builtIn(VehicleFiles.DEFAULT));
        assertThatThrownBy(() -> VehicleFiles.builtIn("tractor")).hasMessageContaining("petrol, diesel, hybrid");
        VehicleDescription d = VehicleFiles.builtIn("hybrid").withExtendedIds();
        assertThat(d.extendedIds()).isTrue();
        assertThat(d.functionalId()).isEqualTo(0x18DB33F1);
        Vehicle v = Vehicle.create(d, 0);
        assertThat(v.ecu("engine").ids()).isEqualTo(new EcuIds(0x18DA10F1, 0x18DAF110, 0x18DB33F1, true));
        assertThat(v.ecu("transmission").ids()).isEqualTo(new EcuIds(0x18DA18F1, 0x18DAF118, 0x18DB33F1, true));
        assertThat(v.ecuForRequestId(0x18DA1EF1, true)).contains(v.ecu("hybrid"));
        assertThat(v.ecuForRequestId(0x7E2, false)).isEmpty();
        assertThat(v.ecu("engine").respond(Hex.bytes("01 00"), Addressing.PHYSICAL, 0).isSilent()).isFalse();
        assertThat(VehicleFiles.parse(VehicleFiles.toYaml(d), "29.yaml")).isEqualTo(d);
        assertThat(VehicleFiles.builtIn("diesel").extendedIds()).isTrue();
    }

    @Test
    void missingFilesAndEmptyTextAreReported(@TempDir Path dir) {
        assertThatThrownBy(() -> VehicleFiles.read(dir.resolve("nope.yaml")))
                .isInstanceOf(VehicleFileException.class).hasMessageContaining("nope.yaml: no such file");
        assertThatThrownBy(() -> VehicleFiles.parse("", "empty.yaml")).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> VehicleFiles.parse("name: [unclosed", "bad.yaml"))
                .hasMessageContaining("bad.yaml: not valid YAML at line");
        assertThatThrownBy(() -> VehicleFiles.parse("{\"name\": \"a\", \"name\": \"b\"}", "dup.json"))
                .hasMessageContaining("not valid JSON").hasMessageContaining("name");
    }

    /** Each case replaces one line of the petrol file and expects the error to name a field. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiterString = " | ", ignoreLeadingAndTrailingWhitespace = false, value = {
            "vin: 5FNSM1H50PB004273 | vin: 5FNSM1H50PB00427I | vin | without I, O, Q",
            "seed: 1 | colour: red | colour | unknown field",
            "  cylinders: 6 | '  cylinders: 5' | engine.banks | do not split",
            "  gearRatios: [4.15, 2.37, 1.56, 1.16, 0.86, 0.69] | '  gearRatios: [4.15, 2.37, 2.56, 1.16, 0.86, 0.69]' | transmission.gearRatios | must decrease",
            "  upshiftRpm: 2300 | '  upshiftRpm: 1400' | transmission.downshiftRpm | would hunt",
            "  tyre: 235/45R18 | '  tyre: 235-45-18' | body.tyre | not a tyre size",
            "  fuelLevelPct: 62 | '  fuelLevelPct: 120' | start.fuelLevelPct | out of range",
            "    - idle: 30 | '    - fly: 30' | driveCycle.legs[0] | a leg is one of",
            "  minMs: 5 | '  minMs: 60' | latency.minMs | out of range",
            "    requestId: \"7E0\" | '    requestId: 7E0' | ecus[0].requestId | write hex values in quotes",
            "    requestId: \"7E1\" | '    requestId: \"7E0\"' | ecus[1].requestId | already used",
            "    requestId: \"7E1\" | '    requestId: \"18DA18F1\"' | ecus[1].requestId | 1-3 hex digits",
            "    ecuName: ECM-EngineControl | '    ecuName: EngineControlModule' | ecus[0].ecuName | ACRONYM-Name",
            "    cvns: [\"A1B2C3D4\", \"7F3E9C5B\"] | '    cvns: [\"A1B2C3D4\"]' | ecus[0].cvns | one per calibration id",
            "      - code: P0301 | '      - code: P03G1' | ecus[0].dtcs[0].code | is not a DTC",
            "          engine_rpm: 2450 | '          rpm: 2450' | ecus[0].dtcs[0].freezeFrame.rpm | unknown signal",
            "        pending: true | '        pending: yes please' | ecus[0].dtcs[1].pending | true or false",
            "    role: transmission | '    role: gearbox' | ecus[1].role | not one of engine, transmission, hybrid, battery",
            "    role: battery | '    role: hybrid' | ecus[2].role | needs the vehicle's hybrid section",
            "    pids: 01 1C 41 42 46 | '    pids: 01 0C 1C 41 42 46' | ecus[2].pids | cannot be served by a battery ECU",
            "  padding: \"55\" | '  padding: \"155\"' | isotp.padding | out of range",
            "  padding: \"55\" | '  padding: fifty-five' | isotp.padding | not hex",
            "  stMin: 0 | '  stMin: 200' | isotp.stMin | reserved",
            "  blockSize: 0 | '  blockSize: 256' | isotp.blockSize | out of range",
            "    pids: 01 0D 1C A4 | '    pids: 01 0C 0D 1C A4' | ecus[1].pids | cannot be served by a transmission ECU",
            "    pids: 01 0D 1C A4 | '    pids: 01 0D 1C 20 A4' | ecus[1].pids | support mask",
            "    pids: 01 0D 1C A4 | '    pids: 01 0D 1C A4 FZ' | ecus[1].pids | not hex",
            "      - {id: \"F190\", name: VIN, type: ascii, length: 17, source: vin} | '      - {id: \"F40C\", name: RPM, type: hex, length: 2, value: \"0000\"}' | ecus[0].dids[6].id | OBD PID DID",
            "      - {id: \"F18B\", name: Manufacturing date, type: hex, length: 3, value: \"210415\"} | '      - {id: \"F18B\", name: Manufacturing date, type: hex, length: 3, value: \"2104\"}' | ecus[0].dids[4].value | has 2 bytes",
            "        value: 650 | '        value: 5000' | ecus[0].dids[13].value | out of range",
            "        read: {sessions: [extended, programming], securityLevel: 1} | '        read: {sessions: [extended, programming], securityLevel: 5}' | ecus[0].dids[12].read.securityLevel | not defined in security",
            "        write: {sessions: [extended], securityLevel: 1} | '        write: {sessions: [sleepy], securityLevel: 1}' | ecus[0].dids[9].write.sessions[0] | not one of default, programming, extended",
            "      - {level: 3, algorithm: obdio-xor-rotate-add, secret: \"C3E1F00D\", rotate: 13, sessions: [programming], maxAttempts: 3, delayMs: 10000} | '      - {level: 4, algorithm: obdio-xor-rotate-add, secret: \"C3E1F00D\", rotate: 13, sessions: [programming], maxAttempts: 3, delayMs: 10000}' | ecus[0].security[1].level | must be odd",
            "      - {level: 3, algorithm: obdio-xor-rotate-add, secret: \"C3E1F00D\", rotate: 13, sessions: [programming], maxAttempts: 3, delayMs: 10000} | '      - {level: 3, algorithm: xor, secret: \"C3E1F00D\", rotate: 13, sessions: [programming], maxAttempts: 3, delayMs: 10000}' | ecus[0].security[1].algorithm | is not known",
            "      - {level: 3, algorithm: obdio-xor-rotate-add, secret: \"C3E1F00D\", rotate: 13, sessions: [programming], maxAttempts: 3, delayMs: 10000} | '      - {level: 3, algorithm: obdio-xor-rotate-add, secret: \"C3E1F00D\", rotate: 13, sessions: [default], maxAttempts: 3, delayMs: 10000}' | ecus[0].security[1].sessions | not available in the default session",
    })
    void invalidFilesNameTheField(String line, String replacement, String field, String message) {
        String text = VehicleFiles.builtInText("petrol");
        assertThat(text).as("the petrol file has the line to replace").contains(line + "\n");
        String bad = text.replace(line + "\n", replacement + "\n");
        assertThatThrownBy(() -> VehicleFiles.parse(bad, "bad.yaml"))
                .isInstanceOfSatisfying(VehicleFileException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith("bad.yaml: " + field + ": ").contains(message);
                });
    }

    @Test
    void structuralErrorsNameTheField() {
        String text = VehicleFiles.builtInText("petrol");
        expectField(text.replace("engine:\n  fuel: petrol", "motor:\n  fuel: petrol"), "motor");
        expectField(text.substring(0, text.indexOf("ecus:")), "ecus");
        expectField(text.replace("  fuelTankL: 70\n", ""), "body.fuelTankL");
        expectField(text.replace("        mil: true\n", "").replace("        stored: true\n", "        stored: false\n")
                .replace("        permanent: true\n", "        permanent: false\n"), "ecus[0].dtcs[0].stored");
        expectField(text.replace("role: transmission", "role: engine"), "ecus");
        expectField(text.replace("    pids: >-\n      01 03", "    pids: >-\n      01 03 16"), "ecus[0].pids");
    }

    @Test
    void theIsoTpSectionIsOptionalAndPaddingCanBeNone() {
        String text = VehicleFiles.builtInText("petrol");
        String section = text.substring(text.indexOf("isotp:"), text.indexOf("ecus:"));
        assertThat(VehicleFiles.builtIn("petrol").isoTp()).isEqualTo(new IsoTpSpec(java.util.OptionalInt.of(0x55), 0, 0));
        assertThat(VehicleFiles.parse(text.replace(section, ""), "x.yaml").isoTp()).isEqualTo(IsoTpSpec.DEFAULTS);
        VehicleDescription bare = VehicleFiles.parse(text.replace("  padding: \"55\"", "  padding: none")
                .replace("  blockSize: 0", "  blockSize: 8").replace("  stMin: 0", "  stMin: 245"), "x.yaml");
        assertThat(bare.isoTp()).isEqualTo(IsoTpSpec.DEFAULTS.withoutPadding().withBlockSize(8).withStMin(0xF5));
        assertThat(VehicleFiles.parse(VehicleFiles.toYaml(bare), "y.yaml")).isEqualTo(bare);
    }

    @Test
    void thePetrolAndDieselCarsHaveABatteryEcuTheHybridItsHybridEcu() {
        VehicleDescription petrol = VehicleFiles.builtIn("petrol");
        assertThat(petrol.ecus()).extracting(EcuDescription::name).containsExactly("engine", "transmission", "battery");
        assertThat(petrol.ecu("battery").role()).isEqualTo(EcuRole.BATTERY);
        assertThat(Vehicle.create(petrol, 0).ecuForRequestId(0x7E2, false).orElseThrow().ids())
                .isEqualTo(new EcuIds(0x7E2, 0x7EA, 0x7DF, false));
        Vehicle petrol29 = Vehicle.create(petrol.withExtendedIds(), 0);
        assertThat(petrol29.ecu("battery").ids()).isEqualTo(new EcuIds(0x18DA1EF1, 0x18DAF11E, 0x18DB33F1, true));
        VehicleDescription diesel = VehicleFiles.builtIn("diesel");
        assertThat(diesel.ecus()).extracting(EcuDescription::name).containsExactly("engine", "battery");
        assertThat(diesel.withExtendedIds()).isEqualTo(diesel);
        assertThat(VehicleFiles.builtIn("hybrid").ecus()).extracting(EcuDescription::role)
                .containsExactly(EcuRole.ENGINE, EcuRole.TRANSMISSION, EcuRole.HYBRID);
    }

    @Test
    void jsonFilesUseTheSameSchema() {
        VehicleDescription d = VehicleFiles.builtIn("diesel");
        String json = VehicleFiles.toJson(d).replace("\"obdStandard\" : 6", "\"obdStandard\" : \"six\"");
        assertThatThrownBy(() -> VehicleFiles.parse(json, "d.json"))
                .isInstanceOfSatisfying(VehicleFileException.class,
                        e -> assertThat(e.field()).isEqualTo("ecus[0].obdStandard"));
    }

    @Test
    void descriptionsCanBeBuiltAndChangedInCode() {
        VehicleDescription d = VehicleFiles.builtIn("petrol");
        EcuDescription engine = d.ecu("engine").withDtcs(java.util.List.of(DtcSpec.stored("P0420")
                .withFreezeFrame(Map.of(Signal.VEHICLE_SPEED, 80.0))));
        VehicleDescription changed = d.withEcu(engine).withSeed(7).withLatency(new LatencySpec(0, 0));
        assertThat(VehicleFiles.parse(VehicleFiles.toYaml(changed), "x.yaml")).isEqualTo(changed);
        Vehicle v = Vehicle.create(changed, 0);
        assertThat(v.seed()).isEqualTo(7);
        assertThat(Hex.of(v.ecu("engine").respond(Hex.bytes("02 0D 00"), Addressing.PHYSICAL, 0).finalPayload()))
                .isEqualTo("42 0D 00 50");
        assertThat(v.ecu("engine").respond(Hex.bytes("01 00"), Addressing.PHYSICAL, 0).last().delayNanos()).isZero();
        assertThatThrownBy(() -> d.ecu("brakes")).hasMessageContaining("engine, transmission");
        assertThatThrownBy(() -> new DtcSpec(DtcCode.parse("P0100"), 0, false, true, false, false, false, 1,
                Map.of(Signal.ENGINE_RPM, 1.0))).hasMessageContaining("freezeFrame");
    }

    private static void expectField(String text, String field) {
        assertThatThrownBy(() -> VehicleFiles.parse(text, "bad.yaml"))
                .isInstanceOfSatisfying(VehicleFileException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
