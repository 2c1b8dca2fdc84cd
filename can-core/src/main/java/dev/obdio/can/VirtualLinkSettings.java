package dev.obdio.can;

import java.time.Duration;
import java.util.Locale;

/**
 * How a virtual interface's wire behaves: instantaneous (the default, like vcan), or with the
 * timing of a real bus at {@code bitrate}, plus injected faults for tests.
 *
 * <p>In a bus name they are query parameters: {@code virtual:car?bitrate=500000&drop=0.01&delay=2ms&seed=7}.
 *
 * @param bitrate     nominal bit rate in bit/s; 0 delivers instantly with no wire time
 * @param dataBitrate CAN FD data-phase bit rate for frames with BRS; 0 means {@code bitrate}
 * @param dropRate    probability 0..1 that a frame is lost for every receiver
 * @param delay       extra latency added to every frame
 * @param seed        seed of the random drops, so a test run can be repeated
 */
public record VirtualLinkSettings(long bitrate, long dataBitrate, double dropRate, Duration delay, long seed) {

    /** Instant delivery, no faults: vcan. */
    public static final VirtualLinkSettings IDEAL = new VirtualLinkSettings(0, 0, 0, Duration.ZERO, 1);

    /** Validates the fields. */
    public VirtualLinkSettings {
        if (bitrate < 0 || bitrate > 20_000_000 || dataBitrate < 0 || dataBitrate > 20_000_000) {
            throw new IllegalArgumentException("bitrate and dbitrate must be 0..20000000 bit/s");
        }
        if (!(dropRate >= 0 && dropRate <= 1)) {
            throw new IllegalArgumentException("drop must be a probability 0..1, got " + dropRate);
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive");
        }
    }

    /** Whether frames go straight to the receivers on the sender's thread. */
    public boolean isInstant() {
        return bitrate == 0 && dropRate == 0 && delay.isZero();
    }

    /** These settings with another bit rate. */
    public VirtualLinkSettings withBitrate(long value) {
        return new VirtualLinkSettings(value, dataBitrate, dropRate, delay, seed);
    }

    /** These settings with another drop rate. */
    public VirtualLinkSettings withDropRate(double value) {
        return new VirtualLinkSettings(bitrate, dataBitrate, value, delay, seed);
    }

    /** These settings with another added delay. */
    public VirtualLinkSettings withDelay(Duration value) {
        return new VirtualLinkSettings(bitrate, dataBitrate, dropRate, value, seed);
    }

    /**
     * Parses {@code key=value&…} with keys {@code bitrate}, {@code dbitrate}, {@code drop},
     * {@code delay} (e.g. {@code 5ms}, {@code 250us}, {@code 1s}; a bare number is ms) and {@code seed}.
     *
     * @throws IllegalArgumentException naming the bad parameter
     */
    public static VirtualLinkSettings parse(String query) {
        VirtualLinkSettings s = IDEAL;
        if (query == null || query.isEmpty()) {
            return s;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("virtual bus parameter \"" + pair + "\": expected key=value");
            }
            String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = pair.substring(eq + 1);
            try {
                s = switch (key) {
                    case "bitrate" -> new VirtualLinkSettings(Long.parseLong(value), s.dataBitrate, s.dropRate, s.delay, s.seed);
                    case "dbitrate" -> new VirtualLinkSettings(s.bitrate, Long.parseLong(value), s.dropRate, s.delay, s.seed);
                    case "drop" -> new VirtualLinkSettings(s.bitrate, s.dataBitrate, Double.parseDouble(value), s.delay, s.seed);
                    case "delay" -> new VirtualLinkSettings(s.bitrate, s.dataBitrate, s.dropRate, parseDuration(value), s.seed);
                    case "seed" -> new VirtualLinkSettings(s.bitrate, s.dataBitrate, s.dropRate, s.delay, Long.parseLong(value));
                    default -> throw new IllegalArgumentException("unknown virtual bus parameter \"" + key
                            + "\" (known: bitrate, dbitrate, drop, delay, seed)");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("virtual bus parameter " + key + "=\"" + value + "\" is not a number");
            }
        }
        return s;
    }

    private static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        double factorNanos;
        String number;
        if (t.endsWith("us")) {
            factorNanos = 1e3;
            number = t.substring(0, t.length() - 2);
        } else if (t.endsWith("ms")) {
            factorNanos = 1e6;
            number = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            factorNanos = 1e9;
            number = t.substring(0, t.length() - 1);
        } else {
            factorNanos = 1e6;
            number = t;
        }
        return Duration.ofNanos(Math.round(Double.parseDouble(number) * factorNanos));
    }

    /**
     * Time the frame occupies the wire, from the bit counts of ISO 11898-1 without bit stuffing
     * (including the 3-bit interframe space): 47 + 8n bits for an 11-bit frame, 67 + 8n for a
     * 29-bit one; CAN FD counts the arbitration and data phases at their own rates.
     */
    public long wireNanos(CanFrame frame) {
        if (bitrate == 0) {
            return 0;
        }
        int payloadBits = frame.isRemote() ? 0 : 8 * frame.length();
        if (!frame.fd()) {
            int bits = (frame.extended() ? 67 : 47) + payloadBits;
            return bits * 1_000_000_000L / bitrate;
        }
        long dataRate = frame.brs() && dataBitrate > 0 ? dataBitrate : bitrate;
        int arbitrationBits = (frame.extended() ? 35 : 16) + 13; // header up to BRS, then ACK, EOF, IFS
        int dataBits = 26 + (frame.length() > 16 ? 4 : 0) + payloadBits; // ESI, DLC, stuff count, CRC
        return arbitrationBits * 1_000_000_000L / bitrate + dataBits * 1_000_000_000L / dataRate;
    }
}
