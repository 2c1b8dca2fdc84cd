package dev.obdio.can.socketcan;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanException;

/** Linux SocketCAN buses through JavaCAN. (Being implemented.) */
public final class SocketCan {
    private SocketCan() {
    }

    /** Opens a raw CAN socket on a SocketCAN interface. */
    public static CanBus open(String interfaceName, BusOptions options) {
        throw new CanException(CanException.Reason.NOT_SUPPORTED, "SocketCAN support is not built yet");
    }
}
