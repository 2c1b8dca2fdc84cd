package dev.obdio.sim;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The volatile diagnostic state of one ECU's UDS server: active session and its S3 timer, unlocked
 * security levels, communication control, DTC setting, and the busy and reboot windows. A reset or
 * a fall-back to the default session clears what ISO 14229-1 says it clears.
 */
final class UdsState {
    static final long MS = 1_000_000L;
    /** P2server_max, reported by 0x10. */
    static final int P2_MS = 50;
    /** P2*server_max, reported by 0x10 in 10 ms units. */
    static final int P2_STAR_MS = 5000;
    /** S3server: a non-default session without requests for this long falls back to default. */
    static final long S3_NANOS = 5000 * MS;

    private DiagnosticSession session = DiagnosticSession.DEFAULT;
    private long lastRequest;
    private final Set<Integer> unlocked = new HashSet<>();
    private int communicationControl;
    private int communicationType = 0x03;
    private boolean dtcSettingOn = true;
    private long busyUntil = Long.MIN_VALUE;
    private long rebootUntil = Long.MIN_VALUE;
    private java.util.function.LongConsumer onDefaultSession = now -> { };

    /** Called with the time whenever the server returns to the default session (routines stop, and so on). */
    void onDefaultSession(java.util.function.LongConsumer action) {
        this.onDefaultSession = action;
    }

    /** Applies the S3 timeout as of {@code now}: back to default, security locked. */
    void expire(long now) {
        if (session != DiagnosticSession.DEFAULT && now - lastRequest > S3_NANOS) {
            enter(DiagnosticSession.DEFAULT, lastRequest + S3_NANOS);
        }
    }

    /** A request arrived: restarts S3. */
    void touch(long now) {
        lastRequest = now;
    }

    DiagnosticSession session() {
        return session;
    }

    /**
     * Switches session. Any switch locks security (ISO 14229-1 §9.2: also re-entering a
     * non-default session); reaching default also restores communication and DTC setting.
     */
    void enter(DiagnosticSession next, long now) {
        unlocked.clear();
        session = next;
        if (next == DiagnosticSession.DEFAULT) {
            communicationControl = 0;
            communicationType = 0x03;
            dtcSettingOn = true;
            onDefaultSession.accept(now);
        }
    }

    /** ECU reset: default session, everything volatile restored, silent until {@code rebootUntil}. */
    void reset(long now, long rebootNanos) {
        enter(DiagnosticSession.DEFAULT, now);
        busyUntil = Long.MIN_VALUE;
        rebootUntil = now + rebootNanos;
    }

    boolean rebooting(long now) {
        return now < rebootUntil;
    }

    boolean busy(long now) {
        return now < busyUntil;
    }

    void busyUntil(long until) {
        busyUntil = until;
    }

    boolean unlocked(int level) {
        return level == 0 || unlocked.contains(level);
    }

    void unlock(int level) {
        unlocked.add(level);
    }

    Set<Integer> unlockedLevels() {
        return Collections.unmodifiableSet(new HashSet<>(unlocked));
    }

    int communicationControl() {
        return communicationControl;
    }

    int communicationType() {
        return communicationType;
    }

    void communication(int control, int type) {
        communicationControl = control;
        communicationType = type;
    }

    boolean dtcSettingOn() {
        return dtcSettingOn;
    }

    void dtcSetting(boolean on) {
        dtcSettingOn = on;
    }
}
