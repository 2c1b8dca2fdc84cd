package dev.obdio.gateway;

/** {@code can_unsubscribe}: stops the client's {@code can_frames}. No reply. */
final class CanUnsubscribeHandler implements EventHandler {
    static final String EVENT = "can_unsubscribe";
    private final CanMonitor monitor;

    CanUnsubscribeHandler(CanMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public EventReply handle(EventRequest request) {
        monitor.unsubscribe(request.client());
        return EventReply.none();
    }
}
