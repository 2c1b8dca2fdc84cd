package dev.obdio.cli;

import java.math.BigDecimal;
import java.time.Duration;
import picocli.CommandLine;

/** Reads milliseconds, with decimals as cangen takes them ({@code 200}, {@code 0.5}), into a Duration. */
final class MillisConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        BigDecimal ms;
        try {
            ms = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number of milliseconds");
        }
        if (ms.signum() < 0 || ms.compareTo(BigDecimal.valueOf(86_400_000L)) > 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be 0..86400000 milliseconds");
        }
        return Duration.ofNanos(ms.movePointRight(6).longValue());
    }
}
