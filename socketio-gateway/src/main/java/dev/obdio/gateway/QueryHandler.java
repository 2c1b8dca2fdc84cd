package dev.obdio.gateway;

/**
 * {@code query NAME} → the latest OBDResponse of a watched (or subscribed) command, or {@code null}
 * when it is not watched, has no value yet, or the connection was closed. Never touches the bus
 * (python-OBD's {@code Async.query}); {@code query_now} reads the vehicle.
 */
final class QueryHandler implements EventHandler {
    static final String EVENT = "query";
    private final WatchHub hub;

    QueryHandler(WatchHub hub) {
        this.hub = hub;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        return EventReply.emit(hub.latest(CommandNames.resolve(request.string(0, "a command name"))).orElse(null));
    }
}
