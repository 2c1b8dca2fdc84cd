package dev.obdio.obd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.measure.IncommensurableException;
import javax.measure.MetricPrefix;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.unit.Units;

/**
 * Unit conversion for display (mph, °F, psi, ...) with JSR 385 (indriya). Units are named as pint
 * names them, the names on the wire: every unit a decoder produces ({@code kilometer_per_hour},
 * {@code degree_Celsius}, {@code kilopascal}, {@code gps}, {@code lph}, ...) and the usual targets
 * ({@code mile_per_hour}, {@code degree_Fahrenheit}, {@code pound_force_per_square_inch},
 * {@code mile}, {@code pound / minute}, {@code gallon / hour}, ...). Short aliases are accepted
 * ({@code mph}, {@code degF}, {@code °F}, {@code psi}, {@code km/h}); results carry the pint name.
 * Thread-safe.
 */
public final class ObdUnits {

    private record Named(String name, Unit<?> unit) {
    }

    private static final Map<String, Named> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, String> IMPERIAL = new LinkedHashMap<>();

    static {
        Unit<?> one = AbstractUnit.ONE;
        Unit<?> revolution = Units.RADIAN.multiply(2 * Math.PI);
        Unit<?> mile = Units.METRE.multiply(1609.344);
        Unit<?> inch = Units.METRE.multiply(0.0254);
        Unit<?> pound = Units.KILOGRAM.multiply(0.45359237);
        Unit<?> gallon = Units.LITRE.multiply(3.785411784);
        Unit<?> rankine = Units.KELVIN.multiply(5).divide(9);
        define("count", one);
        define("ratio", one);
        define("percent", one.divide(100), "%");
        define("ppm", one.divide(1_000_000));
        define("revolutions_per_minute", revolution.divide(Units.MINUTE), "rpm");
        define("revolutions_per_second", revolution.divide(Units.SECOND), "rps");
        define("kilometer_per_hour", Units.KILOMETRE_PER_HOUR, "kph", "km/h");
        define("mile_per_hour", mile.divide(Units.HOUR), "mph");
        define("meter_per_second", Units.METRE_PER_SECOND, "m/s");
        define("degree_Celsius", Units.CELSIUS, "celsius", "degC", "°C", "C");
        define("degree_Fahrenheit", rankine.shift(459.67), "fahrenheit", "degF", "°F", "F");
        define("kelvin", Units.KELVIN, "K");
        define("degree", Units.RADIAN.multiply(Math.PI).divide(180), "deg", "°");
        define("radian", Units.RADIAN, "rad");
        define("pascal", Units.PASCAL, "Pa");
        define("kilopascal", MetricPrefix.KILO(Units.PASCAL), "kPa");
        define("bar", Units.PASCAL.multiply(100_000));
        define("pound_force_per_square_inch", Units.PASCAL.multiply(6894.757293168361), "psi");
        define("inch_Hg", Units.PASCAL.multiply(3386.389), "inHg");
        define("inch_H2O_39F", Units.PASCAL.multiply(249.0889), "inH2O");
        define("volt", Units.VOLT, "V");
        define("millivolt", MetricPrefix.MILLI(Units.VOLT), "mV");
        define("ampere", Units.AMPERE, "A");
        define("milliampere", MetricPrefix.MILLI(Units.AMPERE), "mA");
        define("microampere", MetricPrefix.MICRO(Units.AMPERE), "uA", "µA");
        define("second", Units.SECOND, "s", "sec");
        define("millisecond", MetricPrefix.MILLI(Units.SECOND), "ms");
        define("microsecond", MetricPrefix.MICRO(Units.SECOND), "us", "µs");
        define("minute", Units.MINUTE, "min");
        define("hour", Units.HOUR, "h", "hr");
        define("ohm", Units.OHM, "Ω");
        define("milliohm", MetricPrefix.MILLI(Units.OHM));
        define("kiloohm", MetricPrefix.KILO(Units.OHM));
        define("hertz", Units.HERTZ, "Hz");
        define("millihertz", MetricPrefix.MILLI(Units.HERTZ), "mHz");
        define("kilohertz", MetricPrefix.KILO(Units.HERTZ), "kHz");
        define("meter", Units.METRE, "m", "metre");
        define("kilometer", MetricPrefix.KILO(Units.METRE), "km");
        define("mile", mile, "mi");
        define("millimeter", MetricPrefix.MILLI(Units.METRE), "mm");
        define("inch", inch, "in");
        define("millimeter ** 2", MetricPrefix.MILLI(Units.METRE).pow(2), "mm2", "mm^2");
        define("inch ** 2", inch.pow(2), "in2", "in^2");
        define("gram", Units.GRAM, "g");
        define("milligram", MetricPrefix.MILLI(Units.GRAM), "mg");
        define("kilogram", Units.KILOGRAM, "kg");
        define("pound", pound, "lb");
        define("gps", Units.GRAM.divide(Units.SECOND), "g/s", "grams_per_second");
        define("pound / minute", pound.divide(Units.MINUTE), "lb/min");
        define("kilogram / hour", Units.KILOGRAM.divide(Units.HOUR), "kg/h");
        define("pound / hour", pound.divide(Units.HOUR), "lb/h");
        define("liter", Units.LITRE, "l", "L", "litre");
        define("gallon", gallon, "gal");
        define("lph", Units.LITRE.divide(Units.HOUR), "L/h", "liters_per_hour");
        define("gallon / hour", gallon.divide(Units.HOUR), "gph", "gal/h");
        define("pascal / second", Units.PASCAL.divide(Units.SECOND), "Pa/s");
        define("millivolt / millisecond", MetricPrefix.MILLI(Units.VOLT).divide(MetricPrefix.MILLI(Units.SECOND)));
        define("millivolt / second", MetricPrefix.MILLI(Units.VOLT).divide(Units.SECOND), "mV/s");

        IMPERIAL.put("kilometer_per_hour", "mile_per_hour");
        IMPERIAL.put("degree_Celsius", "degree_Fahrenheit");
        IMPERIAL.put("kilopascal", "pound_force_per_square_inch");
        IMPERIAL.put("pascal", "inch_H2O_39F");
        IMPERIAL.put("kilometer", "mile");
        IMPERIAL.put("gps", "pound / minute");
        IMPERIAL.put("lph", "gallon / hour");
        IMPERIAL.put("liter", "gallon");
        IMPERIAL.put("kilogram / hour", "pound / hour");
        IMPERIAL.put("millimeter", "inch");
    }

