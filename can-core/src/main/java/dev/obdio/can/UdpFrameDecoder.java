package dev.obdio.can;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;
import org.msgpack.value.ValueType;

/**
 * Reads one python-can {@code udp_multicast} datagram ({@link UdpWireFormat}) into a frame.
 *
 * <p>It accepts what python-can's {@code Message(check=True)} accepts, with python-can's
 * defaults for absent keys ({@code is_extended_id} true, the rest false, {@code dlc} the data
 * length, {@code data} empty), and ignores keys it does not know as well as {@code timestamp}
 * and {@code channel}. {@code arbitration_id} is required: a map without one is not a CAN
 * message. Booleans may be nil (false, as in Python); {@code data} may be bin, a raw string or
 * an array of byte values. Beyond python-can it accepts two unambiguous forms other senders
 * use: a classic 8-byte frame with a raw DLC 9..15 (kept as {@link CanFrame#len8Dlc()}) and a
 * CAN FD frame whose {@code dlc} is the DLC code rather than the length. A CAN FD payload whose
 * length is not a CAN FD length (python-can allows e.g. 10 bytes) is padded with zeros to the
 * next one (12), as the controller pads it on a real bus.
 *
 * <p>Everything else is rejected with {@link UdpMalformedDatagramException}: not msgpack, not a
 * map, trailing bytes, wrong value types, ids out of range, more data than the frame type
 * carries, a dlc that contradicts the data, remote requests that are CAN FD or error frames.
 *
 * <p>Not thread-safe: it reuses its buffers. Each bus reader thread has its own.
 */
