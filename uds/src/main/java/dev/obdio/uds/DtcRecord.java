package dev.obdio.uds;

/**
 * A DTC with its status.
 *
 * @param dtc    the code
 * @param status its status byte
 */
public record DtcRecord(Dtc dtc, DtcStatus status) {
    /** Checks the fields are given. */
    public DtcRecord {
        Checks.notNull("dtc", dtc);
        Checks.notNull("status", status);
    }

    @Override
    public String toString() {
        return dtc + " status " + status;
    }
}
