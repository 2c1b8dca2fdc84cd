package dev.obdio.uds;

/**
 * A response to the request that cannot be parsed: too short, a length that does not fit its
 * formats, a data identifier whose length is not known.
 */
public final class UdsMalformedResponseException extends UdsException {
    private final UdsResponse response;

    /**
     * @param serviceId the request's service identifier
     * @param response  what came
     * @param reason    what is wrong with it
     */
    public UdsMalformedResponseException(int serviceId, UdsResponse response, String reason) {
        super(serviceId, "malformed response to " + UdsService.describe(serviceId) + ": " + reason + " (got "
                + Hex.format(response.bytes()) + ")", null);
        this.response = response;
    }

    /** What came. */
    public UdsResponse response() {
        return response;
    }
}
