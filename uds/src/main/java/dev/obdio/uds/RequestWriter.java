package dev.obdio.uds;

import java.util.Arrays;

/** Builds request bytes, big-endian, the service identifier first. */
final class RequestWriter {
    private byte[] buffer = new byte[16];
    private int length;

    RequestWriter(int serviceId) {
        u8(serviceId);
    }

    RequestWriter u8(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
        return this;
    }

    RequestWriter u16(int value) {
        return unsigned(value, 2);
    }

    RequestWriter u24(int value) {
        return unsigned(value, 3);
    }

    RequestWriter unsigned(long value, int bytes) {
        ensure(bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            buffer[length++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    RequestWriter bytes(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, buffer, length, data.length);
        length += data.length;
        return this;
    }

    byte[] toBytes() {
        return Arrays.copyOf(buffer, length);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
