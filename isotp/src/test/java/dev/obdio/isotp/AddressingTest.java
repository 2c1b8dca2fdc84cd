package dev.obdio.isotp;

import static dev.obdio.isotp.Machine.bytes;
import static dev.obdio.isotp.Machine.data;
import static dev.obdio.isotp.Machine.payload;
import static dev.obdio.isotp.Machine.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.obdio.can.CanFrame;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The addressing modes: identifiers, address bytes, validation, and the state machine using them. */
class AddressingTest {

    @Test
    void normalAddressesAcceptTheirReceiveIdOfTheirIdType() {
        IsoTpAddress a = IsoTpAddress.normal11(0x7E0, 0x7E8);
        assertThat(a.accepts(CanFrame.of(0x7E8, bytes(0x01, 0x41)))).isTrue();
        assertThat(a.accepts(CanFrame.of(0x7E0, bytes(0x01, 0x41)))).isFalse();
        assertThat(a.accepts(CanFrame.extended(0x7E8, bytes(0x01, 0x41)))).isFalse();
        assertThat(a.accepts(CanFrame.remote(0x7E8, false, 2))).isFalse();
        IsoTpAddress b = IsoTpAddress.normal29(0x18DA10F1, 0x18DAF110);
        assertThat(b.accepts(CanFrame.extended(0x18DAF110, bytes(0x01)))).isTrue();
        assertThat(b.txAddressByte()).isEmpty();
    }

    @Test
    void normalFixedBuildsIdentifiersFromTargetAndSource() {
        IsoTpAddress.NormalFixed a = IsoTpAddress.normalFixed(0x10, 0xF1);
        assertThat(a.txId()).isEqualTo(0x18DA10F1);
        assertThat(a.rxId()).isEqualTo(0x18DAF110);
        assertThat(a.extendedIds()).isTrue();
        assertThat(a.functional()).isFalse();
        assertThat(a.accepts(CanFrame.extended(0x18DAF110, bytes(0x01)))).isTrue();
        assertThat(a.accepts(CanFrame.extended(0x18DBF110, bytes(0x01)))).isFalse();
        IsoTpAddress.NormalFixed f = new IsoTpAddress.NormalFixed(0x33, 0xF1, true);
        assertThat(f.txId()).isEqualTo(0x18DB33F1);
        assertThat(f.rxId()).isEqualTo(0x18DBF133);
        assertThat(f.functional()).isTrue();
    }

    @Test
    void extendedAddressesCheckTheFirstByte() {
        IsoTpAddress.Extended a = new IsoTpAddress.Extended(0x600, 0x601, false, 0x55, 0xAA);
        assertThat(a.txAddressByte()).isEqualTo(OptionalInt.of(0x55));
        assertThat(a.rxAddressByte()).isEqualTo(OptionalInt.of(0xAA));
        assertThat(a.accepts(CanFrame.of(0x601, bytes(0xAA, 0x01, 0x11)))).isTrue();
        assertThat(a.accepts(CanFrame.of(0x601, bytes(0x55, 0x01, 0x11)))).isFalse();
        assertThat(a.accepts(CanFrame.of(0x601))).isFalse();
        assertThat(IsoTpAddress.extended11(0x600, 0x601, 0x12).rxAddressByte()).isEqualTo(OptionalInt.of(0x12));
    }

    @Test
    void mixedAddressesUseTheAddressExtensionBothWays() {
        IsoTpAddress.Mixed11 a = new IsoTpAddress.Mixed11(0x700, 0x701, 0x99);
        assertThat(a.accepts(CanFrame.of(0x701, bytes(0x99, 0x01, 0x11)))).isTrue();
        assertThat(a.accepts(CanFrame.of(0x701, bytes(0x98, 0x01, 0x11)))).isFalse();
        IsoTpAddress.Mixed29 b = new IsoTpAddress.Mixed29(0x55, 0xAA, 0x99, false);
        assertThat(b.txId()).isEqualTo(0x18CE55AA);
        assertThat(b.rxId()).isEqualTo(0x18CEAA55);
        assertThat(new IsoTpAddress.Mixed29(0x55, 0xAA, 0x99, true).txId()).isEqualTo(0x18CD55AA);
        assertThat(b.accepts(CanFrame.extended(0x18CEAA55, bytes(0x99, 0x01, 0x11)))).isTrue();
        assertThat(b.accepts(CanFrame.extended(0x18CEAA55, bytes(0x98, 0x01, 0x11)))).isFalse();
    }

    @Test
    void invalidAddressesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> IsoTpAddress.normal11(0x800, 0x7E8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("txId 0x800 is not a 11-bit identifier (0..0x7FF)");
        assertThatThrownBy(() -> IsoTpAddress.normal11(0x7E0, -1)).hasMessageStartingWith("rxId 0xFFFFFFFF");
        assertThatThrownBy(() -> IsoTpAddress.normal29(0x20000000, 1)).hasMessageStartingWith("txId 0x20000000");
        assertThatThrownBy(() -> IsoTpAddress.normal11(0x7E0, 0x7E0))
                .hasMessageContaining("txId and rxId must differ");
        assertThatThrownBy(() -> IsoTpAddress.normalFixed(0x10, 0x10))
                .hasMessage("targetAddress and sourceAddress must differ, both are 0x10");
        assertThatThrownBy(() -> IsoTpAddress.normalFixed(0x100, 0x10)).hasMessage("targetAddress must be 0x00..0xFF, got 0x100");
        assertThatThrownBy(() -> new IsoTpAddress.Extended(1, 2, false, 0x100, 0)).hasMessageStartingWith("txAddress");
        assertThatThrownBy(() -> new IsoTpAddress.Extended(1, 2, false, 0, -1)).hasMessageStartingWith("rxAddress");
        assertThatThrownBy(() -> new IsoTpAddress.Mixed11(1, 2, 256)).hasMessageStartingWith("addressExtension");
        assertThatThrownBy(() -> new IsoTpAddress.Mixed29(1, 1, 0, false)).hasMessageContaining("must differ");
    }

