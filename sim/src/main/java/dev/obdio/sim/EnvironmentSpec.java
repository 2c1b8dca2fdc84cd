package dev.obdio.sim;

/**
 * The weather around the simulated vehicle.
 *
 * @param ambientC ambient air temperature, -40..60 °C
 * @param baroKpa  barometric pressure, 50..110 kPa (about 101 at sea level)
 */
public record EnvironmentSpec(double ambientC, double baroKpa) {
    /** 20 °C at sea level. */
    public static final EnvironmentSpec DEFAULTS = new EnvironmentSpec(20, 101);

    /** Validates ranges. */
    public EnvironmentSpec {
        Checks.range("ambientC", ambientC, -40, 60);
        Checks.range("baroKpa", baroKpa, 50, 110);
    }
}
