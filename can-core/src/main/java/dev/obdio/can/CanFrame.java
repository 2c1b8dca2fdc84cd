package dev.obdio.can;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One CAN or CAN FD frame, as SocketCAN sees it: an identifier, flags and up to 8 (classic) or
 * 64 (FD) data bytes. Immutable; the data is copied in and out.
 *
 * <p>Use the factories: {@link #of(int, byte...)} (11-bit), {@link #extended(int, byte...)}
 * (29-bit), {@link #fd}, {@link #remote} and {@link #error}. They never mask bits silently: an
 * identifier out of range or a length the frame type cannot carry is rejected with a message
 * naming the field and the value.
 *
 * @param id        11-bit (0..0x7FF) or 29-bit (0..0x1FFFFFFF) identifier; for an error frame,
 *                  the error class bits (CAN_ERR_*)
 * @param extended  29-bit identifier (EFF)
 * @param kind      data, remote request (RTR) or error frame
 * @param fd        a CAN FD frame
 * @param brs       CAN FD bit rate switch
 * @param esi       CAN FD error state indicator
 * @param len8Dlc   for a classic frame of 8 bytes, the raw DLC 9..15 it was sent with, else 0
 * @param data      the payload; for a remote request, {@code length} zero bytes
 */
public record CanFrame(int id, boolean extended, Kind kind, boolean fd, boolean brs, boolean esi,
                       int len8Dlc, byte[] data) {

    /** Largest 11-bit identifier. */
    public static final int MAX_STANDARD_ID = 0x7FF;
    /** Largest 29-bit identifier. */
    public static final int MAX_EXTENDED_ID = 0x1FFFFFFF;

    /** SocketCAN's flag bits in {@code can_id}, as {@link #rawCanId()} sets them. */
    public static final int EFF_FLAG = 0x80000000;
    /** Remote transmission request flag of {@code can_id}. */
    public static final int RTR_FLAG = 0x40000000;
    /** Error frame flag of {@code can_id}. */
    public static final int ERR_FLAG = 0x20000000;

    private static final byte[] EMPTY = new byte[0];

    /** What a frame is. */
    public enum Kind {
        /** A data frame. */
        DATA,
        /** A remote transmission request (classic CAN only). */
        REMOTE,
        /** An error frame reported by the controller (SocketCAN CAN_ERR_FLAG). */
        ERROR
    }

    /** Validates every field; see the class comment for the rules. */
    public CanFrame {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        int maxId = kind == Kind.ERROR || extended ? MAX_EXTENDED_ID : MAX_STANDARD_ID;
        if (id < 0 || id > maxId) {
            throw new IllegalArgumentException(String.format("id 0x%X out of range for %s: 0..0x%X",
                    Integer.toUnsignedLong(id), describeIdKind(kind, extended), maxId));
        }
        if (kind == Kind.ERROR && extended) {
            throw new IllegalArgumentException("an error frame has no extended flag");
        }
        if (fd) {
            if (kind != Kind.DATA) {
                throw new IllegalArgumentException("a CAN FD frame cannot be a " + kind.name().toLowerCase()
                        + " frame");
            }
            if (!Dlc.isValidFdLength(data.length)) {
                throw new IllegalArgumentException("data length " + data.length
                        + " is not a CAN FD length (0..8, 12, 16, 20, 24, 32, 48, 64)");
            }
            if (len8Dlc != 0) {
                throw new IllegalArgumentException("len8Dlc is for classic frames only, got " + len8Dlc);
            }
        } else {
            if (brs || esi) {
                throw new IllegalArgumentException("BRS and ESI flags need a CAN FD frame");
            }
            if (data.length > Dlc.CLASSIC_MAX_LENGTH) {
                throw new IllegalArgumentException("data length " + data.length
                        + " exceeds 8 bytes of a classic CAN frame (use a CAN FD frame)");
            }
            if (len8Dlc != 0 && (len8Dlc < 9 || len8Dlc > 15)) {
                throw new IllegalArgumentException("len8Dlc must be 0 or 9..15, got " + len8Dlc);
            }
            if (len8Dlc != 0 && data.length != Dlc.CLASSIC_MAX_LENGTH) {
                throw new IllegalArgumentException("len8Dlc " + len8Dlc + " needs 8 data bytes, got "
                        + data.length);
            }
        }
        data = data.length == 0 ? EMPTY : data.clone();
        if (kind == Kind.REMOTE) {
            Arrays.fill(data, (byte) 0);
        }
    }

    private static String describeIdKind(Kind kind, boolean extended) {
        if (kind == Kind.ERROR) {
            return "error class";
        }
        return extended ? "29-bit id" : "11-bit id";
    }

    /** An 11-bit data frame. */
    public static CanFrame of(int id, byte... data) {
        return new CanFrame(id, false, Kind.DATA, false, false, false, 0, data);
    }

    /** A 29-bit data frame. */
    public static CanFrame extended(int id, byte... data) {
        return new CanFrame(id, true, Kind.DATA, false, false, false, 0, data);
    }

    /** A data frame with an 11- or 29-bit identifier. */
    public static CanFrame data(int id, boolean extended, byte... data) {
        return new CanFrame(id, extended, Kind.DATA, false, false, false, 0, data);
    }

    /** A CAN FD data frame; {@code data.length} must be a CAN FD length. */
    public static CanFrame fd(int id, boolean extended, boolean brs, boolean esi, byte... data) {
        return new CanFrame(id, extended, Kind.DATA, true, brs, esi, 0, data);
    }

    /** A remote transmission request asking for {@code length} (0..8) bytes. */
    public static CanFrame remote(int id, boolean extended, int length) {
        if (length < 0 || length > Dlc.CLASSIC_MAX_LENGTH) {
            throw new IllegalArgumentException("remote request length must be 0..8, got " + length);
        }
        return new CanFrame(id, extended, Kind.REMOTE, false, false, false, 0, new byte[length]);
    }

    /** An error frame with error class bits (CAN_ERR_*) and the controller's 8 detail bytes. */
    public static CanFrame error(int errorClass, byte... data) {
        return new CanFrame(errorClass, false, Kind.ERROR, false, false, false, 0, data);
    }

    /**
     * A frame from SocketCAN's {@code can_id} word (with EFF/RTR/ERR flags) and payload, as the
     * kernel and can-utils encode it.
     */
    public static CanFrame fromRawCanId(int rawCanId, boolean fd, int fdFlags, int len8Dlc, byte[] data) {
        boolean err = (rawCanId & ERR_FLAG) != 0;
        boolean eff = (rawCanId & EFF_FLAG) != 0;
        boolean rtr = (rawCanId & RTR_FLAG) != 0;
        if (err) {
            return new CanFrame(rawCanId & MAX_EXTENDED_ID, false, Kind.ERROR, false, false, false, 0, data);
        }
        int id = rawCanId & (eff ? MAX_EXTENDED_ID : MAX_STANDARD_ID);
        if (rtr && !fd) {
            return new CanFrame(id, eff, Kind.REMOTE, false, false, false, len8Dlc, data);
        }
        return new CanFrame(id, eff, Kind.DATA, fd, fd && (fdFlags & 1) != 0, fd && (fdFlags & 2) != 0,
                fd ? 0 : len8Dlc, data);
    }

    /** SocketCAN's {@code can_id}: the identifier with the EFF, RTR and ERR flags. */
    public int rawCanId() {
        return switch (kind) {
            case ERROR -> id | ERR_FLAG;
            case REMOTE -> id | RTR_FLAG | (extended ? EFF_FLAG : 0);
            case DATA -> id | (extended ? EFF_FLAG : 0);
        };
    }

    /** SocketCAN's {@code canfd_frame.flags}: BRS = 1, ESI = 2 (FDF not included). */
    public int fdFlags() {
        return (brs ? 1 : 0) | (esi ? 2 : 0);
    }

    /** The payload length (for a remote request, the requested length). */
    public int length() {
        return data.length;
    }

    /** The data length code on the wire. */
    public int dlc() {
        if (fd) {
            return Dlc.fdDlc(data.length);
        }
        return len8Dlc != 0 ? len8Dlc : data.length;
    }

    /** One payload byte, unsigned, without copying. */
    public int dataByte(int index) {
        return data[index] & 0xFF;
    }

    /** A copy of the payload. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Copies the payload into {@code target} at {@code offset}. */
    public void copyData(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, data.length);
    }

    /** Whether this is a data frame. */
    public boolean isData() {
        return kind == Kind.DATA;
    }

    /** Whether this is a remote request. */
    public boolean isRemote() {
        return kind == Kind.REMOTE;
    }

    /** Whether this is an error frame. */
    public boolean isError() {
        return kind == Kind.ERROR;
    }

    /** This frame with another payload (same id and flags; FD length rules apply). */
    public CanFrame withData(byte... newData) {
        return new CanFrame(id, extended, kind, fd, brs, esi, 0, newData);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanFrame f && id == f.id && extended == f.extended && kind == f.kind
                && fd == f.fd && brs == f.brs && esi == f.esi && len8Dlc == f.len8Dlc
                && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rawCanId() + (fd ? fdFlags() | 4 : 0) + len8Dlc) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("CanFrame[");
        s.append(String.format(extended || kind == Kind.ERROR ? "%08X" : "%03X", id));
        switch (kind) {
            case REMOTE -> s.append(" remote len=").append(data.length);
            case ERROR -> s.append(" error");
            case DATA -> s.append(fd ? " fd" : "").append(brs ? " brs" : "").append(esi ? " esi" : "");
        }
        if (len8Dlc != 0) {
            s.append(" dlc=").append(len8Dlc);
        }
        if (kind != Kind.REMOTE) {
            s.append(" [").append(data.length).append("] ").append(HexFormat.of().withUpperCase().formatHex(data));
        }
        return s.append(']').toString();
    }
}
