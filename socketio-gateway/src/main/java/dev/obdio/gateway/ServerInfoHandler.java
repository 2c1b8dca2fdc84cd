package dev.obdio.gateway;

import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdStatus;
import java.util.List;
import java.util.function.Supplier;

/** {@code server_info} → what this server is and allows, for this client ({@link ServerInfo}). */
final class ServerInfoHandler implements EventHandler {
    static final String EVENT = "server_info";
    private final VehicleLink link;
    private final WriteGate writes;
    private final boolean tokenRequired;
    private final VehicleEventOptions options;
    private final int maxList;
    private final Supplier<String> vehicle;
    private final Supplier<List<String>> events;

    ServerInfoHandler(VehicleLink link, WriteGate writes, boolean tokenRequired, VehicleEventOptions options,
                      int maxList, Supplier<String> vehicle, Supplier<List<String>> events) {
        this.link = link;
        this.writes = writes;
        this.tokenRequired = tokenRequired;
        this.options = options;
        this.maxList = maxList;
        this.vehicle = vehicle;
        this.events = events;
    }

    @Override
    public EventReply handle(EventRequest request) {
        GatewayClient client = request.client();
        return EventReply.emit(new ServerInfo("obdio", GatewayVersion.get(), writes.writesAllowed(),
                writes.allows(client), tokenRequired, client.authenticated(), vehicle.get(), link.busName(),
                link.current().map(ObdConnection::status).orElse(ObdStatus.NOT_CONNECTED).text(),
                new ServerInfo.Limits(options.maxCommandsPerClient(), options.maxHz(), options.defaultHz(), maxList),
                client.droppedUpdates(), events.get().stream().sorted().toList()));
    }
}
