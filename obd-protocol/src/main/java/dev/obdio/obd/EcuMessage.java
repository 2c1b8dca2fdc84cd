package dev.obdio.obd;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One complete answer of one ECU: the OBD payload as ISO-TP delivers it, mode and PID bytes
 * included ({@code 41 0C 1A F8}), like python-OBD's {@code Message.data}.
 *
 * <p>{@code frames} holds text lines for answers that are text rather than bytes (python-OBD's
 * {@code Frame.raw}, used only by the ELM327 adapter commands); it is empty for CAN answers.
 *
 * @param role     which ECU answered, matched against a command's ECU mask
 * @param sourceId the CAN id the answer came from (e.g. {@code 0x7E8}), or {@link #UNKNOWN_SOURCE}
 * @param data     the payload, copied in and out
 * @param frames   raw text lines of a text answer; empty for a byte answer
 */
public record EcuMessage(EcuRole role, int sourceId, byte[] data, List<String> frames) {

    /** {@link #sourceId()} of an answer whose CAN id is not known (e.g. typed in by a user). */
    public static final int UNKNOWN_SOURCE = -1;

    /** Validates and copies. */
    public EcuMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(data, "data");
        if (sourceId < UNKNOWN_SOURCE) {
            throw new IllegalArgumentException("sourceId must be a CAN id or UNKNOWN_SOURCE, not " + sourceId);
        }
        data = data.clone();
        frames = List.copyOf(frames);
    }

    /** A byte answer from an ECU with the given role and no known CAN id. */
    public static EcuMessage of(EcuRole role, byte... data) {
        return new EcuMessage(role, UNKNOWN_SOURCE, data, List.of());
    }

    /** A byte answer from the given role and CAN id. */
    public static EcuMessage of(EcuRole role, int sourceId, byte... data) {
        return new EcuMessage(role, sourceId, data, List.of());
    }

    /**
     * A byte answer written as hex ({@code "410C1AF8"}; spaces, dots and colons between bytes are
     * allowed).
     *
     * @throws IllegalArgumentException saying which character is wrong
     */
    public static EcuMessage ofHex(EcuRole role, String hex) {
        return of(role, HexBytes.parse(hex));
    }

    /** A text answer (an ELM327 adapter reply such as {@code "12.6V"}), one entry per line. */
    public static EcuMessage ofText(EcuRole role, List<String> lines) {
        return new EcuMessage(role, UNKNOWN_SOURCE, new byte[0], lines);
    }

    /** The payload (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Payload length, without copying. */
    public int length() {
        return data.length;
    }

    /** Payload byte {@code i} as 0..255, without copying. */
    public int byteAt(int i) {
        return data[i] & 0xFF;
    }

    /** The same message with another payload. */
    public EcuMessage withData(byte[] newData) {
        return new EcuMessage(role, sourceId, newData, frames);
    }

    /** The raw text of this answer: its frames joined by newlines (python-OBD {@code Message.raw()}). */
    public String raw() {
        return String.join("\n", frames);
    }

    /** The payload as upper-case hex without separators. */
    public String hex() {
        return HexBytes.format(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcuMessage m && role == m.role && sourceId == m.sourceId
                && Arrays.equals(data, m.data) && frames.equals(m.frames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, sourceId, Arrays.hashCode(data), frames);
    }

    @Override
    public String toString() {
        String src = sourceId == UNKNOWN_SOURCE ? "?" : Integer.toHexString(sourceId).toUpperCase(java.util.Locale.ROOT);
        return "EcuMessage[" + role + " " + src + " " + (frames.isEmpty() ? hex() : frames.toString()) + "]";
    }
}
