package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON of commands, responses and every kind of value, byte for byte as obd-socketio sends them. */
class ObdJsonTest {
    private static final long TIME = 1639266637000L;

    private static String response(ObdCommand c, String... hex) {
        return ObdJson.toJson(c.decode(java.util.Arrays.stream(hex)
                .map(h -> EcuMessage.ofHex(EcuRole.ENGINE, h)).toList(), TIME));
    }

    private static String valueOf(ObdCommand c, String... hex) {
        return ObdJson.toValueJson(c.decode(java.util.Arrays.stream(hex)
                .map(h -> EcuMessage.ofHex(EcuRole.ENGINE, h)).toList(), TIME));
    }

    @Test
    void commandHasSixKeysInOrderWithBytesAsAString() {
        assertThat(ObdJson.toJson(ObdCommands.RPM)).isEqualTo(
                "{\"name\":\"RPM\",\"desc\":\"Engine RPM\",\"fast\":true,\"command\":\"010C\",\"bytes\":\"4\",\"ecu\":2}");
        assertThat(ObdJson.toJson(ObdCommands.GET_DTC)).isEqualTo(
                "{\"name\":\"GET_DTC\",\"desc\":\"Get DTCs\",\"fast\":false,\"command\":\"03\",\"bytes\":\"0\",\"ecu\":255}");
        assertThat(ObdJson.toJson(ObdCommands.ELM_VOLTAGE)).isEqualTo("{\"name\":\"ELM_VOLTAGE\","
                + "\"desc\":\"Voltage detected by OBD-II adapter\",\"fast\":false,\"command\":\"ATRV\",\"bytes\":\"0\","
                + "\"ecu\":1}");
        assertThat(ObdJson.toJson(ObdCommands.MONITOR_EVAP_150)).contains("\"desc\":\"EVAP Monitor (Cap Off / 0.150\\\")\"");
    }

    @Test
    void responseIsValueCommandTimeUnit() {
        assertThat(response(ObdCommands.RPM, "410C1AF8")).isEqualTo("{\"value\":1726.0,\"command\":{\"name\":\"RPM\","
                + "\"desc\":\"Engine RPM\",\"fast\":true,\"command\":\"010C\",\"bytes\":\"4\",\"ecu\":2},"
                + "\"time\":1639266637000,\"unit\":\"revolutions_per_minute\"}");
        assertThat(response(ObdCommands.COOLANT_TEMP, "41054C")).isEqualTo("{\"value\":36,\"command\":{"
                + "\"name\":\"COOLANT_TEMP\",\"desc\":\"Engine Coolant Temperature\",\"fast\":true,\"command\":\"0105\","
                + "\"bytes\":\"3\",\"ecu\":2},\"time\":1639266637000,\"unit\":\"degree_Celsius\"}");
        assertThat(response(ObdCommands.CLEAR_DTC, "44")).isEqualTo("null"); // drop
        assertThat(response(ObdCommands.RPM)).isEqualTo("null"); // nobody answered
    }

    @Test
    void measurementsKeepIntOrFloat() {
        assertThat(valueOf(ObdCommands.SPEED, "410D37")).isEqualTo("{\"value\":55.0,\"unit\":\"kilometer_per_hour\"}");
        assertThat(valueOf(ObdCommands.INTAKE_PRESSURE, "410B64")).isEqualTo("{\"value\":100,\"unit\":\"kilopascal\"}");
        assertThat(valueOf(ObdCommands.FUEL_PRESSURE, "410A80")).isEqualTo("{\"value\":384,\"unit\":\"kilopascal\"}");
        assertThat(valueOf(ObdCommands.ENGINE_LOAD, "4104FF")).isEqualTo("{\"value\":100.0,\"unit\":\"percent\"}");
        assertThat(valueOf(ObdCommands.SHORT_FUEL_TRIM_1, "4106FF"))
                .isEqualTo("{\"value\":99.21875,\"unit\":\"percent\"}");
        assertThat(valueOf(ObdCommands.MAF, "41100FE6")).isEqualTo("{\"value\":40.7,\"unit\":\"gps\"}");
        assertThat(valueOf(ObdCommands.FUEL_RATE, "415E0010")).isEqualTo("{\"value\":0.8,\"unit\":\"lph\"}");
        assertThat(valueOf(ObdCommands.CATALYST_TEMP_B1S1, "413C1130")).isEqualTo(
                "{\"value\":400.0,\"unit\":\"degree_Celsius\"}");
        assertThat(valueOf(ObdCommands.O2_S1_WR_CURRENT, "41340000FFFF"))
                .isEqualTo("{\"value\":127.99609375,\"unit\":\"milliampere\"}");
        assertThat(valueOf(ObdCommands.EVAP_VAPOR_PRESSURE_ALT, "41540000"))
                .isEqualTo("{\"value\":-32767,\"unit\":\"pascal\"}");
        assertThat(valueOf(ObdCommands.WARMUPS_SINCE_DTC_CLEAR, "413005"))
                .isEqualTo("{\"value\":5.0,\"unit\":\"count\"}");
        assertThat(valueOf(ObdCommands.VIN_MESSAGE_COUNT, "490105")).isEqualTo("{\"value\":5,\"unit\":\"count\"}");
        assertThat(valueOf(ObdCommands.COMMANDED_EQUIV_RATIO, "41440001"))
                .isEqualTo("{\"value\":3.05e-05,\"unit\":\"ratio\"}");
    }

