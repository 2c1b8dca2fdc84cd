package dev.obdio.can.socketcan;

import dev.obdio.can.CanFrame;
import dev.obdio.can.Dlc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The kernel's {@code struct can_frame} (16 bytes) and {@code struct canfd_frame} (72 bytes) in
 * native byte order, as raw sockets and the broadcast manager read and write them:
 * <pre>
 *   0  u32 can_id     identifier with CAN_EFF_FLAG, CAN_RTR_FLAG, CAN_ERR_FLAG
 *   4  u8  len        payload length (classic: 0..8, for RTR the requested length)
 *   5  u8  flags      FD: CANFD_BRS 0x01, CANFD_ESI 0x02; classic: padding
 *   6  u8  reserved
 *   7  u8  len8_dlc   classic only: raw DLC 9..15 of an 8-byte frame
 *   8  u8  data[8 or 64]
 * </pre>
 * Decoding is lenient with what a misbehaving sender can put on the wire (an FD length that is
 * not a valid DLC length is padded up, as a controller would), and never throws for a buffer of
 * the right size.
 */
final class KernelFrames {
    /** Size of {@code struct can_frame} (CAN_MTU). */
    static final int CAN_MTU = 16;
    /** Size of {@code struct canfd_frame} (CANFD_MTU). */
    static final int CANFD_MTU = 72;
    private static final int DATA_OFFSET = 8;
    private static final int FD_FLAG_MASK = 0x03;

    private KernelFrames() {
    }

    /** A direct buffer in native order big enough for one frame of either kind. */
    static ByteBuffer allocate() {
        return ByteBuffer.allocateDirect(CANFD_MTU).order(ByteOrder.nativeOrder());
    }

    /** The struct size for a frame: {@link #CANFD_MTU} for FD frames, else {@link #CAN_MTU}. */
    static int sizeOf(CanFrame frame) {
        return frame.fd() ? CANFD_MTU : CAN_MTU;
    }

    /**
     * Writes the frame's struct at {@code offset} (absolute, the buffer's position is untouched).
     *
     * @return the number of bytes written
     */
    static int encode(CanFrame frame, ByteBuffer buffer, int offset) {
        int size = sizeOf(frame);
        for (int i = 0; i < size; i++) {
            buffer.put(offset + i, (byte) 0);
        }
        buffer.putInt(offset, frame.rawCanId());
        buffer.put(offset + 4, (byte) frame.length());
        if (frame.fd()) {
            buffer.put(offset + 5, (byte) frame.fdFlags());
        } else {
            buffer.put(offset + 7, (byte) frame.len8Dlc());
        }
        if (!frame.isRemote()) {
            for (int i = 0; i < frame.length(); i++) {
                buffer.put(offset + DATA_OFFSET + i, (byte) frame.dataByte(i));
            }
        }
        return size;
    }

    /**
     * Reads a frame struct of {@code size} bytes ({@link #CAN_MTU} or {@link #CANFD_MTU}) at
     * {@code offset}.
     *
     * @throws IllegalArgumentException for any other size
     */
    static CanFrame decode(ByteBuffer buffer, int offset, int size) {
        if (size != CAN_MTU && size != CANFD_MTU) {
            throw new IllegalArgumentException("a CAN frame struct has 16 or 72 bytes, got " + size);
        }
        boolean fd = size == CANFD_MTU;
        int rawId = buffer.getInt(offset);
        int len = buffer.get(offset + 4) & 0xFF;
        boolean error = (rawId & CanFrame.ERR_FLAG) != 0;
        int maxLength = fd && !error ? Dlc.FD_MAX_LENGTH : Dlc.CLASSIC_MAX_LENGTH;
        len = Math.min(len, maxLength);
        if (fd && !error) {
            len = Dlc.fdLengthAtLeast(len);
        }
        int len8Dlc = 0;
        if (!fd && len == Dlc.CLASSIC_MAX_LENGTH) {
            int raw = buffer.get(offset + 7) & 0xFF;
            len8Dlc = raw >= 9 && raw <= 15 ? raw : 0;
        }
        byte[] data = new byte[len];
        for (int i = 0; i < len; i++) {
            data[i] = buffer.get(offset + DATA_OFFSET + i);
        }
        int fdFlags = fd ? buffer.get(offset + 5) & FD_FLAG_MASK : 0;
        return CanFrame.fromRawCanId(rawId, fd && !error, fdFlags, len8Dlc, data);
    }
}
