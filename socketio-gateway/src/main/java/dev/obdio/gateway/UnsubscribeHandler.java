package dev.obdio.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code unsubscribe} (everything), {@code unsubscribe NAME}, {@code unsubscribe [NAMES]} or
 * {@code unsubscribe {"names": …}}: stops those updates. Replies with what stays subscribed,
 * {@code {"subscribed": {…}}}; unknown names get an {@code error} event.
 */
final class UnsubscribeHandler implements EventHandler {
    static final String EVENT = "unsubscribe";
    private final WatchHub hub;

    UnsubscribeHandler(WatchHub hub) {
        this.hub = hub;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        JsonNode arg = request.arg(0).orElse(null);
        if (arg != null && arg.isObject()) {
            arg = arg.get("names");
        }
        if (arg == null || arg.isNull()) {
            hub.unsubscribeAll(request.client());
            return EventReply.emit(SubscribeHandler.reply(hub.subscription(request.client())));
        }
        List<String> names = EventRequest.stringOrList(arg, "a command name", request.maxArrayLength());
        CommandNames.Resolved resolved = CommandNames.resolveAll(names);
        resolved.reportUnknown(request, EVENT);
        return EventReply.emit(SubscribeHandler.reply(hub.unsubscribe(request.client(), resolved.commands())));
    }
}
