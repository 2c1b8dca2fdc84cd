package dev.obdio.sim;

import java.util.Set;
import java.util.TreeSet;

/**
 * Supported-item bit masks of OBD modes 01, 02, 06 and 09: item 0x00, 0x20, 0x40 ... answers 32
 * bits, MSB first, bit i set when item base+i+1 is supported; the last bit announces the next mask.
 * Masks are derived from the implemented items so they can never disagree with them.
 */
final class SupportMask {
    private SupportMask() {
    }

    /** True for the mask items 0x00, 0x20, ..., 0xE0. */
    static boolean isMask(int item) {
        return item % 0x20 == 0;
    }

    /**
     * The implemented items plus the masks that announce them: mask 0x00 always, and mask 0x20*k
     * whenever an item above it is implemented.
     */
    static Set<Integer> withMasks(Set<Integer> items) {
        Set<Integer> all = new TreeSet<>(items);
        all.add(0x00);
        int highest = items.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int mask = 0x20; mask < highest; mask += 0x20) {
            all.add(mask);
        }
        return all;
    }

    /** The 4 bytes of mask {@code base} over the full supported set (masks included). */
    static byte[] bits(Set<Integer> fullSet, int base) {
        long bits = 0;
        for (int i = 1; i <= 32; i++) {
            if (fullSet.contains(base + i)) {
                bits |= 1L << (32 - i);
            }
        }
        return new byte[] {(byte) (bits >> 24), (byte) (bits >> 16), (byte) (bits >> 8), (byte) bits};
    }
}
