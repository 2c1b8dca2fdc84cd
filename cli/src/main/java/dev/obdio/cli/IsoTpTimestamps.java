package dev.obdio.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The {@code -t} timestamps of isotpdump and isotpsniffer: {@code a} absolute
 * {@code (1700000000.123456) }, {@code A} with the local date {@code (2023-11-14 22:13:20.123456) },
 * {@code d} delta to the previous line, {@code z} since the first line. Keeps the state of
 * {@code d} and {@code z}; one instance per output, not thread-safe.
 */
final class IsoTpTimestamps {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final char mode;
    private final ZoneId zone;
    private long reference = Long.MIN_VALUE;

    private IsoTpTimestamps(char mode, ZoneId zone) {
        this.mode = mode;
        this.zone = zone;
    }

    /**
     * The timestamps for {@code -t MODE} (null: none).
     *
     * @throws IllegalArgumentException for a mode other than a, A, d, z
     */
    static IsoTpTimestamps of(String mode, ZoneId zone) {
        if (mode == null) {
            return new IsoTpTimestamps('\0', zone);
        }
        if (mode.length() != 1 || "aAdz".indexOf(mode.charAt(0)) < 0) {
            throw new IllegalArgumentException("-t " + mode + ": timestamps are a (absolute), A (absolute with date),"
                    + " d (delta) or z (from zero)");
        }
        return new IsoTpTimestamps(mode.charAt(0), zone);
    }

    /** The prefix for a line seen at {@code epochMicros}: {@code "(…) "}, or empty without -t. */
    String prefix(long epochMicros) {
        switch (mode) {
            case 'a':
                return "(" + seconds(epochMicros) + ") ";
            case 'A': {
                Instant t = Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L));
                return "(" + DATE.format(t.atZone(zone)) + String.format(".%06d", Math.floorMod(epochMicros, 1_000_000L))
                        + ") ";
            }
            case 'd':
            case 'z': {
                if (reference == Long.MIN_VALUE) {
                    reference = epochMicros;
                }
                long diff = Math.max(0, epochMicros - reference);
                if (mode == 'd') {
                    reference = epochMicros;
                }
                return "(" + seconds(diff) + ") ";
            }
            default:
                return "";
        }
    }

    private static String seconds(long micros) {
        return Math.floorDiv(micros, 1_000_000L) + String.format(".%06d", Math.floorMod(micros, 1_000_000L));
    }
}
