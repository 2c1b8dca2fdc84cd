package dev.obdio.gateway;

import dev.obdio.obd.ObdConnection;

/** {@code protocol_id} → the ELM327 protocol number as a string ({@code "6"} for CAN 11/500); {@code ""} without a connection. */
final class ProtocolIdHandler implements EventHandler {
    static final String EVENT = "protocol_id";
    private final VehicleLink link;

    ProtocolIdHandler(VehicleLink link) {
        this.link = link;
    }

    @Override
    public EventReply handle(EventRequest request) {
        return EventReply.emit(link.current().map(ObdConnection::protocolId).orElse(""));
    }
}
