package dev.obdio.gateway;

/**
 * {@code watch NAME} or {@code watch [NAMES]}: adds commands to the shared watch list and starts
 * the loop (obd-socketio: stop, watch each, start). A string is one name (obd-socketio iterates
 * its letters). Unknown names and commands the vehicle does not support get one {@code error}
 * event; the others are watched and the loop runs. No reply.
 */
final class WatchHandler implements EventHandler {
    static final String EVENT = "watch";
    private final WatchHub hub;

    WatchHandler(WatchHub hub) {
        this.hub = hub;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        CommandNames.Resolved names = CommandNames.resolveAll(request.stringOrList(0, "a command name"));
        names.reportUnknown(request, EVENT);
        WatchHub.WatchResult result = hub.watch(names.commands());
        if (!result.refused().isEmpty()) {
            request.client().emit(ErrorPayload.EVENT, new ErrorPayload(EVENT, "not supported by the vehicle, "
                    + "not watched: " + CommandNames.names(result.refused())));
        }
        return EventReply.none();
    }
}
