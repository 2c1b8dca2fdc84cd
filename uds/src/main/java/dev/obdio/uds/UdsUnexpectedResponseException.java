package dev.obdio.uds;

/**
 * The server answered, but not to this request: another service identifier, or an echo (session,
 * sub-function, data identifier, routine, block counter) that does not match what was asked.
 */
public final class UdsUnexpectedResponseException extends UdsException {
    private final UdsResponse response;

    /**
     * @param serviceId the request's service identifier
     * @param response  what came
     * @param reason    what does not match
     */
    public UdsUnexpectedResponseException(int serviceId, UdsResponse response, String reason) {
        super(serviceId, "unexpected response to " + UdsService.describe(serviceId) + ": " + reason + " (got "
                + Hex.format(response.bytes()) + ")", null);
        this.response = response;
    }

    /** What came. */
    public UdsResponse response() {
        return response;
    }
}
