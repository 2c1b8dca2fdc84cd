package dev.obdio.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obdio.obd.ObdCommand;

/**
 * {@code supports NAME} → whether the vehicle supports the command. A list argument gives
 * {@code false} (as obd-socketio); an unknown name is an error; without a connection nothing is
 * supported.
 */
final class SupportsHandler implements EventHandler {
    static final String EVENT = "supports";
    private final VehicleLink link;

    SupportsHandler(VehicleLink link) {
        this.link = link;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        JsonNode arg = request.arg(0).orElse(null);
        if (arg != null && arg.isArray()) {
            return EventReply.emit(false);
        }
        ObdCommand command = CommandNames.resolve(request.string(0, "a command name"));
        return EventReply.emit(link.current().map(c -> c.supports(command)).orElse(false));
    }
}
