package dev.obdio.obd;

/** Whether an ECU answers mode 01 requests that carry several PIDs, as learned from its answers. */
enum MultiPidSupport {
    /** Not tried yet: the next batch tries. */
    UNKNOWN,
    /** It answered every PID it supports from one request. */
    ACCEPTS,
    /** It answered only some, refused, or stayed silent where single requests work: ask one PID at a time. */
    REJECTS
}
