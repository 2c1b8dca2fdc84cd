package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.socketcan.RequiresSocketCan;
import dev.obdio.can.socketcan.SocketCanCondition;
import dev.obdio.isotp.IsoTp;
import dev.obdio.obd.DtcList;
import dev.obdio.obd.Ecu;
import dev.obdio.obd.EcuRole;
import dev.obdio.obd.ObdAddressing;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdOptions;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.ObdStatus;
import dev.obdio.obd.ObdValue;
import dev.obdio.obd.Quantity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * OBD-II end to end on a real SocketCAN interface (run in the QEMU guest by
 * {@code .ci/socketcan-tests sim}): an {@link ObdConnection} on vcan0 against the simulated car's
 * {@link VehicleServer} on vcan0, the car's ECUs on the java and then on the kernel ISO-TP engine,
 * with 11-bit and 29-bit identifiers.
 *
 * <p>The client side is always the java engine: {@code ObdConnection} takes no engine option by
 * design. A functional request is answered by an unknown number of ECUs on ids learnt from the
 * answers, and the client opens each ECU's channel the moment that ECU's first frame is seen on
 * its raw endpoint, so even that frame reaches the channel (see {@code ObdTransport}). A
 * CAN_ISOTP socket must be bound to its id pair before the first frame arrives, so a kernel
 * channel opened on the first frame would miss it. The kernel engine is exercised on the ECU
 * side here, and as a tester by {@code UdsOnVcanSocketCanTest}.
 */
@RequiresSocketCan
class ObdOnVcanSocketCanTest {
    private static final String IF = SocketCanCondition.testInterface();
    /** P2 with room for the emulated guest, where a JIT-cold answer takes far longer than 50 ms. */
    private static final ObdOptions OPTIONS = ObdOptions.DEFAULTS.withP2(Duration.ofSeconds(2));

    private static ObdValue valueOf(ObdConnection car, ObdCommand command) {
        ObdResponse r = car.query(command);
        assertThat(r.value()).as("%s: %s", command.name(), r.problems()).isPresent();
        return r.value().get();
    }

    private static List<String> codes(ObdValue value) {
        return ((DtcList) value).codes().stream().map(d -> d.code()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"JAVA", "KERNEL"})
    void discoveryPidsVinAndDtcsOn11BitIds(IsoTp.Engine ecuEngine) {
        ConcurrentLinkedQueue<ServedRequest> served = new ConcurrentLinkedQueue<>();
        Vehicle vehicle = Vehicle.create(VehicleFiles.builtIn("petrol"), System.nanoTime());
        try (VehicleServer server = VehicleServer.start(vehicle, IF,
                ServerOptions.DEFAULTS.withEngine(ecuEngine).withRequestLog(served::add));
             ObdConnection car = ObdConnection.open(IF, OPTIONS.withAddressing(ObdAddressing.AUTO))) {
            assertThat(server.engine()).contains(ecuEngine);
            assertThat(car.status()).isEqualTo(ObdStatus.CAR_CONNECTED);
            assertThat(car.protocolName()).isEqualTo("ISO 15765-4 (CAN 11/500)");
            assertThat(car.ecus()).extracting(Ecu::responseId).containsExactlyInAnyOrder(0x7E8, 0x7E9, 0x7EA);
            assertThat(car.ecu(EcuRole.ENGINE).orElseThrow().responseId()).isEqualTo(0x7E8);
            assertThat(car.supports(ObdCommands.RPM)).isTrue();

            assertThat(((Quantity) valueOf(car, ObdCommands.RPM)).doubleValue()).isBetween(500.0, 7000.0);
            served.clear();
            Map<ObdCommand, ObdResponse> many = car.query(List.of(ObdCommands.RPM, ObdCommands.SPEED,
                    ObdCommands.COOLANT_TEMP, ObdCommands.INTAKE_TEMP));
            assertThat(many.values()).allMatch(r -> r.value().isPresent());
            // The four PIDs went out in one request, answered by the engine in one (segmented) response.
            assertThat(served).anyMatch(r -> r.ecu().equals("engine") && Hex.of(r.request()).equals("01 0C 0D 05 0F")
                    && r.outcome() instanceof ServedRequest.Answered);

            // The VIN: a first frame, flow control from the client, consecutive frames.
            assertThat(valueOf(car, ObdCommands.VIN).toString()).contains("5FNSM1H50PB004273");
            assertThat(codes(valueOf(car, ObdCommands.GET_DTC))).containsExactly("P0301");
            assertThat(codes(valueOf(car, ObdCommands.GET_CURRENT_DTC))).containsExactlyInAnyOrder("P0171", "P0562");
        }
    }

    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"JAVA", "KERNEL"})
    void the29BitVariantIsFoundAndAnswers(IsoTp.Engine ecuEngine) {
        Vehicle vehicle = Vehicle.create(VehicleFiles.builtIn("petrol").withExtendedIds(), System.nanoTime());
        try (VehicleServer server = VehicleServer.start(vehicle, IF, ServerOptions.DEFAULTS.withEngine(ecuEngine));
             ObdConnection car = ObdConnection.open(IF, OPTIONS.withAddressing(ObdAddressing.CAN_29_BIT))) {
            assertThat(server.engine()).contains(ecuEngine);
            assertThat(car.status()).isEqualTo(ObdStatus.CAR_CONNECTED);
            assertThat(car.protocolName()).isEqualTo("ISO 15765-4 (CAN 29/500)");
            assertThat(car.ecus()).extracting(Ecu::responseId)
                    .containsExactlyInAnyOrder(0x18DAF110, 0x18DAF118, 0x18DAF11E);
            assertThat(((Quantity) valueOf(car, ObdCommands.SPEED)).doubleValue()).isBetween(0.0, 300.0);
            assertThat(valueOf(car, ObdCommands.VIN).toString()).contains("5FNSM1H50PB004273");
            assertThat(codes(valueOf(car, ObdCommands.GET_DTC))).containsExactly("P0301");
        }
    }
}
