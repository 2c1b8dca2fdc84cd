package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanFilterSetTest {

    private static final CanFrame SFF_123 = CanFrame.of(0x123);
    private static final CanFrame EFF_123 = CanFrame.extended(0x123);
    private static final CanFrame SFF_7E8 = CanFrame.of(0x7E8);
    private static final CanFrame BUSOFF = CanFrame.error(0x40, new byte[8]);

    @Test
    void emptyTextAcceptsAllDataButNoErrors() {
        CanFilterSet all = CanFilterSet.parse("");
        assertThat(all.accepts(SFF_123)).isTrue();
        assertThat(all.accepts(EFF_123)).isTrue();
        assertThat(all.accepts(BUSOFF)).isFalse();
    }

    @Test
    void idMaskMatchesAsTheKernelDoesIncludingFlags() {
        // Without the EFF bit in the mask, 123:7FF also matches the 29-bit id 0x00000123 (kernel semantics).
        CanFilterSet loose = CanFilterSet.parse("123:7FF");
        assertThat(loose.accepts(SFF_123)).isTrue();
        assertThat(loose.accepts(EFF_123)).isTrue();
        assertThat(loose.accepts(SFF_7E8)).isFalse();
        CanFilterSet strict = CanFilterSet.parse("123:C00007FF");
        assertThat(strict.accepts(SFF_123)).isTrue();
        assertThat(strict.accepts(EFF_123)).isFalse();
        assertThat(strict.accepts(CanFrame.remote(0x123, false, 0))).isFalse();
    }

    @Test
    void eightDigitIdMeansExtended() {
        CanFilterSet f = CanFilterSet.parse("18DAF110:1FFFFFFF");
        assertThat(f.filters().get(0).id()).isEqualTo(0x18DAF110 | CanFrame.EFF_FLAG);
        assertThat(f.accepts(CanFrame.extended(0x18DAF110))).isTrue();
        assertThat(f.accepts(CanFrame.extended(0x18DAF111))).isFalse();
        // The 3-digit form does not set EFF: 110:7FF with EFF bit in mask rejects EFF frames.
        assertThat(CanFilterSet.parse("00000123:C00007FF").accepts(EFF_123)).isTrue();
    }

    @Test
    void invertedFilterAndAnyOfSeveral() {
        CanFilterSet inv = CanFilterSet.parse("123~7FF");
        assertThat(inv.accepts(SFF_123)).isFalse();
        assertThat(inv.accepts(SFF_7E8)).isTrue();
        CanFilterSet any = CanFilterSet.parse("123:7FF,7E8:7FF");
        assertThat(any.accepts(SFF_123)).isTrue();
        assertThat(any.accepts(SFF_7E8)).isTrue();
        assertThat(any.accepts(CanFrame.of(0x7E9))).isFalse();
    }

    @Test
    void joinRequiresAllFilters() {
        // 7E0..7EF but not 7E8.
        CanFilterSet joined = CanFilterSet.parse("7E0:7F0,7E8~7FF,j");
        assertThat(joined.join()).isTrue();
        assertThat(joined.accepts(CanFrame.of(0x7E9))).isTrue();
        assertThat(joined.accepts(SFF_7E8)).isFalse();
        assertThat(joined.accepts(SFF_123)).isFalse();
        assertThat(CanFilterSet.parse("7E0:7F0,7E8~7FF").accepts(SFF_123)).as("without j: any").isTrue();
        assertThat(CanFilterSet.parse("7E0:7F0,7E8~7FF,#FFFFFFFF,j").accepts(BUSOFF))
                .as("the kernel never delivers error frames to a joined set of several filters").isFalse();
        assertThat(CanFilterSet.parse("7E0:7F0,#FFFFFFFF,j").accepts(BUSOFF)).isTrue();
    }

    @Test
    void errorMaskSelectsErrorClassesAndKeepsDefaultFilter() {
        CanFilterSet errorsOnly = CanFilterSet.parse("#40");
        assertThat(errorsOnly.accepts(BUSOFF)).isTrue();
        assertThat(errorsOnly.accepts(CanFrame.error(0x04, new byte[8]))).isFalse();
        // candump keeps the kernel's default filter when only an error mask is given.
        assertThat(errorsOnly.accepts(SFF_123)).isTrue();
        CanFilterSet both = CanFilterSet.parse("7E8:7FF,#FFFFFFFF");
        assertThat(both.accepts(SFF_7E8)).isTrue();
        assertThat(both.accepts(SFF_123)).isFalse();
        assertThat(both.accepts(BUSOFF)).isTrue();
    }

    @Test
    void errorFlagIsClearedFromIdMasks() {
        assertThat(CanFilterSet.parse("123:FFFFFFFF").filters().get(0).mask() & CanFrame.ERR_FLAG).isZero();
    }

    @Test
    void malformedFiltersAreRejectedWithTheItemNamed() {
        assertThatThrownBy(() -> CanFilterSet.parse("12G:7FF")).hasMessageContaining("12G:7FF").hasMessageContaining("not hex");
        assertThatThrownBy(() -> CanFilterSet.parse("123")).hasMessageContaining("expected <id>:<mask>");
        assertThatThrownBy(() -> CanFilterSet.parse("123:7FF,,")).hasMessageContaining("empty filter");
        assertThatThrownBy(() -> CanFilterSet.parse("#")).hasMessageContaining("error mask");
        assertThatThrownBy(() -> CanFilterSet.parse("123456789:1")).hasMessageContaining("1..8 hex digits");
    }

    @Test
    void emptyFilterListAcceptsNothing() {
        CanFilterSet none = new CanFilterSet(java.util.List.of(), 0, false);
        assertThat(none.accepts(SFF_123)).isFalse();
        assertThat(new CanFilterSet(java.util.List.of(), 0, true).accepts(SFF_123)).isFalse();
    }
}
