package dev.obdio.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The events a gateway serves out of the box: obd-socketio's defaults (python-OBD's API) and
 * obdio's extensions, each one small {@link EventHandler}.
 */
final class DefaultEvents {

    /** obd-socketio's default events, in its README's order. */
    static final List<String> COMPATIBLE = List.of(StatusHandler.EVENT, IsConnectedHandler.EVENT,
            ProtocolNameHandler.EVENT, ProtocolIdHandler.EVENT, PortNameHandler.EVENT, SupportsHandler.EVENT,
            SupportedCommandsHandler.EVENT, QueryHandler.EVENT, StartHandler.EVENT, StopHandler.EVENT,
            WatchHandler.EVENT, UnwatchHandler.EVENT, UnwatchAllHandler.EVENT, HasNameHandler.EVENT,
            CloseHandler.EVENT);

    /** obdio's extensions. */
    static final List<String> EXTENSIONS = List.of(QueryNowHandler.EVENT, SubscribeHandler.EVENT,
            UnsubscribeHandler.EVENT, DtcHandler.EVENT, ClearDtcHandler.EVENT, VehicleInfoHandler.EVENT,
            CanSubscribeHandler.EVENT, CanUnsubscribeHandler.EVENT, UdsRequestHandler.EVENT, ServerInfoHandler.EVENT);

    private DefaultEvents() {
    }

    /** Every default handler by event name, wired to the services. */
    static Map<String, EventHandler> create(VehicleLink link, WatchHub hub, BusAccess access, CanMonitor can,
                                            UdsRelay uds, GatewayServer server, VehicleEventOptions options,
                                            Supplier<String> vehicle) {
        GatewayConfig config = server.config();
        boolean tokenRequired = config.token().isPresent();
        WriteGate writes = new WriteGate(config.allowWrite(), tokenRequired);
        Map<String, EventHandler> h = new LinkedHashMap<>();
        h.put(StatusHandler.EVENT, new StatusHandler(link));
        h.put(IsConnectedHandler.EVENT, new IsConnectedHandler(link));
        h.put(ProtocolNameHandler.EVENT, new ProtocolNameHandler(link));
        h.put(ProtocolIdHandler.EVENT, new ProtocolIdHandler(link));
        h.put(PortNameHandler.EVENT, new PortNameHandler(link));
        h.put(SupportsHandler.EVENT, new SupportsHandler(link));
        h.put(SupportedCommandsHandler.EVENT, new SupportedCommandsHandler(link));
        h.put(QueryHandler.EVENT, new QueryHandler(hub));
        h.put(StartHandler.EVENT, new StartHandler(hub));
        h.put(StopHandler.EVENT, new StopHandler(hub));
        h.put(WatchHandler.EVENT, new WatchHandler(hub));
        h.put(UnwatchHandler.EVENT, new UnwatchHandler(hub));
        h.put(UnwatchAllHandler.EVENT, new UnwatchAllHandler(hub));
        h.put(HasNameHandler.EVENT, new HasNameHandler());
        h.put(CloseHandler.EVENT, new CloseHandler(link, server.clients()));
        h.put(QueryNowHandler.EVENT, new QueryNowHandler(link, access));
        h.put(SubscribeHandler.EVENT, new SubscribeHandler(hub, options));
        h.put(UnsubscribeHandler.EVENT, new UnsubscribeHandler(hub));
        h.put(DtcHandler.EVENT, new DtcHandler(link, access));
        h.put(ClearDtcHandler.EVENT, new ClearDtcHandler(link, access, writes, server.clients()));
        h.put(VehicleInfoHandler.EVENT, new VehicleInfoHandler(link, access));
        h.put(CanSubscribeHandler.EVENT, new CanSubscribeHandler(can, options));
        h.put(CanUnsubscribeHandler.EVENT, new CanUnsubscribeHandler(can));
        h.put(UdsRequestHandler.EVENT, new UdsRequestHandler(uds, writes));
        h.put(ServerInfoHandler.EVENT, new ServerInfoHandler(link, writes, tokenRequired, options,
                config.limits().maxArrayLength(), vehicle, () -> List.copyOf(server.events().names())));
        return h;
    }
}
