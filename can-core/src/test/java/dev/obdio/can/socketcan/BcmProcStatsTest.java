package dev.obdio.can.socketcan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BcmProcStatsTest {
    /** A /proc/net/can-bcm entry as Linux 6.1 prints it. */
    private static final String PROC = """
            >>> socket 00000000a1b2c3d4 / sk 00000000e5f6a7b8 / bo 00000000e5f6a7b8 / dropped 0 / bound vcan0 <<<
            rx_op: 7E8 vcan0 [1]d timeo=100000 # recv 12 (40) => reduction: 70%
            tx_op: 123 vcan0 [1] t2=10000 # sent 57
            tx_op: 123 vcan0 (1) t2=20000 # sent 9
            tx_op: 98DAF110 vcan0 [1] t1=5000 # sent 3

            """;

    @Test
    void theSentCountOfEachTransmissionIsFound() {
        assertThat(BcmProcStats.sentFrames(PROC, 0x123, false)).hasValue(57);
        assertThat(BcmProcStats.sentFrames(PROC, 0x123, true)).hasValue(9);
        assertThat(BcmProcStats.sentFrames(PROC, 0x98DAF110, false)).hasValue(3);
    }

    @Test
    void unknownIdsAndReceiveOperationsGiveNothing() {
        assertThat(BcmProcStats.sentFrames(PROC, 0x7E8, false)).isEmpty();
        assertThat(BcmProcStats.sentFrames(PROC, 0x124, false)).isEmpty();
        assertThat(BcmProcStats.sentFrames("", 0x123, false)).isEmpty();
    }

    @Test
    void anUnreadableSocketGivesNothing() {
        assertThat(BcmProcStats.sentFrames(-1, 0x123, false)).isEmpty();
    }
}
