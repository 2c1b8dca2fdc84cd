package dev.obdio.gateway;

import dev.obdio.obd.ObdConnection;

/** {@code protocol_name} → {@code "ISO 15765-4 (CAN 11/500)"} and the like; {@code ""} without a connection. */
final class ProtocolNameHandler implements EventHandler {
    static final String EVENT = "protocol_name";
    private final VehicleLink link;

    ProtocolNameHandler(VehicleLink link) {
        this.link = link;
    }

    @Override
    public EventReply handle(EventRequest request) {
        return EventReply.emit(link.current().map(ObdConnection::protocolName).orElse(""));
    }
}
