package dev.obdio.gateway;

/** {@code unwatch_all}: empties the shared watch list and leaves it stopped, as obd-socketio. No reply. */
final class UnwatchAllHandler implements EventHandler {
    static final String EVENT = "unwatch_all";
    private final WatchHub hub;

    UnwatchAllHandler(WatchHub hub) {
        this.hub = hub;
    }

    @Override
    public EventReply handle(EventRequest request) {
        hub.unwatchAll();
        return EventReply.none();
    }
}
