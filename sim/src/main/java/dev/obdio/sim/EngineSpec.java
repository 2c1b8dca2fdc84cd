package dev.obdio.sim;

/**
 * The combustion engine of a simulated vehicle.
 *
 * @param fuel                 petrol or diesel
 * @param displacementL        swept volume, 0.5..10 L
 * @param cylinders            1..16
 * @param banks                cylinder banks, 1 or 2 (V engines have 2: two sets of O2 sensors and trims)
 * @param idleRpm              warm idle speed, 400..1500 rpm
 * @param redlineRpm           maximum engine speed, at least idle + 1000
 * @param maxTorqueNm          peak brake torque, 10..3000 Nm (also the reference torque of PID 63)
 * @param maxTorqueRpm         engine speed of peak torque, between idle and redline
 * @param volumetricEfficiency 0.5..1.1, used by the speed-density air mass model
 * @param maxBoostKpa          turbo boost above ambient at full load, 0 (naturally aspirated)..145 kPa (PID 0B tops out at 255 kPa absolute)
 * @param thermostatC          thermostat opening temperature, 70..105 °C (regulated coolant sits a few degrees above)
 */
public record EngineSpec(FuelType fuel, double displacementL, int cylinders, int banks, int idleRpm, int redlineRpm,
                         double maxTorqueNm, int maxTorqueRpm, double volumetricEfficiency, double maxBoostKpa,
                         double thermostatC) {

    /** Validates ranges and their relations. */
    public EngineSpec {
        Checks.notNull("fuel", fuel);
        Checks.range("displacementL", displacementL, 0.5, 10);
        Checks.range("cylinders", cylinders, 1, 16);
        Checks.range("banks", banks, 1, 2);
        if (cylinders % banks != 0) {
            throw new IllegalArgumentException("banks: " + cylinders + " cylinders do not split into " + banks + " banks");
        }
        Checks.range("idleRpm", idleRpm, 400, 1500);
        Checks.range("redlineRpm", redlineRpm, idleRpm + 1000, 12000);
        Checks.range("maxTorqueNm", maxTorqueNm, 10, 3000);
        Checks.range("maxTorqueRpm", maxTorqueRpm, idleRpm, redlineRpm);
        Checks.range("volumetricEfficiency", volumetricEfficiency, 0.5, 1.1);
        Checks.range("maxBoostKpa", maxBoostKpa, 0, 145);
        Checks.range("thermostatC", thermostatC, 70, 105);
    }
}
