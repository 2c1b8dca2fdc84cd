package dev.obdio.uds;

/**
 * Where a request goes: to the one server of the physical channel, or to every server through the
 * functional channel (0x7DF, 0x18DB33F1, …). Answers to both come on the physical channel: the
 * client hears the answer of its own server.
 */
public enum Addressing {
    /** The server of the physical channel. */
    PHYSICAL,
    /** Every server, single frames only; needs a client opened with a functional channel. */
    FUNCTIONAL
}
