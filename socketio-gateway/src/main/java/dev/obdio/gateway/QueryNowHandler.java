package dev.obdio.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdProblem;
import dev.obdio.obd.ObdResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code query_now NAME} → the OBDResponse read from the vehicle now (watched or not), {@code null}
 * without a value; {@code query_now [NAMES]} → {@code {NAME: response or null, …}}, mode 01 PIDs
 * up to six per request. A response without a value also gets an {@code error} event saying why
 * (not supported, no answer, a refusal); unknown names get one too.
 */
final class QueryNowHandler implements EventHandler {
    static final String EVENT = "query_now";
    private final VehicleLink link;
    private final BusAccess access;

    QueryNowHandler(VehicleLink link, BusAccess access) {
        this.link = link;
        this.access = access;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        JsonNode arg = request.arg(0).orElse(null);
        boolean many = arg != null && arg.isArray();
        CommandNames.Resolved names = CommandNames.resolveAll(request.stringOrList(0, "a command name"));
        if (!names.unknown().isEmpty()) {
            if (!many) {
                throw new EventException(names.unknownMessage());
            }
            request.client().emit(ErrorPayload.EVENT, new ErrorPayload(EVENT, names.unknownMessage()));
        }
        ObdConnection car = link.require();
        Map<ObdCommand, ObdResponse> read = names.commands().isEmpty() ? Map.of()
                : access.shared(() -> car.read(names.commands(), false));
        List<String> why = new ArrayList<>();
        for (ObdResponse r : read.values()) {
            if (r.isNull()) {
                why.add(r.command().name() + ": " + reasons(r));
            }
        }
        if (!why.isEmpty()) {
            request.client().emit(ErrorPayload.EVENT, new ErrorPayload(EVENT, "no value for " + String.join("; ", why)));
        }
        if (!many) {
            return EventReply.emit(read.values().iterator().next());
        }
        Map<String, ObdResponse> out = new LinkedHashMap<>();
        read.forEach((c, r) -> out.put(c.name(), r));
        return EventReply.emit(out);
    }

    private static String reasons(ObdResponse r) {
        if (r.problems().isEmpty()) {
            return "no ECU answered";
        }
        return String.join(", ", r.problems().stream().map(ObdProblem::describe).toList());
    }
}
