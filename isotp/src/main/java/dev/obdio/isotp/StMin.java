package dev.obdio.isotp;

import java.time.Duration;

/**
 * The STmin byte of a flow control: the minimum gap the sender leaves between consecutive
 * frames. {@code 0x00..0x7F} are 0..127 ms, {@code 0xF1..0xF9} are 100..900 µs; the reserved
 * values ({@code 0x80..0xF0}, {@code 0xFA..0xFF}) are read as {@code 0x7F} (127 ms), as the Linux
 * kernel does.
 */
public final class StMin {
    /** The longest STmin, 127 ms, also used for reserved values. */
    public static final int MAX_MILLIS = 0x7F;

    private StMin() {
    }

    /** Whether {@code raw} (0..255) is one of the reserved encodings. */
    public static boolean isReserved(int raw) {
        int b = raw & 0xFF;
        return (b > 0x7F && b < 0xF1) || b > 0xF9;
    }

    /** The gap an STmin byte asks for, in nanoseconds (reserved values mean 127 ms). */
    public static long toNanos(int raw) {
        int b = raw & 0xFF;
        if (isReserved(b)) {
            b = MAX_MILLIS;
        }
        return b <= MAX_MILLIS ? b * 1_000_000L : (b - 0xF0) * 100_000L;
    }

    /** The gap an STmin byte asks for. */
    public static Duration toDuration(int raw) {
        return Duration.ofNanos(toNanos(raw));
    }

    /**
     * The STmin byte for a gap: whole milliseconds up to 127 ms, or 100..900 µs in steps of
     * 100 µs; a gap between encodings is rounded up, so the receiver never gets frames faster
     * than it asked for.
     *
     * @throws IllegalArgumentException if the gap is negative or above 127 ms
     */
    public static int encode(Duration gap) {
        if (gap == null || gap.isNegative() || gap.compareTo(Duration.ofMillis(MAX_MILLIS)) > 0) {
            throw new IllegalArgumentException("stMin must be 0..127 ms, got " + gap);
        }
        long nanos = gap.toNanos();
        if (nanos == 0) {
            return 0;
        }
        if (nanos <= 900_000) {
            return 0xF0 + (int) ((nanos + 99_999) / 100_000);
        }
        return (int) ((nanos + 999_999) / 1_000_000);
    }
}
