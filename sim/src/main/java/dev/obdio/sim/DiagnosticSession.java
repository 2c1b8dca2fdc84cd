package dev.obdio.sim;

/** The ISO 14229-1 diagnostic sessions a simulated ECU supports, with their sub-function values. */
public enum DiagnosticSession {
    /** 0x01: defaultSession, the state after power-on. */
    DEFAULT(0x01),
    /** 0x02: programmingSession. */
    PROGRAMMING(0x02),
    /** 0x03: extendedDiagnosticSession. */
    EXTENDED(0x03);

    private final int id;

    DiagnosticSession(int id) {
        this.id = id;
    }

    /** The session's sub-function byte of service 0x10. */
    public int id() {
        return id;
    }

    /** The session with this sub-function value, or {@code null}. */
    public static DiagnosticSession byId(int id) {
        for (DiagnosticSession s : values()) {
            if (s.id == id) {
                return s;
            }
        }
        return null;
    }
}
