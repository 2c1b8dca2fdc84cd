package dev.obdio.uds;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The obdio simulator's SecurityAccess algorithm, {@value #NAME}: with the 4-byte seed S
 * (big-endian), a level's 32-bit secret K and rotation r (1..31),
 * {@code key = (rotl32(S xor K, r) + K) mod 2^32}, sent as 4 bytes big-endian. Example: S =
 * 0x11223344, K = 0x5A3C96E1, r = 7 give the key 0xE98F6986. It is a test algorithm, not a
 * secure one; each simulated vehicle file lists its levels' secrets and rotations.
 *
 * @param allLevels the secret for levels without their own
 * @param perLevel  secrets by seed level
 */
public record ObdioXorRotateAdd(Optional<Secret> allLevels, Map<Integer, Secret> perLevel)
        implements SecurityKeyAlgorithm {

    /** The algorithm's name in the registry and in vehicle files. */
    public static final String NAME = "obdio-xor-rotate-add";

    /**
     * One level's parameters.
     *
     * @param secret the 32-bit secret K
     * @param rotate the rotation r, 1..31
     */
    public record Secret(long secret, int rotate) {
        /** Validates the fields. */
        public Secret {
            if (secret < 0 || secret > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException(String.format("secret 0x%X must be 32 bits", secret));
            }
            Checks.range("rotate", rotate, 1, 31);
        }
    }

    /** Validates and copies. */
    public ObdioXorRotateAdd {
        Checks.notNull("allLevels", allLevels);
        Map<Integer, Secret> copy = new TreeMap<>();
        Checks.notNull("perLevel", perLevel).forEach((level, secret) -> {
            Checks.range("level", level, 1, 0x7D);
            copy.put(level, Checks.notNull("secret of level " + level, secret));
        });
        perLevel = Collections.unmodifiableMap(copy);
    }

    /** The algorithm with one secret and rotation for every level. */
    public static ObdioXorRotateAdd of(long secret, int rotate) {
        return new ObdioXorRotateAdd(Optional.of(new Secret(secret, rotate)), Map.of());
    }

    /** The 32-bit key for a 32-bit seed. */
    public static long key(long seed, Secret secret) {
        int mixed = Integer.rotateLeft((int) (seed ^ secret.secret()), secret.rotate());
        return (Integer.toUnsignedLong(mixed) + secret.secret()) & 0xFFFF_FFFFL;
    }

    @Override
    public byte[] key(int level, byte[] seed) {
        if (seed.length != 4) {
            throw new IllegalArgumentException(NAME + " needs a 4-byte seed, got " + seed.length + " bytes");
        }
        Secret secret = Optional.ofNullable(perLevel.get(level)).or(() -> allLevels).orElseThrow(
                () -> new IllegalStateException(String.format("%s has no secret for level 0x%02X", NAME, level)));
        long s = (seed[0] & 0xFFL) << 24 | (seed[1] & 0xFFL) << 16 | (seed[2] & 0xFFL) << 8 | (seed[3] & 0xFFL);
        long k = key(s, secret);
        return new byte[] {(byte) (k >> 24), (byte) (k >> 16), (byte) (k >> 8), (byte) k};
    }

    /** Parses {@code secret=HEX,rotate=N[,LEVEL=SECRET/ROTATE…]}. */
    static ObdioXorRotateAdd parse(String parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("give secret=HEX,rotate=N");
        }
        Long secret = null;
        Integer rotate = null;
        Map<Integer, Secret> levels = new TreeMap<>();
        for (String item : parameters.split(",")) {
            String part = item.strip();
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("\"" + part + "\" is not KEY=VALUE");
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            switch (key) {
                case "secret" -> secret = Hex.parseNumber(value, 8, "secret");
                case "rotate" -> rotate = parseRotate(value);
                default -> {
                    int level = (int) Hex.parseNumber(key, 2, "level");
                    int slash = value.indexOf('/');
                    if (slash < 0) {
                        throw new IllegalArgumentException("level " + key + ": give SECRET/ROTATE, e.g. 3=C3E1F00D/13");
                    }
                    levels.put(level, new Secret(Hex.parseNumber(value.substring(0, slash), 8, "secret"),
                            parseRotate(value.substring(slash + 1))));
                }
            }
        }
        if ((secret == null) != (rotate == null)) {
            throw new IllegalArgumentException("give secret=HEX and rotate=N together");
        }
        if (secret == null && levels.isEmpty()) {
            throw new IllegalArgumentException("give secret=HEX,rotate=N or LEVEL=SECRET/ROTATE");
        }
        return new ObdioXorRotateAdd(secret == null ? Optional.empty() : Optional.of(new Secret(secret, rotate)), levels);
    }

    private static int parseRotate(String text) {
        try {
            int r = Integer.parseInt(text.strip());
            if (r >= 1 && r <= 31) {
                return r;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("rotate \"" + text + "\" must be 1..31");
    }
}
