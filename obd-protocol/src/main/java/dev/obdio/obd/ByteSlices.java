package dev.obdio.obd;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Reads payloads the way python-OBD's decoders do: Python slices (clamped, never failing) and
 * big-endian unsigned integers of any length ({@code bytes_to_int}).
 */
final class ByteSlices {
    private ByteSlices() {
    }

    /** {@code a[from:]} in Python. */
    static byte[] from(byte[] a, int from) {
        return slice(a, from, a.length);
    }

    /** {@code a[from:to]} in Python, for non-negative bounds. */
    static byte[] slice(byte[] a, int from, int to) {
        int f = Math.min(from, a.length);
        int t = Math.max(f, Math.min(to, a.length));
        return Arrays.copyOfRange(a, f, t);
    }

    /** {@code bytes_to_int(a)}: the big-endian unsigned value, 0 for no bytes; a Long where it fits. */
    static Number toInt(byte[] a) {
        if (a.length <= 7) {
            long v = 0;
            for (byte b : a) {
                v = (v << 8) | (b & 0xFF);
            }
            return v;
        }
        return normalize(new BigInteger(1, a));
    }

    /** {@code bytes_to_int(a)} as a BigInteger. */
    static BigInteger toBigInt(byte[] a) {
        return new BigInteger(1, a);
    }

    /** {@code twos_comp(val, bits)} for one byte. */
    static int signedByte(int unsignedByte) {
        return (byte) unsignedByte;
    }

    /** {@code v - k} keeping Python int semantics. */
    static Number minus(Number v, long k) {
        if (v instanceof Long l && l > Long.MIN_VALUE + k) {
            return l - k;
        }
        return normalize(toBig(v).subtract(BigInteger.valueOf(k)));
    }

    /** {@code v * k} keeping Python int semantics. */
    static Number times(Number v, long k) {
        if (v instanceof Long l) {
            long hi = Math.multiplyHigh(l, k);
            long lo = l * k;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                return lo;
            }
        }
        return normalize(toBig(v).multiply(BigInteger.valueOf(k)));
    }

    /** Python's {@code float(v)} of an int: correctly rounded. */
    static double toDouble(Number v) {
        return v instanceof BigInteger b ? b.doubleValue() : (double) v.longValue();
    }

    /** A Long when {@code b} fits one, else {@code b}. */
    static Number normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Number) b.longValue() : b;
    }

    private static BigInteger toBig(Number v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(v.longValue());
    }
}
