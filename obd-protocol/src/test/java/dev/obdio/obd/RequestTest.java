package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request bytes of single commands, and multi-PID mode 01 requests with the splitting of their answers. */
class RequestTest {

    @Test
    void singleCommandRequests() {
        assertThat(ObdCommands.RPM.requestHex()).isEqualTo("010C");
        assertThat(ObdCommands.PIDS_A.requestHex()).isEqualTo("0100");
        assertThat(ObdCommands.VIN.requestHex()).isEqualTo("0902");
        assertThat(ObdCommands.MIDS_A.requestHex()).isEqualTo("0600");
        assertThat(ObdCommands.MONITOR_MISFIRE_CYLINDER_1.requestHex()).isEqualTo("06A2");
        assertThat(ObdCommands.GET_DTC.requestHex()).isEqualTo("03");
        assertThat(ObdCommands.CLEAR_DTC.requestHex()).isEqualTo("04");
        assertThat(ObdCommands.GET_CURRENT_DTC.requestHex()).isEqualTo("07");
        assertThat(ObdCommands.GET_PERMANENT_DTC.requestHex()).isEqualTo("0A");
        assertThat(ObdCommands.ECU_NAME.requestHex()).isEqualTo("090A");
        assertThat(ObdCommands.RPM.request()).containsExactly(0x01, 0x0C);
    }

