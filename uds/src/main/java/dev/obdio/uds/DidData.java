package dev.obdio.uds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * A data identifier's value as its {@link DidCodec} decoded it: text, a number with its unit, or
 * bytes.
 */
public sealed interface DidData {

    /** The value for people: the text, {@code 650 rpm}, or hex bytes. */
    String display();

    /**
     * Text ({@link DidCodec#ascii}).
     *
     * @param text the decoded characters, trailing padding removed
     */
    record Text(String text) implements DidData {
        /** Checks the text is given. */
        public Text {
            Checks.notNull("text", text);
        }

        @Override
        public String display() {
            return text;
        }
    }

    /**
     * A number ({@link DidCodec#unsigned}, {@link DidCodec#signed}): {@code raw × scale + offset}.
     *
     * @param value the physical value
     * @param unit  its unit, empty for none
     * @param raw   the integer on the wire
     */
    record Numeric(double value, String unit, long raw) implements DidData {
        /** Checks the unit is given. */
        public Numeric {
            Checks.notNull("unit", unit);
        }

        /** The value without float noise ({@code 0.7}, not {@code 0.7000000000000001}). */
        public String valueText() {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return Double.toString(value);
            }
            BigDecimal d = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }

        @Override
        public String display() {
            return unit.isEmpty() ? valueText() : valueText() + " " + unit;
        }
    }

    /**
     * Bytes without further meaning ({@link DidCodec#raw}).
     *
     * @param bytes the value (copied in and out)
     */
    record Bytes(byte[] bytes) implements DidData {
        /** Copies the bytes. */
        public Bytes {
            bytes = Checks.copy("bytes", bytes);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String display() {
            return Hex.format(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + Hex.format(bytes) + "]";
        }
    }
}
