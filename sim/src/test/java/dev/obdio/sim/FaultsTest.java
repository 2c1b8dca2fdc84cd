package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults switched on and off at runtime, as client tests use them. */
class FaultsTest {
    private final FakeClock clock = new FakeClock();
    private Vehicle vehicle;
    private EcuProbe engine;
    private SimulatedEcu ecu;

    @BeforeEach
    void setUp() {
        vehicle = Vehicle.create(VehicleFiles.builtIn("petrol"), clock.now());
        engine = new EcuProbe(vehicle, "engine", clock);
        ecu = vehicle.ecu("engine");
        clock.advanceMillis(45_000); // moving, so values are not zero
    }

    @Test
    void silentEcuAnswersNothingUntilCleared() {
        ecu.injectFault(new Fault.Silent());
        assertThat(engine.physical("01 0C")).isEqualTo("(silence)");
        assertThat(engine.functional("01 00")).isEqualTo("(silence)");
        assertThat(engine.physical("3E 00")).isEqualTo("(silence)");
        assertThat(vehicle.ecu("transmission").respond(Hex.bytes("01 00"), Addressing.FUNCTIONAL, clock.now()).isSilent())
                .isFalse();
        ecu.removeFault(Fault.Silent.class);
        assertThat(engine.physical("3E 00")).isEqualTo("7E 00");
    }

    @Test
    void slowEcuAnswersBeyondP2() {
        ecu.injectFault(new Fault.Slow(Duration.ofMillis(100)));
        ecu.injectFault(new Fault.Slow(Duration.ofMillis(200))); // replaces the first
        assertThat(ecu.faults()).containsExactly(new Fault.Slow(Duration.ofMillis(200)));
        ResponseSchedule s = engine.schedule("01 0D");
        assertThat(s.responses()).hasSize(1);
        assertThat(s.last().delayNanos()).isBetween(205_000_000L, 215_000_000L);
        ecu.clearFaults();
        assertThat(engine.schedule("01 0D").last().delayNanos()).isLessThan(16_000_000L);
    }

    @Test
    void corruptDataKeepsTheLayoutButNotTheValues() {
        String good = engine.physical("01 0D 05");
        ecu.injectFault(new Fault.CorruptData());
        String bad = engine.physical("01 0D 05");
        assertThat(bad).hasSameSizeAs(good).startsWith("41 0D").isNotEqualTo(good);
        byte[] g = Hex.bytes(good.replace(" ", ""));
        byte[] b = Hex.bytes(bad.replace(" ", ""));
        assertThat(b[2]).isEqualTo((byte) ~g[2]);
        // Negative responses stay intact.
        engine.expect("01 16", "7F 01 12");
    }

    @Test
    void wrongPidEchoAndTruncation() {
        ecu.injectFault(new Fault.WrongPidEcho());
        assertThat(engine.physical("01 0C")).startsWith("41 0D");
        assertThat(engine.physical("09 02")).startsWith("49 03 01");
        ecu.clearFaults();
        ecu.injectFault(new Fault.Truncated());
        assertThat(engine.bytes("01 0C")).hasSize(3);
        assertThat(engine.bytes("09 02")).hasSize(19);
    }

    @Test
    void responsePendingStormPrecedesTheAnswer() {
        ecu.injectFault(new Fault.ResponsePendingStorm(5, Duration.ofMillis(40)));
        List<ScheduledResponse> r = engine.schedule("09 02").responses();
        assertThat(r).hasSize(6);
        long latency = r.get(0).delayNanos();
        assertThat(latency).isBetween(5_000_000L, 15_000_000L);
        for (int i = 0; i < 5; i++) {
            assertThat(r.get(i).hex()).isEqualTo("7F0978");
            assertThat(r.get(i).delayNanos()).isEqualTo(latency + i * 40_000_000L);
        }
        assertThat(r.get(5).hex()).startsWith("490201");
        assertThat(r.get(5).delayNanos()).isEqualTo(latency + 200_000_000L);
    }

    @Test
    void intermittentEcuDropsRequestsReproducibly() {
        ecu.injectFault(new Fault.Intermittent(0.5));
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            pattern.append(engine.physical("3E 00").equals("(silence)") ? '-' : 'x');
        }
        long dropped = pattern.chars().filter(c -> c == '-').count();
        assertThat(dropped).isBetween(150L, 250L);

        Vehicle again = Vehicle.create(VehicleFiles.builtIn("petrol"), clock.now());
        again.ecu("engine").injectFault(new Fault.Intermittent(0.5));
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            boolean silent = again.ecu("engine").respond(Hex.bytes("3E 00"), Addressing.PHYSICAL, clock.now()).isSilent();
            second.append(silent ? '-' : 'x');
        }
        assertThat(second.toString()).isEqualTo(pattern.toString());
    }

    @Test
    void vehicleWideFaults() {
        vehicle.injectFault(new Fault.Silent());
        assertThat(vehicle.respondFunctional(Hex.bytes("01 00"), clock.now()).values())
                .allMatch(ResponseSchedule::isSilent);
        vehicle.clearFaults();
        assertThat(vehicle.respondFunctional(Hex.bytes("01 00"), clock.now()).values())
                .noneMatch(ResponseSchedule::isSilent);
    }

    @Test
    void faultParametersAreValidated() {
        assertThatThrownBy(() -> new Fault.Slow(Duration.ofMillis(-1))).hasMessageContaining("delay");
        assertThatThrownBy(() -> new Fault.ResponsePendingStorm(0, Duration.ofMillis(10))).hasMessageContaining("count");
        assertThatThrownBy(() -> new Fault.ResponsePendingStorm(3, Duration.ZERO)).hasMessageContaining("interval");
        assertThatThrownBy(() -> new Fault.Intermittent(1.5)).hasMessageContaining("dropProbability");
    }
}
