package dev.obdio.sim;

/**
 * Full-load brake torque and friction torque of an engine as functions of speed. Petrol engines get
 * a peaked curve, diesels a plateau from their peak-torque speed onwards, as turbo-diesels have.
 */
final class TorqueCurve {
    private final EngineSpec engine;

    TorqueCurve(EngineSpec engine) {
        this.engine = engine;
    }

    /** Full-load brake torque at {@code rpm}, Nm. */
    double max(double rpm) {
        double idle = engine.idleRpm();
        double peak = engine.maxTorqueRpm();
        double red = engine.redlineRpm();
        double r = Math.max(idle, Math.min(red, rpm));
        double f;
        if (engine.fuel() == FuelType.DIESEL) {
            double plateauEnd = Math.min(red - 500, peak + 1000);
            if (r <= peak) {
                double x = (peak - r) / Math.max(1, peak - idle);
                f = 1 - 0.45 * x * x;
            } else if (r <= plateauEnd) {
                f = 1;
            } else {
                double x = (r - plateauEnd) / Math.max(1, red - plateauEnd);
                f = 1 - 0.3 * x * x;
            }
        } else {
            if (r <= peak) {
                double x = (peak - r) / Math.max(1, peak - idle);
                f = 1 - 0.35 * x * x;
            } else {
                double x = (r - peak) / Math.max(1, red - peak);
                f = 1 - 0.2 * x * x;
            }
        }
        return engine.maxTorqueNm() * f;
    }

    /**
     * Friction and pumping torque at {@code rpm}, Nm, from a friction mean effective pressure that
     * grows with speed (Chen-Flynn form): FMEP = 0.97 + 0.15 N + 0.05 N² bar, N in 1000 rpm.
     */
    double friction(double rpm) {
        double n = Math.max(0, rpm) / 1000.0;
        double fmepPa = (0.97 + 0.15 * n + 0.05 * n * n) * 1e5;
        double vdM3 = engine.displacementL() / 1000.0;
        return fmepPa * vdM3 / (4 * Math.PI);
    }
}
