package dev.obdio.can.socketcan;

import dev.obdio.can.CanFrame;
import tel.schich.javacan.BcmMessage;
import tel.schich.javacan.util.BufferHelper;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The broadcast manager's messages ({@code struct bcm_msg_head} followed by frames, from
 * {@code include/uapi/linux/can/bcm.h}). The header's layout depends on the size of a C
 * {@code long} (its two {@code struct bcm_timeval}s): JavaCAN's native library reports the
 * offsets for the running platform, and the frames are {@link KernelFrames} structs of 16 bytes,
 * or 72 with {@link #CAN_FD_FRAME}.
 */
final class BcmCodec {
    // Opcodes.
    static final int TX_SETUP = 1;
    static final int TX_DELETE = 2;
    static final int RX_SETUP = 5;
    static final int RX_DELETE = 6;
    static final int TX_STATUS = 8;
    static final int TX_EXPIRED = 9;
    static final int RX_STATUS = 10;
    static final int RX_TIMEOUT = 11;
    static final int RX_CHANGED = 12;

    // Flags.
    static final int SETTIMER = 0x0001;
    static final int STARTTIMER = 0x0002;
    static final int TX_COUNTEVT = 0x0004;
    static final int RX_FILTER_ID = 0x0020;
    static final int RX_CHECK_DLC = 0x0040;
    static final int RX_ANNOUNCE_RESUME = 0x0100;
    static final int CAN_FD_FRAME = 0x0800;

    /** The largest interval the kernel accepts (BCM_TIMER_SEC_MAX: 400 days). */
    static final long TIMER_SEC_MAX = 400L * 24 * 60 * 60;

    private BcmCodec() {
    }

    /** The size of {@code struct bcm_msg_head} here: 56 with 64-bit longs, 40 with 32-bit. */
    static int headerLength() {
        return BcmMessage.HEADER_LENGTH;
    }

    /** The size of a C {@code long} of the running platform. */
    static int platformLongSize() {
        return BufferHelper.LONG_SIZE;
    }

    /**
     * One message to or from the broadcast manager.
     *
     * @param opcode  the operation (TX_SETUP, RX_CHANGED, …)
     * @param flags   SETTIMER, CAN_FD_FRAME, …
     * @param count   the number of frames to send at {@code ival1}
     * @param ival1   first interval (TX: period while counting; RX: timeout)
     * @param ival2   second interval (TX: period after counting; RX: throttle)
     * @param canId   the raw identifier of the operation (with CAN_EFF_FLAG)
     * @param frames  the frames (TX: to send; RX_SETUP: the content mask; RX_CHANGED: the frame)
     */
    record Message(int opcode, int flags, long count, Duration ival1, Duration ival2, int canId, List<CanFrame> frames) {
        /** Validates and copies. */
        Message {
            if (count < 0 || count > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("count must fit 32 bits unsigned, got " + count);
            }
            checkInterval(ival1, "ival1");
            checkInterval(ival2, "ival2");
            frames = List.copyOf(frames);
            boolean fd = (flags & CAN_FD_FRAME) != 0;
            for (CanFrame f : frames) {
                if (f.fd() != fd) {
                    throw new IllegalArgumentException("frame " + f + " does not match the message's CAN_FD_FRAME flag");
                }
            }
        }

        /** Whether the frames are CAN FD frames. */
        boolean fd() {
            return (flags & CAN_FD_FRAME) != 0;
        }
    }

    /**
     * A duration as the broadcast manager can hold it: rounded up to whole microseconds (its
     * {@code struct bcm_timeval} resolution).
     *
     * @throws IllegalArgumentException when negative or beyond the kernel's 400 days
     */
    static Duration kernelInterval(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + d);
        }
        Duration rounded = d.getNano() % 1000 == 0 ? d : d.plusNanos(1000 - d.getNano() % 1000);
        if (rounded.getSeconds() > TIMER_SEC_MAX) {
            throw new IllegalArgumentException(what + " must be at most 400 days (the broadcast manager's limit), got "
                    + d);
        }
        return rounded;
    }

    private static void checkInterval(Duration d, String name) {
        if (d.isNegative() || d.getSeconds() > TIMER_SEC_MAX) {
            throw new IllegalArgumentException(name + " must be 0.." + TIMER_SEC_MAX + " s, got " + d);
        }
        if (d.getNano() % 1000 != 0) {
            throw new IllegalArgumentException(name + " must be whole microseconds, got " + d);
        }
    }

    /** Encodes a message into a new direct buffer (position 0, limit its size). */
    static ByteBuffer encode(Message m) {
        int frameSize = m.fd() ? KernelFrames.CANFD_MTU : KernelFrames.CAN_MTU;
        int size = BcmMessage.HEADER_LENGTH + m.frames().size() * frameSize;
        ByteBuffer b = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
        b.putInt(BcmMessage.OFFSET_OPCODE, m.opcode());
        b.putInt(BcmMessage.OFFSET_FLAGS, m.flags());
        b.putInt(BcmMessage.OFFSET_COUNT, (int) m.count());
        BufferHelper.putPlatformLong(b, BcmMessage.OFFSET_IVAL1_TV_SEC, m.ival1().getSeconds());
        BufferHelper.putPlatformLong(b, BcmMessage.OFFSET_IVAL1_TV_USEC, m.ival1().getNano() / 1000);
        BufferHelper.putPlatformLong(b, BcmMessage.OFFSET_IVAL2_TV_SEC, m.ival2().getSeconds());
        BufferHelper.putPlatformLong(b, BcmMessage.OFFSET_IVAL2_TV_USEC, m.ival2().getNano() / 1000);
        b.putInt(BcmMessage.OFFSET_CAN_ID, m.canId());
        b.putInt(BcmMessage.OFFSET_NFRAMES, m.frames().size());
        for (int i = 0; i < m.frames().size(); i++) {
            KernelFrames.encode(m.frames().get(i), b, BcmMessage.OFFSET_FRAMES + i * frameSize);
        }
        b.clear();
        return b;
    }

    /**
     * Decodes a message of {@code length} bytes at the start of {@code b}.
     *
     * @throws IllegalArgumentException when the length does not fit the header's frame count
     */
    static Message decode(ByteBuffer b, int length) {
        if (length < BcmMessage.HEADER_LENGTH) {
            throw new IllegalArgumentException("a BCM message has at least " + BcmMessage.HEADER_LENGTH
                    + " bytes, got " + length);
        }
        int flags = b.getInt(BcmMessage.OFFSET_FLAGS);
        int frameSize = (flags & CAN_FD_FRAME) != 0 ? KernelFrames.CANFD_MTU : KernelFrames.CAN_MTU;
        long nframes = Integer.toUnsignedLong(b.getInt(BcmMessage.OFFSET_NFRAMES));
        if (BcmMessage.HEADER_LENGTH + nframes * frameSize > length) {
            throw new IllegalArgumentException("BCM message of " + length + " bytes announces " + nframes + " frames");
        }
        List<CanFrame> frames = new ArrayList<>((int) nframes);
        for (int i = 0; i < nframes; i++) {
            frames.add(KernelFrames.decode(b, BcmMessage.OFFSET_FRAMES + i * frameSize, frameSize));
        }
        return new Message(b.getInt(BcmMessage.OFFSET_OPCODE), flags,
                Integer.toUnsignedLong(b.getInt(BcmMessage.OFFSET_COUNT)),
                interval(b, BcmMessage.OFFSET_IVAL1_TV_SEC, BcmMessage.OFFSET_IVAL1_TV_USEC),
                interval(b, BcmMessage.OFFSET_IVAL2_TV_SEC, BcmMessage.OFFSET_IVAL2_TV_USEC),
                b.getInt(BcmMessage.OFFSET_CAN_ID), frames);
    }

    private static Duration interval(ByteBuffer b, int secOffset, int usecOffset) {
        long sec = BufferHelper.getPlatformLong(b, secOffset);
        long usec = BufferHelper.getPlatformLong(b, usecOffset);
        if (sec < 0 || sec > TIMER_SEC_MAX || usec < 0 || usec >= 1_000_000) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(sec, usec * 1000);
    }

    /** TX_SETUP of a new cyclic transmission: {@code count} frames at {@code ival1}, then forever at {@code ival2}. */
    static Message txSetup(CanFrame frame, long count, Duration ival1, Duration ival2) {
        int flags = SETTIMER | STARTTIMER | (count > 0 ? TX_COUNTEVT : 0) | fdFlag(frame);
        return new Message(TX_SETUP, flags, count, ival1, ival2, frame.rawCanId(), List.of(frame));
    }

    /**
     * TX_SETUP that only replaces the data of a running transmission: no SETTIMER or
     * STARTTIMER, so the timer goes on; TX_COUNTEVT kept, since the kernel replaces the flags.
     */
    static Message txUpdate(CanFrame frame, boolean counting) {
        int flags = (counting ? TX_COUNTEVT : 0) | fdFlag(frame);
        return new Message(TX_SETUP, flags, 0, Duration.ZERO, Duration.ZERO, frame.rawCanId(), List.of(frame));
    }

    /** TX_DELETE of the transmission of {@code canId}. */
    static Message txDelete(int canId, boolean fd) {
        return new Message(TX_DELETE, fd ? CAN_FD_FRAME : 0, 0, Duration.ZERO, Duration.ZERO, canId, List.of());
    }

    /**
     * RX_SETUP of a content filter: RX_FILTER_ID without a mask, else the mask frame with
     * RX_CHECK_DLC; the timeout monitor starts at once when {@code timeout} is set, and after a
     * timeout the next frame is reported (RX_ANNOUNCE_RESUME).
     */
    static Message rxSetup(int canId, boolean fd, CanFrame maskFrame, Duration timeout, Duration throttle) {
        int flags = SETTIMER | RX_ANNOUNCE_RESUME | (fd ? CAN_FD_FRAME : 0)
                | (timeout.isZero() ? 0 : STARTTIMER)
                | (maskFrame == null ? RX_FILTER_ID : RX_CHECK_DLC);
        return new Message(RX_SETUP, flags, 0, timeout, throttle, canId,
                maskFrame == null ? List.of() : List.of(maskFrame));
    }

    /** RX_DELETE of the content filter of {@code canId}. */
    static Message rxDelete(int canId, boolean fd) {
        return new Message(RX_DELETE, fd ? CAN_FD_FRAME : 0, 0, Duration.ZERO, Duration.ZERO, canId, List.of());
    }

    private static int fdFlag(CanFrame frame) {
        return frame.fd() ? CAN_FD_FRAME : 0;
    }
}
