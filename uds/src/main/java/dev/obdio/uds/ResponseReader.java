package dev.obdio.uds;

import java.util.Arrays;

/**
 * Reads the parameters of a positive response after its SID, turning every shortfall into a
 * {@link UdsMalformedResponseException} that names the field, and every echo that does not match
 * into a {@link UdsUnexpectedResponseException}.
 */
final class ResponseReader {
    private final UdsResponse response;
    private final byte[] bytes;
    private final int serviceId;
    private int position = 1;

    ResponseReader(UdsResponse response, int serviceId) {
        this.response = response;
        this.bytes = response.bytes();
        this.serviceId = serviceId;
    }

    int position() {
        return position;
    }

    int remaining() {
        return bytes.length - position;
    }

    boolean hasMore() {
        return position < bytes.length;
    }

    /** The byte at {@code offset} from the position, without consuming it. */
    int peek(int offset) {
        return bytes[position + offset] & 0xFF;
    }

    int u8(String field) {
        need(1, field);
        return bytes[position++] & 0xFF;
    }

    int u16(String field) {
        return (int) unsigned(2, field);
    }

    int u24(String field) {
        return (int) unsigned(3, field);
    }

    long unsigned(int length, String field) {
        need(length, field);
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = value << 8 | (bytes[position++] & 0xFF);
        }
        return value;
    }

    byte[] bytes(int length, String field) {
        need(length, field);
        byte[] out = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return out;
    }

    byte[] rest() {
        byte[] out = Arrays.copyOfRange(bytes, position, bytes.length);
        position = bytes.length;
        return out;
    }

    /** Whether every byte from the position on is zero (padding some servers leave behind). */
    boolean restIsZero() {
        for (int i = position; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads a byte that must echo the request's. */
    int echo(int expected, String field) {
        int actual = u8(field);
        if (actual != expected) {
            throw unexpected(String.format("%s echo 0x%02X, requested 0x%02X", field, actual, expected));
        }
        return actual;
    }

    /** Reads two bytes that must echo the request's. */
    int echo16(int expected, String field) {
        int actual = u16(field);
        if (actual != expected) {
            throw unexpected(String.format("%s echo 0x%04X, requested 0x%04X", field, actual, expected));
        }
        return actual;
    }

    private void need(int length, String field) {
        if (remaining() < length) {
            throw malformed(remaining() == 0 ? field + " is missing"
                    : field + " needs " + length + " bytes, " + remaining() + " left");
        }
    }

    UdsMalformedResponseException malformed(String reason) {
        return new UdsMalformedResponseException(serviceId, response, reason);
    }

    UdsUnexpectedResponseException unexpected(String reason) {
        return new UdsUnexpectedResponseException(serviceId, response, reason);
    }
}
