package dev.obdio.gateway;

/**
 * {@code close}: closes the connection to the vehicle (the loop stops, the status becomes
 * {@code "Not Connected"}, {@code query} gives {@code null}) and tells every client with
 * {@code obd_closed} (no payload). No reply. Subscriptions stay and resume when the server
 * connects again.
 */
final class CloseHandler implements EventHandler {
    static final String EVENT = "close";
    static final String CLOSED = "obd_closed";
    private final VehicleLink link;
    private final GatewayClients clients;

    CloseHandler(VehicleLink link, GatewayClients clients) {
        this.link = link;
        this.clients = clients;
    }

    @Override
    public EventReply handle(EventRequest request) {
        link.closeConnection();
        clients.broadcast(CLOSED);
        return EventReply.none();
    }
}
