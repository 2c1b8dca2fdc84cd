package dev.obdio.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obdio.obd.ObdCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code subscribe {"names": NAME or [NAMES], "hz": 10}} (or just a name or a list, at the default
 * rate): the server pushes {@code update} events with the newest responses of these commands, at
 * most {@code hz} values of each a second, values read together in one event, so a page needs no
 * polling loop. Subscribing again adds names or changes their rate. Replies with the whole
 * subscription {@code {"subscribed": {"RPM": 10, …}}} and sends the latest values at once.
 * Unknown names and unsupported commands get an {@code error} event; the rest are subscribed.
 */
final class SubscribeHandler implements EventHandler {
    static final String EVENT = "subscribe";
    private final WatchHub hub;
    private final VehicleEventOptions options;

    SubscribeHandler(WatchHub hub, VehicleEventOptions options) {
        this.hub = hub;
        this.options = options;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        JsonNode arg = request.arg(0).orElseThrow(() -> new EventException(
                "expected {\"names\": [...], \"hz\": 10}, a command name or a list of them"));
        List<String> names;
        double hz = options.defaultHz();
        if (arg.isObject()) {
            JsonNode n = arg.get("names");
            if (n == null || n.isNull()) {
                throw new EventException("\"names\" is missing: a command name or a list of them");
            }
            names = EventRequest.stringOrList(n, "a command name", request.maxArrayLength());
            hz = Rates.hz(arg, options);
        } else {
            names = request.stringOrList(0, "a command name");
        }
        CommandNames.Resolved resolved = CommandNames.resolveAll(names);
        resolved.reportUnknown(request, EVENT);
        WatchHub.SubscribeResult result = hub.subscribe(request.client(), resolved.commands(), hz);
        if (!result.refused().isEmpty()) {
            request.client().emit(ErrorPayload.EVENT, new ErrorPayload(EVENT, "not supported by the vehicle, "
                    + "not subscribed: " + CommandNames.names(result.refused())));
        }
        return EventReply.emit(reply(result.hz()));
    }

    /** {@code {"subscribed": {NAME: hz, …}}}. */
    static Map<String, Object> reply(Map<ObdCommand, Double> hz) {
        Map<String, Double> byName = new LinkedHashMap<>();
        hz.forEach((c, r) -> byName.put(c.name(), r));
        return Map.of("subscribed", byName);
    }

    /** The {@code hz} field of a subscription. */
    static final class Rates {
        private Rates() {
        }

        static double hz(JsonNode object, VehicleEventOptions options) throws EventException {
            JsonNode h = Optional.ofNullable(object.get("hz")).orElse(null);
            if (h == null || h.isNull()) {
                return options.defaultHz();
            }
            if (!h.isNumber()) {
                throw new EventException("\"hz\" must be a number, got " + EventRequest.describe(h));
            }
            double value = h.doubleValue();
            options.intervalNanos(value);
            return value;
        }
    }
}
