package dev.obdio.can.socketcan;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters work in the kernel: the endpoint's socket never sees what they reject
 * ({@link SocketCanBus#framesFromKernel()} counts what the kernel handed over). Each test sends
 * the frames to reject first and a frame that passes last; since a socket receives in order,
 * once that frame is in, any rejected frame the kernel had let through would be in too.
 */
class FiltersSocketCanTest extends SocketCanTestBase {

    private SocketCanBus sender;

    private SocketCanBus filtered(String filters) {
        sender = open();
        return open(BusOptions.DEFAULTS.withFilters(CanFilterSet.parse(filters)));
    }

    private void send(CanFrame... frames) {
        for (CanFrame f : frames) {
            sender.send(f);
        }
    }

    @Test
    void aFilteredOutIdNeverReachesTheSocket() throws Exception {
        SocketCanBus bus = filtered("123:7FF");
        for (int id = 0x100; id < 0x110; id++) {
            send(CanFrame.of(id, bytes(id & 0xFF)));
        }
        send(CanFrame.extended(0x123), CanFrame.remote(0x123, false, 1), CanFrame.of(0x123, bytes(0x23)));

        // 123:7FF compares only the 11 id bits, so the 29-bit id 0x123 and the RTR frame pass too.
        assertThat(framesOf(next(bus, 3))).containsExactly(CanFrame.extended(0x123), CanFrame.remote(0x123, false, 1),
                CanFrame.of(0x123, bytes(0x23)));
        assertThat(bus.framesFromKernel()).isEqualTo(3);
    }

    @Test
    void exactStandardIdFiltersKeepExtendedAndRemoteFramesOut() throws Exception {
        sender = open();
        SocketCanBus bus = open(BusOptions.DEFAULTS.withFilters(CanFilterSet.of(CanFilter.standardId(0x123))));
        send(CanFrame.extended(0x123), CanFrame.remote(0x123, false, 1), CanFrame.of(0x123, bytes(1)));

        assertThat(next(bus).frame()).isEqualTo(CanFrame.of(0x123, bytes(1)));
        assertThat(bus.framesFromKernel()).isEqualTo(1);
    }

    @Test
    void invertedFiltersLetEverythingElseThrough() throws Exception {
        SocketCanBus bus = filtered("123~7FF");
        send(CanFrame.of(0x123), CanFrame.of(0x124), CanFrame.of(0x123), CanFrame.of(0x7FF));

        assertThat(framesOf(next(bus, 2))).containsExactly(CanFrame.of(0x124), CanFrame.of(0x7FF));
        assertThat(bus.framesFromKernel()).isEqualTo(2);
    }

    @Test
    void joinedFiltersMustAllMatch() throws Exception {
        SocketCanBus bus = filtered("100:700,003:00F,j");
        send(CanFrame.of(0x104), CanFrame.of(0x203), CanFrame.of(0x13F), CanFrame.of(0x113));

        assertThat(next(bus).frame()).isEqualTo(CanFrame.of(0x113));
        assertThat(bus.framesFromKernel()).isEqualTo(1);
    }

    @Test
    void theErrorMaskSelectsErrorClasses() throws Exception {
        SocketCanBus bus = filtered("123:7FF,#00000084");
        send(CanFrame.error(0x40, new byte[8]), CanFrame.error(0x02, new byte[8]), CanFrame.of(0x456),
                CanFrame.error(0x04, bytes(0, 1, 0, 0, 0, 0, 0, 0)), CanFrame.of(0x123));

        assertThat(framesOf(next(bus, 2))).containsExactly(CanFrame.error(0x04, bytes(0, 1, 0, 0, 0, 0, 0, 0)),
                CanFrame.of(0x123));
        assertThat(bus.framesFromKernel()).isEqualTo(2);
    }

    @Test
    void filtersChangeWhileOpen() throws Exception {
        SocketCanBus bus = filtered("123:7FF");
        send(CanFrame.of(0x456), CanFrame.of(0x123));
        assertThat(next(bus).frame()).isEqualTo(CanFrame.of(0x123));

        bus.setFilters(CanFilterSet.parse("456:7FF"));
        send(CanFrame.of(0x123), CanFrame.of(0x456));

        assertThat(next(bus).frame()).isEqualTo(CanFrame.of(0x456));
        assertThat(bus.framesFromKernel()).isEqualTo(2);
        assertThat(bus.options().filters()).isEqualTo(CanFilterSet.parse("456:7FF"));
    }

    @Test
    void noFiltersMeansNoDataFrames() throws Exception {
        sender = open();
        SocketCanBus bus = open(BusOptions.DEFAULTS.withFilters(new CanFilterSet(List.of(), 0x04, false)));
        send(CanFrame.of(0x1), CanFrame.extended(0x2), CanFrame.error(0x04, new byte[8]));

        assertThat(next(bus).frame()).isEqualTo(CanFrame.error(0x04, new byte[8]));
        assertThat(bus.framesFromKernel()).isEqualTo(1);
    }
}
