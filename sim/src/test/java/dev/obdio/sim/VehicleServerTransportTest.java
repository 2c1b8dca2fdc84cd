package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.can.ReceivedFrame;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ISO-TP on the wire: flow control both ways, STmin, padding, pending sequences, 29-bit ids. */
class VehicleServerTransportTest {
    /** Loose lower bounds for gaps measured with frame timestamps (never upper bounds). */
    private static final long SLACK_NANOS = 1_000_000;

    private static int pci(ReceivedFrame f) {
        return f.frame().dataByte(0) >> 4;
    }

    private static String nulPadded(String text, int length) {
        StringBuilder b = new StringBuilder(VehicleServerTest.ascii(text));
        while (b.length() < 2 * length) {
            b.append("00");
        }
        return b.toString();
    }

    @Test
    void theEcuHonoursTheTestersBlockSizeAndStMin() throws Exception {
        try (SimOnBus sim = SimOnBus.petrol()) {
            IsoTpChannel tester = sim.channel(IsoTpOptions.DEFAULTS.withAddress(sim.address(0x7E0, 0x7E8))
                    .withBlockSize(2).withStMin(5));
            tester.send(Hex.bytes("09 04"));
            byte[] answer = tester.receive(SimOnBus.WAIT);
            assertThat(Hex.of(answer)).isEqualTo(Hex.of(Hex.bytes("49 04 02" + nulPadded("OBDIO35V6A1042", 16)
                    + nulPadded("OBDIO35V6B0117", 16))));
            List<ReceivedFrame> transfer = sim.awaitFrames(f -> f.frame().id() == 0x7E0 || f.frame().id() == 0x7E8, 10);
            // 35 bytes: first frame, then blocks of two consecutive frames, each after a flow control.
            assertThat(transfer.stream().map(f -> Integer.toHexString(f.frame().id()) + ":" + pci(f)).toList())
                    .containsExactly("7e0:0", "7e8:1", "7e0:3", "7e8:2", "7e8:2", "7e0:3", "7e8:2", "7e8:2", "7e0:3", "7e8:2");
            assertThat(Hex.of(transfer.get(2).frame().data())).startsWith("30 02 05");
            for (int block : new int[] {3, 6}) {
                long gap = transfer.get(block + 1).timestampNanos() - transfer.get(block).timestampNanos();
                assertThat(gap).as("STmin 5 ms between the consecutive frames of a block")
                        .isGreaterThanOrEqualTo(5_000_000 - SLACK_NANOS);
            }
        }
    }

    @Test
    void theEcuWaitsForTheFlowControlBeforeItsConsecutiveFrames() throws Exception {
        try (SimOnBus sim = SimOnBus.petrol()) {
            sim.sendRaw(0x7E0, "02 09 02 00 00 00 00 00");
            ReceivedFrame first = sim.awaitFrame(f -> f.frame().id() == 0x7E8);
            assertThat(Hex.of(first.frame().data())).isEqualTo("10 14 49 02 01 35 46 4E");
            // Hold the flow control back: nothing more comes from the ECU meanwhile.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> sim.framesOn(0x7E8).size() == 1);
            sim.sendRaw(0x7E0, "30 00 00 00 00 00 00 00");
            await().atMost(SimOnBus.WAIT).until(() -> sim.framesOn(0x7E8).size() == 3);
            ReceivedFrame fc = sim.framesOn(0x7E0).get(1);
            List<ReceivedFrame> cfs = sim.framesOn(0x7E8).subList(1, 3);
            assertThat(cfs).allMatch(cf -> cf.timestampNanos() >= fc.timestampNanos());
            assertThat(Hex.of(cfs.get(0).frame().data())).isEqualTo("21 53 4D 31 48 35 30 50");
            assertThat(Hex.of(cfs.get(1).frame().data())).isEqualTo("22 42 30 30 34 32 37 33");
            ServedRequest r = sim.served("engine", "0902");
            assertThat(r.outcome()).isInstanceOfSatisfying(ServedRequest.Answered.class,
                    a -> assertThat(a.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(300)));
        }
    }

    @Test
    void aTesterThatNeverSendsFlowControlFailsTheAnswerAndTheEcuCarriesOn() throws Exception {
        try (SimOnBus sim = SimOnBus.petrol()) {
            sim.sendRaw(0x7E0, "02 09 02 00 00 00 00 00");
            ServedRequest r = sim.served("engine", "0902"); // N_Bs = 1 s later
            assertThat(r.outcome()).isInstanceOfSatisfying(ServedRequest.Failed.class,
                    f -> assertThat(f.reason()).contains("no flow control"));
            assertThat(r.toLogLine()).contains("0902 -> failed: no flow control");
            assertThat(Hex.of(sim.ask(0x7E0, 0x7E8, "01 1C"))).isEqualTo("41 1C 01");
        }
    }

