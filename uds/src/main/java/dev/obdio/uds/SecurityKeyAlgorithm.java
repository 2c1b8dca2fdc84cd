package dev.obdio.uds;

/**
 * Computes the SecurityAccess key for a seed. The client asks it after {@code 27 level} returned
 * a non-zero seed and sends the result with {@code 27 level+1}; a seed of all zero bytes means the
 * level is already unlocked and the algorithm is not asked.
 *
 * <p>{@link SecurityKeyAlgorithms} names the built-ins ({@code none}, {@code xor},
 * {@code obdio-xor-rotate-add}) and any you register, so scripts and the CLI can pick one by name.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SecurityKeyAlgorithm {

    /**
     * The key for a seed.
     *
     * @param level the odd seed level (0x01, 0x03, …) the seed was requested with
     * @param seed  the seed bytes (not all zero)
     * @return the key bytes to send
     * @throws IllegalArgumentException when the seed does not fit the algorithm (wrong length)
     * @throws IllegalStateException    when the algorithm has no key for the level
     */
    byte[] key(int level, byte[] seed);
}
