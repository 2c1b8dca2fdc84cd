package dev.obdio.sim;

import java.util.EnumSet;
import java.util.Set;

/**
 * One UDS security access level (service 0x27): the seed sub-function is {@code level}, the key
 * sub-function {@code level + 1}. The key is {@link dev.obdio.uds.ObdioXorRotateAdd#key} of the seed with this
 * level's secret and rotation.
 *
 * @param level       odd level 1..0x41 (1 = extended diagnostics, 3 = programming, ...)
 * @param secret      32-bit per-vehicle secret
 * @param rotate      rotation 1..31 of the algorithm
 * @param sessions    sessions in which the level may be unlocked
 * @param maxAttempts wrong keys allowed before NRC 0x36 and the delay, 1..10
 * @param delayMs     lock-out after too many wrong keys, 0..600000 ms (NRC 0x37 until it expires)
 */
public record SecurityLevelSpec(int level, long secret, int rotate, Set<DiagnosticSession> sessions, int maxAttempts,
                                int delayMs) {

    /** Validates and copies. */
    public SecurityLevelSpec {
        if (level < 1 || level > 0x41 || level % 2 == 0) {
            throw new IllegalArgumentException("level: " + level + " must be odd, 1..0x41");
        }
        Checks.range("secret", secret, 0, 0xFFFF_FFFFL);
        Checks.range("rotate", rotate, 1, 31);
        Checks.notEmpty("sessions", sessions);
        sessions = Set.copyOf(EnumSet.copyOf(sessions));
        if (sessions.contains(DiagnosticSession.DEFAULT)) {
            throw new IllegalArgumentException("sessions: security access is not available in the default session");
        }
        Checks.range("maxAttempts", maxAttempts, 1, 10);
        Checks.range("delayMs", delayMs, 0, 600_000);
    }
}
