package dev.obdio.sim;

import java.util.List;

/**
 * The gearbox of a simulated vehicle.
 *
 * @param type         manual, automatic (torque converter) or dual-clutch
 * @param gearRatios   forward gear ratios, first gear first, strictly decreasing, 1..10 gears, each 0.3..7
 * @param finalDrive   final drive (differential) ratio, 1.5..6
 * @param upshiftRpm   engine speed at which a gentle driver or the controller shifts up; rises with pedal
 * @param downshiftRpm engine speed below which it shifts down; after an upshift the engine must stay above it
 */
public record TransmissionSpec(TransmissionType type, List<Double> gearRatios, double finalDrive, int upshiftRpm,
                               int downshiftRpm) {

    /** Validates ranges and ordering. */
    public TransmissionSpec {
        Checks.notNull("type", type);
        Checks.notEmpty("gearRatios", gearRatios);
        gearRatios = List.copyOf(gearRatios);
        if (gearRatios.size() > 10) {
            throw new IllegalArgumentException("gearRatios: at most 10 gears, got " + gearRatios.size());
        }
        for (int i = 0; i < gearRatios.size(); i++) {
            Checks.range("gearRatios[" + i + "]", gearRatios.get(i), 0.3, 7);
            if (i > 0 && gearRatios.get(i) >= gearRatios.get(i - 1)) {
                throw new IllegalArgumentException("gearRatios: must decrease, gear " + (i + 1) + " ("
                        + gearRatios.get(i) + ") is not below gear " + i + " (" + gearRatios.get(i - 1) + ")");
            }
        }
        Checks.range("finalDrive", finalDrive, 1.5, 6);
        Checks.range("downshiftRpm", downshiftRpm, 500, 8000);
        Checks.range("upshiftRpm", upshiftRpm, downshiftRpm + 200, 10000);
        for (int i = 1; i < gearRatios.size(); i++) {
            double after = upshiftRpm * gearRatios.get(i) / gearRatios.get(i - 1);
            if (after <= downshiftRpm) {
                throw new IllegalArgumentException(String.format(
                        "downshiftRpm: an upshift from gear %d at %d rpm lands at %.0f rpm, not above downshiftRpm %d"
                                + " (the gearbox would hunt)", i, upshiftRpm, after, downshiftRpm));
            }
        }
    }

    /** Number of forward gears. */
    public int gears() {
        return gearRatios.size();
    }

    /** Ratio of gear {@code gear} (1-based). */
    public double ratio(int gear) {
        return gearRatios.get(gear - 1);
    }
}
