package dev.obdio.obd;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}, which {@code json.dumps} writes: the shortest digits that read back
 * as the same double, positional between 1e-4 and 1e16 ({@code 55.0}, {@code 0.0001},
 * {@code 4062.5}), otherwise exponential with a signed, at least two-digit exponent ({@code 1e-05},
 * {@code 1.5e+16}). Java's {@code Double.toString} differs ({@code 1.0E-5}, and before Java 19 not
 * always the shortest digits), so the wire format is computed here.
 */
final class PythonFloat {
    private PythonFloat() {
    }

    /** {@code repr(d)} as Python 3 prints it; NaN and infinities as {@code json.dumps} writes them. */
    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(d).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int sciExp = digits.length() - 1 - shortest.scale();
        StringBuilder out = new StringBuilder(24);
        if (d < 0) {
            out.append('-');
        }
        if (sciExp >= -4 && sciExp < 16) {
            int point = sciExp + 1;
            if (point <= 0) {
                out.append("0.").append("0".repeat(-point)).append(digits);
            } else if (point >= digits.length()) {
                out.append(digits).append("0".repeat(point - digits.length())).append(".0");
            } else {
                out.append(digits, 0, point).append('.').append(digits, point, digits.length());
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(sciExp < 0 ? '-' : '+');
            int e = Math.abs(sciExp);
            if (e < 10) {
                out.append('0');
            }
            out.append(e);
        }
        return out.toString();
    }

    /**
     * The decimal with the fewest significant digits that parses back to {@code d}, nearest to it.
     * Java's own string has at most one digit too many, so the search starts there; a precision
     * that round-trips stays round-tripping with more digits, so it stops at the first failure.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        BigDecimal java = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int p = java.precision();
        BigDecimal best = nearestRoundTripping(exact, p, d);
        while (p > 1) {
            BigDecimal shorter = nearestRoundTripping(exact, p - 1, d);
            if (shorter == null) {
                break;
            }
            best = shorter;
            p--;
        }
        return best != null ? best : java;
    }

    /** Of the {@code p}-digit decimals next to {@code exact}, the nearest that parses back to {@code d}. */
    private static BigDecimal nearestRoundTripping(BigDecimal exact, int p, double d) {
        BigDecimal best = null;
        for (RoundingMode mode : MODES) {
            BigDecimal r = exact.round(new MathContext(p, mode));
            if (Double.parseDouble(r.toString()) == d
                    && (best == null || r.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                best = r;
            }
        }
        return best;
    }

    private static final RoundingMode[] MODES = {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING};
}
