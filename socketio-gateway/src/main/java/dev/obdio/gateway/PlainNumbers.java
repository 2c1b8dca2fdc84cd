package dev.obdio.gateway;

import java.math.BigDecimal;

/** Numbers in messages as people write them: {@code 10}, not {@code 10.0}; {@code 0.5}. */
final class PlainNumbers {
    private PlainNumbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
