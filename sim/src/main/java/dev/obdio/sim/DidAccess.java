package dev.obdio.sim;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may read or write a data identifier.
 *
 * @param sessions      sessions in which the access is allowed
 * @param securityLevel security level that must be unlocked (1, 3, ...), or 0 for none
 */
public record DidAccess(Set<DiagnosticSession> sessions, int securityLevel) {
    /** Every session, no security. */
    public static final DidAccess OPEN = new DidAccess(EnumSet.allOf(DiagnosticSession.class), 0);

    /** Validates and copies. */
    public DidAccess {
        Checks.notEmpty("sessions", sessions);
        sessions = Set.copyOf(EnumSet.copyOf(sessions));
        if (securityLevel != 0 && (securityLevel % 2 == 0 || securityLevel < 1 || securityLevel > 0x41)) {
            throw new IllegalArgumentException("securityLevel: " + securityLevel + " must be 0 or an odd level 1..0x41");
        }
    }
}
