package dev.obdio.gateway;

import dev.obdio.obd.ObdConnection;

/** {@code port_name} → the bus as it was opened ({@code "vcan0"}); {@code ""} without a connection. */
final class PortNameHandler implements EventHandler {
    static final String EVENT = "port_name";
    private final VehicleLink link;

    PortNameHandler(VehicleLink link) {
        this.link = link;
    }

    @Override
    public EventReply handle(EventRequest request) {
        return EventReply.emit(link.current().map(ObdConnection::portName).orElse(""));
    }
}
