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
    void obdWithoutABusQueriesAndScansTheSimulatedCar() {
        Cli.Result q = Cli.run("obd", "query", "RPM", "SPEED", "VIN", "CONTROL_MODULE_VOLTAGE");
        assertThat(q.exitCode()).as(q.err()).isZero();
        assertThat(q.err()).startsWith("obdio obd query: no BUS given: talking to the simulated petrol car on virtual:obdio-sim");
        assertThat(q.out()).containsPattern("RPM: \\d+\\.\\d+ revolutions_per_minute").contains("VIN: 5FNSM1H50PB004273");
        Cli.Result scan = Cli.run("obd", "scan");
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("7E8", "7E9", "7EA", "5FNSM1H50PB004273", "P0301");
        Cli.Result dtc = Cli.run("obd", "dtc", "--pending");
        assertThat(dtc.out()).contains("P0171", "P0562");
    }

    @Test
    void theEmbeddedCarIsOnePerProcess() {
        assertThat(EmbeddedSimulator.start()).isEqualTo(EmbeddedSimulator.start()).startsWith("virtual:obdio-sim");
    }
}
