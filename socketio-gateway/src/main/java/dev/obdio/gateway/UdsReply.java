package dev.obdio.gateway;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.obdio.uds.Hex;
import dev.obdio.uds.Nrc;
import dev.obdio.uds.UdsResponse;
import dev.obdio.uds.UdsService;
import java.util.Locale;
import java.util.Optional;

/**
 * The reply to {@code uds_request}:
 * {@code {"tx":"7E0","rx":"7E8","service":"ReadDataByIdentifier","request":"22F190",
 * "response":"62F190…","positive":true,"nrc":null,"time":1700000000000}}. A negative response has
 * {@code "positive":false} and {@code "nrc":{"code":"31","name":"requestOutOfRange"}}; a request that
 * suppressed its positive response and got none has {@code "response":null}.
 *
 * @param tx       the request identifier (hex)
 * @param rx       the response identifier (hex)
 * @param service  the ISO 14229-1 name of the request's service, or its hex id when unknown
 * @param request  the request (hex)
 * @param response the final response (hex), or null when none was due
 * @param positive whether the response is positive (false without one)
 * @param nrc      the negative response code, or null
 * @param time     when the response came, epoch milliseconds
 */
@JsonPropertyOrder({"tx", "rx", "service", "request", "response", "positive", "nrc", "time"})
record UdsReply(String tx, String rx, String service, String request, String response, boolean positive,
                NrcInfo nrc, long time) {

    /** A negative response code: hex and ISO name. */
    record NrcInfo(String code, String name) {
    }

    static UdsReply of(UdsTarget target, byte[] request, Optional<UdsResponse> response, long time) {
        int sid = request[0] & 0xFF;
        String service = UdsService.byId(sid).map(UdsService::isoName)
                .orElse(String.format(Locale.ROOT, "0x%02X", sid));
        NrcInfo nrc = null;
        if (response.isPresent() && response.get().isNegative()) {
            int code = response.get().nrc();
            nrc = new NrcInfo(String.format(Locale.ROOT, "%02X", code), Nrc.nameOf(code));
        }
        return new UdsReply(target.txText(), target.rxText(), service, Hex.compact(request),
                response.map(r -> Hex.compact(r.bytes())).orElse(null),
                response.map(UdsResponse::isPositive).orElse(false), nrc, time);
    }
}
