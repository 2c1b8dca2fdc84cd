package dev.obdio.uds;

import java.util.Arrays;

/**
 * A response as received: positive ({@code SID + 0x40}, data…) or negative
 * ({@code 7F SID NRC}). Copies its bytes in and out.
 *
 * @param bytes the whole response, at least one byte
 */
public record UdsResponse(byte[] bytes) {

    /** Validates and copies. */
    public UdsResponse {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("bytes must hold at least one byte");
        }
        bytes = bytes.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** One byte, 0..255. */
    public int byteAt(int index) {
        return bytes[index] & 0xFF;
    }

    /** Whether this is a negative response ({@code 7F SID NRC}, at least three bytes). */
    public boolean isNegative() {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == UdsService.NEGATIVE_RESPONSE;
    }

    /** Whether this is a positive response. */
    public boolean isPositive() {
        return !isNegative();
    }

    /** The request's service identifier this answers: the second byte of a negative response, else the first minus 0x40. */
    public int serviceId() {
        return isNegative() ? byteAt(1) : (byteAt(0) - UdsService.POSITIVE_OFFSET) & 0xFF;
    }

    /** The NRC of a negative response. */
    public int nrc() {
        if (!isNegative()) {
            throw new IllegalStateException("not a negative response: " + this);
        }
        return byteAt(2);
    }

    /** Whether this is a positive response to the service {@code sid}. */
    public boolean isPositiveFor(int sid) {
        return !isNegative() && byteAt(0) == sid + UdsService.POSITIVE_OFFSET;
    }

    /** The bytes after the response SID (the whole of a positive response's parameters). */
    public byte[] data() {
        return Arrays.copyOfRange(bytes, 1, bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdsResponse r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** {@code 62 F1 90 …}, or {@code 7F 22 31 (requestOutOfRange)} for a negative response. */
    @Override
    public String toString() {
        return Hex.format(bytes) + (isNegative() ? " (" + Nrc.nameOf(nrc()) + ")" : "");
    }
}
