package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding through a command: python-OBD's filtering and length rules, and where we do better. */
class ObdCommandDecodeTest {

    private static EcuMessage engine(String hex) {
        return EcuMessage.ofHex(EcuRole.ENGINE, hex);
    }

    private static ObdValue value(ObdCommand c, String... hex) {
        ObdResponse r = c.decode(java.util.Arrays.stream(hex).map(ObdCommandDecodeTest::engine).toList(), 0);
        assertThat(r.problems()).as(c.name()).isEmpty();
        return r.value().orElseThrow(() -> new AssertionError("no value for " + c.name()));
    }

    @Test
    void decodesTheCommonPids() {
        assertThat(value(ObdCommands.RPM, "410C1AF8")).isEqualTo(Quantity.of(1726.0, "revolutions_per_minute"));
        assertThat(value(ObdCommands.SPEED, "410D37")).isEqualTo(Quantity.of(55.0, "kilometer_per_hour"));
        assertThat(value(ObdCommands.COOLANT_TEMP, "41054C")).isEqualTo(Quantity.of(36L, "degree_Celsius"));
        assertThat(value(ObdCommands.MAF, "411001F4")).isEqualTo(Quantity.of(5.0, "gps"));
        assertThat(value(ObdCommands.FUEL_TYPE, "415101")).isEqualTo(TextValue.str("Gasoline"));
        assertThat(value(ObdCommands.PIDS_A, "4100BE1FA813")).isEqualTo(BitArray.parse("10111110000111111010100000010011"));
    }

    @Test
    void padsShortAndCutsLongAnswersLikePythonObd() {
        // COOLANT_TEMP is 3 bytes: python-OBD reads only byte A of a longer answer
        assertThat(value(ObdCommands.COOLANT_TEMP, "41054C99")).isEqualTo(Quantity.of(36L, "degree_Celsius"));
        // RPM is 4 bytes: a missing byte B is read as zero
        assertThat(value(ObdCommands.RPM, "410C1A")).isEqualTo(Quantity.of(1664.0, "revolutions_per_minute"));
        // PIDS_9A is 7 bytes in python-OBD, so its mask has 40 bits
        assertThat(((BitArray) value(ObdCommands.PIDS_9A, "490054400000")).length()).isEqualTo(40);
    }

    @Test
    void anEcuThatAnswersNoDataGivesNoValueNotZero() {
        ObdResponse r = ObdCommands.RPM.decode(List.of(engine("410C")), 0);
        assertThat(r.value()).isEmpty();
        assertThat(r.problems()).singleElement().isInstanceOf(ObdProblem.MalformedResponse.class);
        assertThat(ObdJson.toJson(r)).isEqualTo("null");
        assertThat(ObdCommands.RPM.decode(List.of(), 0).isNull()).isTrue();
    }

    @Test
    void negativeResponsesAreProblemsNotData() {
        ObdResponse r = ObdCommands.RPM.decode(List.of(engine("7F0112")), 0);
        assertThat(r.value()).isEmpty();
        assertThat(r.problems()).singleElement().isInstanceOfSatisfying(ObdProblem.NegativeResponse.class, n -> {
            assertThat(n.service()).isEqualTo(0x01);
            assertThat(n.code()).isEqualTo(0x12);
            assertThat(n.codeName()).isEqualTo("subFunctionNotSupported");
            assertThat(n.describe()).contains("refused service 01").contains("0x12");
        });
        // one ECU refusing does not hide another's answer
        ObdResponse both = ObdCommands.RPM.decode(List.of(engine("7F0112"), engine("410C1AF8")), 0);
        assertThat(both.value()).contains(Quantity.of(1726.0, "revolutions_per_minute"));
        assertThat(both.problems()).hasSize(1);
        assertThat(ObdCommands.RPM.decode(List.of(engine("7F")), 0).problems().get(0).describe())
                .contains("truncated");
    }

    @Test
    void answersToAnotherServiceOrPidAreIgnored() {
        ObdResponse otherPid = ObdCommands.RPM.decode(List.of(engine("410D37")), 0);
        assertThat(otherPid.value()).isEmpty();
        assertThat(otherPid.problems().get(0).describe()).contains("answers 410D, not 010C");
        ObdResponse otherMode = ObdCommands.RPM.decode(List.of(engine("490C1AF8")), 0);
        assertThat(otherMode.problems().get(0).describe()).contains("answers service 09, not 01");
        assertThat(ObdCommands.RPM.decode(List.of(engine("")), 0).problems().get(0).describe())
                .contains("empty answer");
    }

    @Test
    void onlyAnswersOfTheCommandsEcusCount() {
        EcuMessage transmission = EcuMessage.ofHex(EcuRole.TRANSMISSION, "410C1AF8");
        ObdResponse r = ObdCommands.RPM.decode(List.of(transmission), 0); // RPM asks the engine only
        assertThat(r.value()).isEmpty();
        assertThat(r.messages()).isEmpty();
        assertThat(ObdCommands.GET_DTC.decode(List.of(transmission.withData(HexFormat.of().parseHex("430101"
                + "04"))), 0).value()).isPresent(); // GET_DTC accepts every ECU
    }

    @Test
    void freezeFrameAnswersDropTheirFrameNumber() {
        assertThat(ObdCommands.DTC_RPM.requestHex()).isEqualTo("020C00");
        assertThat(value(ObdCommands.DTC_RPM, "420C001AF8")).isEqualTo(Quantity.of(1726.0, "revolutions_per_minute"));
        assertThat(value(ObdCommands.DTC_FREEZE_DTC, "4202000104")).isEqualTo(Dtc.parse("P0104"));
        ObdResponse noFrame = ObdCommands.DTC_RPM.decode(List.of(engine("420C")), 0);
        assertThat(noFrame.problems().get(0).describe()).contains("no frame number");
    }

