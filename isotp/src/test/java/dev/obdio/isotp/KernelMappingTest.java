package dev.obdio.isotp;

import static dev.obdio.isotp.KernelSocketConfig.CF_BROADCAST;
import static dev.obdio.isotp.KernelSocketConfig.CHK_PAD_DATA;
import static dev.obdio.isotp.KernelSocketConfig.CHK_PAD_LEN;
import static dev.obdio.isotp.KernelSocketConfig.EXTEND_ADDR;
import static dev.obdio.isotp.KernelSocketConfig.FORCE_RXSTMIN;
import static dev.obdio.isotp.KernelSocketConfig.FORCE_TXSTMIN;
import static dev.obdio.isotp.KernelSocketConfig.HALF_DUPLEX;
import static dev.obdio.isotp.KernelSocketConfig.LISTEN_MODE;
import static dev.obdio.isotp.KernelSocketConfig.RX_EXT_ADDR;
import static dev.obdio.isotp.KernelSocketConfig.RX_PADDING;
import static dev.obdio.isotp.KernelSocketConfig.SF_BROADCAST;
import static dev.obdio.isotp.KernelSocketConfig.TX_PADDING;
import static dev.obdio.isotp.KernelSocketConfig.WAIT_TX_DONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The option → kernel socket option table ({@link KernelSocketConfig#of}) and the options the
 * kernel cannot honour ({@link KernelOptionCheck}), value by value against
 * {@code include/uapi/linux/can/isotp.h}.
 */
class KernelMappingTest {
    private static final IsoTpOptions BASE = IsoTpOptions.DEFAULTS;
    private static final KernelFacts LINUX_6_1 = KernelFacts.of("6.1.0-56-amd64", OptionalInt.empty());

    @Test
    void flagValuesAreTheKernels() {
        assertThat(List.of(LISTEN_MODE, EXTEND_ADDR, TX_PADDING, RX_PADDING, CHK_PAD_LEN, CHK_PAD_DATA, HALF_DUPLEX,
                FORCE_TXSTMIN, FORCE_RXSTMIN, RX_EXT_ADDR, WAIT_TX_DONE, SF_BROADCAST, CF_BROADCAST))
                .containsExactly(0x001, 0x002, 0x004, 0x008, 0x010, 0x020, 0x040, 0x080, 0x100, 0x200, 0x400, 0x800,
                        0x1000);
        assertThat(KernelSocketConfig.FRAME_TXTIME_ZERO).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void defaultsMapToTheKernelsDefaultsPlusWaitTxDone() {
        KernelSocketConfig c = KernelSocketConfig.of(BASE);
        assertThat(c.txId()).isEqualTo(0x7E0);
        assertThat(c.rxId()).isEqualTo(0x7E8);
        assertThat(c.flagNames()).containsExactly("WAIT_TX_DONE");
        assertThat(c.frameTxTime()).as("zero frame_txtime must be the ZERO marker; 0 means 'unchanged' (50 µs)")
                .isEqualTo(KernelSocketConfig.FRAME_TXTIME_ZERO);
        assertThat(c.txPadContent()).isEqualTo(0xCC);
        assertThat(c.rxPadContent()).isEqualTo(0xCC);
        assertThat(c.blockSize()).isZero();
        assertThat(c.stMin()).isZero();
        assertThat(c.wftMax()).isZero();
        assertThat(c.mtu()).isEqualTo(16);
        assertThat(c.txDataLength()).isEqualTo(8);
        assertThat(c.txFlags()).isZero();
    }

    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of(IsoTpAddress.normal11(0x7E0, 0x7E8), 0x7E0, 0x7E8, List.of(), 0, 0),
                Arguments.of(IsoTpAddress.normal29(0x18DA10F1, 0x18DAF110), 0x98DA10F1, 0x98DAF110, List.of(), 0, 0),
                Arguments.of(IsoTpAddress.normalFixed(0x10, 0xF1), 0x98DA10F1, 0x98DAF110, List.of(), 0, 0),
                Arguments.of(new IsoTpAddress.NormalFixed(0x33, 0xF1, true), 0x98DB33F1, 0x98DBF133, List.of(), 0, 0),
                Arguments.of(IsoTpAddress.extended11(0x600, 0x601, 0x10), 0x600, 0x601, List.of("EXTEND_ADDR"),
                        0x10, 0x10),
                Arguments.of(new IsoTpAddress.Extended(0x600, 0x601, false, 0x10, 0xF1), 0x600, 0x601,
                        List.of("EXTEND_ADDR", "RX_EXT_ADDR"), 0x10, 0xF1),
                Arguments.of(new IsoTpAddress.Extended(0x18DA10F1, 0x18DAF110, true, 0x22, 0x22), 0x98DA10F1,
                        0x98DAF110, List.of("EXTEND_ADDR"), 0x22, 0x22),
                Arguments.of(new IsoTpAddress.Mixed11(0x700, 0x701, 0x42), 0x700, 0x701, List.of("EXTEND_ADDR"),
                        0x42, 0x42),
                Arguments.of(new IsoTpAddress.Mixed29(0x10, 0xF1, 0x42, false), 0x98CE10F1, 0x98CEF110,
                        List.of("EXTEND_ADDR"), 0x42, 0x42));
    }

    @ParameterizedTest
    @MethodSource("addresses")
    void addressesMapToIdsAndAddressBytes(IsoTpAddress address, int txId, int rxId, List<String> flags, int ext,
                                          int rxExt) {
        KernelSocketConfig c = KernelSocketConfig.of(BASE.withAddress(address));
        assertThat(c.txId()).as("tx_id").isEqualTo(txId);
        assertThat(c.rxId()).as("rx_id").isEqualTo(rxId);
        assertThat(c.flagNames()).as("flags").containsAll(flags).contains("WAIT_TX_DONE")
                .hasSize(flags.size() + 1);
        assertThat(c.extAddress()).as("ext_address").isEqualTo(ext);
        assertThat(c.rxExtAddress()).as("rx_ext_address").isEqualTo(rxExt);
    }

    @Test
    void paddingMapsToFlagsAndContents() {
        KernelSocketConfig txOnly = KernelSocketConfig.of(BASE.withTxPadding(0x55));
        assertThat(txOnly.flagNames()).containsExactly("TX_PADDING", "WAIT_TX_DONE");
        assertThat(txOnly.txPadContent()).isEqualTo(0x55);

        KernelSocketConfig strict = KernelSocketConfig.of(BASE.withPadding(IsoTpOptions.Padding.strict(0xAA)));
        assertThat(strict.flagNames()).containsExactly("TX_PADDING", "RX_PADDING", "CHK_PAD_LEN", "CHK_PAD_DATA",
                "WAIT_TX_DONE");
        assertThat(strict.txPadContent()).isEqualTo(0xAA);
        assertThat(strict.rxPadContent()).isEqualTo(0xAA);

        KernelSocketConfig lengthOnly = KernelSocketConfig.of(BASE.withPadding(new IsoTpOptions.Padding(
                OptionalInt.empty(), OptionalInt.empty(), true, false)));
        assertThat(lengthOnly.flagNames()).containsExactly("CHK_PAD_LEN", "WAIT_TX_DONE");

        KernelSocketConfig rxOnly = KernelSocketConfig.of(BASE.withPadding(new IsoTpOptions.Padding(
                OptionalInt.empty(), OptionalInt.of(0x00), false, true)));
        assertThat(rxOnly.flagNames()).containsExactly("RX_PADDING", "CHK_PAD_DATA", "WAIT_TX_DONE");
        assertThat(rxOnly.rxPadContent()).isZero();
    }

    @Test
    void flowControlMapsToRecvFcAndForcedGaps() {
        IsoTpOptions o = BASE.withFlowControl(IsoTpOptions.FlowControl.DEFAULTS.withBlockSize(8).withStMin(0xF5)
                        .withMaxWaitFrames(3)
                        .withForcedTxStMin(Optional.of(Duration.ofNanos(600_000)))
                        .withForcedRxStMin(Optional.of(Duration.ofMillis(2)))
                        .withFrameTxTime(Duration.ofNanos(50_000)));
        KernelSocketConfig c = KernelSocketConfig.of(o);
        assertThat(c.blockSize()).isEqualTo(8);
        assertThat(c.stMin()).isEqualTo(0xF5);
        assertThat(c.wftMax()).as("the kernel's wftmax is the receiver's, and it never sends WAIT").isZero();
        assertThat(c.flagNames()).containsExactly("FORCE_TXSTMIN", "FORCE_RXSTMIN", "WAIT_TX_DONE");
        assertThat(c.txStMinNanos()).isEqualTo(600_000);
        assertThat(c.rxStMinNanos()).isEqualTo(2_000_000);
        assertThat(c.frameTxTime()).isEqualTo(50_000);
    }

    @Test
    void forcedGapsAboveTwoSecondsStayUnsigned() {
        Duration gap = Duration.ofNanos(4_000_000_000L);
        KernelSocketConfig c = KernelSocketConfig.of(BASE.withForcedTxStMin(gap));
        assertThat(Integer.toUnsignedLong(c.txStMinNanos())).isEqualTo(4_000_000_000L);
    }

    @Test
    void modesMapToTheirFlags() {
        assertThat(KernelSocketConfig.of(BASE.withListenOnly(true)).flagNames()).containsExactly("LISTEN_MODE",
                "WAIT_TX_DONE");
        assertThat(KernelSocketConfig.of(BASE.withHalfDuplex(true)).flagNames()).containsExactly("HALF_DUPLEX",
                "WAIT_TX_DONE");
        assertThat(KernelSocketConfig.of(BASE.withBroadcast(IsoTpOptions.Broadcast.SINGLE_FRAME)).flagNames())
                .containsExactly("WAIT_TX_DONE", "SF_BROADCAST");
        assertThat(KernelSocketConfig.of(BASE.withBroadcast(IsoTpOptions.Broadcast.CONSECUTIVE_FRAMES)).flagNames())
                .containsExactly("WAIT_TX_DONE", "CF_BROADCAST");
    }

    @Test
    void linkLayerMapsToLlOpts() {
        KernelSocketConfig fd = KernelSocketConfig.of(BASE.withCanFd(64, true));
        assertThat(fd.mtu()).isEqualTo(72);
        assertThat(fd.txDataLength()).isEqualTo(64);
        assertThat(fd.txFlags()).isEqualTo(KernelSocketConfig.CANFD_BRS);
        KernelSocketConfig fd8 = KernelSocketConfig.of(BASE.withCanFd(8, false));
        assertThat(fd8.mtu()).isEqualTo(72);
        assertThat(fd8.txDataLength()).isEqualTo(8);
        assertThat(fd8.txFlags()).isZero();
    }

    // ------------------------------------------------------------------------------ what the kernel cannot do

    @Test
    void theDefaultsAreServedByTheKernel() {
        assertThat(KernelOptionCheck.problems(BASE, LINUX_6_1)).isEmpty();
        assertThat(KernelOptionCheck.problems(BASE.withPadding(IsoTpOptions.Padding.strict(0x55)).withCanFd(64, true)
                .withBlockSize(4).withStMin(0x7F).withListenOnly(true).withMaxWaitFrames(200)
                .withTimeouts(BASE.timeouts().withNAs(Duration.ofMillis(50))), LINUX_6_1)).isEmpty();
    }

    @Test
    void fixedKernelTimeoutsAreRejected() {
        List<String> p = KernelOptionCheck.problems(BASE.withTimeouts(BASE.timeouts().withNBs(Duration.ofMillis(500))
                .withNCr(Duration.ofMillis(1500))), LINUX_6_1);
        assertThat(p).containsExactly("nBs 500 ms: the kernel waits exactly 1 s for a flow control",
                "nCr 1500 ms: the kernel waits exactly 1 s for a consecutive frame");
    }

    @Test
    void refusingWaitFramesIsRejected() {
        assertThat(KernelOptionCheck.problems(BASE.withMaxWaitFrames(0), LINUX_6_1))
                .containsExactly("maxWaitFrames 0: the kernel cannot refuse WAIT flow controls");
    }

    @Test
    void pdusAboveTheKernelsLimitAreRejected() {
        assertThat(KernelOptionCheck.problems(BASE.withMaxPduLength(66_000), LINUX_6_1)).isEmpty();
        assertThat(KernelOptionCheck.problems(BASE.withMaxPduLength(66_001), LINUX_6_1)).singleElement()
                .asString().startsWith("maxPduLength 66001: this kernel's CAN_ISOTP carries at most 66000 bytes");
        KernelFacts old = KernelFacts.of("5.10.0-28-amd64", OptionalInt.empty());
        assertThat(KernelOptionCheck.problems(BASE, old)).singleElement().asString()
                .startsWith("maxPduLength 8300: this kernel's CAN_ISOTP carries at most 8200 bytes");
    }

    @Test
    void consecutiveFrameBroadcastNeedsLinux6() {
        IsoTpOptions o = BASE.withBroadcast(IsoTpOptions.Broadcast.CONSECUTIVE_FRAMES).withMaxPduLength(4095);
        assertThat(KernelOptionCheck.problems(o, LINUX_6_1)).isEmpty();
        assertThat(KernelOptionCheck.problems(o, KernelFacts.of("5.15.0-91-generic", OptionalInt.empty())))
                .containsExactly("CONSECUTIVE_FRAMES broadcast needs Linux 6.0 or later (CAN_ISOTP_CF_BROADCAST), this is"
                        + " 5.15.0-91-generic");
    }

    @Test
    void kernelFactsFollowVersionAndModuleParameter() {
        assertThat(KernelFacts.of("6.1.0-56-amd64", OptionalInt.empty()))
                .isEqualTo(new KernelFacts("6.1.0-56-amd64", 66_000, true));
        assertThat(KernelFacts.of("6.6.51+rpt-rpi-v8", OptionalInt.of(8300)).maxPduLength()).isEqualTo(8300);
        assertThat(KernelFacts.of("5.17.3", OptionalInt.empty()).maxPduLength()).isEqualTo(8200);
        assertThat(KernelFacts.of("5.18.0", OptionalInt.empty()).maxPduLength()).isEqualTo(66_000);
        assertThat(KernelFacts.of("5.19.0", OptionalInt.empty()).cfBroadcast()).isFalse();
        assertThat(KernelFacts.of("garbage", OptionalInt.empty())).isEqualTo(new KernelFacts("garbage", 8200, false));
    }

    @Test
    void receiveQueueCapacityBecomesTheSocketBuffer() {
        assertThat(KernelIsoTp.receiveBufferBytes(BASE.withReceiveQueueCapacity(1))).isEqualTo(4096 + 768);
        assertThat(KernelIsoTp.receiveBufferBytes(BASE.withMaxPduLength(100).withReceiveQueueCapacity(10)))
                .isEqualTo(10 * (100 + 768));
        assertThat(KernelIsoTp.receiveBufferBytes(BASE.withReceiveQueueCapacity(Integer.MAX_VALUE)))
                .isEqualTo(Integer.MAX_VALUE / 2);
    }
}
