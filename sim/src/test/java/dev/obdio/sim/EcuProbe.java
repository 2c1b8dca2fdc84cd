package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;

/** Sends raw requests to one ECU at the fake clock's time and returns the final answer. */
final class EcuProbe {
    final Vehicle vehicle;
    final SimulatedEcu ecu;
    final FakeClock clock;

    EcuProbe(Vehicle vehicle, String ecu, FakeClock clock) {
        this.vehicle = vehicle;
        this.ecu = vehicle.ecu(ecu);
        this.clock = clock;
    }

    /** The schedule for a physical request. */
    ResponseSchedule schedule(String hex) {
        return ecu.respond(Hex.bytes(hex), Addressing.PHYSICAL, clock.now());
    }

    /** The final payload of a physical request as hex, or "(silence)". */
    String physical(String hex) {
        return Hex.of(schedule(hex).finalPayload());
    }

    /** The final payload of a functional request as hex, or "(silence)". */
    String functional(String hex) {
        return Hex.of(ecu.respond(Hex.bytes(hex), Addressing.FUNCTIONAL, clock.now()).finalPayload());
    }

    /** Asserts a physical request is answered exactly with {@code expected}. */
    void expect(String request, String expected) {
        assertThat(physical(request)).as("answer to %s", request).isEqualTo(expected);
    }

    /** The final payload bytes of a physical request. */
    byte[] bytes(String hex) {
        return schedule(hex).finalPayload();
    }
}