    @Test
    void theEcuAnnouncesTheVehiclesBlockSizeAndStMinForSegmentedRequests() throws Exception {
        VehicleDescription d = VehicleFiles.builtIn("petrol");
        d = d.withIsoTp(d.isoTp().withBlockSize(2).withStMin(10));
        try (SimOnBus sim = SimOnBus.start(d)) {
            // 16 DIDs: a 33-byte request, first frame and four consecutive frames.
            String request = "22 F186 F187 F189 F18A F18B F18C F190 F191 F197 F198 F199 F1A0 0110 F40C F40D F405";
            byte[] answer = sim.ask(0x7E0, 0x7E8, request);
            assertThat(Hex.of(answer)).startsWith("62 F1 86 01 F1 87 33 37").contains("F4 0D");
            List<ReceivedFrame> transfer = sim.awaitFrames(f -> f.frame().id() == 0x7E0 || f.frame().id() == 0x7E8, 8);
            assertThat(transfer.subList(0, 8).stream().map(f -> Integer.toHexString(f.frame().id()) + ":" + pci(f)).toList())
                    .containsExactly("7e0:1", "7e8:3", "7e0:2", "7e0:2", "7e8:3", "7e0:2", "7e0:2", "7e8:1");
            assertThat(Hex.of(transfer.get(1).frame().data())).isEqualTo("30 02 0A 55 55 55 55 55");
            assertThat(Hex.of(transfer.get(4).frame().data())).isEqualTo("30 02 0A 55 55 55 55 55");
            long gap = transfer.get(3).timestampNanos() - transfer.get(2).timestampNanos();
            assertThat(gap).isGreaterThanOrEqualTo(10_000_000 - SLACK_NANOS);
        }
    }

    @Test
    void responsePendingFramesGoOutAsScheduled() throws Exception {
        try (SimOnBus sim = SimOnBus.petrol()) {
            sim.vehicle.ecu("engine").injectFault(new Fault.ResponsePendingStorm(3, Duration.ofMillis(30)));
            IsoTpChannel tester = sim.channel(0x7E0, 0x7E8);
            tester.send(Hex.bytes("22 F1 89"));
            for (int i = 0; i < 3; i++) {
                assertThat(Hex.of(tester.receive(SimOnBus.WAIT))).isEqualTo("7F 22 78");
            }
            assertThat(Hex.of(tester.receive(SimOnBus.WAIT))).isEqualTo("62 F1 89 30 34 31 32");
            ReceivedFrame request = sim.framesOn(0x7E0).get(0);
            await().atMost(SimOnBus.WAIT).until(() -> sim.framesOn(0x7E8).size() == 4);
            List<ReceivedFrame> answers = sim.framesOn(0x7E8);
            // Each goes out no sooner than scheduled: latency (at least latency.minMs, 5 ms) plus
            // 30 ms per pending frame before it. Timer jitter may shorten one gap, never an offset.
            for (int i = 0; i < 4; i++) {
                assertThat(answers.get(i).timestampNanos() - request.timestampNanos())
                        .as("offset of answer frame %d", i).isGreaterThanOrEqualTo(5_000_000 + i * 30_000_000L - SLACK_NANOS);
            }
            ServedRequest r = sim.served("engine", "22F189");
            assertThat(r.toLogLine()).contains("22F189 -> 7F2278 x3, 62F18930343132");
        }
    }

    @Test
    void the29BitVariantAnswersOnNormalFixedIds() throws Exception {
        try (SimOnBus sim = SimOnBus.start(VehicleFiles.builtIn("petrol").withExtendedIds())) {
            assertThat(Hex.of(sim.ask(0x18DA10F1, 0x18DAF110, "01 1C"))).isEqualTo("41 1C 01");
            assertThat(Hex.of(sim.ask(0x18DA1EF1, 0x18DAF11E, "22 20 01"))).isEqualTo("62 20 01 41 47 4D");
            IsoTpChannel engine = sim.channel(0x18DA10F1, 0x18DAF110);
            IsoTpChannel gearbox = sim.channel(0x18DA18F1, 0x18DAF118);
            IsoTpChannel battery = sim.channel(0x18DA1EF1, 0x18DAF11E);
            sim.sendRaw(0x18DB33F1, "02 01 00 00 00 00 00 00");
            assertThat(Hex.of(engine.receive(SimOnBus.WAIT))).isEqualTo("41 00 BF BF B9 93");
            assertThat(Hex.of(gearbox.receive(SimOnBus.WAIT))).isEqualTo("41 00 80 08 00 11");
            assertThat(Hex.of(battery.receive(SimOnBus.WAIT))).isEqualTo("41 00 80 00 00 11");
            assertThat(sim.awaitFrame(f -> f.frame().id() == 0x18DAF118).frame().extended()).isTrue();
        }
    }

    @Test
    void theDieselIsOn29BitIdsWithItsBatteryEcuAndPadsWithCC() throws Exception {
        try (SimOnBus sim = SimOnBus.start(VehicleFiles.builtIn("diesel"))) {
            assertThat(Hex.of(sim.ask(0x18DA1EF1, 0x18DAF11E, "01 1C"))).isEqualTo("41 1C 06");
            ReceivedFrame answer = sim.awaitFrame(f -> f.frame().id() == 0x18DAF11E);
            assertThat(Hex.of(answer.frame().data())).isEqualTo("03 41 1C 06 CC CC CC CC");
            assertThat(Hex.of(sim.ask(0x18DA10F1, 0x18DAF110, "01 51"))).isEqualTo("41 51 04");
        }
    }
}