final class UdpFrameDecoder {
    private static final byte[][] KEY_BYTES = Arrays.stream(UdpWireFormat.KEYS)
            .map(k -> k.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    private static final byte[] EMPTY = new byte[0];

    private final ArrayBufferInput input = new ArrayBufferInput(EMPTY);
    private final MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(input);
    private final byte[] keyScratch = new byte[UdpWireFormat.MAX_KEY_LENGTH];
    private int length;

    // The message being decoded; reset per datagram.
    private long arbitrationId;
    private boolean hasArbitrationId;
    private boolean extended;
    private boolean remote;
    private boolean error;
    private boolean fd;
    private boolean brs;
    private boolean esi;
    private long dlc;
    private boolean hasDlc;
    private byte[] data;

    /**
     * The frame in {@code buf[offset, offset + len)}.
     *
     * @throws UdpMalformedDatagramException saying what is wrong with the datagram
     */
    CanFrame decode(byte[] buf, int offset, int len) throws UdpMalformedDatagramException {
        reset();
        length = len;
        try {
            input.reset(buf, offset, len);
            unpacker.reset(input);
            readMap();
        } catch (IOException | MessagePackException e) {
            // Truncated input, a reserved format byte, an integer beyond 64 bits, …
            throw new UdpMalformedDatagramException("not a msgpack message: " + describe(e));
        }
        return toFrame();
    }

    private void reset() {
        arbitrationId = 0;
        hasArbitrationId = false;
        extended = true; // can.Message's default
        remote = false;
        error = false;
        fd = false;
        brs = false;
        esi = false;
        dlc = 0;
        hasDlc = false;
        data = EMPTY;
    }

    private void readMap() throws IOException, UdpMalformedDatagramException {
        if (unpacker.getNextFormat().getValueType() != ValueType.MAP) {
            throw new UdpMalformedDatagramException("expected a msgpack map, got "
                    + unpacker.getNextFormat().getValueType().name().toLowerCase());
        }
        int entries = unpacker.unpackMapHeader();
        for (int i = 0; i < entries; i++) {
            int key = readKey();
            readValue(key);
        }
        long trailing = remaining();
        if (trailing != 0) {
            throw new UdpMalformedDatagramException(trailing + " bytes after the message map");
        }
    }

    private long remaining() {
        return length - unpacker.getTotalReadBytes();
    }

    /** The index of the key in {@link UdpWireFormat#KEYS}, or -1 for an unknown key. */
    private int readKey() throws IOException, UdpMalformedDatagramException {
        if (unpacker.getNextFormat().getValueType() != ValueType.STRING) {
            throw new UdpMalformedDatagramException("a map key is not a string but "
                    + unpacker.getNextFormat().getValueType().name().toLowerCase());
        }
        int n = unpacker.unpackRawStringHeader();
        checkPayloadFits(n, "key");
        if (n > keyScratch.length) {
            unpacker.readPayloadAsReference(n);
            return -1;
        }
        unpacker.readPayload(keyScratch, 0, n);
        for (int k = 0; k < KEY_BYTES.length; k++) {
            if (Arrays.equals(keyScratch, 0, n, KEY_BYTES[k], 0, KEY_BYTES[k].length)) {
                return k;
            }
        }
        return -1;
    }

    private void checkPayloadFits(long n, String what) throws UdpMalformedDatagramException {
        if (n > remaining()) {
            throw new UdpMalformedDatagramException(what + " of " + n + " bytes is longer than the rest of the datagram");
        }
    }

    private void readValue(int key) throws IOException, UdpMalformedDatagramException {
        String name = key < 0 ? null : UdpWireFormat.KEYS[key];
        if (name == null || name.equals(UdpWireFormat.TIMESTAMP) || name.equals(UdpWireFormat.CHANNEL)) {
            // python-can replaces the timestamp by the arrival time; the channel is the sender's.
            unpacker.skipValue();
            return;
        }
        switch (name) {
            case UdpWireFormat.ARBITRATION_ID -> {
                arbitrationId = readInteger(name);
                hasArbitrationId = true;
            }
            case UdpWireFormat.IS_EXTENDED_ID -> extended = readBoolean(name);
            case UdpWireFormat.IS_REMOTE_FRAME -> remote = readBoolean(name);
            case UdpWireFormat.IS_ERROR_FRAME -> error = readBoolean(name);
            case UdpWireFormat.IS_FD -> fd = readBoolean(name);
            case UdpWireFormat.BITRATE_SWITCH -> brs = readBoolean(name);
            case UdpWireFormat.ERROR_STATE_INDICATOR -> esi = readBoolean(name);
            case UdpWireFormat.DLC -> {
                hasDlc = !unpacker.tryUnpackNil();
                dlc = hasDlc ? readInteger(name) : 0;
            }
            case UdpWireFormat.DATA -> data = readData();
            default -> throw new IllegalStateException("key without a decoder: " + name);
        }
    }

    private long readInteger(String name) throws IOException, UdpMalformedDatagramException {
        ValueType type = unpacker.getNextFormat().getValueType();
        if (type != ValueType.INTEGER) {
            throw new UdpMalformedDatagramException(name + " must be an integer, got " + type.name().toLowerCase());
        }
        return unpacker.unpackLong();
    }

    private boolean readBoolean(String name) throws IOException, UdpMalformedDatagramException {
        MessageFormat format = unpacker.getNextFormat();
        if (format == MessageFormat.NIL) {
            unpacker.unpackNil();
            return false;
        }
        if (format.getValueType() != ValueType.BOOLEAN) {
            throw new UdpMalformedDatagramException(name + " must be a boolean, got "
                    + format.getValueType().name().toLowerCase());
        }
        return unpacker.unpackBoolean();
    }

    private byte[] readData() throws IOException, UdpMalformedDatagramException {
        ValueType type = unpacker.getNextFormat().getValueType();
        switch (type) {
            case NIL -> {
                unpacker.unpackNil();
                return EMPTY;
            }
            case BINARY -> {
                return readDataPayload(unpacker.unpackBinaryHeader());
            }
            case STRING -> {
                // msgpack before the bin type (and use_bin_type=False) writes bytes as raw strings.
                return readDataPayload(unpacker.unpackRawStringHeader());
            }
            case ARRAY -> {
                int n = unpacker.unpackArrayHeader();
                checkDataLength(n);
                byte[] bytes = new byte[n];
                for (int i = 0; i < n; i++) {
                    long b = unpacker.getNextFormat().getValueType() == ValueType.INTEGER ? unpacker.unpackLong() : -1;
                    if (b < 0 || b > 0xFF) {
                        throw new UdpMalformedDatagramException("data[" + i + "] is not a byte value 0..255");
                    }
                    bytes[i] = (byte) b;
                }
                return bytes;
            }
            default -> throw new UdpMalformedDatagramException("data must be bytes, got " + type.name().toLowerCase());
        }
    }

    private byte[] readDataPayload(int n) throws IOException, UdpMalformedDatagramException {
        checkDataLength(n);
        checkPayloadFits(n, "data");
        return n == 0 ? EMPTY : unpacker.readPayload(n);
    }

    private static void checkDataLength(int n) throws UdpMalformedDatagramException {
        if (n > Dlc.FD_MAX_LENGTH) {
            throw new UdpMalformedDatagramException("data has " + n + " bytes, more than a CAN FD frame's 64");
        }
    }

    private CanFrame toFrame() throws UdpMalformedDatagramException {
        if (!hasArbitrationId) {
            throw new UdpMalformedDatagramException("no arbitration_id");
        }
        if (arbitrationId < 0 || arbitrationId > CanFrame.MAX_EXTENDED_ID) {
            throw new UdpMalformedDatagramException(String.format("arbitration_id %d out of range 0..0x%X",
                    arbitrationId, CanFrame.MAX_EXTENDED_ID));
        }
        int id = (int) arbitrationId;
        if (hasDlc && (dlc < 0 || dlc > Dlc.FD_MAX_LENGTH)) {
            throw new UdpMalformedDatagramException("dlc " + dlc + " out of range 0..64");
        }
        try {
            if (error) {
                return errorFrame(id);
            }
            if (!extended && id > CanFrame.MAX_STANDARD_ID) {
                throw new UdpMalformedDatagramException(String.format(
                        "arbitration_id 0x%X exceeds 11 bits but is_extended_id is false", id));
            }
            if (remote) {
                return remoteFrame(id);
            }
            return fd ? fdFrame(id) : classicFrame(id);
        } catch (IllegalArgumentException e) {
            throw new UdpMalformedDatagramException(e.getMessage());
        }
    }

    private CanFrame errorFrame(int id) throws UdpMalformedDatagramException {
        // python-can's socketcan interface marks error frames 11-bit; their class bits are the id.
        if (remote) {
            throw new UdpMalformedDatagramException("a frame cannot be both a remote request and an error frame");
        }
        if (fd) {
            throw new UdpMalformedDatagramException("an error frame cannot be CAN FD");
        }
        checkDlcIsLength();
        return CanFrame.error(id, data);
    }

    private CanFrame remoteFrame(int id) throws UdpMalformedDatagramException {
        if (fd) {
            throw new UdpMalformedDatagramException("CAN FD has no remote requests");
        }
        // python-can drops the data of a remote request; dlc is the requested length.
        long requested = hasDlc ? dlc : 0;
        if (requested > Dlc.CLASSIC_MAX_LENGTH) {
            throw new UdpMalformedDatagramException("remote request dlc " + requested + " exceeds 8");
        }
        return CanFrame.remote(id, extended, (int) requested);
    }

    private CanFrame classicFrame(int id) throws UdpMalformedDatagramException {
        if (data.length > Dlc.CLASSIC_MAX_LENGTH) {
            throw new UdpMalformedDatagramException("classic frame with " + data.length
                    + " data bytes (more than 8) and is_fd false");
        }
        if (hasDlc && dlc > Dlc.CLASSIC_MAX_LENGTH && dlc <= 15 && data.length == Dlc.CLASSIC_MAX_LENGTH) {
            return new CanFrame(id, extended, CanFrame.Kind.DATA, false, brs, esi, (int) dlc, data);
        }
        checkDlcIsLength();
        return new CanFrame(id, extended, CanFrame.Kind.DATA, false, brs, esi, 0, data);
    }

    private CanFrame fdFrame(int id) throws UdpMalformedDatagramException {
        int padded = Dlc.fdLengthAtLeast(data.length);
        boolean dlcIsCode = hasDlc && dlc > Dlc.CLASSIC_MAX_LENGTH && dlc <= 15 && Dlc.fdLength((int) dlc) == padded;
        if (!dlcIsCode) {
            checkDlcIsLength();
        }
        byte[] payload = padded == data.length ? data : Arrays.copyOf(data, padded);
        return CanFrame.fd(id, extended, brs, esi, payload);
    }

    private void checkDlcIsLength() throws UdpMalformedDatagramException {
        if (hasDlc && dlc != data.length) {
            throw new UdpMalformedDatagramException("dlc " + dlc + " does not match the " + data.length
                    + " data bytes");
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