    @Test
    void dtcsUseUpperCaseHexAndFindTheirDescriptions() {
        DtcList list = (DtcList) value(ObdCommands.GET_DTC, "4303" + "0104" + "0A00" + "C1D2");
        assertThat(list.codes()).containsExactly(
                new Dtc("P0104", "Mass or Volume Air Flow Circuit Intermittent"),
                new Dtc("P0A00", "Motor Electronics Coolant Temperature Sensor Circuit"),
                new Dtc("U01D2", ""));
        // DTCs of several ECUs are combined, 00 00 padding dropped
        DtcList two = (DtcList) value(ObdCommands.GET_CURRENT_DTC, "470101000000", "47010301");
        assertThat(two.codes()).extracting(Dtc::code).containsExactly("P0100", "P0301");
        assertThat(value(ObdCommands.GET_PERMANENT_DTC, "4A00")).isEqualTo(new DtcList(List.of()));
    }

    @Test
    void aFreezeFrameDtcOfZeroMeansNone() {
        ObdResponse r = ObdCommands.FREEZE_DTC.decode(List.of(engine("41020000")), 0);
        assertThat(r.value()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void vinAndCalibrationIdsKeepEveryCharacter() {
        String vin = "1G1JC5444R7252367";
        assertThat(value(ObdCommands.VIN, "490201" + hex(vin)))
                .isEqualTo(TextValue.bytearray(vin)); // python-OBD: "G1JC5444R7252367"
        assertThat(value(ObdCommands.VIN, "490201" + hex("WP0ZZZ99ZTS392120"))).isEqualTo(
                TextValue.bytearray("WP0ZZZ99ZTS392120"));
        // a calibration id of 16 characters: python-OBD cuts the answer to 18 bytes and loses the last one
        assertThat(value(ObdCommands.CALIBRATION_ID, "490401" + hex("JMB*36761500") + "00000000"))
                .isEqualTo(TextValue.bytearray("JMB*36761500"));
        assertThat(value(ObdCommands.CALIBRATION_ID, "490402" + hex("0123456789ABCDE2") + hex("CAL2") + "000000000000"
                + "000000000000")).isEqualTo(TextValue.bytearray("0123456789ABCDE2,CAL2"));
        assertThat(value(ObdCommands.ECU_NAME, "490A01" + hex("ECM") + "00" + hex("-EngineControl") + "00"))
                .isEqualTo(TextValue.str("ECM-EngineControl"));
    }

    @Test
    void cvnsAreReadByTheirCount() {
        assertThat(value(ObdCommands.CVN, "490601" + "30BBCC00")).isEqualTo(TextValue.str("30bbcc00"));
        assertThat(value(ObdCommands.CVN, "490602" + "11223344" + "55667788"))
                .isEqualTo(TextValue.str("1122334455667788"));
    }

    @Test
    void inUsePerformanceCountersAreNamed() {
        InUsePerformance p = (InUsePerformance) value(ObdCommands.PERF_TRACKING_SPARK, "490814" + "0010" + "0020"
                + "0003" + "0004");
        assertThat(p.counters()).containsExactly(java.util.Map.entry("OBDCOND", 16), java.util.Map.entry("IGNCNTR", 32),
                java.util.Map.entry("CATCOMP1", 3), java.util.Map.entry("CATCOND1", 4));
    }

    @Test
    void decodeEachGivesOneResponsePerEcu() {
        List<EcuMessage> answers = List.of(EcuMessage.of(EcuRole.ENGINE, 0x7E8, bytes("4902011122")),
                EcuMessage.of(EcuRole.ENGINE, 0x7E8, bytes("410C1AF8")),
                EcuMessage.of(EcuRole.TRANSMISSION, 0x7E9, bytes("430101FF")),
                EcuMessage.of(EcuRole.ENGINE, 0x7EA, bytes("410C0FA0")));
        List<ObdResponse> rpm = ObdCommands.RPM.decodeEach(answers, 0);
        assertThat(rpm).hasSize(2); // the transmission is not asked for RPM
        assertThat(rpm.get(0).problems()).hasSize(1); // the VIN answer from 7E8 does not fit
        assertThat(rpm.get(0).value()).contains(Quantity.of(1726.0, "revolutions_per_minute"));
        assertThat(rpm.get(1).value()).contains(Quantity.of(1000.0, "revolutions_per_minute"));
    }

    @Test
    void aThrowingCustomDecoderIsAProblemNotACrash() {
        Decoder broken = new Decoder() {
            @Override
            public String pythonName() {
                return "broken";
            }

            @Override
            public String valueType() {
                return "None";
            }

            @Override
            public String unit() {
                return "";
            }

            @Override
            public java.util.Optional<ObdValue> decode(List<EcuMessage> messages) {
                throw new IllegalStateException("boom");
            }
        };
        ObdCommand custom = ObdCommand.of("BOOST", "Boost", "221234", 5, broken, EcuRole.ENGINE.bit(), false);
        assertThat(custom.requestHex()).isEqualTo("221234");
        ObdResponse r = custom.decode(List.of(engine("6212340102")), 0);
        assertThat(r.value()).isEmpty();
        assertThat(r.problems()).singleElement().extracting(ObdProblem::describe).asString().contains("boom");
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