    @Test
    void statusCarriesTheCompatKeysThenEveryMonitor() {
        String json = valueOf(ObdCommands.STATUS, "41018307FF00");
        assertThat(json).startsWith("{\"value\":{\"MIL\":true,\"DTC_COUNT\":3,\"ignition_type\":\"spark\","
                + "\"MISFIRE_MONITORING\":{\"available\":true,\"complete\":true,\"name\":\"MISFIRE_MONITORING\"},");
        assertThat(json).contains("\"NMHC_CATALYST_MONITORING\":{\"available\":false,\"complete\":false,\"name\":\"\"}");
        assertThat(json).endsWith("\"PM_FILTER_MONITORING\":{\"available\":false,\"complete\":false,\"name\":\"\"}},"
                + "\"unit\":\"<class 'obd.OBDResponse.Status'>\"}");
    }

    @Test
    void tuplesListsAndMasksAreArrays() {
        assertThat(valueOf(ObdCommands.GET_DTC, "4302010480034123")).isEqualTo("{\"value\":[[\"P0104\","
                + "\"Mass or Volume Air Flow Circuit Intermittent\"],[\"B0003\",\"\"],[\"C0123\",\"\"]],"
                + "\"unit\":\"<class 'list'>\"}");
        assertThat(valueOf(ObdCommands.FREEZE_DTC, "41020104")).isEqualTo("{\"value\":[\"P0104\","
                + "\"Mass or Volume Air Flow Circuit Intermittent\"],\"unit\":\"<class 'tuple'>\"}");
        assertThat(valueOf(ObdCommands.FUEL_STATUS, "41030200")).isEqualTo("{\"value\":[\"Closed loop, using oxygen "
                + "sensor feedback to determine fuel mix\",\"\"],\"unit\":\"<class 'tuple'>\"}");
        assertThat(valueOf(ObdCommands.O2_SENSORS, "4113C1")).isEqualTo("{\"value\":[[],[true,true,false,false],"
                + "[false,false,false,true]],\"unit\":\"<class 'tuple'>\"}");
        assertThat(valueOf(ObdCommands.O2_SENSORS_ALT, "411D81")).isEqualTo("{\"value\":[[],[true,false],"
                + "[false,false],[false,false],[false,true]],\"unit\":\"<class 'tuple'>\"}");
        assertThat(valueOf(ObdCommands.PIDS_A, "4100BE1FA813")).isEqualTo("{\"value\":[true,false,true,true,true,"
                + "true,true,false,false,false,false,true,true,true,true,true,true,false,true,false,true,false,false,"
                + "false,false,false,false,true,false,false,true,true],\"unit\":\"<class 'obd.utils.BitArray'>\"}");
    }

    @Test
    void textAndBooleans() {
        assertThat(valueOf(ObdCommands.AIR_STATUS, "411201")).isEqualTo("{\"value\":\"Upstream\",\"unit\":\"<class 'str'>\"}");
        assertThat(valueOf(ObdCommands.OBD_COMPLIANCE, "411C06"))
                .isEqualTo("{\"value\":\"EOBD (Europe)\",\"unit\":\"<class 'str'>\"}");
        assertThat(valueOf(ObdCommands.AUX_INPUT_STATUS, "411E80")).isEqualTo("{\"value\":true,\"unit\":\"<class 'bool'>\"}");
        assertThat(valueOf(ObdCommands.VIN, "4902015750305A5A5A39395A5453333932313234"))
                .isEqualTo("{\"value\":\"WP0ZZZ99ZTS392124\",\"unit\":\"<class 'bytearray'>\"}");
        assertThat(valueOf(ObdCommands.CVN, "490601791BC821")).isEqualTo("{\"value\":\"791bc821\",\"unit\":\"<class 'str'>\"}");
        assertThat(valueOf(ObdCommands.FUEL_TYPE, "411899")).isEqualTo("{\"value\":null,\"unit\":null}");
    }

