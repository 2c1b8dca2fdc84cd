package dev.obdio.sim;

/** What a simulated ECU controls; it decides which PIDs, monitors and routines make sense for it. */
public enum EcuRole {
    /** Engine control module: most mode 01 PIDs, freeze frames, monitors, VIN. */
    ENGINE,
    /** Transmission control module: speed, gear, its own DTCs. */
    TRANSMISSION,
    /** Hybrid powertrain control module: traction battery state, module voltage (hybrid vehicles only). */
    HYBRID,
    /**
     * 12 V battery management (the intelligent battery sensor of a start-stop car): module
     * voltage, ambient temperature, its own DTCs and DIDs; components monitoring only.
     */
    BATTERY
}
