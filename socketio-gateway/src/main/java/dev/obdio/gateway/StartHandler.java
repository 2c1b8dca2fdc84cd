package dev.obdio.gateway;

/** {@code start}: reads the shared watch list from now on. No reply. */
final class StartHandler implements EventHandler {
    static final String EVENT = "start";
    private final WatchHub hub;

    StartHandler(WatchHub hub) {
        this.hub = hub;
    }

    @Override
    public EventReply handle(EventRequest request) {
        hub.start();
        return EventReply.none();
    }
}