    @Test
    void freezeFrameRequestsCarryTheFrameNumber() {
        assertThat(ObdCommands.DTC_RPM.request()).containsExactly(0x02, 0x0C, 0x00);
        assertThat(ObdCommands.DTC_SPEED.freezeFrameRequest(2)).containsExactly(0x02, 0x0D, 0x02);
        assertThatThrownBy(() -> ObdCommands.DTC_SPEED.freezeFrameRequest(256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..255");
        assertThatThrownBy(() -> ObdCommands.RPM.freezeFrameRequest(0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a mode 02");
    }

    @Test
    void adapterCommandsHaveNoObdRequest() {
        assertThat(ObdCommands.ELM_VOLTAGE.isAdapterCommand()).isTrue();
        assertThatThrownBy(ObdCommands.ELM_VOLTAGE::request).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ELM327 adapter command");
    }

    @Test
    void multiPidRequestListsThePids() {
        MultiPidRequest r = MultiPidRequest.of(ObdCommands.RPM, ObdCommands.SPEED, ObdCommands.COOLANT_TEMP);
        assertThat(r.request()).containsExactly(0x01, 0x0C, 0x0D, 0x05);
    }

    @Test
    void multiPidRequestsAreValidated() {
        assertThatThrownBy(() -> MultiPidRequest.of()).hasMessageContaining("1..6");
        assertThatThrownBy(() -> MultiPidRequest.of(ObdCommands.RPM, ObdCommands.SPEED, ObdCommands.MAF,
                ObdCommands.COOLANT_TEMP, ObdCommands.INTAKE_TEMP, ObdCommands.ENGINE_LOAD, ObdCommands.FUEL_LEVEL))
                .hasMessageContaining("1..6");
        assertThatThrownBy(() -> MultiPidRequest.of(ObdCommands.RPM, ObdCommands.RPM)).hasMessageContaining("twice");
        assertThatThrownBy(() -> MultiPidRequest.of(ObdCommands.VIN)).hasMessageContaining("not a mode 01");
        assertThatThrownBy(() -> MultiPidRequest.of(ObdCommands.DTC_RPM)).hasMessageContaining("not a mode 01");
        assertThatThrownBy(() -> MultiPidRequest.of(ObdCommands.PIDS_A, ObdCommands.RPM))
                .hasMessageContaining("supported-PID masks");
        assertThat(MultiPidRequest.of(ObdCommands.PIDS_A, ObdCommands.PIDS_B).request())
                .containsExactly(0x01, 0x00, 0x20);
    }

    @Test
    void answerIsSplitByEachCommandsLength() {
        MultiPidRequest r = MultiPidRequest.of(ObdCommands.RPM, ObdCommands.SPEED, ObdCommands.O2_S1_WR_VOLTAGE,
                ObdCommands.COOLANT_TEMP);
        // the ECU answers in its own order and leaves out PID 05, which it does not support
        EcuMessage answer = EcuMessage.of(EcuRole.ENGINE, 0x7E8,
                HexFormat.of().parseHex("410D37" + "2480008000" + "0C1AF8"));
        MultiPidRequest.Split split = r.split(answer);
        assertThat(split.problems()).isEmpty();
        assertThat(split.parts().keySet()).containsExactly(ObdCommands.SPEED, ObdCommands.O2_S1_WR_VOLTAGE,
                ObdCommands.RPM);
        assertThat(split.parts().get(ObdCommands.RPM).hex()).isEqualTo("410C1AF8");
        assertThat(split.parts().get(ObdCommands.O2_S1_WR_VOLTAGE).hex()).isEqualTo("412480008000");
        assertThat(split.parts().get(ObdCommands.RPM).sourceId()).isEqualTo(0x7E8);

        Map<ObdCommand, ObdResponse> decoded = r.decode(List.of(answer), 5);
        assertThat(decoded.get(ObdCommands.RPM).value()).contains(Quantity.of(1726.0, "revolutions_per_minute"));
        assertThat(decoded.get(ObdCommands.SPEED).value()).contains(Quantity.of(55.0, "kilometer_per_hour"));
        assertThat(decoded.get(ObdCommands.COOLANT_TEMP).value()).isEmpty();
        assertThat(decoded.get(ObdCommands.COOLANT_TEMP).time()).isEqualTo(5);
    }

    @Test
    void splittingStopsAtWhatItCannotRead() {
        MultiPidRequest r = MultiPidRequest.of(ObdCommands.RPM, ObdCommands.SPEED);
        MultiPidRequest.Split unknown = r.split(EcuMessage.ofHex(EcuRole.ENGINE, "410D37" + "0F4C" + "0C1AF8"));
        assertThat(unknown.parts()).containsOnlyKeys(ObdCommands.SPEED);
        assertThat(unknown.problems()).singleElement().extracting(ObdProblem::describe).asString()
                .contains("unrequested PID 0F at byte 3");
        MultiPidRequest.Split truncated = r.split(EcuMessage.ofHex(EcuRole.ENGINE, "410D37" + "0C1A"));
        assertThat(truncated.parts()).containsOnlyKeys(ObdCommands.SPEED);
        assertThat(truncated.problems().get(0).describe()).contains("PID 0C needs 2 data bytes, 1 left");
        MultiPidRequest.Split repeated = r.split(EcuMessage.ofHex(EcuRole.ENGINE, "410D37" + "0D38"));
        assertThat(repeated.problems().get(0).describe()).contains("repeated PID 0D");
        MultiPidRequest.Split refused = r.split(EcuMessage.ofHex(EcuRole.ENGINE, "7F0131"));
        assertThat(refused.problems()).singleElement().isInstanceOf(ObdProblem.NegativeResponse.class);
        MultiPidRequest.Split wrongMode = r.split(EcuMessage.ofHex(EcuRole.ENGINE, "490C00"));
        assertThat(wrongMode.problems().get(0).describe()).contains("not a mode 01 answer");

        Map<ObdCommand, ObdResponse> decoded = r.decode(List.of(EcuMessage.ofHex(EcuRole.ENGINE, "410D37" + "0C1A")), 0);
        assertThat(decoded.get(ObdCommands.SPEED).value()).isPresent();
        assertThat(decoded.get(ObdCommands.RPM).value()).isEmpty();
        assertThat(decoded.get(ObdCommands.RPM).problems()).hasSize(1);
    }

    @Test
    void severalEcusAnswerTheSameRequest() {
        MultiPidRequest r = MultiPidRequest.of(ObdCommands.RPM, ObdCommands.SPEED);
        Map<ObdCommand, ObdResponse> decoded = r.decode(List.of(
                EcuMessage.of(EcuRole.ENGINE, 0x7E8, HexFormat.of().parseHex("410C1AF8")),
                EcuMessage.of(EcuRole.ENGINE, 0x7E9, HexFormat.of().parseHex("410D37"))), 0);
        assertThat(decoded.get(ObdCommands.RPM).value()).isPresent();
        assertThat(decoded.get(ObdCommands.SPEED).value()).isPresent();
    }
}
