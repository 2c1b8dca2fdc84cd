package dev.obdio.can;

import java.time.Duration;
import java.util.Arrays;

/**
 * A receive-side content filter, as SocketCAN's broadcast manager offers (BCM RX_SETUP): report
 * a frame of one id only when the bits under {@code mask} change (or its length changes), and
 * report when no frame of that id arrived within {@code timeout}.
 *
 * @param id       the identifier to watch
 * @param extended whether {@code id} is 29-bit
 * @param mask     the payload bits whose change is reported; empty reports every frame of the id
 * @param timeout  report silence longer than this; {@link Duration#ZERO} for never
 * @param throttle report changes at most once per this interval (the newest wins); ZERO for no limit
 */
public record ContentFilter(int id, boolean extended, byte[] mask, Duration timeout, Duration throttle) {

    /** Validates and copies. */
    public ContentFilter {
        int maxId = extended ? CanFrame.MAX_EXTENDED_ID : CanFrame.MAX_STANDARD_ID;
        if (id < 0 || id > maxId) {
            throw new IllegalArgumentException(String.format("id 0x%X out of range 0..0x%X", id, maxId));
        }
        if (mask == null || mask.length > Dlc.FD_MAX_LENGTH) {
            throw new IllegalArgumentException("mask must have 0..64 bytes");
        }
        if (timeout == null || timeout.isNegative() || throttle == null || throttle.isNegative()) {
            throw new IllegalArgumentException("timeout and throttle must be zero or positive");
        }
        mask = mask.clone();
    }

    /** Reports every frame of this 11- or 29-bit id, never times out. */
    public static ContentFilter everyFrame(int id, boolean extended) {
        return new ContentFilter(id, extended, new byte[0], Duration.ZERO, Duration.ZERO);
    }

    /** Reports frames of this id whose masked bits changed. */
    public static ContentFilter onChange(int id, boolean extended, byte... mask) {
        return new ContentFilter(id, extended, mask, Duration.ZERO, Duration.ZERO);
    }

    /** This filter with a silence timeout. */
    public ContentFilter withTimeout(Duration value) {
        return new ContentFilter(id, extended, mask, value, throttle);
    }

    /** This filter with a throttle interval. */
    public ContentFilter withThrottle(Duration value) {
        return new ContentFilter(id, extended, mask, timeout, value);
    }

    /** A copy of the mask. */
    @Override
    public byte[] mask() {
        return mask.clone();
    }

    /** Whether a frame of this filter's id is relevant for it. */
    public boolean matchesId(CanFrame frame) {
        return frame.isData() && frame.id() == id && frame.extended() == extended;
    }

    /**
     * Whether {@code next} differs from {@code previous} under the mask (or in length). With an
     * empty mask every frame counts as a change; the first frame ({@code previous == null}) always does.
     */
    public boolean isChange(CanFrame previous, CanFrame next) {
        if (previous == null || mask.length == 0 || previous.length() != next.length()) {
            return true;
        }
        int n = Math.min(mask.length, next.length());
        for (int i = 0; i < n; i++) {
            if (((previous.dataByte(i) ^ next.dataByte(i)) & mask[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentFilter f && id == f.id && extended == f.extended && Arrays.equals(mask, f.mask)
                && timeout.equals(f.timeout) && throttle.equals(f.throttle);
    }

    @Override
    public int hashCode() {
        return (31 * id + Arrays.hashCode(mask)) * 31 + timeout.hashCode();
    }

    @Override
    public String toString() {
        return String.format("ContentFilter[%s mask=%s timeout=%s throttle=%s]",
                extended ? String.format("%08X", id) : String.format("%03X", id),
                java.util.HexFormat.of().withUpperCase().formatHex(mask), timeout, throttle);
    }
}
