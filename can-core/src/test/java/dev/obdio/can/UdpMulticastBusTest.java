package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UdpMulticastBusTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final BusOptions WITH_ERRORS = BusOptions.DEFAULTS.withFilters(CanFilterSet.ALL_WITH_ERRORS);

    private final String name = "udp:239.74.163.2:" + UdpTestPorts.freePort();
    private final List<CanBus> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(CanBus::close);
    }

    private UdpMulticastBus open(BusOptions options) {
        return open(name, options);
    }

    private UdpMulticastBus open(String busName, BusOptions options) {
        UdpMulticastBus bus = (UdpMulticastBus) CanBuses.open(busName, options);
        opened.add(bus);
        return bus;
    }

    static List<CanFrame> everyKindOfFrame() {
        byte[] sixtyFour = new byte[64];
        for (int i = 0; i < sixtyFour.length; i++) {
            sixtyFour[i] = (byte) (0xC0 + i);
        }
        return List.of(
                CanFrame.of(0x7DF, (byte) 0x02, (byte) 0x01, (byte) 0x0C),
                CanFrame.of(0x000),
                CanFrame.extended(0x18DAF110, (byte) 0x10, (byte) 0x14, (byte) 0x49, (byte) 0x02, (byte) 0x01,
                        (byte) 0x57, (byte) 0x30, (byte) 0x4C),
                CanFrame.remote(0x123, false, 5),
                CanFrame.remote(0x1FFFFFFF, true, 8),
                CanFrame.fd(0x7E8, false, true, true, sixtyFour),
                CanFrame.fd(0x1ABCDEF0, true, false, true, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}),
                CanFrame.fd(0x100, false, false, false),
                CanFrame.error(0x004 | 0x040, new byte[] {0, 0x04, 0, 0, 0, 0, 0, 0}));
    }

    private static ReceivedFrame next(CanBus bus) throws InterruptedException {
        ReceivedFrame f = bus.receive(WAIT);
        assertThat(f).as("a frame on %s within %s", bus.channel(), WAIT).isNotNull();
        return f;
    }

    @Test
    void twoEndpointsExchangeEveryKindOfFrameBothWays() throws Exception {
        UdpMulticastBus a = open(WITH_ERRORS);
        UdpMulticastBus b = open(WITH_ERRORS);
        assertThat(a.channel()).isEqualTo(name);
        for (CanBus[] pair : new CanBus[][] {{a, b}, {b, a}}) {
            for (CanFrame f : everyKindOfFrame()) {
                long before = EpochClock.nowNanos();
                pair[0].send(f);
                ReceivedFrame r = next(pair[1]);
                assertThat(r.frame()).isEqualTo(f);
                assertThat(r.direction()).isEqualTo(ReceivedFrame.Direction.RX);
                assertThat(r.channel()).isEqualTo(name);
                assertThat(r.timestampNanos()).isBetween(before, EpochClock.nowNanos());
            }
        }
        assertThat(a.malformedDatagrams()).isZero();
        assertThat(b.malformedDatagrams()).isZero();
    }

    @Test
    void threeEndpointsEachSeeTheOthersButNotThemselves() throws Exception {
        List<UdpMulticastBus> buses = List.of(open(WITH_ERRORS), open(WITH_ERRORS), open(WITH_ERRORS));
        List<CanFrame> frames = everyKindOfFrame();
        for (int s = 0; s < buses.size(); s++) {
            CanFrame f = frames.get(s * 3 % frames.size());
            buses.get(s).send(f);
            for (int r = 0; r < buses.size(); r++) {
                if (r != s) {
                    ReceivedFrame got = next(buses.get(r));
                    assertThat(got.frame()).isEqualTo(f);
                    assertThat(got.direction()).isEqualTo(ReceivedFrame.Direction.RX);
                }
            }
        }
        // Every copy of a datagram reaches the sockets of this host in one go: once the others
        // have a frame, the sender's own copy has been queued or dropped. A marker sent now
        // must be the next thing each endpoint sees.
        assertNothingBeforeMarker(buses);
    }

    private static void assertNothingBeforeMarker(List<UdpMulticastBus> buses) throws InterruptedException {
        CanFrame marker = CanFrame.of(0x7FF, (byte) 0xEE);
        for (int s = 0; s < buses.size(); s++) {
            UdpMulticastBus markerSender = buses.get((s + 1) % buses.size());
            markerSender.send(marker);
            assertThat(next(buses.get(s)).frame()).as("next frame on endpoint %d", s).isEqualTo(marker);
            for (int r = 0; r < buses.size(); r++) {
                if (r != s && buses.get(r) != markerSender) {
                    assertThat(next(buses.get(r)).frame()).isEqualTo(marker);
                }
            }
        }
    }

    @Test
    void ownFramesComeBackMarkedTxOnlyWhenAskedFor() throws Exception {
        UdpMulticastBus echo = open(BusOptions.DEFAULTS.withReceiveOwnFrames(true));
        UdpMulticastBus other = open(BusOptions.DEFAULTS);
        CanFrame f = CanFrame.of(0x321, (byte) 1);
        echo.send(f);
        ReceivedFrame own = next(echo);
        assertThat(own.frame()).isEqualTo(f);
        assertThat(own.direction()).isEqualTo(ReceivedFrame.Direction.TX);
        assertThat(next(other).direction()).isEqualTo(ReceivedFrame.Direction.RX);
        other.send(f);
        assertThat(next(echo).direction()).isEqualTo(ReceivedFrame.Direction.RX);
    }

    @Test
    void identicalFramesFromTwoEndpointsAreToldApartBySource() throws Exception {
        UdpMulticastBus a = open(BusOptions.DEFAULTS.withReceiveOwnFrames(true));
        UdpMulticastBus b = open(BusOptions.DEFAULTS.withReceiveOwnFrames(true));
        assertThat(a.sourceAddress()).isNotEqualTo(b.sourceAddress());
        CanFrame same = CanFrame.of(0x555, (byte) 0x55, (byte) 0xAA);
        a.send(same);
        b.send(same);
        for (UdpMulticastBus bus : List.of(a, b)) {
            List<ReceivedFrame.Direction> directions = List.of(next(bus).direction(), next(bus).direction());
            assertThat(directions).containsExactlyInAnyOrder(ReceivedFrame.Direction.TX, ReceivedFrame.Direction.RX);
        }
    }

    @Test
    void filtersAndFdSettingsApply() throws Exception {
        UdpMulticastBus sender = open(BusOptions.DEFAULTS);
        UdpMulticastBus filtered = open(BusOptions.DEFAULTS.withFilters(CanFilterSet.of(CanFilter.standardId(0x7E8))));
        UdpMulticastBus classicOnly = open(BusOptions.DEFAULTS.withFdFrames(false));
        sender.send(CanFrame.of(0x7E0, (byte) 1));
        sender.send(CanFrame.extended(0x7E8, (byte) 2));
        sender.send(CanFrame.error(0x40, new byte[8])); // no error mask: filtered everywhere
        sender.send(CanFrame.fd(0x7E8, false, true, false, new byte[16]));
        sender.send(CanFrame.of(0x7E8, (byte) 3));
        assertThat(next(filtered).frame()).isEqualTo(CanFrame.fd(0x7E8, false, true, false, new byte[16]));
        assertThat(next(filtered).frame()).isEqualTo(CanFrame.of(0x7E8, (byte) 3));
        assertThat(next(classicOnly).frame()).isEqualTo(CanFrame.of(0x7E0, (byte) 1));
        assertThat(next(classicOnly).frame()).isEqualTo(CanFrame.extended(0x7E8, (byte) 2));
        assertThat(next(classicOnly).frame()).isEqualTo(CanFrame.of(0x7E8, (byte) 3));
        assertThatThrownBy(() -> classicOnly.send(CanFrame.fd(0x1, false, false, false)))
                .isInstanceOfSatisfying(CanException.class,
                        e -> assertThat(e.reason()).isEqualTo(CanException.Reason.NOT_SUPPORTED));

        filtered.setFilters(CanFilterSet.parse("18DAF100:1FFFFF00,#FFFFFFFF"));
        sender.send(CanFrame.of(0x7E8, (byte) 4));
        sender.send(CanFrame.extended(0x18DAF1AA, (byte) 5));
        sender.send(CanFrame.error(0x40, new byte[8]));
        assertThat(next(filtered).frame()).isEqualTo(CanFrame.extended(0x18DAF1AA, (byte) 5));
        assertThat(next(filtered).frame()).isEqualTo(CanFrame.error(0x40, new byte[8]));
    }

    @Test
    void malformedDatagramsAreCountedAndTheBusKeepsWorking() throws Exception {
        UdpMulticastBus sender = open(BusOptions.DEFAULTS);
        UdpMulticastBus receiver = open(WITH_ERRORS);
        InetSocketAddress group = new InetSocketAddress(receiver.address().group(), receiver.address().port());
        try (DatagramChannel raw = DatagramChannel.open(StandardProtocolFamily.INET)) {
            raw.setOption(StandardSocketOptions.IP_MULTICAST_IF, NetworkInterface.getByName(receiver.networkInterface()));
            List<byte[]> junk = List.of(
                    "not msgpack at all".getBytes(),
                    new byte[] {(byte) 0xC1},
                    new byte[0],
                    UdpTestDatagrams.packValue(List.of(1, 2, 3)),
                    UdpTestDatagrams.pack(UdpTestDatagrams.pythonMessage(0x20000000L, true, false, false, 0,
                            new byte[0], false, false, false)),
                    UdpTestDatagrams.pack(UdpTestDatagrams.pythonMessage(0x100, false, false, false, 9,
                            new byte[9], false, false, false)),
                    new byte[UdpWireFormat.MAX_DATAGRAM + 100]);
            for (byte[] datagram : junk) {
                raw.send(ByteBuffer.wrap(datagram), group);
            }
            // A well-formed datagram from a foreign socket is an ordinary received frame.
            raw.send(ByteBuffer.wrap(UdpTestDatagrams.pack(UdpTestDatagrams.classic(0x42, (byte) 0x42))), group);
            assertThat(next(receiver).frame()).isEqualTo(CanFrame.of(0x42, (byte) 0x42));
            assertThat(receiver.malformedDatagrams()).isEqualTo(junk.size());
            await().atMost(WAIT).until(() -> sender.malformedDatagrams() == junk.size());
        }
        CanFrame after = CanFrame.fd(0x1F, false, true, false, new byte[48]);
        sender.send(after);
        assertThat(next(receiver).frame()).isEqualTo(after);
    }

    @Test
    void listenersGetFramesOnTheDeliveryThread() throws Exception {
        UdpMulticastBus sender = open(BusOptions.DEFAULTS);
        UdpMulticastBus listened = open(BusOptions.DEFAULTS);
        BlockingQueue<ReceivedFrame> got = new ArrayBlockingQueue<>(10);
        try (Subscription s = listened.subscribe(got::add)) {
            sender.send(CanFrame.of(0x10));
            assertThat(got.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).extracting(ReceivedFrame::frame)
                    .isEqualTo(CanFrame.of(0x10));
        }
    }

    @Test
    void closedEndpointsRefuseAndStopTheirReader() throws Exception {
        UdpMulticastBus bus = open(BusOptions.DEFAULTS);
        String readerName = "obdio-udp-rx-" + bus.channel();
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals(readerName));
        bus.close();
        bus.close();
        assertThat(bus.isOpen()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals(readerName) && t.isAlive());
        assertThatThrownBy(() -> bus.send(CanFrame.of(1))).isInstanceOfSatisfying(CanException.class,
                e -> assertThat(e.reason()).isEqualTo(CanException.Reason.CLOSED));
        assertThatThrownBy(() -> bus.receive(Duration.ofMillis(1))).isInstanceOfSatisfying(CanException.class,
                e -> assertThat(e.reason()).isEqualTo(CanException.Reason.CLOSED));
        // The port is shared: a new endpoint opens at once and works.
        UdpMulticastBus again = open(BusOptions.DEFAULTS);
        UdpMulticastBus peer = open(BusOptions.DEFAULTS);
        peer.send(CanFrame.of(2));
        assertThat(next(again).frame()).isEqualTo(CanFrame.of(2));
    }

    @Test
    void theLoopbackInterfaceCanBeNamed() throws Exception {
        String lo = loopbackName();
        UdpMulticastBus a = open(name + "?iface=" + lo + "&ttl=0", BusOptions.DEFAULTS);
        UdpMulticastBus b = open(name + "?iface=" + lo, BusOptions.DEFAULTS);
        assertThat(a.networkInterface()).isEqualTo(lo);
        assertThat(a.channel()).isEqualTo(name + "?iface=" + lo + "&ttl=0");
        assertThat(a.sourceAddress().getAddress().isLoopbackAddress()).isTrue();
        a.send(CanFrame.of(0x1, (byte) 1));
        assertThat(next(b).frame()).isEqualTo(CanFrame.of(0x1, (byte) 1));
    }

    private static String loopbackName() throws Exception {
        for (NetworkInterface nif : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nif.isLoopback() && nif.isUp()) {
                return nif.getName();
            }
        }
        throw new AssertionError("no loopback interface is up");
    }

    @Test
    void contentWatchesReopenTheBusByItsChannelName() throws Exception {
        UdpMulticastBus sender = open(BusOptions.DEFAULTS);
        UdpMulticastBus watcher = open(BusOptions.DEFAULTS);
        BlockingQueue<CanFrame> changes = new ArrayBlockingQueue<>(10);
        ContentFilter filter = ContentFilter.everyFrame(0x3E8, false);
        try (Subscription s = watcher.watchContent(filter, frame -> changes.add(frame.frame()))) {
            // The watch opens its own endpoint: resend until it is there to see a change.
            await().atMost(WAIT).until(() -> {
                sender.send(CanFrame.of(0x3E8, (byte) changes.size()));
                return changes.poll(50, TimeUnit.MILLISECONDS) != null;
            });
        }
    }

    @Test
    void unknownInterfacesAndUnreachableGroupsAreExplained() {
        assertThatThrownBy(() -> CanBuses.open(name + "?iface=nosuchif0"))
                .isInstanceOfSatisfying(CanException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CanException.Reason.NO_SUCH_INTERFACE);
                    assertThat(e.getMessage()).contains("no network interface \"nosuchif0\"").contains("there are:");
                });
    }

    @Test
    void ipv6GroupsWorkWhereTheSystemRoutesThem() throws Exception {
        String v6 = "udp:[" + UdpMulticastBus.DEFAULT_GROUP_IPV6 + "]:" + UdpTestPorts.freePort();
        UdpMulticastBus a;
        try {
            a = open(v6, BusOptions.DEFAULTS);
        } catch (CanException e) {
            assumeTrue(false, "no IPv6 multicast here: " + e.getMessage());
            return;
        }
        UdpMulticastBus b = open(v6, WITH_ERRORS);
        assertThat(a.address().isIpv6()).isTrue();
        for (CanFrame f : everyKindOfFrame()) {
            a.send(f);
            assertThat(next(b).frame()).isEqualTo(f);
        }
    }
}
