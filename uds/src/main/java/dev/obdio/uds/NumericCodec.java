package dev.obdio.uds;

import java.util.OptionalInt;

/** A big-endian integer of 1..8 bytes with {@code value = raw × scale + offset}. */
record NumericCodec(int bytes, boolean signed, double scale, double offset, String unit) implements DidCodec {

    NumericCodec {
        Checks.range("bytes", bytes, 1, 8);
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("scale must be a finite number other than 0, got " + scale);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset must be finite, got " + offset);
        }
        Checks.notNull("unit", unit);
    }

    @Override
    public OptionalInt length() {
        return OptionalInt.of(bytes);
    }

    @Override
    public DidData decode(byte[] raw) {
        if (raw.length != bytes) {
            throw new IllegalArgumentException("needs " + bytes + " bytes, got " + raw.length);
        }
        long value = 0;
        for (byte b : raw) {
            value = value << 8 | (b & 0xFF);
        }
        if (signed && bytes < 8) {
            int shift = 64 - 8 * bytes;
            value = value << shift >> shift;
        }
        // An unsigned 64-bit value with its top bit set is above Long.MAX_VALUE.
        double number = signed || value >= 0 ? value : (double) (value >>> 1) * 2 + (value & 1);
        return new DidData.Numeric(number * scale + offset, unit, value);
    }

    @Override
    public byte[] encode(String text) {
        String s = Checks.notNull("text", text).strip();
        if (!unit.isEmpty() && s.endsWith(unit)) {
            s = s.substring(0, s.length() - unit.length()).strip();
        }
        double physical;
        try {
            physical = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number" + (unit.isEmpty() ? "" : " (unit " + unit + ")"));
        }
        double exact = (physical - offset) / scale;
        long raw = Math.round(exact);
        double min = signed ? -Math.pow(2, 8 * bytes - 1) : 0;
        double max = signed ? Math.pow(2, 8 * bytes - 1) - 1 : Math.pow(2, 8 * bytes) - 1;
        if (!Double.isFinite(exact) || exact < min - 0.5 || exact > max + 0.5) {
            DidData lo = decode(encodeRaw((long) min));
            DidData hi = decode(encodeRaw(bytes == 8 && !signed ? -1L : (long) max));
            throw new IllegalArgumentException("\"" + text + "\" is out of range " + lo.display() + " .. " + hi.display());
        }
        return encodeRaw(raw);
    }

    private byte[] encodeRaw(long raw) {
        byte[] out = new byte[bytes];
        for (int i = bytes - 1; i >= 0; i--) {
            out[i] = (byte) raw;
            raw >>>= 8;
        }
        return out;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder().append(signed ? 's' : 'u').append(8 * bytes);
        if (scale != 1) {
            s.append(",scale=").append(new DidData.Numeric(scale, "", 0).valueText());
        }
        if (offset != 0) {
            s.append(",offset=").append(new DidData.Numeric(offset, "", 0).valueText());
        }
        if (!unit.isEmpty()) {
            s.append(",unit=").append(unit);
        }
        return s.toString();
    }
}
