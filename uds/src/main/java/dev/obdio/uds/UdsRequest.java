package dev.obdio.uds;

/**
 * A typed request: it encodes itself and parses its positive response into {@code R}. Every
 * service has one (e.g. {@link ReadDataByIdentifier.Request}); {@link RawRequest} covers anything
 * else. Implement it for a manufacturer's own service and pass it to {@link UdsClient#request}.
 *
 * <p>Implementations are immutable values and pure functions of their fields: they touch no bus.
 *
 * @param <R> the parsed positive response
 */
public interface UdsRequest<R> {

    /** The request service identifier. */
    int serviceId();

    /** The request bytes, service identifier first. */
    byte[] encode();

    /**
     * Whether the request asks the server not to send a positive response (bit 7 of its
     * sub-function). Only services with a sub-function can.
     */
    default boolean suppressPositiveResponse() {
        return false;
    }

    /**
     * Parses the positive response (its first byte is {@code serviceId() + 0x40}).
     *
     * @param response the positive response
     * @param config   the client's configuration (DID codecs, DTC extended data sizes)
     * @throws UdsMalformedResponseException when it cannot be parsed
     * @throws UdsUnexpectedResponseException when an echo does not match the request
     */
    R parse(UdsResponse response, UdsClientConfig config);

    /** The service's name and identifier for messages. */
    default String describe() {
        return UdsService.describe(serviceId());
    }
}
