package dev.obdio.obd;

import java.util.Arrays;
import java.util.Locale;

/**
 * Checks one ECU answer against the request and prepares it for the decoder the way python-OBD's
 * {@code OBDCommand.__call__} does: padded with zeros to the command's response length, and cut
 * to it when the decoder reads fixed-length data.
 *
 * <p>Beyond python-OBD: a negative response ({@code 7F mode NRC}) or an answer to another service
 * or PID is a problem, not data; an answer with no data bytes gives no value instead of zeros; the
 * frame number of a mode 02 answer ({@code 42 PID FRAME data}) is removed so mode 02 decodes like
 * mode 01.
 */
final class ResponseShaper {
    private static final int FREEZE_FRAME_MODE = 0x02;
    private static final int NEGATIVE_RESPONSE = 0x7F;
    private static final int POSITIVE_OFFSET = 0x40;

    /** The shaped answer, or the problem that keeps it from being used. */
    sealed interface Result {
    }

    /** A usable answer, ready for the decoder. */
    record Usable(EcuMessage message) implements Result {
    }

    /** An answer that gives no value. */
    record Rejected(ObdProblem problem) implements Result {
    }

    private ResponseShaper() {
    }

    static Result shape(ObdCommand command, EcuMessage message) {
        if (command.isAdapterCommand()) {
            return new Usable(message); // ELM327 text answers: nothing to check
        }
        byte[] request = command.commandBytes();
        byte[] data = message.data();
        if (data.length == 0) {
            return new Rejected(new ObdProblem.MalformedResponse(message, "empty answer"));
        }
        if ((data[0] & 0xFF) == NEGATIVE_RESPONSE) {
            return new Rejected(new ObdProblem.NegativeResponse(message,
                    data.length > 1 ? data[1] & 0xFF : -1, data.length > 2 ? data[2] & 0xFF : -1));
        }
        int mode = request[0] & 0xFF;
        if ((data[0] & 0xFF) != mode + POSITIVE_OFFSET) {
            return new Rejected(new ObdProblem.MalformedResponse(message, String.format(Locale.ROOT,
                    "answers service %02X, not %02X", (data[0] & 0xFF) - POSITIVE_OFFSET & 0xFF, mode)));
        }
        int header = request.length;
        if (data.length < header) {
            return new Rejected(new ObdProblem.MalformedResponse(message, "shorter than its header"));
        }
        for (int i = 1; i < header; i++) {
            if (data[i] != request[i]) {
                return new Rejected(new ObdProblem.MalformedResponse(message, String.format(Locale.ROOT,
                        "answers %s, not %s", HexBytes.format(Arrays.copyOfRange(data, 0, header)),
                        HexBytes.format(Arrays.copyOfRange(request, 0, header)))));
            }
        }
        if (mode == FREEZE_FRAME_MODE && command.pid().isPresent()) {
            if (data.length <= header) {
                return new Rejected(new ObdProblem.MalformedResponse(message, "no frame number"));
            }
            byte[] withoutFrame = new byte[data.length - 1];
            System.arraycopy(data, 0, withoutFrame, 0, header);
            System.arraycopy(data, header + 1, withoutFrame, header, data.length - header - 1);
            data = withoutFrame;
        }
        if (command.bytes() > header && data.length == header) {
            return new Rejected(new ObdProblem.MalformedResponse(message, "no data bytes"));
        }
        return new Usable(message.withData(constrain(data, command.bytes(), command.decoder().cutsToLength())));
    }

    /** python-OBD's {@code __constrain_message_data}: pad with zeros or cut to {@code length} (0 = any). */
    static byte[] constrain(byte[] data, int length, boolean cut) {
        if (length <= 0 || data.length == length || (data.length > length && !cut)) {
            return data;
        }
        return Arrays.copyOf(data, length);
    }
}