    @Test
    void extendedAddressingSendsTheTargetByteFirstAndReceivesOnlyFramesWithOurs() {
        Machine m = Machine.withOptions(IsoTpOptions.DEFAULTS.withBlockSize(8).withStMin(1)
                .withAddress(new IsoTpAddress.Extended(Machine.TXID, Machine.RXID, false, 0x55, 0xAA)));
        assertThat(m.sm.singleFrameCapacity()).isEqualTo(6);
        m.send(payload(6));
        CanFrame sf = m.expectSent(data(0x55, 0x06, payload(6)));
        assertThat(sf.id()).isEqualTo(Machine.TXID);
        byte[] p = payload(20);
        m.send(p);
        m.expectSent(data(0x55, 0x10, 20, slice(p, 0, 5)));
        m.rx(0x55, 0x30, 0, 0); // someone else's flow control
        m.expectNoErrors();
        m.rx(0xAA, 0x30, 0, 0);
        m.expectSent(data(0x55, 0x21, slice(p, 5, 11)));
        m.expectSent(data(0x55, 0x22, slice(p, 11, 17)));
        m.expectSent(data(0x55, 0x23, slice(p, 17, 20)));
        assertThat(m.sentPdus()).isEqualTo(2);

        m.rx(0xAA, 0x10, 13, 1, 2, 3, 4, 5);
        m.expectSent(0x55, 0x30, 8, 1);
        m.rx(0x55, 0x21, 6, 7, 8, 9, 10, 11); // not for us
        m.rx(0xAA, 0x21, 6, 7, 8, 9, 10, 11);
        m.rx(0xAA, 0x22, 12, 13);
        assertThat(m.receivedOne()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void mixedElevenBitAddressingPrefixesEveryFrameWithTheExtension() {
        Machine m = Machine.withOptions(IsoTpOptions.DEFAULTS
                .withAddress(new IsoTpAddress.Mixed11(Machine.TXID, Machine.RXID, 0x99)));
        m.send(payload(6));
        m.expectSent(data(0x99, 0x06, payload(6)));
        m.rx(0x99, 0x03, 7, 8, 9);
        assertThat(m.receivedOne()).containsExactly(7, 8, 9);
        m.rx(0x98, 0x03, 7, 8, 9);
        m.expectNothingReceived();
    }

    @Test
    void mixedTwentyNineBitAddressing() {
        Machine m = Machine.withOptions(IsoTpOptions.DEFAULTS
                .withAddress(new IsoTpAddress.Mixed29(0x55, 0xAA, 0x99, false)));
        byte[] p = payload(10);
        m.send(p);
        CanFrame ff = m.expectSent(data(0x99, 0x10, 10, slice(p, 0, 5)));
        assertThat(ff.id()).isEqualTo(0x18CE55AA);
        assertThat(ff.extended()).isTrue();
        m.rx(CanFrame.extended(0x18CEAA55, bytes(0x99, 0x30, 0, 0)));
        m.expectSent(data(0x99, 0x21, slice(p, 5, 10)));
        assertThat(m.sentPdus()).isEqualTo(1);
    }

    @Test
    void normalFixedAddressing() {
        Machine m = Machine.withOptions(IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normalFixed(0x10, 0xF1)));
        byte[] p = payload(10);
        m.send(p);
        CanFrame ff = m.expectSent(data(0x10, 10, slice(p, 0, 6)));
        assertThat(ff.id()).isEqualTo(0x18DA10F1);
        m.rx(CanFrame.extended(0x18DAF110, bytes(0x30, 0, 0)));
        m.expectSent(data(0x21, slice(p, 6, 10)));
        m.rx(CanFrame.extended(0x18DAF110, bytes(0x02, 0x50, 0x01)));
        assertThat(m.receivedOne()).containsExactly(0x50, 0x01);
        m.rx(CanFrame.of(0x110, bytes(0x02, 0x50, 0x01)));
        m.expectNothingReceived();
    }

    @Test
    void twentyNineBitNormalAddressing() {
        Machine m = Machine.withOptions(IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal29(0x1234567, 0x7654321)));
        m.send(payload(3));
        CanFrame f = m.expectSent(data(0x03, payload(3)));
        assertThat(f.extended()).isTrue();
        assertThat(f.id()).isEqualTo(0x1234567);
        m.rx(CanFrame.extended(0x7654321, bytes(0x01, 0x77)));
        assertThat(m.receivedOne()).containsExactly(0x77);
    }

    @Test
    void extendedAddressingOnCanFd() {
        Machine m = Machine.withOptions(IsoTpOptions.DEFAULTS.withCanFd(64, false)
                .withAddress(IsoTpAddress.extended11(Machine.TXID, Machine.RXID, 0x42)));
        assertThat(m.sm.singleFrameCapacity()).isEqualTo(61);
        m.send(payload(61));
        m.expectSent(data(0x42, 0x00, 61, payload(61)));
        m.send(payload(6));
        m.expectSent(data(0x42, 0x06, payload(6))); // fits 8 bytes: no escape
        m.send(payload(7));
        m.expectSent(data(0x42, 0x00, 7, payload(7), 0xCC, 0xCC)); // 10 bytes, padded to 12
        m.rxFd(data(0x42, 0x00, 20, payload(20), 0xCC));
        assertThat(m.receivedOne()).isEqualTo(payload(20));
    }
}
