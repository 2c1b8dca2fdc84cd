package dev.obdio.obd;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * python-OBD's measurement decoders, with its arithmetic in its order so results are the same
 * doubles, and its int-versus-float results. Where python-OBD would raise (e.g. {@code d[0]} of an
 * empty payload) the value is empty.
 */
final class Measurements {
    private Measurements() {
    }

    static Optional<ObdValue> count(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        return d == null ? Optional.empty() : Optional.of(new Quantity(ByteSlices.toInt(d), "count"));
    }

    static Optional<ObdValue> percent(List<EcuMessage> m) {
        return firstByte(m, v -> Quantity.of(v * 100.0 / 255.0, "percent"));
    }

    static Optional<ObdValue> percentCentered(List<EcuMessage> m) {
        return firstByte(m, v -> Quantity.of((v - 128) * 100.0 / 128.0, "percent"));
    }

    static Optional<ObdValue> temp(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        return d == null ? Optional.empty()
                : Optional.of(new Quantity(ByteSlices.minus(ByteSlices.toInt(d), 40), "degree_Celsius"));
    }

    static Optional<ObdValue> currentCentered(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null) {
            return Optional.empty();
        }
        long v = ByteSlices.toInt(ByteSlices.slice(d, 2, 4)).longValue();
        return Optional.of(Quantity.of((v / 256.0) - 128, "milliampere"));
    }

    static Optional<ObdValue> sensorVoltage(List<EcuMessage> m) {
        return firstByte(m, v -> Quantity.of(v / 200.0, "volt"));
    }

    static Optional<ObdValue> sensorVoltageBig(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null) {
            return Optional.empty();
        }
        long v = ByteSlices.toInt(ByteSlices.slice(d, 2, 4)).longValue();
        return Optional.of(Quantity.of((v * 8.0) / 65535, "volt"));
    }

    static Optional<ObdValue> fuelPressure(List<EcuMessage> m) {
        return firstByte(m, v -> Quantity.of((long) v * 3, "kilopascal"));
    }

    static Optional<ObdValue> pressure(List<EcuMessage> m) {
        return firstByte(m, v -> Quantity.of((long) v, "kilopascal"));
    }

    static Optional<ObdValue> evapPressure(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null || d.length < 2) {
            return Optional.empty();
        }
        int a = ByteSlices.signedByte(d[0] & 0xFF);
        int b = ByteSlices.signedByte(d[1] & 0xFF);
        return Optional.of(Quantity.of(((a * 256.0) + b) / 4.0, "pascal"));
    }

    static Optional<ObdValue> absEvapPressure(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        return d == null ? Optional.empty()
                : Optional.of(Quantity.of(ByteSlices.toDouble(ByteSlices.toInt(d)) / 200.0, "kilopascal"));
    }

    static Optional<ObdValue> evapPressureAlt(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        return d == null ? Optional.empty()
                : Optional.of(new Quantity(ByteSlices.minus(ByteSlices.toInt(d), 32767), "pascal"));
    }

    static Optional<ObdValue> timingAdvance(List<EcuMessage> m) {
        return firstByte(m, v -> Quantity.of((v - 128) / 2.0, "degree"));
    }

    static Optional<ObdValue> injectTiming(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        return d == null ? Optional.empty()
                : Optional.of(Quantity.of(
                        ByteSlices.toDouble(ByteSlices.minus(ByteSlices.toInt(d), 26880)) / 128.0, "degree"));
    }

    static Optional<ObdValue> maxMaf(List<EcuMessage> m) {
        return firstByte(m, v -> Quantity.of((long) v * 10, "gps"));
    }

    static Optional<ObdValue> fuelRate(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        return d == null ? Optional.empty()
                : Optional.of(Quantity.of(ByteSlices.toDouble(ByteSlices.toInt(d)) * 0.05, "lph"));
    }

    static Optional<ObdValue> absoluteLoad(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        // python-OBD: "v *= 100.0 / 255.0", i.e. v * (100/255), not (v * 100) / 255.
        return d == null ? Optional.empty()
                : Optional.of(Quantity.of(ByteSlices.toDouble(ByteSlices.toInt(d)) * (100.0 / 255.0), "percent"));
    }

    static Optional<ObdValue> uas(int id, List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        return d == null ? Optional.empty() : UnitsAndScaling.decode(id, d);
    }

    /** What Python's {@code float()} accepts, after python-OBD lower-cased and dropped every 'v'. */
    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:e[+-]?\\d(?:_?\\d)*)?");
    private static final Pattern PY_SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)");

    static Optional<ObdValue> elmVoltage(List<EcuMessage> m) {
        if (m.isEmpty() || m.get(0).frames().isEmpty()) {
            return Optional.empty();
        }
        String v = m.get(0).frames().get(0).toLowerCase(Locale.ROOT).replace("v", "").strip();
        if (PY_FLOAT.matcher(v).matches()) {
            return Optional.of(Quantity.of(Double.parseDouble(v.replace("_", "")), "volt"));
        }
        if (PY_SPECIAL.matcher(v).matches()) {
            boolean negative = v.startsWith("-");
            double d = v.contains("nan") ? Double.NaN : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return Optional.of(Quantity.of(d, "volt"));
        }
        return Optional.empty();
    }

    private interface ByteFunction {
        Quantity apply(int unsignedByte);
    }

    private static Optional<ObdValue> firstByte(List<EcuMessage> m, ByteFunction f) {
        byte[] d = DecoderInput.payload(m);
        return d == null || d.length == 0 ? Optional.empty() : Optional.of(f.apply(d[0] & 0xFF));
    }
}
