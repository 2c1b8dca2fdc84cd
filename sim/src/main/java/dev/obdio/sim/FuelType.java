package dev.obdio.sim;

/** The fuel a simulated engine burns; it decides the combustion model and the readiness monitors. */
public enum FuelType {
    /** Spark ignition, stoichiometric, narrow-band O2 sensors, throttled. */
    PETROL(14.7, 0.745, 43.4),
    /** Compression ignition, lean, turbocharged, unthrottled. */
    DIESEL(14.5, 0.832, 42.8);

    private final double stoichiometricAfr;
    private final double densityKgPerL;
    private final double heatingValueKjPerG;

    FuelType(double stoichiometricAfr, double densityKgPerL, double heatingValueKjPerG) {
        this.stoichiometricAfr = stoichiometricAfr;
        this.densityKgPerL = densityKgPerL;
        this.heatingValueKjPerG = heatingValueKjPerG;
    }

    /** Stoichiometric air-fuel mass ratio. */
    public double stoichiometricAfr() {
        return stoichiometricAfr;
    }

    /** Fuel density in kg/L. */
    public double densityKgPerL() {
        return densityKgPerL;
    }

    /** Lower heating value in kJ/g. */
    public double heatingValueKjPerG() {
        return heatingValueKjPerG;
    }
}
