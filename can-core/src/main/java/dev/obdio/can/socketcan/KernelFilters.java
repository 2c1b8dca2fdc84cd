package dev.obdio.can.socketcan;

import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;

import java.util.Arrays;
import java.util.List;

/**
 * A {@link CanFilterSet} as the kernel's CAN_RAW socket options take it: an array of
 * {@code struct can_filter} for CAN_RAW_FILTER, the error class mask for CAN_RAW_ERR_FILTER and
 * the CAN_RAW_JOIN_FILTERS flag.
 *
 * <p>The mapping keeps the kernel from dropping anything the software filter of
 * {@code AbstractCanBus} would accept, which still runs after it:
 * <ul>
 *   <li>the kernel reads bit 29 of a filter's {@code can_id} as CAN_INV_FILTER and bit 29 of its
 *       {@code can_mask} as "this is an error frame filter", while in a {@link CanFilter} it is just
 *       the ERR flag of a raw id, which data frames never carry. So it is cleared from both, and
 *       CAN_INV_FILTER is set only for inverted filters;</li>
 *   <li>the kernel narrows the mask of a filter for 11-bit frames (EFF in the mask, not in the id)
 *       to 11 bits, so {@code 12345:C01FFFFF} would match 11-bit id 345 there, while by the
 *       {@link CanFilter} rule it matches nothing. A filter that can never match a data frame
 *       (this case, or one comparing the ERR bit with an id that has it) becomes "never"
 *       (inverted, mask 0), or "always" when it is inverted;</li>
 *   <li>more than CAN_RAW_FILTER_MAX (512) filters cannot be given to the kernel: it then gets the
 *       accept-all filter without join, and the software filter does the work.</li>
 * </ul>
 * One kernel rule stays as it is: with CAN_RAW_JOIN_FILTERS and more than one filter, the kernel
 * never delivers error frames (an error frame matches only the error filter, never all of them),
 * as candump shows with {@code ,j} and {@code #mask}.
 *
 * @param canIds    the {@code can_id} of each filter, with CAN_INV_FILTER for inverted ones
 * @param canMasks  the {@code can_mask} of each filter
 * @param errorMask the CAN_RAW_ERR_FILTER mask
 * @param join      CAN_RAW_JOIN_FILTERS
 */
record KernelFilters(int[] canIds, int[] canMasks, int errorMask, boolean join) {
    /** The kernel's limit on filters per socket. */
    static final int CAN_RAW_FILTER_MAX = 512;
    /** Bit 29 of a filter's {@code can_id}: match the frames that do not match. */
    static final int CAN_INV_FILTER = 0x20000000;
    /** The error class bits of CAN_RAW_ERR_FILTER (CAN_ERR_MASK). */
    static final int CAN_ERR_MASK = 0x1FFFFFFF;

    /** Copies the arrays. */
    KernelFilters {
        if (canIds.length != canMasks.length) {
            throw new IllegalArgumentException("as many ids as masks needed, got " + canIds.length + " and "
                    + canMasks.length);
        }
        canIds = canIds.clone();
        canMasks = canMasks.clone();
    }

    /** Maps a filter set; see the class comment. */
    static KernelFilters of(CanFilterSet set) {
        int errorMask = set.errorMask() & CAN_ERR_MASK;
        List<CanFilter> filters = set.filters();
        if (filters.size() > CAN_RAW_FILTER_MAX) {
            return new KernelFilters(new int[] {0}, new int[] {0}, errorMask, false);
        }
        int[] ids = new int[filters.size()];
        int[] masks = new int[filters.size()];
        for (int i = 0; i < filters.size(); i++) {
            CanFilter f = filters.get(i);
            int id = f.id();
            int mask = f.mask();
            if (neverMatchesData(id, mask)) {
                ids[i] = f.inverted() ? 0 : CAN_INV_FILTER;
                masks[i] = 0;
                continue;
            }
            mask &= ~CanFrame.ERR_FLAG;
            id &= ~CanFrame.ERR_FLAG;
            ids[i] = f.inverted() ? id | CAN_INV_FILTER : id;
            masks[i] = mask;
        }
        return new KernelFilters(ids, masks, errorMask, set.join());
    }

    /**
     * Whether {@code raw & mask == id & mask} can hold for no data or remote frame: when the
     * comparison includes the ERR bit and the id has it, or when it includes the EFF bit (so only
     * 11-bit frames can match) and the id has bits above the 11-bit range, which 11-bit frames
     * never have. The kernel would not agree here: it narrows the mask of such a filter to 11 bits.
     */
    private static boolean neverMatchesData(int id, int mask) {
        int compared = id & mask;
        if ((compared & CanFrame.ERR_FLAG) != 0) {
            return true;
        }
        boolean onlyStandard = (mask & CanFrame.EFF_FLAG) != 0 && (id & CanFrame.EFF_FLAG) == 0;
        return onlyStandard && (compared & CanFrame.MAX_EXTENDED_ID & ~CanFrame.MAX_STANDARD_ID) != 0;
    }

    /** Number of filters. */
    int count() {
        return canIds.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KernelFilters k && Arrays.equals(canIds, k.canIds) && Arrays.equals(canMasks, k.canMasks)
                && errorMask == k.errorMask && join == k.join;
    }

    @Override
    public int hashCode() {
        return (31 * Arrays.hashCode(canIds) + Arrays.hashCode(canMasks)) * 31 + errorMask;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("KernelFilters[");
        for (int i = 0; i < canIds.length; i++) {
            s.append(i == 0 ? "" : ",").append(String.format("%08X:%08X", canIds[i], canMasks[i]));
        }
        return s.append(String.format(" err=%08X join=%b]", errorMask, join)).toString();
    }
}
