package dev.obdio.can;

/**
 * The one table between CAN data length codes and payload lengths (ISO 11898-1, CAN FD).
 *
 * <p>Classic CAN carries 0..8 bytes; DLC values 9..15 still mean 8 bytes on the wire (the
 * "raw DLC" that can-utils writes as {@code _9.._F}). CAN FD maps DLC 9..15 to
 * 12, 16, 20, 24, 32, 48 and 64 bytes.
 */
public final class Dlc {
    /** Largest classic CAN payload. */
    public static final int CLASSIC_MAX_LENGTH = 8;
    /** Largest CAN FD payload. */
    public static final int FD_MAX_LENGTH = 64;

    private static final int[] FD_LENGTHS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64};

    private Dlc() {
    }

    /** The CAN FD payload length for a DLC 0..15. */
    public static int fdLength(int dlc) {
        if (dlc < 0 || dlc > 15) {
            throw new IllegalArgumentException("dlc must be 0..15, got " + dlc);
        }
        return FD_LENGTHS[dlc];
    }

    /** The classic CAN payload length for a DLC 0..15 (9..15 mean 8 bytes). */
    public static int classicLength(int dlc) {
        if (dlc < 0 || dlc > 15) {
            throw new IllegalArgumentException("dlc must be 0..15, got " + dlc);
        }
        return Math.min(dlc, CLASSIC_MAX_LENGTH);
    }

    /** The DLC of a valid CAN FD length (0..8, 12, 16, 20, 24, 32, 48, 64). */
    public static int fdDlc(int length) {
        for (int dlc = 0; dlc < FD_LENGTHS.length; dlc++) {
            if (FD_LENGTHS[dlc] == length) {
                return dlc;
            }
        }
        throw new IllegalArgumentException("not a CAN FD length: " + length
                + " (valid: 0..8, 12, 16, 20, 24, 32, 48, 64)");
    }

    /** Whether {@code length} is a payload length a CAN FD frame can carry. */
    public static boolean isValidFdLength(int length) {
        return length >= 0 && length <= FD_MAX_LENGTH && FD_LENGTHS[roundUpDlc(length)] == length;
    }

    /**
     * The smallest CAN FD length that holds {@code length} bytes; used for padding.
     *
     * @throws IllegalArgumentException if {@code length} is above 64
     */
    public static int fdLengthAtLeast(int length) {
        if (length < 0 || length > FD_MAX_LENGTH) {
            throw new IllegalArgumentException("length must be 0..64, got " + length);
        }
        return FD_LENGTHS[roundUpDlc(length)];
    }

    private static int roundUpDlc(int length) {
        int dlc = 0;
        while (FD_LENGTHS[dlc] < length) {
            dlc++;
        }
        return dlc;
    }
}
