package dev.obdio.sim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body and chassis of a simulated vehicle: what the engine pushes and how big its wheels are.
 *
 * @param massKg            kerb mass with driver, 300..5000 kg
 * @param dragCoefficient   Cd, 0.15..1
 * @param frontalAreaM2     frontal area, 1..10 m²
 * @param rollingResistance rolling resistance coefficient, 0.005..0.03
 * @param tyre              ISO tyre size {@code width/aspectRrim}, e.g. {@code 205/55R16}
 * @param fuelTankL         fuel tank capacity, 10..200 L
 */
public record BodySpec(double massKg, double dragCoefficient, double frontalAreaM2, double rollingResistance,
                       String tyre, double fuelTankL) {
    private static final Pattern TYRE = Pattern.compile("(\\d{3})/(\\d{2})Z?R(\\d{2}(?:\\.\\d)?)");

    /** Validates ranges and the tyre size. */
    public BodySpec {
        Checks.range("massKg", massKg, 300, 5000);
        Checks.range("dragCoefficient", dragCoefficient, 0.15, 1);
        Checks.range("frontalAreaM2", frontalAreaM2, 1, 10);
        Checks.range("rollingResistance", rollingResistance, 0.005, 0.03);
        Checks.notNull("tyre", tyre);
        tyreRadius(tyre);
        Checks.range("fuelTankL", fuelTankL, 10, 200);
    }

    /** The rolling radius of the tyre in metres. */
    public double wheelRadiusM() {
        return tyreRadius(tyre);
    }

    private static double tyreRadius(String tyre) {
        Matcher m = TYRE.matcher(tyre);
        if (!m.matches()) {
            throw new IllegalArgumentException("tyre: \"" + tyre + "\" is not a tyre size like 205/55R16");
        }
        double widthMm = Integer.parseInt(m.group(1));
        double aspect = Integer.parseInt(m.group(2)) / 100.0;
        double rimMm = Double.parseDouble(m.group(3)) * 25.4;
        if (widthMm < 125 || widthMm > 395 || aspect < 0.25 || aspect > 0.85 || rimMm < 10 * 25.4 || rimMm > 24 * 25.4) {
            throw new IllegalArgumentException("tyre: \"" + tyre + "\" is outside car tyre sizes (125..395/25..85R10..24)");
        }
        // Rolling radius is about 97 % of the unloaded radius.
        return 0.97 * (rimMm / 2 + widthMm * aspect) / 1000.0;
    }
}