    @Test
    void monitorIsAnArrayOfTests() {
        assertThat(valueOf(ObdCommands.MONITOR_O2_B1S1, "4601010A0BB00BB00BB001051000480000006401852400960"
                + "04BFFFF")).isEqualTo("{\"value\":["
                + "{\"tid\":1,\"name\":\"RTL_THRESHOLD_VOLTAGE\",\"desc\":\"Rich to lean sensor threshold voltage\","
                + "\"value\":365.024,\"min\":365.024,\"max\":365.024,\"passed\":true,\"unit\":\"millivolt\"},"
                + "{\"tid\":5,\"name\":\"RTL_SWITCH_TIME\",\"desc\":\"Rich to lean sensor switch time\",\"value\":72.0,"
                + "\"min\":0.0,\"max\":100.0,\"passed\":true,\"unit\":\"millisecond\"},"
                + "{\"tid\":133,\"name\":\"Unknown\",\"desc\":\"Unknown\",\"value\":150.0,\"min\":75.0,\"max\":65535.0,"
                + "\"passed\":true,\"unit\":\"count\"}],\"unit\":\"<class 'obd.OBDResponse.Monitor'>\"}");
        assertThat(valueOf(ObdCommands.MONITOR_CATALYST_B1, "4621012E0000000000FF")).isEqualTo("{\"value\":["
                + "{\"tid\":1,\"name\":\"RTL_THRESHOLD_VOLTAGE\",\"desc\":\"Rich to lean sensor threshold voltage\","
                + "\"value\":false,\"min\":false,\"max\":true,\"passed\":true,\"unit\":\"<class 'bool'>\"}],"
                + "\"unit\":\"<class 'obd.OBDResponse.Monitor'>\"}");
    }

    @Test
    void extensionsAndAdapterCommands() {
        assertThat(valueOf(ObdCommands.ECU_NAME, "490A01" + "45434D002D456E67696E65436F6E74726F6C00"))
                .isEqualTo("{\"value\":\"ECM-EngineControl\",\"unit\":\"<class 'str'>\"}");
        assertThat(valueOf(ObdCommands.PERF_TRACKING_COMPRESSION, "490B02000A0014"))
                .isEqualTo("{\"value\":{\"OBDCOND\":10,\"IGNCNTR\":20},\"unit\":\"<class 'dict'>\"}");
        ObdResponse volts = ObdCommands.ELM_VOLTAGE.decode(List.of(EcuMessage.ofText(EcuRole.UNKNOWN,
                List.of("12.6V"))), TIME);
        assertThat(ObdJson.toValueJson(volts)).isEqualTo("{\"value\":12.6,\"unit\":\"volt\"}");
        ObdCommand raw = ObdCommand.of("RAW", "raw bytes", "0142", 0, Decoders.NOOP, EcuRole.ALL, false);
        assertThat(valueOf(raw, "4142ABCD")).isEqualTo("{\"value\":\"4142ABCD\",\"unit\":\"<class 'bytearray'>\"}");
    }

    @Test
    void floatsArePrintedAsPythonPrintsThem() {
        double[] values = {0.1, 1e-05, 0.0001, 1e16, 1e15, 123456789.0, 1.5e-07, -0.0, 0.0, 5e-324,
            1.7976931348623157e308, 0.1 + 0.2, 2e23, 1e22, 100.0, -32767.5, 4.000061036087587, 12345678.9, 1e-4 / 3};
        String[] python = {"0.1", "1e-05", "0.0001", "1e+16", "1000000000000000.0", "123456789.0", "1.5e-07", "-0.0",
            "0.0", "5e-324", "1.7976931348623157e+308", "0.30000000000000004", "2e+23", "1e+22", "100.0", "-32767.5",
            "4.000061036087587", "12345678.9", "3.3333333333333335e-05"};
        for (int i = 0; i < values.length; i++) {
            assertThat(PythonFloat.repr(values[i])).as("repr of " + values[i]).isEqualTo(python[i]);
            assertThat(Double.parseDouble(PythonFloat.repr(values[i]))).isEqualTo(values[i]);
        }
    }

    @Test
    void stringsAreEscapedAsPythonJsonDumpsDoes() {
        assertThat(ObdJson.toJson(TextValue.str("é\u0001\"\\\n\t\u007f/\uD83D\uDE00")))
                .isEqualTo("\"\\u00e9\\u0001\\\"\\\\\\n\\t\\u007f/\\ud83d\\ude00\"");
    }

    @Test
    void rawBytesAreHexNeverBase64() {
        assertThat(ObdJson.toJson(new byte[] {0x41, 0x0C, (byte) 0xFF})).isEqualTo("\"410CFF\"");
        assertThat(ObdJson.toJson(EcuMessage.of(EcuRole.ENGINE, 0x7E8, new byte[] {0x41, 0x0D, 0x37})))
                .isEqualTo("{\"role\":\"engine\",\"source\":\"7E8\",\"data\":\"410D37\"}");
    }
}
