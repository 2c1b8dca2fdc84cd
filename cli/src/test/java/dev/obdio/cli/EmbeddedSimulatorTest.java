package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Commands given no BUS talk to the built-in simulated car. */
class EmbeddedSimulatorTest {

    @Test
    void udsWithoutABusReadsTheSimulatedCar() {
        Cli.Result r = Cli.run("uds", "--tx", "7E0", "--rx", "7E8", "read", "F190");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("5FNSM1H50PB004273");
        assertThat(r.errLines()).containsExactly("obdio uds: no BUS given: talking to the simulated petrol car on "
                + EmbeddedSimulator.start() + " (give vcan0, can0 or udp: for another bus)");
        Cli.Result battery = Cli.run("uds", "--tx", "7E2", "read", "F18C");
        assertThat(battery.out()).contains("SIM23B005512");
        Cli.Result refused = Cli.run("uds", "--tx", "7E0", "read", "1234");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("NRC 0x31");
    }

    @Test
    void theEmbeddedCarIsOnePerProcess() {
        assertThat(EmbeddedSimulator.start()).isEqualTo(EmbeddedSimulator.start()).startsWith("virtual:obdio-sim");
    }
}
