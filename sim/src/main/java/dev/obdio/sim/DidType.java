package dev.obdio.sim;

/** How a UDS data identifier's value is written in a vehicle file and encoded on the wire. */
public enum DidType {
    /** Text, space-padded to the DID's length. */
    ASCII,
    /** Raw bytes written as hex. */
    HEX,
    /** Unsigned big-endian integer of 1..4 bytes, with a writable range. */
    UINT
}
