package dev.obdio.obd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bits of a payload, most significant bit of the first byte first: python-OBD's
 * {@code obd.utils.BitArray}. Supported-PID masks are BitArrays: bit {@code i} set means PID
 * {@code base + i + 1} is supported. On the wire a BitArray is an array of booleans.
 *
 * @param bits the bits, copied in and out
 */
public record BitArray(boolean[] bits) implements ObdValue {

    /** Copies. */
    public BitArray {
        bits = bits.clone();
    }

    /** The bits of {@code bytes}, 8 per byte, MSB first. */
    public static BitArray of(byte[] bytes) {
        boolean[] b = new boolean[bytes.length * 8];
        for (int i = 0; i < b.length; i++) {
            b[i] = ((bytes[i / 8] >> (7 - i % 8)) & 1) == 1;
        }
        return new BitArray(b);
    }

    /** A BitArray from a string of '0' and '1' characters. */
    public static BitArray parse(String zerosAndOnes) {
        boolean[] b = new boolean[zerosAndOnes.length()];
        for (int i = 0; i < b.length; i++) {
            char c = zerosAndOnes.charAt(i);
            if (c != '0' && c != '1') {
                throw new IllegalArgumentException("not a bit at position " + (i + 1) + ": '" + c + "'");
            }
            b[i] = c == '1';
        }
        return new BitArray(b);
    }

    /** The bits (a copy). */
    @Override
    public boolean[] bits() {
        return bits.clone();
    }

    /** Number of bits. */
    public int length() {
        return bits.length;
    }

    /** Bit {@code i}; like python-OBD, an index outside the array reads as {@code false}. */
    public boolean get(int i) {
        return i >= 0 && i < bits.length && bits[i];
    }

    /** Bits {@code [from, to)} as a list, Python-slice style (bounds are clamped). */
    public List<Boolean> slice(int from, int to) {
        int a = Math.max(0, Math.min(from, bits.length));
        int b = Math.max(a, Math.min(to, bits.length));
        List<Boolean> out = new ArrayList<>(b - a);
        for (int i = a; i < b; i++) {
            out.add(bits[i]);
        }
        return out;
    }

    /** The unsigned number formed by bits {@code [from, to)}, 0 when empty (python-OBD {@code value}). */
    public long value(int from, int to) {
        long v = 0;
        for (boolean b : slice(from, to)) {
            v = (v << 1) | (b ? 1 : 0);
        }
        return v;
    }

    /** Number of set bits. */
    public int countSet() {
        int n = 0;
        for (boolean b : bits) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /**
     * The PIDs a supported-PID mask of base {@code base} (0x00, 0x20, ...) says are supported:
     * {@code base + i + 1} for each set bit {@code i}.
     */
    public List<Integer> supportedPids(int base) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                out.add(base + i + 1);
            }
        }
        return out;
    }

    /** The bits as a string of '0' and '1' (python-OBD {@code str(bitarray)}). */
    public String bitString() {
        StringBuilder sb = new StringBuilder(bits.length);
        for (boolean b : bits) {
            sb.append(b ? '1' : '0');
        }
        return sb.toString();
    }

    @Override
    public String pythonType() {
        return PythonTypes.BIT_ARRAY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitArray other && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return bitString();
    }
}
