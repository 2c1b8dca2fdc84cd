package dev.obdio.obd;

import java.util.Arrays;

/**
 * Undecoded payload bytes (python-OBD's {@code noop} decoder, a {@code bytearray}). On the wire an
 * upper-case hex string, never base64.
 *
 * @param bytes the bytes, copied in and out
 */
public record RawBytes(byte[] bytes) implements ObdValue {

    /** Copies. */
    public RawBytes {
        bytes = bytes.clone();
    }

    /** The bytes (a copy). */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Upper-case hex without separators. */
    public String hex() {
        return HexBytes.format(bytes);
    }

    @Override
    public String pythonType() {
        return PythonTypes.BYTEARRAY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawBytes r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
