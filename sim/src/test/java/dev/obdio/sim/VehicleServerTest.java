package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.ReceivedFrame;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The petrol car on a virtual bus, asked with raw request bytes by a java-engine tester. */
class VehicleServerTest {
    private static final String VIN = ascii("5FNSM1H50PB004273");
    private static SimOnBus sim;

    @BeforeAll
    static void start() {
        sim = SimOnBus.petrol();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String ascii(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # request id | request | expected answer
            7E0 | 01 1C             | 41 1C 01
            7E0 | 01 51             | 41 51 01
            7E0 | 01 63             | 41 63 01 5E
            7E0 | 01 1C 51 63       | 41 1C 01 51 01 63 01 5E
            7E0 | 01 00             | 41 00 BF BF B9 93
            7E0 | 03                | 43 01 03 01
            7E0 | 07                | 47 01 01 71
            7E0 | 0A                | 4A 01 03 01
            7E0 | 09 0A             | 49 0A 01 45 43 4D 00 2D 45 6E 67 69 6E 65 43 6F 6E 74 72 6F 6C 00 00
            7E0 | 22 F1 87 F1 89    | 62 F1 87 33 37 38 32 30 2D 35 4D 41 2D 41 F1 89 30 34 31 32
            7E0 | 10 01             | 50 01 00 32 01 F4
            7E0 | 3E 00             | 7E 00
            7E0 | 22 12 34          | 7F 22 31
            7E0 | 01 02             | 7F 01 12
            7E0 | 02 0C 01          | 7F 02 31
            7E0 | 01                | 7F 01 13
            7E0 | AB                | 7F AB 11
            7E0 | 27 01             | 7F 27 7F
            7E1 | 01 00             | 41 00 80 08 00 11
            7E1 | 01 1C             | 41 1C 01
            7E1 | 22 F1 89          | 62 F1 89 30 32 30 37
            7E2 | 01 00             | 41 00 80 00 00 11
            7E2 | 01 20             | 41 20 00 00 00 01
            7E2 | 01 40             | 41 40 C4 00 00 00
            7E2 | 01 1C             | 41 1C 01
            7E2 | 07                | 47 01 05 62
            7E2 | 03                | 43 00
            7E2 | 09 0A             | 49 0A 01 42 4D 53 00 2D 42 61 74 74 65 72 79 4D 6F 6E 69 74 6F 72 00
            7E2 | 22 20 01 20 02    | 62 20 01 41 47 4D 20 02 46
            7E2 | 01 0C             | 7F 01 12
            """)
    void rawRequestsGetTheirAnswerOnTheResponseId(String requestId, String request, String expected) throws Exception {
        int tx = Integer.parseInt(requestId, 16);
        byte[] answer = sim.ask(tx, tx + 8, request);
        assertThat(Hex.of(answer)).isEqualTo(Hex.of(Hex.bytes(expected)));
    }

    @Test
    void vinAndDidF190AreMultiFrameAnswers() throws Exception {
        assertThat(Hex.of(sim.ask(0x7E0, 0x7E8, "09 02"))).isEqualTo(Hex.of(Hex.bytes("49 02 01" + VIN)));
        assertThat(Hex.of(sim.ask(0x7E0, 0x7E8, "22 F1 90"))).isEqualTo(Hex.of(Hex.bytes("62 F1 90" + VIN)));
    }

    @Test
    void everyFrameOfTheEcusIsPaddedWith55() throws Exception {
        sim.ask(0x7E2, 0x7EA, "01 1C");
        sim.ask(0x7E0, 0x7E8, "09 02");
        sim.awaitFrame(f -> f.frame().id() == 0x7EA && Hex.of(f.frame().data()).equals("03 41 1C 01 55 55 55 55"));
        List<ReceivedFrame> vin = sim.awaitFrames(f -> f.frame().id() == 0x7E8 && Hex.of(f.frame().data()).startsWith("2"), 2);
        assertThat(Hex.of(vin.get(vin.size() - 1).frame().data())).isEqualTo("22 42 30 30 34 32 37 33");
        List<ReceivedFrame> ecuFrames = sim.frames.stream()
                .filter(f -> f.frame().id() >= 0x7E8 && f.frame().id() <= 0x7EA).toList();
        assertThat(ecuFrames).isNotEmpty().allMatch(f -> f.frame().length() == 8);
    }

    @Test
    void functionalRequestsAreAnsweredByEveryEcuOnItsOwnId() throws Exception {
        try (Listening l = new Listening()) {
            sim.sendRaw(0x7DF, "02 01 00");
            Map<Integer, String> answers = l.answers(3);
            assertThat(answers).containsExactlyInAnyOrderEntriesOf(Map.of(
                    0x7E8, "41 00 BF BF B9 93",
                    0x7E9, "41 00 80 08 00 11",
                    0x7EA, "41 00 80 00 00 11"));
        }
    }

    @Test
    void functionalRequestsAnEcuDoesNotSupportGetSilenceFromIt() throws Exception {
        try (Listening l = new Listening()) {
            sim.mark();
            sim.sendRaw(0x7DF, "02 01 0C");
            Map<String, ServedRequest> log = new TreeMap<>();
            for (String ecu : List.of("engine", "transmission", "battery")) {
                log.put(ecu, sim.served(ecu, "010C"));
            }
            assertThat(log.get("transmission").outcome()).isInstanceOf(ServedRequest.Silent.class);
            assertThat(log.get("battery").outcome()).isInstanceOf(ServedRequest.Silent.class);
            assertThat(log.get("engine").outcome()).isInstanceOf(ServedRequest.Answered.class);
            assertThat(log.get("engine").addressing()).isEqualTo(Addressing.FUNCTIONAL);
            assertThat(l.next(0x7E8)).startsWith("41 0C");
            // Then a request all answer: what the silent ECUs send first is the answer to that one.
            sim.sendRaw(0x7DF, "02 01 1C");
            assertThat(l.next(0x7E9)).isEqualTo("41 1C 01");
            assertThat(l.next(0x7EA)).isEqualTo("41 1C 01");
            assertThat(l.next(0x7E8)).isEqualTo("41 1C 01");
        }
    }

    @Test
    void functionalRequestsOfMoreThanOneFrameAreIgnored() throws Exception {
        sim.mark();
        // A first frame and its consecutive frame, sent without waiting for flow control.
        sim.sendRaw(0x7DF, "10 09 22 F1 90 F1 87 F1");
        sim.sendRaw(0x7DF, "21 89 F1 8C 55 55 55 55");
        ServedRequest r = sim.served("*", "22F190F187F189F18C");
        assertThat(r.ecu()).isEqualTo("*");
        assertThat(r.outcome()).isInstanceOf(ServedRequest.Ignored.class);
        assertThat(r.toLogLine()).contains("7DF  22F190F187F189F18C -> ignored: a functional request must be a single frame");
        // The listen-only functional channel never answered the first frame with a flow control
        // (it would have sent it on its transmit id, the engine's response id).
        assertThat(sim.framesOn(0x7E8)).noneMatch(f -> (f.frame().dataByte(0) & 0xF0) == 0x30);
    }

    @Test
    void theRequestLogHasOneLinePerRequest() throws Exception {
        sim.mark();
        sim.ask(0x7E1, 0x7E9, "01 1C");
        ServedRequest r = sim.served("transmission", "011C");
        assertThat(r.ecu()).isEqualTo("transmission");
        assertThat(r.canId()).isEqualTo(0x7E1);
        assertThat(r.addressing()).isEqualTo(Addressing.PHYSICAL);
        assertThat(r.outcome()).isInstanceOfSatisfying(ServedRequest.Answered.class, a -> {
            assertThat(Hex.of(a.response())).isEqualTo("41 1C 01");
            assertThat(a.latency().toNanos()).isGreaterThanOrEqualTo(5_000_000L); // latency.minMs
        });
        assertThat(r.toLogLine()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  transmission  7E1  011C -> 411C01 \\d+\\.\\d ms");
        // A suppressed positive response is silence, and logged as such.
        IsoTpChannel c = sim.channel(0x7E0, 0x7E8);
        c.send(Hex.bytes("3E 80"));
        assertThat(sim.served("engine", "3E80").toLogLine()).endsWith("engine        7E0  3E80 -> silent");
        c.close();
    }

    @Test
    void answersComeNoSoonerThanTheVehiclesLatency() throws Exception {
        long from = epochNanos();
        sim.ask(0x7E0, 0x7E8, "01 1C");
        ReceivedFrame request = sim.awaitFrame(f -> f.frame().id() == 0x7E0 && f.timestampNanos() >= from);
        ReceivedFrame answer = sim.awaitFrame(f -> f.frame().id() == 0x7E8 && f.timestampNanos() >= from);
        // latency.minMs is 5 ms; frame timestamps of one virtual bus, loosely.
        assertThat(answer.timestampNanos() - request.timestampNanos()).isGreaterThanOrEqualTo(4_500_000L);
    }

    private static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Tester channels on the three response ids, for answers to functional requests. */
    private static final class Listening implements AutoCloseable {
        private final Map<Integer, IsoTpChannel> channels = new TreeMap<>();

        Listening() {
            for (int tx = 0x7E0; tx <= 0x7E2; tx++) {
                channels.put(tx + 8, sim.channel(IsoTpOptions.DEFAULTS.withAddress(sim.address(tx, tx + 8))));
            }
        }

        String next(int rx) throws InterruptedException {
            byte[] pdu = channels.get(rx).receive(SimOnBus.WAIT);
            assertThat(pdu).as("an answer on %X", rx).isNotNull();
            return Hex.of(pdu);
        }

        Map<Integer, String> answers(int count) throws InterruptedException {
            Map<Integer, String> out = new TreeMap<>();
            for (int rx : channels.keySet()) {
                out.put(rx, next(rx));
            }
            assertThat(out).hasSize(count);
            return out;
        }

        @Override
        public void close() {
            channels.values().forEach(IsoTpChannel::close);
        }
    }
}
