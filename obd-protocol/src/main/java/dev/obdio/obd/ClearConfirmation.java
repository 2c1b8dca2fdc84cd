package dev.obdio.obd;

/**
 * The caller's explicit consent to {@link ObdConnection#clearDtcs(ClearConfirmation)}. Mode 04
 * erases, in every ECU that accepts it: stored and pending DTCs, freeze frames, the readiness
 * monitors (the vehicle will not pass an inspection until they have run again), oxygen sensor and
 * on-board monitoring (mode 06) results, and the distance and time since the MIL came on. Most
 * ECUs accept it only with the ignition on and the engine off.
 */
public enum ClearConfirmation {
    /** I know what mode 04 erases and want it erased. */
    ERASE_DTCS_FREEZE_FRAMES_AND_READINESS
}
