package dev.obdio.can;

/** python-can compatible UDP multicast bus. (Being implemented.) */
final class UdpMulticastBus {
    private UdpMulticastBus() {
    }

    static CanBus open(String name, BusOptions options) {
        throw new CanException(CanException.Reason.NOT_SUPPORTED, "udp buses are not built yet");
    }
}
