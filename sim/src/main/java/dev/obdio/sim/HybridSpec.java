package dev.obdio.sim;

/**
 * The electric part of a parallel hybrid: a motor between engine and gearbox and a traction battery.
 * The engine stops at standstill and at low demand, and the motor drives, recuperates and charges.
 *
 * @param batteryKwh    usable battery energy, 0.5..100 kWh
 * @param motorKw       motor power, 5..300 kW
 * @param evMaxKph      highest speed driven electrically, 0..130 km/h
 * @param initialSocPct state of charge at start, 20..95 %
 */
public record HybridSpec(double batteryKwh, double motorKw, double evMaxKph, double initialSocPct) {
    /** Validates ranges. */
    public HybridSpec {
        Checks.range("batteryKwh", batteryKwh, 0.5, 100);
        Checks.range("motorKw", motorKw, 5, 300);
        Checks.range("evMaxKph", evMaxKph, 0, 130);
        Checks.range("initialSocPct", initialSocPct, 20, 95);
    }
}
