package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanFilterSet;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Start and stop, runtime controls, bad input on the bus. */
class VehicleServerLifecycleTest {

    private static List<String> threadsMentioning(String text) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.contains(text)).toList();
    }

    @Test
    void stoppingLeavesNoThreadAndNoChannelBehind() throws Exception {
        String bus = "virtual:sim-lifecycle-1";
        Vehicle car = Vehicle.create(VehicleFiles.builtIn("petrol"), System.nanoTime());
        VehicleServer server = VehicleServer.start(car, bus);
        assertThat(threadsMentioning(bus)).anyMatch(n -> n.startsWith("obdio-sim-"));
        try (IsoTpChannel tester = IsoTp.open(bus, IsoTpOptions.DEFAULTS, IsoTp.Engine.JAVA)) {
            tester.send(Hex.bytes("09 02"));
            assertThat(tester.receive(SimOnBus.WAIT)).hasSize(20);
        }
        assertThat(server.requestsReceived()).isEqualTo(1);
        server.close();
        server.close();
        assertThat(server.isRunning()).isFalse();
        assertThat(server.endpoints()).allMatch(e -> !e.channel().isOpen());
        await().atMost(SimOnBus.WAIT).until(() -> threadsMentioning(bus).isEmpty());
    }

    @Test
    void stoppingWithAnswersStillScheduledDropsThem() throws Exception {
        String bus = "virtual:sim-lifecycle-2";
        Vehicle car = Vehicle.create(VehicleFiles.builtIn("petrol"), System.nanoTime());
        car.ecu("engine").injectFault(new Fault.Slow(Duration.ofSeconds(5)));
        List<ServedRequest> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        VehicleServer server = VehicleServer.start(car, bus, ServerOptions.DEFAULTS.withRequestLog(log::add));
        try (CanBus sniffer = CanBuses.open(bus, BusOptions.DEFAULTS.withFilters(CanFilterSet.parse("7E8:7FF")));
             IsoTpChannel tester = IsoTp.open(bus, IsoTpOptions.DEFAULTS, IsoTp.Engine.JAVA)) {
            tester.send(Hex.bytes("01 1C"));
            await().atMost(SimOnBus.WAIT).until(() -> server.requestsReceived() == 1);
            server.close();
            await().atMost(SimOnBus.WAIT).until(() -> threadsMentioning("obdio-sim-" + bus).isEmpty());
            assertThat(sniffer.receive(Duration.ofMillis(50))).isNull();
        }
        assertThat(log).isEmpty();
    }

    @Test
    void aServerOnAnOpenEndpointLeavesItOpen() throws Exception {
        try (CanBus endpoint = CanBuses.open("virtual:sim-lifecycle-3", BusOptions.DEFAULTS)) {
            Vehicle car = Vehicle.create(VehicleFiles.builtIn("hybrid"), System.nanoTime());
            try (VehicleServer server = VehicleServer.start(car, endpoint, ServerOptions.DEFAULTS);
                 IsoTpChannel tester = IsoTp.open("virtual:sim-lifecycle-3",
                         IsoTpOptions.DEFAULTS.withAddress(dev.obdio.isotp.IsoTpAddress.normal11(0x7E2, 0x7EA)))) {
                assertThat(server.busName()).isEqualTo("virtual:sim-lifecycle-3");
                tester.send(Hex.bytes("01 5B"));
                assertThat(Hex.of(tester.receive(SimOnBus.WAIT))).startsWith("41 5B");
            }
            assertThat(endpoint.isOpen()).isTrue();
        }
    }

    @Test
    void aVehicleOnAnotherClockIsRefused() {
        long twoHours = TimeUnit.HOURS.toNanos(2);
        for (long start : new long[] {System.nanoTime() - twoHours, System.nanoTime() + twoHours}) {
            Vehicle car = Vehicle.create(VehicleFiles.builtIn("petrol"), start);
            assertThatThrownBy(() -> VehicleServer.start(car, "virtual:sim-lifecycle-4"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Vehicle.create(description, System.nanoTime())");
        }
        assertThat(threadsMentioning("virtual:sim-lifecycle-4")).isEmpty();
    }

    @Test
    void aBusThatCannotBeOpenedFailsTheStartAndLeavesNothing() {
        Vehicle car = Vehicle.create(VehicleFiles.builtIn("petrol"), System.nanoTime());
        assertThatThrownBy(() -> VehicleServer.start(car, "virtual:bad name!"))
                .hasMessageContaining("virtual bus name");
        assertThat(threadsMentioning("bad name")).isEmpty();
    }

    @Test
    void theModelKeepsDrivingBetweenRequests() {
        try (SimOnBus sim = SimOnBus.petrol()) {
            long start = sim.vehicle.latestNanos();
            await().atMost(SimOnBus.WAIT).until(() -> sim.vehicle.latestNanos() - start > TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    @Test
    void runtimeControlsActOnWhatTheBusSees() throws Exception {
        try (SimOnBus sim = SimOnBus.petrol()) {
            SimulatedEcu gearbox = sim.vehicle.ecu("transmission");
            assertThat(Hex.of(sim.ask(0x7E1, 0x7E9, "03"))).isEqualTo("43 00");
            gearbox.storeDtc(new DtcSpec(DtcCode.parse("P0715"), 0, true, false, false, true, true, 1, java.util.Map.of()),
                    System.nanoTime());
            assertThat(Hex.of(sim.ask(0x7E1, 0x7E9, "03"))).isEqualTo("43 01 07 15");

            gearbox.injectFault(new Fault.Silent());
            sim.mark();
            IsoTpChannel tester = sim.channel(0x7E1, 0x7E9);
            tester.send(Hex.bytes("01 1C"));
            assertThat(sim.served("transmission", "011C").outcome()).isInstanceOf(ServedRequest.Silent.class);
            gearbox.clearFaults();
            tester.send(Hex.bytes("01 1C"));
            assertThat(Hex.of(tester.receive(SimOnBus.WAIT))).isEqualTo("41 1C 01");

            sim.vehicle.setIgnition(false, System.nanoTime());
            sim.mark();
            sim.sendRaw(0x7DF, "02 01 00");
            for (String ecu : List.of("engine", "transmission", "battery")) {
                assertThat(sim.served(ecu, "0100").outcome()).isInstanceOf(ServedRequest.Silent.class);
            }
            sim.vehicle.setIgnition(true, System.nanoTime());
            assertThat(Hex.of(sim.ask(0x7E0, 0x7E8, "01 1C"))).isEqualTo("41 1C 01");
        }
    }

    @Test
    void malformedFramesAreReportedAndServingGoesOn() throws Exception {
        try (SimOnBus sim = SimOnBus.petrol()) {
            sim.sendRaw(0x7E0, "00 01 02 03 04 05 06 07");   // SF_DL 0
            sim.sendRaw(0x7E0, "21 01 02 03 04 05 06 07");   // a consecutive frame out of nowhere
            sim.sendRaw(0x7E0, "10 40 22 F1 90 F1 87 F1");   // a first frame, then silence...
            sim.sendRaw(0x7E0, "02 01 1C 00 00 00 00 00");   // ...interrupted by a new request
            await().atMost(SimOnBus.WAIT).until(() -> sim.faults.size() >= 2);
            assertThat(sim.faults).anyMatch(f -> f.startsWith("engine: ") && f.contains("SF_DL 0"));
            ServedRequest r = sim.served("engine", "011C");
            assertThat(r.outcome()).isInstanceOfSatisfying(ServedRequest.Answered.class,
                    a -> assertThat(Hex.of(a.response())).isEqualTo("41 1C 01"));
            assertThat(Hex.of(sim.ask(0x7E0, 0x7E8, "01 51"))).isEqualTo("41 51 01");
        }
    }
}
