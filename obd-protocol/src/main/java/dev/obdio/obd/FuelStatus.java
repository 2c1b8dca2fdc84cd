package dev.obdio.obd;

import java.util.Objects;

/**
 * Fuel system status of fuel systems 1 and 2 (PID 03), each a python-OBD {@code FUEL_STATUS}
 * text or {@code ""} when that system reports nothing valid. On the wire a two-string array.
 *
 * @param system1 status of fuel system 1, or {@code ""}
 * @param system2 status of fuel system 2, or {@code ""}
 */
public record FuelStatus(String system1, String system2) implements ObdValue {

    /** Validates. */
    public FuelStatus {
        Objects.requireNonNull(system1, "system1");
        Objects.requireNonNull(system2, "system2");
    }

    @Override
    public String pythonType() {
        return PythonTypes.TUPLE;
    }
}
