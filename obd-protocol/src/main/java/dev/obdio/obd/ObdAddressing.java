package dev.obdio.obd;

/** Which CAN identifiers OBD uses on the bus (ISO 15765-4). */
public enum ObdAddressing {
    /** Try 11-bit first (functional request {@code 0100} on 0x7DF), then 29-bit (0x18DB33F1). */
    AUTO,
    /** 11-bit: requests on 0x7DF (functional) or 0x7E0–0x7E7, answers on 0x7E8–0x7EF. */
    CAN_11_BIT,
    /** 29-bit: requests on 0x18DB33F1 (functional) or 0x18DA&lt;ECU&gt;F1, answers on 0x18DAF1&lt;ECU&gt;. */
    CAN_29_BIT
}
