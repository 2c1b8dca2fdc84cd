package dev.obdio.can.socketcan;

import dev.obdio.can.CanFrame;
import dev.obdio.can.ContentFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BcmCodecTest {
    private static final CanFrame FRAME = CanFrame.of(0x123, (byte) 0xAA, (byte) 0xBB);

    @BeforeAll
    static void natives() {
        JavaCanNatives.ensureLoaded();
    }

    /** struct bcm_msg_head with 8-byte longs, as on x86_64 and aarch64 Linux. */
    @Test
    void headerLayoutOf64BitLinux() {
        assumeTrue(BcmCodec.platformLongSize() == 8, "64-bit platform");
        ByteBuffer b = BcmCodec.encode(BcmCodec.txSetup(FRAME, 5, Duration.ofMillis(10), Duration.ofSeconds(2)));

        assertThat(BcmCodec.headerLength()).isEqualTo(56);
        assertThat(b.capacity()).isEqualTo(56 + 16);
        assertThat(b.getInt(0)).as("opcode").isEqualTo(BcmCodec.TX_SETUP);
        assertThat(b.getInt(4)).as("flags").isEqualTo(BcmCodec.SETTIMER | BcmCodec.STARTTIMER | BcmCodec.TX_COUNTEVT);
        assertThat(b.getInt(8)).as("count").isEqualTo(5);
        assertThat(b.getLong(16)).as("ival1.tv_sec").isZero();
        assertThat(b.getLong(24)).as("ival1.tv_usec").isEqualTo(10_000);
        assertThat(b.getLong(32)).as("ival2.tv_sec").isEqualTo(2);
        assertThat(b.getLong(40)).as("ival2.tv_usec").isZero();
        assertThat(b.getInt(48)).as("can_id").isEqualTo(0x123);
        assertThat(b.getInt(52)).as("nframes").isEqualTo(1);
        assertThat(b.getInt(56)).as("frames[0].can_id").isEqualTo(0x123);
        assertThat(b.get(56 + 4)).as("frames[0].len").isEqualTo((byte) 2);
        assertThat(b.get(56 + 8)).isEqualTo((byte) 0xAA);
    }

    @Test
    void foreverIsIval2OnlyAndCountingIsIval1WithCountAndCountEvent() {
        BcmCodec.Message forever = BcmCodec.txSetup(FRAME, 0, Duration.ZERO, Duration.ofMillis(10));
        assertThat(forever.flags()).isEqualTo(BcmCodec.SETTIMER | BcmCodec.STARTTIMER);
        assertThat(forever.ival1()).isZero();
        assertThat(forever.ival2()).isEqualTo(Duration.ofMillis(10));

        BcmCodec.Message counting = BcmCodec.txSetup(FRAME, 3, Duration.ofMillis(10), Duration.ZERO);
        assertThat(counting.flags() & BcmCodec.TX_COUNTEVT).isNotZero();
        assertThat(counting.count()).isEqualTo(3);
    }

    @Test
    void anUpdateNeitherSetsNorStartsTheTimerButKeepsTheCountEvent() {
        BcmCodec.Message update = BcmCodec.txUpdate(FRAME, true);
        assertThat(update.opcode()).isEqualTo(BcmCodec.TX_SETUP);
        assertThat(update.flags() & (BcmCodec.SETTIMER | BcmCodec.STARTTIMER)).isZero();
        assertThat(update.flags() & BcmCodec.TX_COUNTEVT).isNotZero();
        assertThat(BcmCodec.txUpdate(FRAME, false).flags()).isZero();
    }

    @Test
    void fdFramesSetCanFdFrameAndUseSeventyTwoByteStructs() {
        CanFrame fd = CanFrame.fd(0x321, false, true, false, new byte[16]);
        BcmCodec.Message m = BcmCodec.txSetup(fd, 0, Duration.ZERO, Duration.ofMillis(1));
        assertThat(m.flags() & BcmCodec.CAN_FD_FRAME).isNotZero();
        assertThat(BcmCodec.encode(m).capacity()).isEqualTo(BcmCodec.headerLength() + 72);
        assertThat(BcmCodec.txDelete(0x321, true).flags()).isEqualTo(BcmCodec.CAN_FD_FRAME);
        assertThatThrownBy(() -> new BcmCodec.Message(BcmCodec.TX_SETUP, 0, 0, Duration.ZERO, Duration.ZERO, 0x321,
                List.of(fd))).hasMessageContaining("CAN_FD_FRAME");
    }

    @Test
    void rxSetupFlagsFollowTheFilter() {
        BcmCodec.Message everyFrame = BcmCodec.rxSetup(0x7E8, false, null, Duration.ZERO, Duration.ZERO);
        assertThat(everyFrame.flags()).isEqualTo(BcmCodec.SETTIMER | BcmCodec.RX_ANNOUNCE_RESUME | BcmCodec.RX_FILTER_ID);
        assertThat(everyFrame.frames()).isEmpty();

        CanFrame mask = BcmContentWatch.maskFrame(ContentFilter.onChange(0x7E8, false, (byte) 0xFF), false);
        BcmCodec.Message masked = BcmCodec.rxSetup(0x7E8, false, mask, Duration.ofMillis(500), Duration.ofMillis(100));
        assertThat(masked.flags()).isEqualTo(BcmCodec.SETTIMER | BcmCodec.RX_ANNOUNCE_RESUME | BcmCodec.STARTTIMER
                | BcmCodec.RX_CHECK_DLC);
        assertThat(masked.ival1()).isEqualTo(Duration.ofMillis(500));
        assertThat(masked.ival2()).isEqualTo(Duration.ofMillis(100));
        assertThat(masked.frames()).containsExactly(mask);
    }

    @Test
    void maskFramesFitTheOperationsFrameKind() {
        byte[] longMask = new byte[10];
        longMask[0] = (byte) 0xF0;
        longMask[9] = 1;
        ContentFilter filter = new ContentFilter(0x18DAF110, true, longMask, Duration.ZERO, Duration.ZERO);

        CanFrame classic = BcmContentWatch.maskFrame(filter, false);
        assertThat(classic.fd()).isFalse();
        assertThat(classic.extended()).isTrue();
        assertThat(classic.length()).isEqualTo(8);
        assertThat(classic.dataByte(0)).isEqualTo(0xF0);

        CanFrame fd = BcmContentWatch.maskFrame(filter, true);
        assertThat(fd.fd()).isTrue();
        assertThat(fd.length()).isEqualTo(12);
        assertThat(fd.dataByte(9)).isEqualTo(1);
        assertThat(BcmContentWatch.maskFrame(ContentFilter.everyFrame(1, false), false)).isNull();
    }

    @Test
    void intervalsMustBeWholeMicrosecondsWithinFourHundredDays() {
        assertThatThrownBy(() -> BcmCodec.txSetup(FRAME, 0, Duration.ZERO, Duration.ofNanos(1500)))
                .hasMessageContaining("whole microseconds");
        assertThatThrownBy(() -> BcmCodec.txSetup(FRAME, 0, Duration.ZERO, Duration.ofDays(401)))
                .hasMessageContaining("ival2");
        assertThatThrownBy(() -> BcmCodec.txSetup(FRAME, 0, Duration.ofMillis(-1), Duration.ZERO))
                .hasMessageContaining("ival1");
        assertThatThrownBy(() -> BcmCodec.txSetup(FRAME, 1L << 32, Duration.ofMillis(1), Duration.ZERO))
                .hasMessageContaining("32 bits");
    }

    @Test
    void durationsAreRoundedUpToTheKernelsMicroseconds() {
        assertThat(BcmCodec.kernelInterval(Duration.ofNanos(1500), "period")).isEqualTo(Duration.ofNanos(2000));
        assertThat(BcmCodec.kernelInterval(Duration.ofMillis(10), "period")).isEqualTo(Duration.ofMillis(10));
        assertThat(BcmCodec.kernelInterval(Duration.ZERO, "timeout")).isZero();
        assertThatThrownBy(() -> BcmCodec.kernelInterval(Duration.ofDays(401), "period"))
                .hasMessageContaining("period must be at most 400 days");
        assertThatThrownBy(() -> BcmCodec.kernelInterval(Duration.ofMillis(-1), "timeout"))
                .hasMessageContaining("timeout must not be negative");
    }

    @Test
    void decodeReadsWhatEncodeWrote() {
        List<BcmCodec.Message> messages = List.of(
                BcmCodec.txSetup(FRAME, 7, Duration.ofMillis(3), Duration.ofSeconds(1, 5000)),
                BcmCodec.txSetup(CanFrame.fd(0x1ABCDEF, true, true, true, new byte[64]), 0, Duration.ZERO,
                        Duration.ofMillis(10)),
                BcmCodec.txDelete(0x123, false),
                new BcmCodec.Message(BcmCodec.RX_CHANGED, BcmCodec.RX_CHECK_DLC, 0, Duration.ofMillis(500),
                        Duration.ZERO, 0x7E8, List.of(CanFrame.of(0x7E8, (byte) 1, (byte) 2))),
                new BcmCodec.Message(BcmCodec.TX_EXPIRED, BcmCodec.TX_COUNTEVT, 0, Duration.ofMillis(10),
                        Duration.ZERO, 0x123, List.of()));
        for (BcmCodec.Message m : messages) {
            ByteBuffer b = BcmCodec.encode(m);
            assertThat(BcmCodec.decode(b, b.capacity())).isEqualTo(m);
        }
    }

    @Test
    void aTruncatedMessageIsRefused() {
        ByteBuffer b = BcmCodec.encode(BcmCodec.txSetup(FRAME, 0, Duration.ZERO, Duration.ofMillis(1)));
        assertThatThrownBy(() -> BcmCodec.decode(b, b.capacity() - 1)).hasMessageContaining("announces 1 frames");
        assertThatThrownBy(() -> BcmCodec.decode(b, 8)).hasMessageContaining("at least");
    }
}
