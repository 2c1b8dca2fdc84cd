package dev.obdio.sim;

import java.util.Arrays;

/** Builds a response PDU byte by byte; big-endian for multi-byte values. */
final class ResponseBuilder {
    private byte[] buf = new byte[16];
    private int len;

    ResponseBuilder u8(int b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = (byte) b;
        return this;
    }

    ResponseBuilder u16(int v) {
        return u8(v >> 8).u8(v);
    }

    ResponseBuilder u24(int v) {
        return u8(v >> 16).u8(v >> 8).u8(v);
    }

    ResponseBuilder u32(long v) {
        return u8((int) (v >> 24)).u8((int) (v >> 16)).u8((int) (v >> 8)).u8((int) v);
    }

    ResponseBuilder bytes(byte[] b) {
        for (byte x : b) {
            u8(x);
        }
        return this;
    }

    int length() {
        return len;
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }
}
