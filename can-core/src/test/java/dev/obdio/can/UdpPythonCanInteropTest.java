package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * obdio and python-can 4.x ({@code /usr/bin/python3}, Debian's python3-can) on one
 * {@code udp_multicast} bus, frames going both ways. Skipped where python-can is missing.
 */
class UdpPythonCanInteropTest {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final BusOptions WITH_ERRORS = BusOptions.DEFAULTS.withFilters(CanFilterSet.ALL_WITH_ERRORS);

    private final int port = UdpTestPorts.freePort();
    private final String name = "udp:" + UdpMulticastBus.DEFAULT_GROUP_IPV4 + ":" + port;
    private final List<CanBus> opened = new ArrayList<>();

    @BeforeAll
    static void needsPythonCan() {
        String why = PythonCanPeer.unavailableReason();
        assumeTrue(why == null, () -> "python-can interop skipped: " + why);
    }

    @AfterEach
    void closeAll() {
        opened.forEach(CanBus::close);
    }

    private CanBus open(BusOptions options) {
        CanBus bus = CanBuses.open(name, options);
        opened.add(bus);
        return bus;
    }

    @Test
    void framesFromPythonCanArriveWithTheSameContent() throws Exception {
        CanBus bus = open(WITH_ERRORS);
        List<CanFrame> frames = new ArrayList<>(UdpMulticastBusTest.everyKindOfFrame());
        frames.add(CanFrame.error(0x100 | 0x004, new byte[] {0, 0x10, 0, 0, 0, 0, 0, 0}));
        try (PythonCanPeer py = PythonCanPeer.start(STARTUP, "send", UdpMulticastBus.DEFAULT_GROUP_IPV4,
                Integer.toString(port))) {
            for (CanFrame f : frames) {
                py.writeLine(PythonCanPeer.format(f));
                py.expectLine("SENT", WAIT);
                ReceivedFrame r = bus.receive(WAIT);
                assertThat(r).as("frame from python-can: %s", f).isNotNull();
                assertThat(r.frame()).isEqualTo(f);
                assertThat(r.direction()).isEqualTo(ReceivedFrame.Direction.RX);
            }
            // python-can allows CAN FD payloads of any length up to 64; the wire pads them.
            py.writeLine("id=1ff ext=0 rtr=0 err=0 fd=1 brs=1 esi=0 dlc=10 data=0102030405060708090a");
            py.expectLine("SENT", WAIT);
            assertThat(bus.receive(WAIT).frame()).isEqualTo(CanFrame.fd(0x1FF, false, true, false,
                    new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0}));
            py.writeLine("END");
            py.expectLine("DONE", WAIT);
            py.expectSuccessfulExit(WAIT);
        }
        assertThat(((UdpMulticastBus) bus).malformedDatagrams()).isZero();
    }

    @Test
    void framesFromObdioArriveInPythonCanWithTheSameContent() throws Exception {
        CanBus bus = open(BusOptions.DEFAULTS);
        List<CanFrame> frames = new ArrayList<>(UdpMulticastBusTest.everyKindOfFrame());
        // An error class beyond 11 bits goes out with is_extended_id so python-can accepts it.
        frames.add(CanFrame.error(0x1000, new byte[8]));
        try (PythonCanPeer py = PythonCanPeer.start(STARTUP, "receive", UdpMulticastBus.DEFAULT_GROUP_IPV4,
                Integer.toString(port), Integer.toString(frames.size() + 1), Long.toString(WAIT.toSeconds()))) {
            for (CanFrame f : frames) {
                bus.send(f);
                Map<String, String> got = PythonCanPeer.parseFrameLine(py.nextLine(WAIT));
                assertThat(got).as("python-can's view of %s", f)
                        .isEqualTo(PythonCanPeer.parseFrameLine("FRAME " + PythonCanPeer.format(f)));
            }
            // python-can rejects a classic dlc above 8: a raw DLC is sent as 8.
            bus.send(new CanFrame(0x10, false, CanFrame.Kind.DATA, false, false, false, 15,
                    new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
            assertThat(PythonCanPeer.parseFrameLine(py.nextLine(WAIT)))
                    .containsEntry("dlc", "8").containsEntry("data", "0102030405060708");
            py.expectLine("DONE", WAIT);
            py.expectSuccessfulExit(WAIT);
        }
    }

    @Test
    void severalObdioEndpointsAndPythonCanShareTheBus() throws Exception {
        CanBus first = open(BusOptions.DEFAULTS);
        CanBus second = open(BusOptions.DEFAULTS.withReceiveOwnFrames(true));
        try (PythonCanPeer receiver = PythonCanPeer.start(STARTUP, "receive", UdpMulticastBus.DEFAULT_GROUP_IPV4,
                Integer.toString(port), "3", Long.toString(WAIT.toSeconds()));
             PythonCanPeer sender = PythonCanPeer.start(STARTUP, "send", UdpMulticastBus.DEFAULT_GROUP_IPV4,
                     Integer.toString(port))) {
            first.send(CanFrame.of(0x1));
            assertThat(second.receive(WAIT).frame()).isEqualTo(CanFrame.of(0x1));
            second.send(CanFrame.of(0x2));
            ReceivedFrame own = second.receive(WAIT);
            assertThat(own.frame()).isEqualTo(CanFrame.of(0x2));
            assertThat(own.direction()).isEqualTo(ReceivedFrame.Direction.TX);
            assertThat(first.receive(WAIT).frame()).isEqualTo(CanFrame.of(0x2));
            sender.writeLine(PythonCanPeer.format(CanFrame.of(0x3)));
            sender.expectLine("SENT", WAIT);
            assertThat(first.receive(WAIT).frame()).isEqualTo(CanFrame.of(0x3));
            assertThat(second.receive(WAIT).direction()).isEqualTo(ReceivedFrame.Direction.RX);
            for (String id : List.of("1", "2", "3")) {
                assertThat(PythonCanPeer.parseFrameLine(receiver.nextLine(WAIT))).containsEntry("id", id);
            }
            receiver.expectLine("DONE", WAIT);
            sender.writeLine("END");
            sender.expectLine("DONE", WAIT);
        }
    }
}
