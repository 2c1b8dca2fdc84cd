package dev.obdio.sim;

/** Where a UDS data identifier's value comes from. */
public enum DidSource {
    /** The DID's own stored value (from the file, changed by 0x2E writes). */
    STORED,
    /** The vehicle's VIN (17 ASCII characters). */
    VIN,
    /** The ECU's active diagnostic session (1 byte, as 0xF186). */
    ACTIVE_SESSION
}
