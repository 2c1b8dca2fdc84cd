package dev.obdio.uds;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * How a data identifier's bytes read and write: how many there are (what lets one
 * ReadDataByIdentifier response carry several DIDs), what they mean, and how text a person types
 * becomes bytes. Configure one per DID in {@link DidCodecs}; the built-ins:
 *
 * <ul>
 *   <li>{@link #ascii(int)} / {@link #ascii()}: text (VIN, part numbers);</li>
 *   <li>{@link #unsigned(int, double, double, String)} / {@link #signed}: big-endian integers with
 *       {@code value = raw × scale + offset} and a unit;</li>
 *   <li>{@link #raw(int)} / {@link #raw()}: bytes shown as hex;</li>
 *   <li>{@link #custom}: your own functions.</li>
 * </ul>
 *
 * <p>Text form for the CLI and scripts ({@link #parse(String)}): {@code ascii}, {@code ascii:17},
 * {@code raw}, {@code raw:4}, {@code u16}, {@code u16,scale=0.1,offset=-40,unit=degC},
 * {@code s8,unit=%}; widths u8/u16/u24/u32/u40/u48/u56/u64 and s8…s64.
 */
public interface DidCodec {

    /** The value's length in bytes, or empty when it varies (it then runs to the end of the response). */
    OptionalInt length();

    /**
     * Decodes a value.
     *
     * @param raw the value's bytes ({@link #length()} of them when fixed)
     * @throws IllegalArgumentException when the bytes do not fit the codec
     */
    DidData decode(byte[] raw);

    /**
     * Encodes text as a person types it ({@code WVWZZZ1JZXW000001}, {@code 650}, {@code 650 rpm},
     * {@code 0A 1B 2C}).
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    byte[] encode(String text);

    /** The codec in its text form ({@code ascii:17}, {@code u16,scale=0.1,unit=km/h}). */
    String describe();

    /**
     * Whether values are 7-bit text, so a variable-length value ends where the next requested
     * DID (0x8000 and above) starts in a multi-DID response.
     */
    default boolean textual() {
        return false;
    }

    /** Text of exactly {@code length} bytes. */
    static DidCodec ascii(int length) {
        return new AsciiCodec(OptionalInt.of(Checks.range("length", length, 1, 0xFFFF)));
    }

    /** Text of any length. */
    static DidCodec ascii() {
        return new AsciiCodec(OptionalInt.empty());
    }

    /** Bytes of exactly {@code length}. */
    static DidCodec raw(int length) {
        return new RawCodec(OptionalInt.of(Checks.range("length", length, 1, 0xFFFF)));
    }

    /** Bytes of any length. */
    static DidCodec raw() {
        return new RawCodec(OptionalInt.empty());
    }

    /** An unsigned big-endian integer of {@code bytes} (1..8) with {@code value = raw × scale + offset}. */
    static DidCodec unsigned(int bytes, double scale, double offset, String unit) {
        return new NumericCodec(bytes, false, scale, offset, unit);
    }

    /** An unsigned integer of {@code bytes} without scaling or unit. */
    static DidCodec unsigned(int bytes) {
        return unsigned(bytes, 1, 0, "");
    }

    /** A two's-complement big-endian integer of {@code bytes} (1..8) with {@code value = raw × scale + offset}. */
    static DidCodec signed(int bytes, double scale, double offset, String unit) {
        return new NumericCodec(bytes, true, scale, offset, unit);
    }

    /**
     * A codec of your own.
     *
     * @param length      fixed length, or empty for variable
     * @param decoder     bytes to value
     * @param encoder     typed text to bytes (throw {@link IllegalArgumentException} for bad text)
     * @param description what {@link #describe()} returns
     */
    static DidCodec custom(OptionalInt length, Function<byte[], DidData> decoder, Function<String, byte[]> encoder,
                           String description) {
        return new CustomCodec(length, decoder, encoder, description);
    }

    /**
     * Parses the text form (see the class documentation).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static DidCodec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty codec; use ascii[:LEN], raw[:LEN], u8..u64 or s8..s64");
        }
        String[] parts = spec.strip().split(",");
        String head = parts[0].strip().toLowerCase(Locale.ROOT);
        String kind = head;
        String arg = null;
        int colon = head.indexOf(':');
        if (colon >= 0) {
            kind = head.substring(0, colon);
            arg = head.substring(colon + 1);
        }
        switch (kind) {
            case "ascii", "raw", "hex" -> {
                if (parts.length > 1) {
                    throw new IllegalArgumentException("codec \"" + spec + "\": " + kind + " takes no options");
                }
                OptionalInt length = arg == null ? OptionalInt.empty() : OptionalInt.of(parseLength(spec, arg));
                return kind.equals("ascii") ? new AsciiCodec(length) : new RawCodec(length);
            }
            default -> {
                if (!kind.matches("[us](8|16|24|32|40|48|56|64)") || arg != null) {
                    throw new IllegalArgumentException("codec \"" + spec
                            + "\": use ascii[:LEN], raw[:LEN], u8..u64 or s8..s64 (multiples of 8 bits)");
                }
                boolean signed = kind.charAt(0) == 's';
                int bytes = Integer.parseInt(kind.substring(1)) / 8;
                double scale = 1;
                double offset = 0;
                String unit = "";
                for (int i = 1; i < parts.length; i++) {
                    String option = parts[i].strip();
                    int eq = option.indexOf('=');
                    String key = eq < 0 ? option : option.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    String value = eq < 0 ? "" : option.substring(eq + 1).strip();
                    switch (key) {
                        case "scale" -> scale = parseDouble(spec, key, value);
                        case "offset" -> offset = parseDouble(spec, key, value);
                        case "unit" -> unit = value;
                        default -> throw new IllegalArgumentException("codec \"" + spec + "\": unknown option \""
                                + option + "\" (scale=, offset=, unit=)");
                    }
                }
                return new NumericCodec(bytes, signed, scale, offset, unit);
            }
        }
    }

    private static int parseLength(String spec, String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= 0xFFFF) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("codec \"" + spec + "\": length \"" + text + "\" must be 1..65535");
    }

    private static double parseDouble(String spec, String key, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("codec \"" + spec + "\": " + key + " \"" + text + "\" is not a number");
    }
}
