package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** python-OBD's ECU roles, and how commands are grouped into requests. */
class RoleAndPlanTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static Map<Integer, byte[]> answers(Object... idAndHex) {
        Map<Integer, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < idAndHex.length; i += 2) {
            m.put((Integer) idAndHex[i], hex((String) idAndHex[i + 1]));
        }
        return m;
    }

    @Test
    void aSingleEcuIsTheEngineWhateverItsId() {
        assertThat(RoleAssignment.assign(IdScheme.ELEVEN_BIT, answers(0x7EB, "4100BE3EB811")))
                .containsExactly(Map.entry(0x7EB, EcuRole.ENGINE));
    }

    @Test
    void theEngineAndTransmissionIdsWin() {
        assertThat(RoleAssignment.assign(IdScheme.ELEVEN_BIT, answers(0x7E9, "410080000000", 0x7E8, "410000000001",
                0x7EA, "4100FFFFFFFF"))).containsExactly(Map.entry(0x7E8, EcuRole.ENGINE),
                Map.entry(0x7E9, EcuRole.TRANSMISSION), Map.entry(0x7EA, EcuRole.UNKNOWN));
        assertThat(RoleAssignment.assign(IdScheme.TWENTY_NINE_BIT, answers(0x18DAF118, "410080000000",
                0x18DAF110, "410000000001"))).containsExactly(Map.entry(0x18DAF110, EcuRole.ENGINE),
                Map.entry(0x18DAF118, EcuRole.TRANSMISSION));
    }

    @Test
    void withoutAnEcuOnTheEnginesIdTheOneWithTheMostPidsIsTheEngine() {
        // python-OBD overwrites the transmission when it has the most bits
        assertThat(RoleAssignment.assign(IdScheme.ELEVEN_BIT, answers(0x7E9, "4100FF000000", 0x7EA, "41000F000000")))
                .containsExactly(Map.entry(0x7E9, EcuRole.ENGINE), Map.entry(0x7EA, EcuRole.UNKNOWN));
        // a tie goes to the lowest id
        assertThat(RoleAssignment.assign(IdScheme.TWENTY_NINE_BIT, answers(0x18DAF17A, "41000F000000",
                0x18DAF120, "4100F0000000"))).containsEntry(0x18DAF120, EcuRole.ENGINE)
                .containsEntry(0x18DAF17A, EcuRole.UNKNOWN);
    }

    @Test
    void lateEcusGetTheRoleOfTheirIdIfItIsFree() {
        Map<Integer, EcuRole> known = Map.of(0x7EA, EcuRole.ENGINE);
        assertThat(RoleAssignment.late(IdScheme.ELEVEN_BIT, 0x7E8, known)).isEqualTo(EcuRole.UNKNOWN);
        assertThat(RoleAssignment.late(IdScheme.ELEVEN_BIT, 0x7E9, known)).isEqualTo(EcuRole.TRANSMISSION);
    }

    private static VehicleState vehicle(Ecu... ecus) {
        Map<Integer, Ecu> m = new LinkedHashMap<>();
        for (Ecu e : ecus) {
            m.put(e.responseId(), e);
        }
        return new VehicleState(IdScheme.ELEVEN_BIT, m, true);
    }

    @Test
    void mode01DataPidsAreBatchedUpToTheLimitAndTheRestGoAlone() {
        Ecu engine = new Ecu(0x7E8, 0x7E0, false, EcuRole.ENGINE, Set.of(ObdCommands.PIDS_A, ObdCommands.RPM,
                ObdCommands.SPEED, ObdCommands.COOLANT_TEMP, ObdCommands.ENGINE_LOAD, ObdCommands.MAF,
                ObdCommands.INTAKE_TEMP, ObdCommands.THROTTLE_POS, ObdCommands.VIN));
        VehicleState v = vehicle(engine);
        List<ObdCommand> asked = List.of(ObdCommands.RPM, ObdCommands.VIN, ObdCommands.SPEED, ObdCommands.PIDS_A,
                ObdCommands.COOLANT_TEMP, ObdCommands.ENGINE_LOAD, ObdCommands.MAF, ObdCommands.INTAKE_TEMP,
                ObdCommands.THROTTLE_POS, ObdCommands.GET_DTC, ObdCommands.RPM);
        List<QueryPlanner.Planned> plan = QueryPlanner.plan(asked, v, Map.of(), 6);
        assertThat(plan).extracting(p -> HexFormat.of().withUpperCase().formatHex(p.requestBytes()))
                .containsExactly("010C0D0504100F", "0111", "0902", "0100", "03");
        assertThat(plan.get(0).expected()).containsExactly(0x7E8);
        assertThat(QueryPlanner.plan(asked, v, Map.of(), 1)).allMatch(p -> p instanceof QueryPlanner.Single);
        assertThat(QueryPlanner.plan(asked, v, Map.of(0x7E8, MultiPidSupport.REJECTS), 6))
                .allMatch(p -> p instanceof QueryPlanner.Single).hasSize(10);
    }

    @Test
    void expectationsFollowRolesAndSupport() {
        Ecu engine = new Ecu(0x7E8, 0x7E0, false, EcuRole.ENGINE, Set.of(ObdCommands.RPM, ObdCommands.CALIBRATION_ID));
        Ecu gearbox = new Ecu(0x7E9, 0x7E1, false, EcuRole.TRANSMISSION,
                Set.of(ObdCommands.RPM, ObdCommands.CALIBRATION_ID));
        VehicleState v = vehicle(engine, gearbox);
        assertThat(QueryPlanner.expected(ObdCommands.RPM, v)).containsExactly(0x7E8); // RPM takes the engine only
        assertThat(QueryPlanner.expected(ObdCommands.CALIBRATION_ID, v)).containsExactly(0x7E8, 0x7E9);
        assertThat(QueryPlanner.expected(ObdCommands.GET_DTC, v)).containsExactly(0x7E8, 0x7E9);
        assertThat(QueryPlanner.expected(ObdCommands.SPEED, v)).isEmpty();
    }
}
