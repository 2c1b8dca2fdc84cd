package dev.obdio.uds;

import java.util.Optional;

/**
 * The server refused a request with a negative response {@code 7F SID NRC}.
 */
public final class UdsNegativeResponseException extends UdsException {
    private final int nrc;

    /**
     * @param serviceId the refused request's service identifier
     * @param nrc       the negative response code
     */
    public UdsNegativeResponseException(int serviceId, int nrc) {
        super(serviceId, UdsService.describe(serviceId) + " refused: NRC " + Nrc.describe(nrc), null);
        this.nrc = nrc;
    }

    /** The negative response code, 0..255. */
    public int nrc() {
        return nrc;
    }

    /** The code as a table entry, when ISO 14229-1 names it. */
    public Optional<Nrc> knownNrc() {
        return Nrc.byCode(nrc);
    }

    /** The ISO name of the code ({@code requestOutOfRange}) or of its range. */
    public String nrcName() {
        return Nrc.nameOf(nrc);
    }

    /** The response as received, {@code 7F SID NRC}. */
    public UdsResponse response() {
        return new UdsResponse(new byte[] {(byte) UdsService.NEGATIVE_RESPONSE, (byte) serviceId(), (byte) nrc});
    }
}
