package dev.obdio.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obdio.uds.Hex;
import java.util.Optional;

/**
 * {@code uds_request {"tx": "7E0", "rx": "7E8", "hex": "22F190"}} → a {@link UdsReply} with the ECU's
 * final answer (negative ones included). Requests that only read (see {@link UdsAccessPolicy}) are
 * served to every client; anything else only with writes allowed and the token presented. An ECU
 * that does not answer in time, or a transport failure, is an {@code error} event.
 */
final class UdsRequestHandler implements EventHandler {
    static final String EVENT = "uds_request";
    /** The longest request: a classic ISO-TP PDU. */
    static final int MAX_REQUEST = 4095;
    private final UdsRelay relay;
    private final WriteGate writes;

    UdsRequestHandler(UdsRelay relay, WriteGate writes) {
        this.relay = relay;
        this.writes = writes;
    }

    @Override
    public EventReply handle(EventRequest request) throws EventException {
        JsonNode arg = request.object(0, "{\"tx\": \"7E0\", \"rx\": \"7E8\", \"hex\": \"22F190\"}")
                .orElseThrow(() -> new EventException("expected {\"tx\": \"7E0\", \"rx\": \"7E8\", \"hex\": \"22F190\"}"));
        UdsTarget target = UdsTarget.parse(arg.get("tx"), arg.get("rx"));
        JsonNode hex = arg.get("hex");
        if (hex == null || !hex.isTextual()) {
            throw new EventException("\"hex\" must be the request as a hex string (\"22F190\")");
        }
        byte[] pdu;
        try {
            pdu = Hex.parse(hex.textValue());
        } catch (IllegalArgumentException e) {
            throw new EventException("bad request: " + e.getMessage());
        }
        if (pdu.length > MAX_REQUEST) {
            throw new EventException("a request has at most " + MAX_REQUEST + " bytes, got " + pdu.length);
        }
        Optional<String> write = UdsAccessPolicy.needsWrite(pdu);
        if (write.isPresent()) {
            writes.check(request.client(), EVENT + " " + Hex.compact(new byte[] {pdu[0]}) + " (" + write.get() + ")");
        }
        return EventReply.emit(relay.request(target, pdu));
    }
}
