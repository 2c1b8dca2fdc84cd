package dev.obdio.obd;

import java.util.List;

/** What python-OBD decoders read: {@code messages[0].data[2:]}, the first answer after mode and PID. */
final class DecoderInput {
    private DecoderInput() {
    }

    /** {@code messages[0].data[2:]}, or {@code null} when there is no message. */
    static byte[] payload(List<EcuMessage> messages) {
        return messages.isEmpty() ? null : ByteSlices.from(messages.get(0).data(), 2);
    }
}
