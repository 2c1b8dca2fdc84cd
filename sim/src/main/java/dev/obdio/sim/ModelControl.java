package dev.obdio.sim;

/** A vehicle model parameter a writable data identifier adjusts. */
public enum ModelControl {
    /** Nothing: the DID only stores its value. */
    NONE,
    /** The warm idle speed target in rpm (a UINT DID). */
    IDLE_RPM
}
