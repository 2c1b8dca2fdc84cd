package dev.obdio.gateway;

/**
 * {@code unwatch NAME} or {@code unwatch [NAMES]}: removes commands from the shared watch list; the
 * loop goes on with the rest (obd-socketio: stop, unwatch each, start). Unknown names get an
 * {@code error} event. No reply.
 */
final class UnwatchHandler implements EventHandler {
    static final String EVENT = "unwatch";
    private final WatchHub hub;

    UnwatchHandler(WatchHub hub) {
        this.hub = hub;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        CommandNames.Resolved names = CommandNames.resolveAll(request.stringOrList(0, "a command name"));
        names.reportUnknown(request, EVENT);
        hub.unwatch(names.commands());
        return EventReply.none();
    }
}
