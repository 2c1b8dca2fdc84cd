package dev.obdio.can.socketcan;

import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class KernelFiltersTest {

    @Test
    void candumpStyleFiltersMapOneToOne() {
        KernelFilters k = KernelFilters.of(CanFilterSet.parse("7E8:7F8,18DAF100:1FFFFF00,123~7FF,#FFFFFFFF,j"));

        assertThat(k.canIds()).containsExactly(0x7E8, 0x98DAF100, 0x123 | KernelFilters.CAN_INV_FILTER);
        assertThat(k.canMasks()).containsExactly(0x7F8, 0x1FFFFF00, 0x7FF);
        assertThat(k.errorMask()).isEqualTo(0x1FFFFFFF);
        assertThat(k.join()).isTrue();
    }

    @Test
    void defaultsAreTheKernelDefaults() {
        KernelFilters k = KernelFilters.of(CanFilterSet.ALL);
        assertThat(k.canIds()).containsExactly(0);
        assertThat(k.canMasks()).containsExactly(0);
        assertThat(k.errorMask()).isZero();
        assertThat(k.join()).isFalse();
    }

    @Test
    void errFlagNeverReachesTheKernelAsInvOrErrorFilterBit() {
        KernelFilters k = KernelFilters.of(CanFilterSet.of(new CanFilter(0x20000123, 0x7FF, false)));
        assertThat(k.canIds()).containsExactly(0x123);
        assertThat(k.canMasks()).containsExactly(0x7FF);
    }

    @Test
    void aFilterThatCanNeverMatchBecomesNeverAndItsInverseAlways() {
        KernelFilters never = KernelFilters.of(CanFilterSet.of(new CanFilter(CanFrame.ERR_FLAG, CanFrame.ERR_FLAG, false)));
        assertThat(never.canIds()).containsExactly(KernelFilters.CAN_INV_FILTER);
        assertThat(never.canMasks()).containsExactly(0);

        KernelFilters always = KernelFilters.of(CanFilterSet.of(new CanFilter(CanFrame.ERR_FLAG, CanFrame.ERR_FLAG, true)));
        assertThat(always.canIds()).containsExactly(0);
        assertThat(always.canMasks()).containsExactly(0);
    }

    @Test
    void moreThanTheKernelLimitLeavesFilteringToSoftware() {
        List<CanFilter> many = new ArrayList<>(Collections.nCopies(600, CanFilter.standardId(0x100)));
        KernelFilters k = KernelFilters.of(new CanFilterSet(many, 0x4, true));
        assertThat(k.canIds()).containsExactly(0);
        assertThat(k.canMasks()).containsExactly(0);
        assertThat(k.join()).isFalse();
        assertThat(k.errorMask()).isEqualTo(0x4);
    }

    /**
     * The kernel never drops a frame the software filter accepts (the software filter runs after
     * it), except error frames with join and several filters, which the kernel never delivers.
     */
    @Test
    void kernelAcceptsEverythingSoftwareAccepts() {
        long seed = 20240611L;
        System.out.println("KernelFiltersTest seed " + seed);
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 400; round++) {
            CanFilterSet set = randomSet(r);
            KernelFilters k = KernelFilters.of(set);
            for (int i = 0; i < 200; i++) {
                CanFrame f = interestingFrame(r, set);
                boolean software = set.accepts(f);
                boolean kernel = KernelModel.accepts(k, f);
                if (f.isError() && set.join() && k.count() > 1) {
                    assertThat(kernel).as("join drops error frames: %s %s", set, f).isFalse();
                } else if (software) {
                    assertThat(kernel).as("%s %s %s", set, k, f).isTrue();
                }
            }
        }
    }

    /** For sets without the degenerate ERR-bit filters the two agree exactly. */
    @Test
    void kernelAndSoftwareAgreeOnOrdinaryFilters() {
        long seed = 77L;
        System.out.println("KernelFiltersTest seed " + seed);
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 400; round++) {
            CanFilterSet set = randomSet(r);
            if (set.filters().stream().anyMatch(f -> ((f.id() | f.mask()) & CanFrame.ERR_FLAG) != 0)) {
                continue;
            }
            KernelFilters k = KernelFilters.of(set);
            for (int i = 0; i < 200; i++) {
                CanFrame f = interestingFrame(r, set);
                if (f.isError() && set.join() && k.count() > 1) {
                    continue;
                }
                assertThat(KernelModel.accepts(k, f)).as("%s %s", set, f).isEqualTo(set.accepts(f));
            }
        }
    }

    private static CanFilterSet randomSet(SplittableRandom r) {
        int n = r.nextInt(4);
        List<CanFilter> filters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id;
            int mask;
            switch (r.nextInt(4)) {
                case 0 -> {
                    id = r.nextInt(0x800);
                    mask = r.nextBoolean() ? 0x7FF : 0xC00007FF;
                }
                case 1 -> {
                    id = r.nextInt(0x20000000) | CanFrame.EFF_FLAG;
                    mask = r.nextBoolean() ? 0x1FFFFFFF : 0xDFFFFFFF;
                }
                case 2 -> {
                    id = r.nextInt();
                    mask = r.nextInt();
                }
                default -> {
                    id = r.nextInt(0x800) | (r.nextBoolean() ? CanFrame.RTR_FLAG : 0);
                    mask = r.nextInt(0x800) | (r.nextBoolean() ? CanFrame.RTR_FLAG | CanFrame.EFF_FLAG : 0);
                }
            }
            filters.add(new CanFilter(id, mask, r.nextInt(4) == 0));
        }
        return new CanFilterSet(filters, r.nextBoolean() ? 0 : r.nextInt(), r.nextInt(3) == 0);
    }

    /** Frames near the filters' ids, so that matches happen often. */
    private static CanFrame interestingFrame(SplittableRandom r, CanFilterSet set) {
        if (r.nextInt(6) == 0) {
            return CanFrame.error(r.nextInt(0x20000000), new byte[8]);
        }
        int raw = set.filters().isEmpty() || r.nextInt(3) == 0 ? r.nextInt()
                : set.filters().get(r.nextInt(set.filters().size())).id() ^ (r.nextBoolean() ? 0 : 1 << r.nextInt(32));
        boolean ext = (raw & CanFrame.EFF_FLAG) != 0;
        int id = raw & (ext ? CanFrame.MAX_EXTENDED_ID : CanFrame.MAX_STANDARD_ID);
        if ((raw & CanFrame.RTR_FLAG) != 0) {
            return CanFrame.remote(id, ext, r.nextInt(9));
        }
        return CanFrame.data(id, ext, (byte) 1);
    }

    /**
     * What the kernel does with CAN_RAW filters (net/can/af_can.c can_rcv_list_find and
     * can_rcv_filter, net/can/raw.c raw_rcv with join_filters): each filter is normalised, error
     * frames match only the error filter, and with join a frame is delivered when every filter
     * matched it.
     */
    static final class KernelModel {
        static boolean accepts(KernelFilters k, CanFrame frame) {
            int canId = frame.rawCanId();
            int matches = 0;
            if (frame.isError()) {
                if (k.errorMask() != 0 && (canId & k.errorMask() & KernelFilters.CAN_ERR_MASK) != 0) {
                    matches = 1;
                }
            } else {
                for (int i = 0; i < k.count(); i++) {
                    if (filterMatches(k.canIds()[i], k.canMasks()[i], canId)) {
                        matches++;
                    }
                }
            }
            if (matches == 0) {
                return false;
            }
            return !k.join() || k.count() <= 1 || matches >= k.count();
        }

        private static boolean filterMatches(int id, int mask, int canId) {
            if ((mask & CanFrame.ERR_FLAG) != 0) {
                return false; // an error frame filter; data frames never reach it
            }
            boolean inv = (id & KernelFilters.CAN_INV_FILTER) != 0;
            if ((mask & CanFrame.EFF_FLAG) != 0 && (id & CanFrame.EFF_FLAG) == 0) {
                mask &= CanFrame.MAX_STANDARD_ID | CanFrame.EFF_FLAG | CanFrame.RTR_FLAG;
            }
            id &= mask;
            boolean equal = (canId & mask) == id;
            return inv != equal;
        }
    }
}