    private ObdUnits() {
    }

    private static void define(String pintName, Unit<?> unit, String... aliases) {
        Named named = new Named(pintName, unit);
        BY_NAME.put(key(pintName), named);
        for (String alias : aliases) {
            BY_NAME.put(alias.length() <= 2 || alias.contains("°") ? alias : key(alias), named);
        }
    }

    /** Lookup key: case-insensitive except for very short symbols ("C", "F", "m", "mm"), whose case matters. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static Named find(String name) {
        Named n = BY_NAME.get(name.strip());
        if (n == null) {
            n = BY_NAME.get(key(name.strip()));
        }
        if (n == null) {
            throw new IllegalArgumentException("unknown unit '" + name + "'; known: " + names());
        }
        return n;
    }

    /** The pint names of every unit known here. */
    public static Set<String> names() {
        Set<String> out = new TreeSet<>();
        BY_NAME.values().forEach(n -> out.add(n.name()));
        return Collections.unmodifiableSet(out);
    }

    /** The pint name a unit name or alias stands for ({@code "mph"} → {@code "mile_per_hour"}). */
    public static Optional<String> canonicalName(String nameOrAlias) {
        try {
            return Optional.of(find(nameOrAlias).name());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The JSR 385 unit of a pint name or alias. */
    public static Optional<Unit<?>> unit(String nameOrAlias) {
        try {
            return Optional.of(find(nameOrAlias).unit());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code q} in {@code targetUnit}; the magnitude becomes a float, the unit the target's pint name.
     *
     * @throws IllegalArgumentException if a unit is unknown or the two measure different things
     */
    public static Quantity convert(Quantity q, String targetUnit) {
        Named from = find(q.unit());
        Named to = find(targetUnit);
        try {
            UnitConverter c = from.unit().getConverterToAny(to.unit());
            return Quantity.of(c.convert(q.doubleValue()), to.name());
        } catch (IncommensurableException | UnconvertibleException e) {
            throw new IllegalArgumentException("cannot convert " + from.name() + " to " + to.name(), e);
        }
    }

    /** The imperial/US unit people read instead of {@code pintName} (km/h → mph), if there is one. */
    public static Optional<String> imperialFor(String pintName) {
        return Optional.ofNullable(IMPERIAL.get(pintName));
    }

    /** {@code q} in its imperial/US unit, or {@code q} itself when it has none. */
    public static Quantity toImperial(Quantity q) {
        return imperialFor(q.unit()).map(u -> convert(q, u)).orElse(q);
    }

    /** {@code value} with every quantity in it converted to imperial/US units (others unchanged). */
    public static ObdValue toImperial(ObdValue value) {
        return value instanceof Quantity q ? toImperial(q) : value;
    }
}
