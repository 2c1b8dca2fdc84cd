package dev.obdio.gateway;

import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdStatus;

/**
 * {@code status} → {@code "Car Connected"} (ECUs answer), {@code "OBD Connected"} (the bus works,
 * no ECU answers) or {@code "Not Connected"} (no connection, closed, or the interface is down).
 */
final class StatusHandler implements EventHandler {
    static final String EVENT = "status";
    private final VehicleLink link;

    StatusHandler(VehicleLink link) {
        this.link = link;
    }

    @Override
    public EventReply handle(EventRequest request) {
        return EventReply.emit(link.current().map(ObdConnection::status).orElse(ObdStatus.NOT_CONNECTED).text());
    }
}
