package dev.obdio.uds;

import java.util.Arrays;

/**
 * SecurityAccess (0x27): an odd sub-function requests a seed for a level, the next even one sends
 * the key. A seed of all zero bytes means the level is already unlocked.
 * {@link UdsClient#unlock(int)} runs both steps with the configured {@link SecurityKeyAlgorithm}.
 */
public final class SecurityAccess {

    private SecurityAccess() {
    }

    /**
     * A seed level as typed: decimal ({@code 1}, {@code 17}) or hex with {@code 0x}; odd, 1..0x7D.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static int parseLevel(String text) {
        int n;
        try {
            String t = text.strip();
            n = t.startsWith("0x") || t.startsWith("0X") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("security level \"" + text + "\" must be a number (1, 3, 0x11, …)");
        }
        if (n < 1 || n > 0x7D || n % 2 == 0) {
            throw new IllegalArgumentException("security level " + text + " must be odd, 1..0x7D (the seed sub-function)");
        }
        return n;
    }

    /** Checks a seed level: odd, 0x01..0x7D. */
    static int checkLevel(int level) {
        Checks.range("level", level, 1, 0x7D);
        if (level % 2 == 0) {
            throw new IllegalArgumentException(String.format(
                    "level 0x%02X is a send-key sub-function; seed levels are odd (0x01, 0x03, …)", level));
        }
        return level;
    }

    /**
     * {@code 27 level [securityAccessDataRecord]}.
     *
     * @param level  the odd seed level
     * @param record optional data for the server (usually empty; copied in and out)
     */
    public record SeedRequest(int level, byte[] record) implements UdsRequest<Seed> {
        /** Validates and copies. */
        public SeedRequest {
            checkLevel(level);
            record = Checks.copy("record", record);
        }

        /** A seed request without data. */
        public SeedRequest(int level) {
            this(level, new byte[0]);
        }

        @Override
        public byte[] record() {
            return record.clone();
        }

        @Override
        public int serviceId() {
            return UdsService.SECURITY_ACCESS.id();
        }

        @Override
        public byte[] encode() {
            return new RequestWriter(serviceId()).u8(level).bytes(record).toBytes();
        }

        @Override
        public Seed parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = new ResponseReader(response, serviceId());
            in.echo(level, "securityAccessType");
            byte[] seed = in.rest();
            if (seed.length == 0) {
                throw in.malformed("no seed");
            }
            return new Seed(level, seed);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SeedRequest r && r.level == level && Arrays.equals(r.record, record);
        }

        @Override
        public int hashCode() {
            return level * 31 + Arrays.hashCode(record);
        }

        @Override
        public String toString() {
            return String.format("SecurityAccess.SeedRequest[level=%02X, record=%s]", level, Hex.format(record));
        }
    }

    /**
     * The seed.
     *
     * @param level the seed level
     * @param seed  the seed bytes (copied in and out)
     */
    public record Seed(int level, byte[] seed) {
        /** Copies the seed. */
        public Seed {
            seed = Checks.copy("seed", seed);
        }

        @Override
        public byte[] seed() {
            return seed.clone();
        }

        /** Whether every byte is zero: the level is already unlocked. */
        public boolean alreadyUnlocked() {
            for (byte b : seed) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Seed s && s.level == level && Arrays.equals(s.seed, seed);
        }

        @Override
        public int hashCode() {
            return level * 31 + Arrays.hashCode(seed);
        }

        @Override
        public String toString() {
            return String.format("Seed[level=%02X, seed=%s]", level, Hex.format(seed));
        }
    }

    /**
     * {@code 27 level+1 key…}.
     *
     * @param level the odd seed level the key answers (the request carries {@code level + 1})
     * @param key   the key bytes (copied in and out)
     */
    public record KeyRequest(int level, byte[] key) implements UdsRequest<KeyAccepted> {
        /** Validates and copies. */
        public KeyRequest {
            checkLevel(level);
            key = Checks.copy("key", key);
            if (key.length == 0) {
                throw new IllegalArgumentException("key: at least one byte");
            }
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public int serviceId() {
            return UdsService.SECURITY_ACCESS.id();
        }

        @Override
        public byte[] encode() {
            return new RequestWriter(serviceId()).u8(level + 1).bytes(key).toBytes();
        }

        @Override
        public KeyAccepted parse(UdsResponse response, UdsClientConfig config) {
            new ResponseReader(response, serviceId()).echo(level + 1, "securityAccessType");
            return new KeyAccepted(level);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyRequest r && r.level == level && Arrays.equals(r.key, key);
        }

        @Override
        public int hashCode() {
            return level * 31 + Arrays.hashCode(key);
        }

        @Override
        public String toString() {
            return String.format("SecurityAccess.KeyRequest[level=%02X, key=%s]", level, Hex.format(key));
        }
    }

    /**
     * The server accepted the key.
     *
     * @param level the level now unlocked
     */
    public record KeyAccepted(int level) {
    }

    /** How {@link UdsClient#unlock(int)} went. */
    public enum Outcome {
        /** The key was accepted. */
        UNLOCKED,
        /** The seed was zero: the level was unlocked before; no key was sent. */
        ALREADY_UNLOCKED
    }
}
