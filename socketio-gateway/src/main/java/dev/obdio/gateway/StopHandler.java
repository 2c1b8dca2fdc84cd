package dev.obdio.gateway;

/**
 * {@code stop} (with or without an argument; obd-socketio requires one): stops reading the shared
 * watch list; {@code query} keeps giving the last responses. Other clients' subscriptions go on.
 */
final class StopHandler implements EventHandler {
    static final String EVENT = "stop";
    private final WatchHub hub;

    StopHandler(WatchHub hub) {
        this.hub = hub;
    }

    @Override
    public EventReply handle(EventRequest request) {
        hub.stop();
        return EventReply.none();
    }
}
