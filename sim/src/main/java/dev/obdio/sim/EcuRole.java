package dev.obdio.sim;

/** What a simulated ECU controls; it decides which PIDs, monitors and routines make sense for it. */
public enum EcuRole {
    /** Engine control module: most mode 01 PIDs, freeze frames, monitors, VIN. */
    ENGINE,
    /** Transmission control module: speed, gear, its own DTCs. */
    TRANSMISSION,
    /** Hybrid powertrain / battery control module: battery state, module voltage. */
    HYBRID
}
