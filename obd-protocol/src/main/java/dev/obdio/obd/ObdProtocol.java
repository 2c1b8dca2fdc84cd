package dev.obdio.obd;

/**
 * The OBD-on-CAN protocol in use, named and numbered as an ELM327 (and so python-OBD and
 * obd-socketio) names it. The bit rate is the one the user gave: obdio does not measure it.
 */
public enum ObdProtocol {
    /** 11-bit identifiers at 500 kbit/s. */
    CAN_11_500("ISO 15765-4 (CAN 11/500)", "6", false, 500_000),
    /** 29-bit identifiers at 500 kbit/s. */
    CAN_29_500("ISO 15765-4 (CAN 29/500)", "7", true, 500_000),
    /** 11-bit identifiers at 250 kbit/s. */
    CAN_11_250("ISO 15765-4 (CAN 11/250)", "8", false, 250_000),
    /** 29-bit identifiers at 250 kbit/s. */
    CAN_29_250("ISO 15765-4 (CAN 29/250)", "9", true, 250_000);

    private final String protocolName;
    private final String id;
    private final boolean extendedIds;
    private final int bitrate;

    ObdProtocol(String protocolName, String id, boolean extendedIds, int bitrate) {
        this.protocolName = protocolName;
        this.id = id;
        this.extendedIds = extendedIds;
        this.bitrate = bitrate;
    }

    /** The ELM327 name, e.g. {@code "ISO 15765-4 (CAN 11/500)"}. */
    public String protocolName() {
        return protocolName;
    }

    /** The ELM327 protocol number as a string, e.g. {@code "6"}. */
    public String id() {
        return id;
    }

    /** Whether the protocol uses 29-bit identifiers. */
    public boolean extendedIds() {
        return extendedIds;
    }

    /** The bit rate in bit/s. */
    public int bitrate() {
        return bitrate;
    }

    /**
     * The protocol for an identifier size and bit rate.
     *
     * @throws IllegalArgumentException for a bit rate other than 250 or 500 kbit/s (the only ones
     *                                  ISO 15765-4 allows)
     */
    public static ObdProtocol of(boolean extendedIds, int bitrate) {
        for (ObdProtocol p : values()) {
            if (p.extendedIds == extendedIds && p.bitrate == bitrate) {
                return p;
            }
        }
        throw new IllegalArgumentException("OBD on CAN runs at 250000 or 500000 bit/s (ISO 15765-4), not " + bitrate);
    }

    @Override
    public String toString() {
        return protocolName;
    }
}
