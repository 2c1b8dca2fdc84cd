package dev.obdio.obd;

import java.util.Objects;

/**
 * One readiness monitor of a {@link Status}: python-OBD's {@code StatusTest}. A monitor the
 * engine's ignition type does not report is python-OBD's null test: name {@code ""}, not
 * available, not complete.
 *
 * @param name      the monitor name, e.g. {@code CATALYST_MONITORING}, or {@code ""} for the null test
 * @param available whether the vehicle has this monitor
 * @param complete  whether the monitor has completed since the DTCs were cleared
 */
public record StatusTest(String name, boolean available, boolean complete) {

    /** python-OBD's placeholder for a monitor not reported by this ignition type. */
    public static final StatusTest NULL = new StatusTest("", false, false);

    /** Validates. */
    public StatusTest {
        Objects.requireNonNull(name, "name");
    }
}
