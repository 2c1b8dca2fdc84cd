package dev.obdio.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The arguments of an event for a gateway handler, as parsed JSON. {@link GatewayJsonSupport}
 * produces it for every event registered with this class.
 *
 * @param values the arguments after the event name
 */
record InboundArgs(List<JsonNode> values) {
    InboundArgs {
        values = List.copyOf(values);
    }
}
