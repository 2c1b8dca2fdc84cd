package dev.obdio.gateway;

import dev.obdio.obd.ObdConnection;

/** {@code is_connected} → {@code true} only when the status is {@code "Car Connected"}. */
final class IsConnectedHandler implements EventHandler {
    static final String EVENT = "is_connected";
    private final VehicleLink link;

    IsConnectedHandler(VehicleLink link) {
        this.link = link;
    }

    @Override
    public EventReply handle(EventRequest request) {
        return EventReply.emit(link.current().map(ObdConnection::isConnected).orElse(false));
    }
}
