package dev.obdio.obd;

import static dev.obdio.obd.TestBuses.FAST;
import static dev.obdio.obd.TestBuses.fresh;
import static dev.obdio.obd.testing.ScriptedEcu.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.obd.testing.ScriptedEcu;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection end to end against scripted ECUs on the virtual bus. */
class ObdConnectionTest {

    private static final String VIN = "1G1JC5444R7252367";

    @Test
    void readsASingleFrameAnswer() {
        String bus = fresh("single");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8").pid(0x0D, "37").start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            assertThat(car.status()).isEqualTo(ObdStatus.CAR_CONNECTED);
            assertThat(car.status().text()).isEqualTo("Car Connected");
            assertThat(car.isConnected()).isTrue();
            assertThat(car.protocolName()).isEqualTo("ISO 15765-4 (CAN 11/500)");
            assertThat(car.protocolId()).isEqualTo("6");
            assertThat(car.portName()).isEqualTo(bus);
            ObdResponse rpm = car.query(ObdCommands.RPM);
            assertThat(rpm.value()).contains(Quantity.of(1726.0, "revolutions_per_minute"));
            assertThat(rpm.messages()).singleElement().satisfies(m -> assertThat(m.sourceId()).isEqualTo(0x7E8));
            assertThat(car.query(ObdCommands.SPEED).value()).contains(Quantity.of(55.0, "kilometer_per_hour"));
        }
    }

    @Test
    void readsAMultiFrameVin() {
        String bus = fresh("vin");
        try (ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8")
                .answer("0902", "490201" + hex(VIN)).start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            assertThat(car.supports(ObdCommands.VIN)).isTrue();
            ObdResponse vin = car.query(ObdCommands.VIN);
            assertThat(vin.value()).contains(TextValue.bytearray(VIN));
        }
    }

    @Test
    void severalEcusAnswerOneFunctionalRequestEachFlowControlledOnItsOwnId() {
        String bus = fresh("many");
        try (TestBuses.Spy spy = new TestBuses.Spy(bus);
             ScriptedEcu engine = ScriptedEcu.on(bus, 0x7E8).pid(0x0C, "1AF8")
                     .answer("0902", "490201" + hex(VIN)).start();
             ScriptedEcu gearbox = ScriptedEcu.on(bus, 0x7E9).pid(0x0D, "37")
                     .answer("0904", "490401" + hex("TCM-CAL-12345678")).start();
             ObdConnection car = ObdConnection.open(bus, FAST)) {
            assertThat(car.ecus()).extracting(Ecu::responseId).containsExactly(0x7E8, 0x7E9);
            assertThat(car.ecu(EcuRole.ENGINE)).map(Ecu::responseId).contains(0x7E8);
            assertThat(car.ecu(EcuRole.TRANSMISSION)).map(Ecu::responseId).contains(0x7E9);
            List<ObdResponse> vin = car.queryEach(ObdCommands.VIN, true);
            List<ObdResponse> cal = car.queryEach(ObdCommands.CALIBRATION_ID, true);
            assertThat(vin).singleElement().satisfies(r -> assertThat(r.value()).contains(TextValue.bytearray(VIN)));
            assertThat(cal).singleElement().satisfies(r -> assertThat(r.value())
                    .contains(TextValue.bytearray("TCM-CAL-12345678")));
            // Each ECU's first frame was answered with a flow control on that ECU's physical id.
            List<ReceivedFrame> frames = spy.frames();
            assertThat(frames).anyMatch(f -> f.frame().id() == 0x7E0 && (f.frame().dataByte(0) >> 4) == 3);
            assertThat(frames).anyMatch(f -> f.frame().id() == 0x7E1 && (f.frame().dataByte(0) >> 4) == 3);
            assertThat(frames).filteredOn(f -> f.frame().id() == 0x7DF)
                    .allMatch(f -> f.frame().length() == 8 && f.frame().dataByte(7) == 0xCC);
        }
    }
}
