package dev.obdio.sim;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The vehicle's sensor values at one moment: what its ECUs report now (mode 01) or reported when
 * a fault was detected (a freeze frame). Immutable.
 */
public final class VehicleSnapshot {
    private static final Signal[] SIGNALS = Signal.values();
    private final long modelNanos;
    private final double[] values;

    VehicleSnapshot(long modelNanos, double[] values) {
        if (values.length != SIGNALS.length) {
            throw new IllegalArgumentException("expected " + SIGNALS.length + " values, got " + values.length);
        }
        this.modelNanos = modelNanos;
        this.values = values.clone();
    }

    /** A snapshot holding exactly these values; signals not given are 0. */
    public static VehicleSnapshot of(long modelNanos, Map<Signal, Double> values) {
        double[] v = new double[SIGNALS.length];
        values.forEach((s, x) -> v[s.ordinal()] = x);
        return new VehicleSnapshot(modelNanos, v);
    }

    /** Time since the vehicle model started, in nanoseconds. */
    public long modelNanos() {
        return modelNanos;
    }

    /** The value of a signal in its unit ({@link Signal#unit()}). */
    public double get(Signal signal) {
        return values[signal.ordinal()];
    }

    /** Every value, by signal. */
    public Map<Signal, Double> toMap() {
        Map<Signal, Double> m = new EnumMap<>(Signal.class);
        for (Signal s : SIGNALS) {
            m.put(s, values[s.ordinal()]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VehicleSnapshot other && other.modelNanos == modelNanos
                && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(modelNanos) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return String.format("t=%.2fs rpm=%.0f speed=%.1f gear=%.0f coolant=%.1f load=%.1f maf=%.2f",
                modelNanos / 1e9, get(Signal.ENGINE_RPM), get(Signal.VEHICLE_SPEED), get(Signal.GEAR),
                get(Signal.COOLANT_TEMP), get(Signal.ENGINE_LOAD), get(Signal.MAF));
    }
}
