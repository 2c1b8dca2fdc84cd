package dev.obdio.uds;

/**
 * The request or its response was lost below UDS: an ISO-TP fault (no flow control, a lost
 * consecutive frame, overflow), a closed channel or bus, or an interrupted wait. The cause is the
 * {@link dev.obdio.isotp.IsoTpException}, {@link dev.obdio.can.CanException} or
 * {@link InterruptedException} (the thread's interrupt flag is set again).
 */
public final class UdsTransportException extends UdsException {

    /**
     * @param serviceId the request's service identifier
     * @param message   what was lost
     * @param cause     the transport's failure
     */
    public UdsTransportException(int serviceId, String message, Throwable cause) {
        super(serviceId, message, cause);
    }
}
