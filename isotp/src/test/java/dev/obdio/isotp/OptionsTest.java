package dev.obdio.isotp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The options records: defaults, withers, and validation messages naming field and value. */
class OptionsTest {

    @Test
    void defaultsAreTheKernels() {
        IsoTpOptions d = IsoTpOptions.DEFAULTS;
        assertThat(d.address()).isEqualTo(IsoTpAddress.normal11(0x7E0, 0x7E8));
        assertThat(d.flowControl().blockSize()).isZero();
        assertThat(d.flowControl().stMin()).isZero();
        assertThat(d.padding()).isEqualTo(IsoTpOptions.Padding.NONE);
        assertThat(d.timeouts().nAs()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.timeouts().nAr()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.timeouts().nBs()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.timeouts().nCr()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.linkLayer()).isEqualTo(IsoTpOptions.LinkLayer.CLASSIC);
        assertThat(d.maxPduLength()).isEqualTo(8300);
        assertThat(d.listenOnly()).isFalse();
        assertThat(d.halfDuplex()).isFalse();
        assertThat(d.broadcast()).isEqualTo(IsoTpOptions.Broadcast.NONE);
    }

    @Test
    void withersChangeOneThing() {
        IsoTpOptions o = IsoTpOptions.DEFAULTS.withBlockSize(8).withStMin(0xF3).withTxPadding(0xAA)
                .withMaxWaitFrames(3).withListenOnly(true).withHalfDuplex(true).withMaxPduLength(4095)
                .withReceiveQueueCapacity(5).withTimeouts(Duration.ofMillis(50)).withCanFd(32, true)
                .withBroadcast(IsoTpOptions.Broadcast.SINGLE_FRAME).withForcedTxStMin(Duration.ofMillis(2));
        assertThat(o.flowControl().blockSize()).isEqualTo(8);
        assertThat(o.flowControl().stMin()).isEqualTo(0xF3);
        assertThat(o.flowControl().maxWaitFrames()).isEqualTo(3);
        assertThat(o.flowControl().forcedTxStMin()).contains(Duration.ofMillis(2));
        assertThat(o.padding().tx()).isEqualTo(OptionalInt.of(0xAA));
        assertThat(o.listenOnly()).isTrue();
        assertThat(o.halfDuplex()).isTrue();
        assertThat(o.maxPduLength()).isEqualTo(4095);
        assertThat(o.receiveQueueCapacity()).isEqualTo(5);
        assertThat(o.timeouts().nCr()).isEqualTo(Duration.ofMillis(50));
        assertThat(o.linkLayer()).isEqualTo(new IsoTpOptions.LinkLayer(true, 32, true));
        assertThat(o.broadcast()).isEqualTo(IsoTpOptions.Broadcast.SINGLE_FRAME);
        assertThat(IsoTpOptions.DEFAULTS.withBlockSize(8)).isEqualTo(IsoTpOptions.DEFAULTS.withBlockSize(8))
                .isNotEqualTo(IsoTpOptions.DEFAULTS);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 256})
    void blockSizeIsAByte(int value) {
        assertThatThrownBy(() -> IsoTpOptions.DEFAULTS.withBlockSize(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blockSize must be 0..255, got " + value);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0x100})
    void stMinIsAByte(int value) {
        assertThatThrownBy(() -> IsoTpOptions.DEFAULTS.withStMin(value))
                .hasMessage("stMin must be a byte 0x00..0xFF, got " + value);
    }

    @Test
    void reservedStMinValuesCanBeAnnouncedAsTheKernelAllows() {
        assertThat(IsoTpOptions.DEFAULTS.withStMin(0x80).flowControl().stMin()).isEqualTo(0x80);
    }

    @Test
    void otherFlowControlLimits() {
        assertThatThrownBy(() -> IsoTpOptions.DEFAULTS.withMaxWaitFrames(-1)).hasMessage("maxWaitFrames must be 0..255, got -1");
        assertThatThrownBy(() -> IsoTpOptions.DEFAULTS.withForcedTxStMin(Duration.ofMillis(-1)))
                .hasMessage("forcedTxStMin must be 0..4.29 s, got PT-0.001S");
        assertThatThrownBy(() -> IsoTpOptions.FlowControl.DEFAULTS.withForcedRxStMin(Optional.of(Duration.ofSeconds(5))))
                .hasMessage("forcedRxStMin must be 0..4.29 s, got PT5S");
        assertThatThrownBy(() -> IsoTpOptions.FlowControl.DEFAULTS.withFrameTxTime(null))
                .hasMessage("frameTxTime must not be null");
    }

    @Test
    void timeoutsAreBetweenOneMillisecondAndAnHour() {
        assertThatThrownBy(() -> IsoTpOptions.Timeouts.DEFAULTS.withNAs(Duration.ZERO)).hasMessage("nAs must be 1 ms .. 1 h, got PT0S");
        assertThatThrownBy(() -> IsoTpOptions.Timeouts.DEFAULTS.withNAr(Duration.ofHours(2))).hasMessage("nAr must be 1 ms .. 1 h, got PT2H");
        assertThatThrownBy(() -> IsoTpOptions.Timeouts.DEFAULTS.withNBs(null)).hasMessage("nBs must not be null");
        assertThatThrownBy(() -> IsoTpOptions.Timeouts.DEFAULTS.withNCr(Duration.ofNanos(999_999)))
                .hasMessageStartingWith("nCr must be 1 ms .. 1 h");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 7, 9, 10, 13, 63, 65, 0x100})
    void txDataLengthMustBeAValidLength(int value) {
        assertThatThrownBy(() -> new IsoTpOptions.LinkLayer(true, value, false))
                .hasMessage("txDataLength must be 8, 12, 16, 20, 24, 32, 48 or 64, got " + value);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 12, 16, 20, 24, 32, 48, 64})
    void everyValidTxDataLengthOnCanFd(int value) {
        assertThat(new IsoTpOptions.LinkLayer(true, value, false).txDataLength()).isEqualTo(value);
    }

    @Test
    void classicCanHasEightBytesAndNoBrs() {
        assertThatThrownBy(() -> new IsoTpOptions.LinkLayer(false, 12, false))
                .hasMessage("txDataLength 12 needs CAN FD (canFd = true)");
        assertThatThrownBy(() -> new IsoTpOptions.LinkLayer(false, 8, true))
                .hasMessage("bitRateSwitch needs CAN FD (canFd = true)");
    }

    @Test
    void paddingLimits() {
        assertThatThrownBy(() -> IsoTpOptions.DEFAULTS.withTxPadding(0x100)).hasMessage("tx pad byte must be 0x00..0xFF, got 256");
        assertThatThrownBy(() -> IsoTpOptions.Padding.NONE.withRx(OptionalInt.of(-1))).hasMessage("rx pad byte must be 0x00..0xFF, got -1");
        assertThatThrownBy(() -> IsoTpOptions.Padding.NONE.withCheckContent(true))
                .hasMessage("checkContent needs the rx pad byte to compare with");
    }

    @Test
    void topLevelLimits() {
        assertThatThrownBy(() -> IsoTpOptions.DEFAULTS.withMaxPduLength(0)).hasMessageStartingWith("maxPduLength must be 1..");
        assertThatThrownBy(() -> IsoTpOptions.DEFAULTS.withReceiveQueueCapacity(0))
                .hasMessage("receiveQueueCapacity must be at least 1, got 0");
        assertThatThrownBy(() -> IsoTpOptions.DEFAULTS.withAddress(null)).hasMessage("address must not be null");
        assertThatThrownBy(() -> IsoTpOptions.DEFAULTS.withBroadcast(null)).hasMessage("broadcast must not be null");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1000000", "127, 127000000", "241, 100000", "249, 900000", "128, 127000000",
            "240, 127000000", "250, 127000000", "255, 127000000"})
    void stMinBytesToNanoseconds(int raw, long nanos) {
        assertThat(StMin.toNanos(raw)).isEqualTo(nanos);
    }

    @Test
    void stMinEncodingRoundsUp() {
        assertThat(StMin.encode(Duration.ZERO)).isZero();
        assertThat(StMin.encode(Duration.ofNanos(1))).isEqualTo(0xF1);
        assertThat(StMin.encode(Duration.ofNanos(450_000))).isEqualTo(0xF5);
        assertThat(StMin.encode(Duration.ofNanos(900_000))).isEqualTo(0xF9);
        assertThat(StMin.encode(Duration.ofNanos(900_001))).isEqualTo(1);
        assertThat(StMin.encode(Duration.ofMillis(10))).isEqualTo(10);
        assertThat(StMin.encode(Duration.ofMillis(127))).isEqualTo(127);
        assertThatThrownBy(() -> StMin.encode(Duration.ofMillis(128))).hasMessage("stMin must be 0..127 ms, got PT0.128S");
        assertThat(StMin.isReserved(0x80)).isTrue();
        assertThat(StMin.isReserved(0xF1)).isFalse();
        assertThat(StMin.toDuration(0xF2)).isEqualTo(Duration.ofNanos(200_000));
    }
}
