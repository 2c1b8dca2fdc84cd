package dev.obdio.sim;

/**
 * The simulator's seed/key algorithm for UDS SecurityAccess (0x27), named
 * {@code obdio-xor-rotate-add}. With a 32-bit seed S (the 4 seed bytes, big-endian), the level's
 * 32-bit secret K and rotation r (1..31):
 *
 * <pre>
 *   key = (rotl32(S xor K, r) + K) mod 2^32
 * </pre>
 *
 * sent as 4 bytes, big-endian. Example: S = 0x11223344, K = 0x5A3C96E1, r = 7 gives
 * S xor K = 0x4B1EA5A5, rotated 0x8F52D2A5, plus K = 0xE98F6986. A UDS client implements it
 * from this description (docs/SIMULATOR.md); it is a test algorithm, not a secure one.
 */
public final class SecurityAlgorithm {
    /** The algorithm's name in vehicle files and client configurations. */
    public static final String NAME = "obdio-xor-rotate-add";

    private SecurityAlgorithm() {
    }

    /**
     * The key for a seed.
     *
     * @param seed   the 32-bit seed, 0..0xFFFFFFFF
     * @param secret the level's 32-bit secret
     * @param rotate the level's rotation, 1..31
     * @return the 32-bit key, 0..0xFFFFFFFF
     */
    public static long key(long seed, long secret, int rotate) {
        if (seed < 0 || seed > 0xFFFF_FFFFL || secret < 0 || secret > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("seed and secret must be 32-bit unsigned values");
        }
        if (rotate < 1 || rotate > 31) {
            throw new IllegalArgumentException("rotate must be 1..31, got " + rotate);
        }
        int x = (int) (seed ^ secret);
        int rotated = Integer.rotateLeft(x, rotate);
        return (Integer.toUnsignedLong(rotated) + secret) & 0xFFFF_FFFFL;
    }

    /** The key of {@link #key} as the 4 bytes a client sends after {@code 27 level+1}. */
    public static byte[] keyBytes(byte[] seed, long secret, int rotate) {
        if (seed == null || seed.length != 4) {
            throw new IllegalArgumentException("seed must be 4 bytes");
        }
        long s = ((seed[0] & 0xFFL) << 24) | ((seed[1] & 0xFFL) << 16) | ((seed[2] & 0xFFL) << 8) | (seed[3] & 0xFFL);
        long k = key(s, secret, rotate);
        return new byte[] {(byte) (k >> 24), (byte) (k >> 16), (byte) (k >> 8), (byte) k};
    }
}
