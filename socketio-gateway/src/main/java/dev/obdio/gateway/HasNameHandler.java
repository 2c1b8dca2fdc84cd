package dev.obdio.gateway;

import dev.obdio.obd.ObdCommands;

/**
 * {@code has_name NAME} → {@code true} when an OBD command has that name, case-sensitive as
 * python-OBD ({@code "RPM"} true, {@code "rpm"} false). Needs no vehicle.
 */
public final class HasNameHandler implements EventHandler {
    /** The event name. */
    public static final String EVENT = "has_name";

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        return EventReply.emit(ObdCommands.hasName(request.string(0, "a command name")));
    }
}
