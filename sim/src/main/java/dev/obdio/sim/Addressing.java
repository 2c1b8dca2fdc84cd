package dev.obdio.sim;

/**
 * How a diagnostic request reached an ECU. It decides what an ECU does with a request it cannot
 * serve: a physical request gets a negative response, a functional (broadcast) request to an ECU
 * that does not support it gets silence, as real ECUs behave (ISO 15765-4, ISO 14229-1 §7.5).
 */
public enum Addressing {
    /** Sent to this ECU's own request identifier (0x7E0, 0x18DA10F1, ...). */
    PHYSICAL,
    /** Broadcast to every emission-related ECU (0x7DF, 0x18DB33F1). */
    FUNCTIONAL
}
