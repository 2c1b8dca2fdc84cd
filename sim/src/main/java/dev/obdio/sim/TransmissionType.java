package dev.obdio.sim;

/** How the simulated gearbox couples the engine to the wheels. */
public enum TransmissionType {
    /** Manual gearbox: the clutch slips when pulling away, opens during shifts and when stopped (neutral). */
    MANUAL,
    /** Torque-converter automatic: converter slip below lock-up, always in gear while driving. */
    AUTOMATIC,
    /** Dual-clutch: clutch slip when pulling away, very short shifts. */
    DUAL_CLUTCH
}
