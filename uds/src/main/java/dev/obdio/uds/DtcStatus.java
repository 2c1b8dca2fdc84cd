package dev.obdio.uds;

import java.util.ArrayList;
import java.util.List;

/**
 * A DTC status byte (ISO 14229-1 annex D.2), also used as status mask and availability mask.
 *
 * @param bits the byte, 0..0xFF
 */
public record DtcStatus(int bits) {
    private static final String[] NAMES = {"testFailed", "testFailedThisOperationCycle", "pendingDTC", "confirmedDTC",
        "testNotCompletedSinceLastClear", "testFailedSinceLastClear", "testNotCompletedThisOperationCycle",
        "warningIndicatorRequested"};

    /** Every bit: the mask that selects all DTCs. */
    public static final DtcStatus ALL = new DtcStatus(0xFF);

    /** Validates the byte. */
    public DtcStatus {
        Checks.byteValue("bits", bits);
    }

    /** Bit 0. */
    public boolean testFailed() {
        return (bits & 0x01) != 0;
    }

    /** Bit 1. */
    public boolean testFailedThisOperationCycle() {
        return (bits & 0x02) != 0;
    }

    /** Bit 2. */
    public boolean pending() {
        return (bits & 0x04) != 0;
    }

    /** Bit 3. */
    public boolean confirmed() {
        return (bits & 0x08) != 0;
    }

    /** Bit 4. */
    public boolean testNotCompletedSinceLastClear() {
        return (bits & 0x10) != 0;
    }

    /** Bit 5. */
    public boolean testFailedSinceLastClear() {
        return (bits & 0x20) != 0;
    }

    /** Bit 6. */
    public boolean testNotCompletedThisOperationCycle() {
        return (bits & 0x40) != 0;
    }

    /** Bit 7. */
    public boolean warningIndicatorRequested() {
        return (bits & 0x80) != 0;
    }

    /** The ISO names of the bits that are set. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            if ((bits & 1 << i) != 0) {
                out.add(NAMES[i]);
            }
        }
        return out;
    }

    /** {@code 0x2F (testFailed, …)}. */
    @Override
    public String toString() {
        return String.format("0x%02X", bits) + (bits == 0 ? "" : " (" + String.join(", ", names()) + ")");
    }
}
