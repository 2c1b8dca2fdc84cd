package dev.obdio.obd;

import dev.obdio.isotp.IsoTpError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides when the answers to one request are all in. A pure state machine: every input carries
 * the time ({@link System#nanoTime()} scale), nothing here reads a clock or blocks;
 * {@link ObdTransport} feeds it and waits. Not thread-safe: the transport holds a lock around it.
 *
 * <p>The window closes:
 * <ul>
 *   <li>as soon as every expected ECU (those known to answer this request) has given its final
 *       answer, and no other ECU is in the middle of a multi-frame answer;</li>
 *   <li>otherwise {@code p2} after the request went out or after the last answer started,
 *       whichever is later;</li>
 *   <li>never while an ECU is in the middle of a multi-frame answer (ISO-TP's N_Cr ends a stalled
 *       one; {@code stall} after its last frame is a backstop), nor while an ECU that sent
 *       "response pending" (NRC 0x78) is within {@code p2Star} of its last such message. After
 *       {@value #MAX_RESPONSE_PENDING} of them from one ECU it is no longer waited for.</li>
 * </ul>
 * Answers that do not belong to the request (late answers to an earlier one, see
 * {@link AnswerMatcher}) are dropped.
 */
final class ResponseWindow {
    /** "Response pending" messages from one ECU after which it is no longer waited for. */
    static final int MAX_RESPONSE_PENDING = 20;
    private static final int NRC_RESPONSE_PENDING = 0x78;
    /** Longest PDU a classic CAN single frame carries: longer answers came as first + consecutive frames. */
    private static final int MAX_SINGLE_FRAME = 7;
    private static final long NONE = Long.MIN_VALUE;

    /**
     * One final answer.
     *
     * @param ecu       the CAN id it came on
     * @param data      the PDU
     * @param startedAt when its first frame arrived (or the PDU, if the first frame was not seen)
     */
    record Answer(int ecu, byte[] data, long startedAt) {
    }

    /**
     * An answer lost on the way in.
     *
     * @param ecu   the CAN id it came on
     * @param error what ISO-TP reported
     */
    record Failure(int ecu, IsoTpError error) {
    }

    /** What one ECU did in this window. */
    private static final class Progress {
        /** Multi-frame answers started (first frames seen). */
        int starts;
        /** Multi-frame answers ended (received whole, or lost). */
        int ends;
        long lastStart = NONE;
        long lastActivity;
        long pendingUntil = NONE;
        int pendingCount;
        boolean finished;
    }

    private final byte[] request;
    private final long p2;
    private final long p2Star;
    private final long stall;
    private final Set<Integer> expected;
    private final Map<Integer, Progress> ecus = new LinkedHashMap<>();
    private final List<Answer> answers = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private long sentAt;
    private long lastStart = NONE;
    private int staleAnswers;

    /**
     * @param request  the request, to match answers against
     * @param sentAt   when it was sent (updated by {@link #sent})
     * @param p2       nanoseconds to wait for an answer to start
     * @param p2Star   nanoseconds to wait after "response pending"
     * @param stall    nanoseconds after its last frame that an unfinished multi-frame answer is given up
     * @param expected the ECUs known to answer; empty when unknown (then only time closes the window)
     */
    ResponseWindow(byte[] request, long sentAt, long p2, long p2Star, long stall, Set<Integer> expected) {
        this.request = request.clone();
        this.sentAt = sentAt;
        this.p2 = p2;
        this.p2Star = p2Star;
        this.stall = stall;
        this.expected = Set.copyOf(expected);
    }

    /** The request's last frame went out at {@code now}. */
    void sent(long now) {
        sentAt = now;
    }

    private Progress progress(int ecu) {
        return ecus.computeIfAbsent(ecu, k -> new Progress());
    }

    /**
     * A frame came from {@code ecu}.
     *
     * @param startsPdu whether it is a single or first frame (an answer starts)
     * @param multiFrame whether it is a first frame (consecutive frames follow)
     */
    void onFrame(int ecu, boolean startsPdu, boolean multiFrame, long now) {
        Progress p = progress(ecu);
        p.lastActivity = now;
        if (startsPdu) {
            lastStart = now;
            p.lastStart = now;
            if (multiFrame) {
                p.starts++;
            }
        }
    }

    /** A whole PDU came from {@code ecu}. */
    void onPdu(int ecu, byte[] data, long now) {
        Progress p = progress(ecu);
        p.lastActivity = now;
        if (data.length > MAX_SINGLE_FRAME) {
            // Capped: the end of a transfer that started before this window has no start here.
            p.ends = Math.min(p.ends + 1, p.starts);
        }
        long startedAt = p.lastStart != NONE ? p.lastStart : now; // NONE: another listener saw the frame first
        boolean startSeen = p.lastStart != NONE;
        p.lastStart = NONE;
        if (!AnswerMatcher.belongs(request, data)) {
            staleAnswers++;
            return;
        }
        if (!startSeen) {
            lastStart = lastStart == NONE ? now : later(lastStart, now);
        }
        if (data.length >= 3 && (data[0] & 0xFF) == 0x7F && (data[2] & 0xFF) == NRC_RESPONSE_PENDING) {
            p.pendingCount++;
            p.pendingUntil = p.pendingCount > MAX_RESPONSE_PENDING ? NONE : now + p2Star;
            return;
        }
        p.pendingUntil = NONE;
        p.finished = true;
        answers.add(new Answer(ecu, data.clone(), startedAt));
    }

    /** An answer from {@code ecu} was lost (ISO-TP reception aborted). */
    void onFailure(int ecu, IsoTpError error, long now) {
        Progress p = progress(ecu);
        p.lastActivity = now;
        p.ends = Math.min(p.ends + 1, p.starts);
        failures.add(new Failure(ecu, error));
    }

    /** Whether the window is closed at {@code now}. */
    boolean isComplete(long now) {
        for (Progress p : ecus.values()) {
            if (p.starts > p.ends && now - p.lastActivity < stall) {
                return false; // a multi-frame answer is on its way
            }
            if (p.pendingUntil != NONE && now - p.pendingUntil < 0) {
                return false; // "response pending"
            }
        }
        if (!expected.isEmpty() && expected.stream().allMatch(this::finished)) {
            return true;
        }
        return now - deadline() >= 0;
    }

    /** When to look again if nothing arrives (meaningful while not complete). */
    long nextCheck(long now) {
        long next = deadline();
        for (Progress p : ecus.values()) {
            if (p.starts > p.ends) {
                next = later(next, p.lastActivity + stall);
            }
            if (p.pendingUntil != NONE) {
                next = later(next, p.pendingUntil);
            }
        }
        return next - now > 0 ? next : now;
    }

    private static long later(long a, long b) {
        return b - a > 0 ? b : a;
    }

    private long deadline() {
        long from = lastStart != NONE && lastStart - sentAt > 0 ? lastStart : sentAt;
        return from + p2;
    }

    private boolean finished(int ecu) {
        Progress p = ecus.get(ecu);
        return p != null && p.finished;
    }

    /** The final answers, in arrival order. */
    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** The answers lost on the way in. */
    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Answers dropped because they belonged to an earlier request. */
    int staleAnswers() {
        return staleAnswers;
    }
}
