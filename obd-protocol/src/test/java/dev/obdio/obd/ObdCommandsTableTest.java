package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Java command table against {@code obd_commands.tsv}, field by field, and the lookups. */
class ObdCommandsTableTest {
    private static final Map<String, Integer> ECU_MASKS = Map.of("ENGINE", 2, "ALL", 255, "UNKNOWN", 1,
            "TRANSMISSION", 4);

    @Test
    void everyPythonObdCommandMatchesTheTable() {
        List<String[]> rows = ReferenceFiles.readQuotedTsv(ReferenceFiles.require("obd_commands.tsv"));
        List<String> header = List.of(rows.get(0));
        assertThat(header).containsExactly("mode", "pid", "name", "desc", "response_bytes", "decoder", "unit",
                "value_type", "fast", "ecu", "command", "header", "always_supported");
        List<String[]> table = rows.subList(1, rows.size());
        List<ObdCommand> ours = ObdCommands.pythonObd();
        assertThat(table).hasSize(292);
        assertThat(ours).hasSize(table.size());
        for (int i = 0; i < table.size(); i++) {
            String[] r = table.get(i);
            ObdCommand c = ours.get(i);
            String at = "row " + (i + 2) + " " + r[2];
            assertThat(c.name()).as(at).isEqualTo(r[2]);
            assertThat(c.desc()).as(at).isEqualTo(r[3]);
            assertThat(c.bytes()).as(at).isEqualTo(Integer.parseInt(r[4]));
            assertThat(c.decoder().pythonName()).as(at).isEqualTo(r[5]);
            assertThat(c.unit()).as(at).isEqualTo(r[6]);
            assertThat(c.decoder().valueType()).as(at).isEqualTo(r[7]);
            assertThat(c.fast()).as(at).isEqualTo(Boolean.parseBoolean(r[8]));
            assertThat(c.ecu()).as(at).isEqualTo(ECU_MASKS.get(r[9]));
            assertThat(c.command()).as(at).isEqualTo(r[10]);
            assertThat(r[11]).as(at).isEqualTo("7E0");
            assertThat(c.alwaysSupported()).as(at).isEqualTo(Boolean.parseBoolean(r[12]));
            assertThat(c.extension()).as(at).isFalse();
            if (r[0].isEmpty()) {
                assertThat(c.mode()).as(at).isEmpty();
                assertThat(c.isAdapterCommand()).as(at).isTrue();
            } else {
                assertThat(c.mode().getAsInt()).as(at).isEqualTo(Integer.parseInt(r[0], 16));
                assertThat(c.pid().isPresent()).as(at).isEqualTo(!r[1].isEmpty());
                if (!r[1].isEmpty()) {
                    assertThat(c.pid().getAsInt()).as(at).isEqualTo(Integer.parseInt(r[1], 16));
                }
            }
            assertThat(ObdCommands.byName(r[2])).as(at).contains(c);
        }
    }

    @Test
    void namesAreUniqueUpperCaseAndFoundCaseSensitively() {
        Set<String> names = new HashSet<>();
        for (ObdCommand c : ObdCommands.all()) {
            assertThat(names.add(c.name())).as(c.name()).isTrue();
            assertThat(ObdCommands.hasName(c.name())).as(c.name()).isTrue();
        }
        assertThat(ObdCommands.hasName("RPM")).isTrue();
        assertThat(ObdCommands.hasName("rpm")).isFalse();
        assertThat(ObdCommands.byName("rpm")).isEmpty();
        assertThat(ObdCommands.hasName("modes")).isFalse();
        assertThat(ObdCommands.hasName("")).isFalse();
        assertThat(ObdCommands.hasName(null)).isFalse();
    }

    @Test
    void lookupByModeAndPidFollowsPythonObd() {
        assertThat(ObdCommands.byModeAndPid(0x01, 0x0C)).contains(ObdCommands.RPM);
        assertThat(ObdCommands.byModeAndPid(0x02, 0x0C)).contains(ObdCommands.DTC_RPM);
        assertThat(ObdCommands.byModeAndPid(0x06, 0xA1)).contains(ObdCommands.MONITOR_MISFIRE_GENERAL);
        assertThat(ObdCommands.byModeAndPid(0x09, 0x02)).contains(ObdCommands.VIN);
        // single commands of a mode without PID are found at PID 0, as obd.commands[3][0]
        assertThat(ObdCommands.byModeAndPid(0x03, 0)).contains(ObdCommands.GET_DTC);
        assertThat(ObdCommands.byModeAndPid(0x04, 0)).contains(ObdCommands.CLEAR_DTC);
        assertThat(ObdCommands.byModeAndPid(0x07, 0)).contains(ObdCommands.GET_CURRENT_DTC);
        assertThat(ObdCommands.byModeAndPid(0x0A, 0)).contains(ObdCommands.GET_PERMANENT_DTC);
        assertThat(ObdCommands.byModeAndPid(0x03, 1)).isEmpty();
        assertThat(ObdCommands.byModeAndPid(0x06, 0x11)).isEmpty(); // reserved in python-OBD
        assertThat(ObdCommands.byModeAndPid(-1, 0)).isEmpty();
        assertThat(ObdCommands.byModeAndPid(1, -1)).isEmpty();
        assertThat(ObdCommands.byCommand("010c")).contains(ObdCommands.RPM);
    }

    @Test
    void extensionsAreFlaggedAndComplete() {
        assertThat(ObdCommands.extensions()).allMatch(ObdCommand::extension);
        assertThat(ObdCommands.extensions()).extracting(ObdCommand::command)
                .containsExactly("0A", "0907", "0908", "0909", "090A", "090B");
        assertThat(ObdCommands.all()).hasSize(292 + ObdCommands.extensions().size());
        assertThat(ObdCommands.byModeAndPid(0x09, 0x0A)).contains(ObdCommands.ECU_NAME);
    }

    @Test
    void baseCommandsAndPidGettersAreThoseOfPythonObd() {
        assertThat(ObdCommands.baseCommands()).extracting(ObdCommand::name).containsExactlyInAnyOrder(
                "PIDS_A", "PIDS_9A", "MIDS_A", "GET_DTC", "CLEAR_DTC", "GET_CURRENT_DTC", "ELM_VERSION", "ELM_VOLTAGE");
        assertThat(ObdCommands.pidGetters()).extracting(ObdCommand::name).containsExactly(
                "PIDS_A", "PIDS_B", "PIDS_C", "MIDS_A", "MIDS_B", "MIDS_C", "MIDS_D", "MIDS_E", "MIDS_F", "PIDS_9A");
    }

    @Test
    void closeNamesSuggestWhatWasMeant() {
        assertThat(ObdCommands.closeNames("rpm", 3)).containsExactly("RPM", "DTC_RPM");
        assertThat(ObdCommands.closeNames("SPED", 2)).contains("SPEED");
        assertThat(ObdCommands.closeNames("coolant", 5)).contains("COOLANT_TEMP", "DTC_COOLANT_TEMP");
        assertThat(ObdCommands.closeNames("QQQQQQQQQQQQQQQQQ", 5)).isEmpty();
    }
}
