package dev.obdio.obd;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SAE J1979's unit-and-scaling ids (UAS), as python-OBD's {@code UnitsAndScaling.UAS_IDS} has
 * them: mode 06 test results carry a UAS id, and many mode 01 PIDs decode with one
 * ({@code uas(0x07)} is RPM). A UAS value is {@code int(bytes) [two's complement if signed] * scale +
 * offset}, always a Python float; id 0x2E is a boolean (any byte non-zero). Thread-safe.
 */
public final class UnitsAndScaling {

    /** One entry: sign, scale (an exact integer when {@code intScale != 0}), pint unit, offset. */
    private record Uas(boolean signed, long intScale, double scale, String unit, double offset) {
        static Uas of(boolean signed, long scale, String unit) {
            return new Uas(signed, scale, scale, unit, 0.0);
        }

        static Uas of(boolean signed, double scale, String unit) {
            return new Uas(signed, 0, scale, unit, 0.0);
        }

        Quantity apply(byte[] bytes) {
            BigInteger v = ByteSlices.toBigInt(bytes);
            if (signed && bytes.length > 0 && v.testBit(bytes.length * 8 - 1)) {
                v = v.subtract(BigInteger.ONE.shiftLeft(bytes.length * 8));
            }
            // Python: int * int stays exact before "+= offset" makes it a float; int * float rounds once.
            double scaled = intScale != 0 ? v.multiply(BigInteger.valueOf(intScale)).doubleValue()
                    : v.doubleValue() * scale;
            return Quantity.of(scaled + offset, unit);
        }
    }

    /** The id whose value is a boolean rather than a measurement. */
    public static final int BOOLEAN_ID = 0x2E;

    private static final Map<Integer, Uas> TABLE = table();

    private UnitsAndScaling() {
    }

    /** Whether {@code id} is a UAS id python-OBD knows. */
    public static boolean isKnown(int id) {
        return id == BOOLEAN_ID || TABLE.containsKey(id);
    }

    /** The known UAS ids, ascending. */
    public static java.util.Set<Integer> ids() {
        java.util.TreeSet<Integer> ids = new java.util.TreeSet<>(TABLE.keySet());
        ids.add(BOOLEAN_ID);
        return Collections.unmodifiableSet(ids);
    }

    /** The unit of a UAS id: a pint name, or {@code "<class 'bool'>"} for {@link #BOOLEAN_ID}. */
    public static Optional<String> unit(int id) {
        if (id == BOOLEAN_ID) {
            return Optional.of(PythonTypes.BOOL);
        }
        return Optional.ofNullable(TABLE.get(id)).map(Uas::unit);
    }

    /**
     * Decodes {@code bytes} (big-endian, usually two) with UAS {@code id}: a {@link Quantity} with a
     * float magnitude, or a {@link BooleanValue} for id 0x2E; empty when the id is unknown.
     */
    public static Optional<ObdValue> decode(int id, byte[] bytes) {
        if (id == BOOLEAN_ID) {
            boolean any = false;
            for (byte b : bytes) {
                any |= b != 0;
            }
            return Optional.of(BooleanValue.of(any));
        }
        Uas uas = TABLE.get(id);
        return uas == null ? Optional.empty() : Optional.of(uas.apply(bytes));
    }

    private static Map<Integer, Uas> table() {
        Map<Integer, Uas> t = new TreeMap<>();
        // unsigned
        t.put(0x01, Uas.of(false, 1L, "count"));
        t.put(0x02, Uas.of(false, 0.1, "count"));
        t.put(0x03, Uas.of(false, 0.01, "count"));
        t.put(0x04, Uas.of(false, 0.001, "count"));
        t.put(0x05, Uas.of(false, 0.0000305, "count"));
        t.put(0x06, Uas.of(false, 0.000305, "count"));
        t.put(0x07, Uas.of(false, 0.25, "revolutions_per_minute"));
        t.put(0x08, Uas.of(false, 0.01, "kilometer_per_hour"));
        t.put(0x09, Uas.of(false, 1L, "kilometer_per_hour"));
        t.put(0x0A, Uas.of(false, 0.122, "millivolt"));
        t.put(0x0B, Uas.of(false, 0.001, "volt"));
        t.put(0x0C, Uas.of(false, 0.01, "volt"));
        t.put(0x0D, Uas.of(false, 0.00390625, "milliampere"));
        t.put(0x0E, Uas.of(false, 0.001, "ampere"));
        t.put(0x0F, Uas.of(false, 0.01, "ampere"));
        t.put(0x10, Uas.of(false, 1L, "millisecond"));
        t.put(0x11, Uas.of(false, 100L, "millisecond"));
        t.put(0x12, Uas.of(false, 1L, "second"));
        t.put(0x13, Uas.of(false, 1L, "milliohm"));
        t.put(0x14, Uas.of(false, 1L, "ohm"));
        t.put(0x15, Uas.of(false, 1L, "kiloohm"));
        t.put(0x16, new Uas(false, 0, 0.1, "degree_Celsius", -40.0));
        t.put(0x17, Uas.of(false, 0.01, "kilopascal"));
        t.put(0x18, Uas.of(false, 0.0117, "kilopascal"));
        t.put(0x19, Uas.of(false, 0.079, "kilopascal"));
        t.put(0x1A, Uas.of(false, 1L, "kilopascal"));
        t.put(0x1B, Uas.of(false, 10L, "kilopascal"));
        t.put(0x1C, Uas.of(false, 0.01, "degree"));
        t.put(0x1D, Uas.of(false, 0.5, "degree"));
        t.put(0x1E, Uas.of(false, 0.0000305, "ratio"));
        t.put(0x1F, Uas.of(false, 0.05, "ratio"));
        t.put(0x20, Uas.of(false, 0.00390625, "ratio"));
        t.put(0x21, Uas.of(false, 1L, "millihertz"));
        t.put(0x22, Uas.of(false, 1L, "hertz"));
        t.put(0x23, Uas.of(false, 1L, "kilohertz"));
        t.put(0x24, Uas.of(false, 1L, "count"));
        t.put(0x25, Uas.of(false, 1L, "kilometer"));
        t.put(0x26, Uas.of(false, 0.1, "millivolt / millisecond"));
        t.put(0x27, Uas.of(false, 0.01, "gps"));
        t.put(0x28, Uas.of(false, 1L, "gps"));
        t.put(0x29, Uas.of(false, 0.25, "pascal / second"));
        t.put(0x2A, Uas.of(false, 0.001, "kilogram / hour"));
        t.put(0x2B, Uas.of(false, 1L, "count"));
        t.put(0x2C, Uas.of(false, 0.01, "gram"));
        t.put(0x2D, Uas.of(false, 0.01, "milligram"));
        t.put(0x2F, Uas.of(false, 0.01, "percent"));
        t.put(0x30, Uas.of(false, 0.001526, "percent"));
        t.put(0x31, Uas.of(false, 0.001, "liter"));
        t.put(0x32, Uas.of(false, 0.0000305, "inch"));
        t.put(0x33, Uas.of(false, 0.00024414, "ratio"));
        t.put(0x34, Uas.of(false, 1L, "minute"));
        t.put(0x35, Uas.of(false, 10L, "millisecond"));
        t.put(0x36, Uas.of(false, 0.01, "gram"));
        t.put(0x37, Uas.of(false, 0.1, "gram"));
        t.put(0x38, Uas.of(false, 1L, "gram"));
        t.put(0x39, new Uas(false, 0, 0.01, "percent", -327.68));
        t.put(0x3A, Uas.of(false, 0.001, "gram"));
        t.put(0x3B, Uas.of(false, 0.0001, "gram"));
        t.put(0x3C, Uas.of(false, 0.1, "microsecond"));
        t.put(0x3D, Uas.of(false, 0.01, "milliampere"));
        t.put(0x3E, Uas.of(false, 0.00006103516, "millimeter ** 2"));
        t.put(0x3F, Uas.of(false, 0.01, "liter"));
        t.put(0x40, Uas.of(false, 1L, "ppm"));
        t.put(0x41, Uas.of(false, 0.01, "microampere"));
        // signed
        t.put(0x81, Uas.of(true, 1L, "count"));
        t.put(0x82, Uas.of(true, 0.1, "count"));
        t.put(0x83, Uas.of(true, 0.01, "count"));
        t.put(0x84, Uas.of(true, 0.001, "count"));
        t.put(0x85, Uas.of(true, 0.0000305, "count"));
        t.put(0x86, Uas.of(true, 0.000305, "count"));
        t.put(0x87, Uas.of(true, 1L, "ppm"));
        t.put(0x8A, Uas.of(true, 0.122, "millivolt"));
        t.put(0x8B, Uas.of(true, 0.001, "volt"));
        t.put(0x8C, Uas.of(true, 0.01, "volt"));
        t.put(0x8D, Uas.of(true, 0.00390625, "milliampere"));
        t.put(0x8E, Uas.of(true, 0.001, "ampere"));
        t.put(0x90, Uas.of(true, 1L, "millisecond"));
        t.put(0x96, Uas.of(true, 0.1, "degree_Celsius"));
        t.put(0x99, Uas.of(true, 0.1, "kilopascal"));
        t.put(0x9C, Uas.of(true, 0.01, "degree"));
        t.put(0x9D, Uas.of(true, 0.5, "degree"));
        t.put(0xA8, Uas.of(true, 1L, "gps"));
        t.put(0xA9, Uas.of(true, 0.25, "pascal / second"));
        t.put(0xAD, Uas.of(true, 0.01, "milligram"));
        t.put(0xAE, Uas.of(true, 0.1, "milligram"));
        t.put(0xAF, Uas.of(true, 0.01, "percent"));
        t.put(0xB0, Uas.of(true, 0.003052, "percent"));
        t.put(0xB1, Uas.of(true, 2L, "millivolt / second"));
        t.put(0xFC, Uas.of(true, 0.01, "kilopascal"));
        t.put(0xFD, Uas.of(true, 0.001, "kilopascal"));
        t.put(0xFE, Uas.of(true, 0.25, "pascal"));
        return Collections.unmodifiableMap(t);
    }
}
