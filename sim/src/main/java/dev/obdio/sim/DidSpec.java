package dev.obdio.sim;

import java.util.HexFormat;

/**
 * A UDS data identifier served by services 0x22 / 0x2E.
 *
 * @param id       the 16-bit identifier, e.g. 0xF190; 0xF400..0xF4FF are reserved for the OBD PIDs
 *                 (read through the ECU's mode 01 table) and cannot be defined here
 * @param name     a human name
 * @param type     ASCII, HEX or UINT
 * @param length   value length in bytes: 1..64 (UINT: 1..4)
 * @param value    the initial value: text (ASCII, at most {@code length} characters), hex digits
 *                 ({@code 2*length}), or a decimal number (UINT); ignored unless {@code source} is STORED
 * @param source   where the value comes from
 * @param read     who may read it
 * @param write    who may write it, or {@code null} for read-only
 * @param min      smallest writable UINT value
 * @param max      largest writable UINT value
 * @param controls the model parameter a write adjusts
 */
public record DidSpec(int id, String name, DidType type, int length, String value, DidSource source, DidAccess read,
                      DidAccess write, long min, long max, ModelControl controls) {

    /** Validates ranges and that the value fits. */
    public DidSpec {
        Checks.range("id", id, 0, 0xFFFF);
        if (id >= 0xF400 && id <= 0xF4FF) {
            throw new IllegalArgumentException(String.format("id: 0x%04X is an OBD PID DID (0xF400..0xF4FF), served from the PID table", id));
        }
        Checks.text("name", name, 64);
        Checks.notNull("type", type);
        Checks.notNull("source", source);
        Checks.notNull("read", read);
        Checks.notNull("controls", controls);
        if (source == DidSource.VIN) {
            if (type != DidType.ASCII || length != 17) {
                throw new IllegalArgumentException("source: vin needs type ascii and length 17");
            }
        } else if (source == DidSource.ACTIVE_SESSION) {
            if (type != DidType.UINT || length != 1) {
                throw new IllegalArgumentException("source: active_session needs type uint and length 1");
            }
        }
        if (write != null && source != DidSource.STORED) {
            throw new IllegalArgumentException("write: a DID with source " + source.name().toLowerCase() + " is read-only");
        }
        Checks.range("length", length, 1, type == DidType.UINT ? 4 : 64);
        long maxRaw = type == DidType.UINT ? (1L << (8 * length)) - 1 : 0;
        if (type == DidType.UINT) {
            Checks.range("min", min, 0, maxRaw);
            Checks.range("max", max, min, maxRaw);
        }
        if (controls == ModelControl.IDLE_RPM && (type != DidType.UINT || write == null)) {
            throw new IllegalArgumentException("controls: idle_rpm needs a writable uint DID");
        }
        if (source == DidSource.STORED) {
            Checks.notNull("value", value);
            encode(type, length, value, min, max);
        }
    }

    /**
     * Encodes a value of this DID's type to its wire bytes.
     *
     * @throws IllegalArgumentException starting with "value:" when it does not fit
     */
    static byte[] encode(DidType type, int length, String value, long min, long max) {
        switch (type) {
            case ASCII -> {
                if (value.length() > length) {
                    throw new IllegalArgumentException("value: \"" + value + "\" is longer than " + length + " characters");
                }
                byte[] out = new byte[length];
                for (int i = 0; i < length; i++) {
                    char c = i < value.length() ? value.charAt(i) : ' ';
                    if (c < 0x20 || c > 0x7E) {
                        throw new IllegalArgumentException("value: \"" + value + "\" must be printable ASCII");
                    }
                    out[i] = (byte) c;
                }
                return out;
            }
            case HEX -> {
                byte[] out;
                try {
                    out = HexFormat.of().parseHex(value.replace(" ", ""));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("value: \"" + value + "\" is not hex");
                }
                if (out.length != length) {
                    throw new IllegalArgumentException("value: \"" + value + "\" has " + out.length + " bytes, length is " + length);
                }
                return out;
            }
            case UINT -> {
                long v;
                try {
                    v = Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("value: \"" + value + "\" is not a whole number");
                }
                if (v < min || v > max) {
                    throw new IllegalArgumentException("value: " + v + " out of range " + min + ".." + max);
                }
                byte[] out = new byte[length];
                for (int i = 0; i < length; i++) {
                    out[length - 1 - i] = (byte) (v >>> (8 * i));
                }
                return out;
            }
            default -> throw new AssertionError(type);
        }
    }

    /** The initial value on the wire (STORED source only). */
    byte[] initialBytes() {
        return encode(type, length, value, min, max);
    }

    /** A read-only DID of stored text. */
    public static DidSpec ascii(int id, String name, int length, String value) {
        return new DidSpec(id, name, DidType.ASCII, length, value, DidSource.STORED, DidAccess.OPEN, null, 0, 0, ModelControl.NONE);
    }
}
