package dev.obdio.can.socketcan;

import dev.obdio.can.CanFrame;
import dev.obdio.can.Dlc;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelFramesTest {

    private static ByteBuffer buffer() {
        return ByteBuffer.allocateDirect(KernelFrames.CANFD_MTU).order(ByteOrder.nativeOrder());
    }

    @Test
    void classicFrameHasTheKernelLayout() {
        ByteBuffer b = buffer();
        int size = KernelFrames.encode(CanFrame.of(0x123, (byte) 0x11, (byte) 0x22), b, 0);

        assertThat(size).isEqualTo(16);
        assertThat(b.getInt(0)).isEqualTo(0x123);
        assertThat(b.get(4)).isEqualTo((byte) 2);
        assertThat(b.get(5)).isZero();
        assertThat(b.get(7)).isZero();
        assertThat(b.get(8)).isEqualTo((byte) 0x11);
        assertThat(b.get(9)).isEqualTo((byte) 0x22);
        assertThat(b.get(10)).isZero();
    }

    @Test
    void extendedRemoteAndErrorFramesCarryTheirFlagsInCanId() {
        ByteBuffer b = buffer();
        KernelFrames.encode(CanFrame.extended(0x18DAF110, (byte) 1), b, 0);
        assertThat(b.getInt(0)).isEqualTo(0x98DAF110);

        KernelFrames.encode(CanFrame.remote(0x7DF, false, 3), b, 0);
        assertThat(b.getInt(0)).isEqualTo(0x400007DF);
        assertThat(b.get(4)).isEqualTo((byte) 3);
        assertThat(b.get(8)).isZero();

        KernelFrames.encode(CanFrame.error(0x40, new byte[8]), b, 0);
        assertThat(b.getInt(0)).isEqualTo(0x20000040);
    }

    @Test
    void len8DlcGoesToByteSeven() {
        ByteBuffer b = buffer();
        CanFrame f = new CanFrame(0x100, false, CanFrame.Kind.DATA, false, false, false, 12, new byte[8]);
        KernelFrames.encode(f, b, 0);
        assertThat(b.get(7)).isEqualTo((byte) 12);
        assertThat(KernelFrames.decode(b, 0, 16)).isEqualTo(f);
    }

    @Test
    void fdFrameHasFlagsAndSeventyTwoBytes() {
        ByteBuffer b = buffer();
        byte[] data = new byte[12];
        data[11] = 0x5A;
        int size = KernelFrames.encode(CanFrame.fd(0x321, false, true, true, data), b, 0);

        assertThat(size).isEqualTo(72);
        assertThat(b.get(4)).isEqualTo((byte) 12);
        assertThat(b.get(5)).isEqualTo((byte) 0x03);
        assertThat(b.get(8 + 11)).isEqualTo((byte) 0x5A);
    }

    @Test
    void encodingClearsWhatAPreviousFrameLeftInTheBuffer() {
        ByteBuffer b = buffer();
        KernelFrames.encode(CanFrame.fd(0x1, false, true, false, new byte[64]), b, 0);
        for (int i = 8; i < 72; i++) {
            b.put(i, (byte) 0xEE);
        }
        KernelFrames.encode(CanFrame.of(0x2, (byte) 1), b, 0);
        assertThat(b.get(5)).isZero();
        assertThat(b.get(9)).isZero();
    }

    @Test
    void decodeOfEncodeIsIdentityForRandomFrames() {
        long seed = 0x5EEDCA11L;
        System.out.println("KernelFramesTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer b = buffer();
        for (int i = 0; i < 5000; i++) {
            CanFrame f = randomFrame(random);
            int size = KernelFrames.encode(f, b, 0);
            assertThat(KernelFrames.decode(b, 0, size)).as("frame %s", f).isEqualTo(f);
        }
    }

    static CanFrame randomFrame(SplittableRandom r) {
        boolean ext = r.nextBoolean();
        int id = ext ? r.nextInt(CanFrame.MAX_EXTENDED_ID + 1) : r.nextInt(CanFrame.MAX_STANDARD_ID + 1);
        switch (r.nextInt(5)) {
            case 0:
                return CanFrame.remote(id, ext, r.nextInt(9));
            case 1:
                return CanFrame.error(r.nextInt(0x1000), bytes(r, 8));
            case 2:
                return CanFrame.fd(id, ext, r.nextBoolean(), r.nextBoolean(), bytes(r, Dlc.fdLength(r.nextInt(16))));
            case 3:
                return new CanFrame(id, ext, CanFrame.Kind.DATA, false, false, false, 9 + r.nextInt(7), bytes(r, 8));
            default:
                return CanFrame.data(id, ext, bytes(r, r.nextInt(9)));
        }
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    @Test
    void decodePadsAnFdLengthThatIsNoDlcLengthAsAControllerWould() {
        ByteBuffer b = buffer();
        b.putInt(0, 0x123);
        b.put(4, (byte) 13);
        b.put(8 + 12, (byte) 7);
        CanFrame f = KernelFrames.decode(b, 0, 72);
        assertThat(f.length()).isEqualTo(16);
        assertThat(f.dataByte(12)).isEqualTo(7);
    }

    @Test
    void decodeClampsImpossibleLengths() {
        ByteBuffer b = buffer();
        b.putInt(0, 0x123);
        b.put(4, (byte) 200);
        assertThat(KernelFrames.decode(b, 0, 16).length()).isEqualTo(8);
        assertThat(KernelFrames.decode(b, 0, 72).length()).isEqualTo(64);
    }

    @Test
    void otherStructSizesAreRefused() {
        assertThatThrownBy(() -> KernelFrames.decode(buffer(), 0, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 or 72");
    }
}
