package dev.obdio.uds;

/**
 * A UDS request did not give a usable positive response. The subclasses tell why: the server
 * refused ({@link UdsNegativeResponseException}), said nothing in time
 * ({@link UdsTimeoutException}), answered something else ({@link UdsUnexpectedResponseException}),
 * answered something that cannot be parsed ({@link UdsMalformedResponseException}), or the
 * transport failed ({@link UdsTransportException}).
 */
public abstract sealed class UdsException extends RuntimeException
        permits UdsNegativeResponseException, UdsTimeoutException, UdsUnexpectedResponseException,
        UdsMalformedResponseException, UdsTransportException {
    private final int serviceId;

    UdsException(int serviceId, String message, Throwable cause) {
        super(message, cause);
        this.serviceId = serviceId;
    }

    /** The service identifier of the request that failed. */
    public int serviceId() {
        return serviceId;
    }
}
