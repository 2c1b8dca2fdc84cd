package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.socketcan.RequiresSocketCan;
import dev.obdio.can.socketcan.SocketCanCondition;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import dev.obdio.uds.DiagnosticSessionControl;
import dev.obdio.uds.EcuReset;
import dev.obdio.uds.RoutineControl;
import dev.obdio.uds.SecurityAccess;
import dev.obdio.uds.UdsClient;
import dev.obdio.uds.UdsClientConfig;
import dev.obdio.uds.UdsNegativeResponseException;
import dev.obdio.uds.UdsTimeoutException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The UDS client on a real SocketCAN interface (run in the QEMU guest by
 * {@code .ci/socketcan-tests sim}) against the simulated car's {@link VehicleServer}, with the
 * client's channels on each ISO-TP engine and the server on the other one, so each engine plays
 * each role: sessions, security access, a write read back, a routine answered after
 * response-pending (0x78) negative responses, and a reset.
 */
@RequiresSocketCan
class UdsOnVcanSocketCanTest {
    private static final String IF = SocketCanCondition.testInterface();
    /** The petrol engine's level 1 as docs/SIMULATOR.md gives it. */
    private static final String KEY = "obdio-xor-rotate-add:secret=5A3C96E1,rotate=7";
    /** The emulated guest is slow: P2 plus a generous allowance. */
    private static final UdsClientConfig CONFIG = UdsClientConfig.DEFAULTS
            .withTransportAllowance(Duration.ofSeconds(2)).withKeyAlgorithm(KEY);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static int nrcOf(Runnable call) {
        try {
            call.run();
        } catch (UdsNegativeResponseException e) {
            return e.nrc();
        }
        throw new AssertionError("no negative response");
    }

    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"JAVA", "KERNEL"})
    void sessionSecurityWriteRoutineAndReset(IsoTp.Engine clientEngine) throws Exception {
        IsoTp.Engine serverEngine = clientEngine == IsoTp.Engine.JAVA ? IsoTp.Engine.KERNEL : IsoTp.Engine.JAVA;
        ConcurrentLinkedQueue<ServedRequest> served = new ConcurrentLinkedQueue<>();
        Vehicle vehicle = Vehicle.create(VehicleFiles.builtIn("petrol"), System.nanoTime());
        IsoTpOptions physical = IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8));
        try (VehicleServer server = VehicleServer.start(vehicle, IF,
                ServerOptions.DEFAULTS.withEngine(serverEngine).withRequestLog(served::add));
             IsoTpChannel channel = IsoTp.open(IF, physical, clientEngine);
             UdsClient ecu = new UdsClient(channel, CONFIG)) {
            assertThat(server.engine()).contains(serverEngine);
            assertThat(IsoTp.engineOf(channel)).contains(clientEngine);

            // Sessions and security.
            assertThat(nrcOf(() -> ecu.unlock(1))).as("not in the default session").isEqualTo(0x7F);
            assertThat(ecu.changeSession(DiagnosticSessionControl.EXTENDED).session())
                    .isEqualTo(DiagnosticSessionControl.EXTENDED);
            assertThat(vehicle.ecu("engine").session(System.nanoTime())).isEqualTo(DiagnosticSession.EXTENDED);
            assertThat(ecu.unlock(1)).isEqualTo(SecurityAccess.Outcome.UNLOCKED);
            assertThat(ecu.unlock(1)).isEqualTo(SecurityAccess.Outcome.ALREADY_UNLOCKED);

            // A write read back: the workshop code (a segmented request and response).
            ecu.writeDid(0xF198, "WS-0042-01");
            assertThat(ecu.readDid(0xF198).value().display()).isEqualTo("WS-0042-01");
            assertThat(vehicle.ecu("engine").didValue(0xF198)).asString().isEqualTo("WS-0042-01");
            assertThat(ecu.readDid(0xF190).value().display()).isEqualTo("5FNSM1H50PB004273");

            // The battery test routine takes about 4.5 s: response pending at once, after 2 s and 4 s.
            served.clear();
            RoutineControl.Response r = ecu.routine(RoutineControl.START, 0x0211, new byte[0]);
            assertThat(r.routineId()).isEqualTo(0x0211);
            assertThat(r.statusRecord()).hasSize(3).startsWith(0x00);
            await().atMost(WAIT).until(() -> served.stream().anyMatch(s -> Hex.of(s.request()).equals("31 01 02 11")));
            ServedRequest routine = served.stream().filter(s -> Hex.of(s.request()).equals("31 01 02 11"))
                    .findFirst().orElseThrow();
            assertThat(routine.outcome()).isInstanceOfSatisfying(ServedRequest.Answered.class,
                    a -> assertThat(a.pendingResponses()).isEqualTo(3));

            // A reset drops the session and the level; the ECU is silent while it reboots.
            assertThat(ecu.reset(EcuReset.SOFT).resetType()).isEqualTo(EcuReset.SOFT);
            assertThat(ecu.session()).isEqualTo(DiagnosticSessionControl.DEFAULT);
            assertThat(vehicle.ecu("engine").unlockedSecurityLevels(System.nanoTime())).isEmpty();
            await().atMost(WAIT).ignoreException(UdsTimeoutException.class)
                    .until(() -> ecu.readDid(0xF186).raw()[0] == 0x01);
        }
    }
}
