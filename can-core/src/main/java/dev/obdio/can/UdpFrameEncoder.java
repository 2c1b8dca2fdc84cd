package dev.obdio.can;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Writes a frame as one python-can {@code udp_multicast} datagram ({@link UdpWireFormat}), in
 * a form python-can's {@code Message(check=True)} accepts:
 * <ul>
 *   <li>{@code dlc} is the payload length, also for CAN FD; a classic frame's raw DLC 9..15
 *       ({@link CanFrame#len8Dlc()}) is not carried, since python-can rejects a dlc above 8;</li>
 *   <li>a remote request has empty data and its requested length in {@code dlc};</li>
 *   <li>an error frame whose class bits exceed 11 bits is marked {@code is_extended_id}, the
 *       only way python-can accepts such an arbitration id;</li>
 *   <li>{@code channel} is nil, as for a message a python-can program creates itself.</li>
 * </ul>
 *
 * <p>Not thread-safe: it reuses one buffer. The bus guards it with a lock.
 */
final class UdpFrameEncoder {
    private final MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();

    /**
     * The datagram for {@code frame}.
     *
     * @param timestampNanos the send time, epoch nanoseconds, written as float seconds
     */
    byte[] encode(CanFrame frame, long timestampNanos) {
        try {
            packer.clear();
            packer.packMapHeader(UdpWireFormat.KEYS.length);
            packer.packString(UdpWireFormat.TIMESTAMP).packDouble(timestampNanos / 1e9);
            packer.packString(UdpWireFormat.ARBITRATION_ID).packInt(frame.id());
            packer.packString(UdpWireFormat.IS_EXTENDED_ID)
                    .packBoolean(frame.extended() || (frame.isError() && frame.id() > CanFrame.MAX_STANDARD_ID));
            packer.packString(UdpWireFormat.IS_REMOTE_FRAME).packBoolean(frame.isRemote());
            packer.packString(UdpWireFormat.IS_ERROR_FRAME).packBoolean(frame.isError());
            packer.packString(UdpWireFormat.CHANNEL).packNil();
            packer.packString(UdpWireFormat.DLC).packInt(frame.length());
            packer.packString(UdpWireFormat.DATA);
            if (frame.isRemote()) {
                packer.packBinaryHeader(0);
            } else {
                byte[] data = frame.data();
                packer.packBinaryHeader(data.length).writePayload(data);
            }
            packer.packString(UdpWireFormat.IS_FD).packBoolean(frame.fd());
            packer.packString(UdpWireFormat.BITRATE_SWITCH).packBoolean(frame.brs());
            packer.packString(UdpWireFormat.ERROR_STATE_INDICATOR).packBoolean(frame.esi());
            return packer.toByteArray();
        } catch (IOException e) {
            // The packer writes to memory only.
            throw new UncheckedIOException(e);
        }
    }
}
