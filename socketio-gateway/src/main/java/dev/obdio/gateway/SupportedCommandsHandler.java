package dev.obdio.gateway;

import dev.obdio.obd.ObdConnection;
import java.util.List;

/** {@code supported_commands} → the OBDCommand objects the vehicle supports, sorted by mode then PID. */
final class SupportedCommandsHandler implements EventHandler {
    static final String EVENT = "supported_commands";
    private final VehicleLink link;

    SupportedCommandsHandler(VehicleLink link) {
        this.link = link;
    }

    @Override
    public EventReply handle(EventRequest request) {
        return EventReply.emit(link.current().map(ObdConnection::supportedCommands).orElse(List.of()));
    }
}
