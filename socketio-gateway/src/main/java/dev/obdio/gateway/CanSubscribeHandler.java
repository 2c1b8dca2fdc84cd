package dev.obdio.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obdio.can.CanFilterSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code can_subscribe {"filters": "7E0:7F0,7DF" or [...], "hz": 10}} (both optional): raw frames
 * of the vehicle's bus, batched, {@code hz} times a second, as {@code can_frames} events (see
 * {@link CanTap}), for a candump view. Filters are candump's ({@code id:mask}, {@code id~mask},
 * {@code #errormask}, {@code j}); none means every data frame. Subscribing again replaces the
 * filters and rate. Replies {@code {"filters": "…", "hz": 10}}.
 */
final class CanSubscribeHandler implements EventHandler {
    static final String EVENT = "can_subscribe";
    private final CanMonitor monitor;
    private final VehicleEventOptions options;

    CanSubscribeHandler(CanMonitor monitor, VehicleEventOptions options) {
        this.monitor = monitor;
        this.options = options;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        Optional<JsonNode> arg = request.object(0, "{\"filters\": \"7E8:7F8\", \"hz\": 10}");
        String text = "";
        double hz = options.defaultHz();
        if (arg.isPresent()) {
            JsonNode f = arg.get().get("filters");
            if (f != null && !f.isNull()) {
                List<String> parts = EventRequest.stringOrList(f, "a candump filter", request.maxArrayLength());
                text = String.join(",", parts);
            }
            hz = SubscribeHandler.Rates.hz(arg.get(), options);
        }
        CanFilterSet filters;
        try {
            filters = CanFilterSet.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EventException("bad filter: " + e.getMessage() + ". " + CanFilterSet.SYNTAX.replace('\n', ' '));
        }
        monitor.subscribe(request.client(), filters, text, hz);
        return EventReply.emit(Map.of("filters", text, "hz", hz));
    }
}
