package dev.obdio.obd;

import dev.obdio.isotp.IsoTpError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides when the answers to one request are all in. A pure state machine: every input carries
 * the time ({@link System#nanoTime()} scale, and the bus timestamp for frames), nothing here reads
 * a clock or blocks; {@link ObdTransport} feeds it and waits. Not thread-safe: the transport holds
 * a lock around it.
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
 *
 * <p>Late answers to an earlier request are dropped: those that do not match the request (see
 * {@link AnswerMatcher}), and, where the bus echoes our own frames, those whose first frame is
 * older on the bus than the echo of our request. Bus timestamps decide, not the order in which
 * this process happens to handle the frames, so an answer to the same PID that a busy machine
 * handled too late for the last window is not taken for the answer to this one. Answers that come
 * before the echo wait for it (at most {@code p2}; without an echo they count).
 */
final class ResponseWindow {
    /** "Response pending" messages from one ECU after which it is no longer waited for. */
    static final int MAX_RESPONSE_PENDING = 20;
    private static final int NRC_RESPONSE_PENDING = 0x78;
    private static final long NONE = Long.MIN_VALUE;

    /**
     * One final answer.
     *
     * @param ecu       the CAN id it came on
     * @param data      the PDU
     * @param startedAt when its first frame was handled (or the PDU, if the first frame was not seen)
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

    /** The first frame of one answer, until the answer has ended and been judged. */
    private static final class Start {
        final long busTime;
        final boolean multiFrame;
        final long seenAt;
        boolean ended;
        byte[] pdu;
        IsoTpError failure;

        Start(long busTime, boolean multiFrame, long seenAt) {
            this.busTime = busTime;
            this.multiFrame = multiFrame;
            this.seenAt = seenAt;
        }
    }

    /** What one ECU did in this window. */
    private static final class Progress {
        /** Answers whose first frame was seen, in order, until they ended and were judged. */
        final ArrayDeque<Start> starts = new ArrayDeque<>();
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
    private final boolean awaitEcho;
    private long sentAt;
    private long requestBusTime = NONE;
    private boolean echoGivenUp;
    private long lastStart = NONE;
    private int staleAnswers;

    /**
     * @param request   the request, to match answers against
     * @param sentAt    when it was sent (updated by {@link #sent})
     * @param p2        nanoseconds to wait for an answer to start
     * @param p2Star    nanoseconds to wait after "response pending"
     * @param stall     nanoseconds after its last frame that an unfinished multi-frame answer is given up
     * @param expected  the ECUs known to answer; empty when unknown (then only time closes the window)
     * @param awaitEcho the bus echoes our frames: answers older than {@link #onRequestEcho} are late ones
     */
    ResponseWindow(byte[] request, long sentAt, long p2, long p2Star, long stall, Set<Integer> expected,
                   boolean awaitEcho) {
        this.request = request.clone();
        this.sentAt = sentAt;
        this.p2 = p2;
        this.p2Star = p2Star;
        this.stall = stall;
        this.expected = Set.copyOf(expected);
        this.awaitEcho = awaitEcho;
    }

    /** The request's last frame went out at {@code now}. */
    void sent(long now) {
        sentAt = now;
    }

    private Progress progress(int ecu) {
        return ecus.computeIfAbsent(ecu, k -> new Progress());
    }

    private boolean echoKnown() {
        return !awaitEcho || echoGivenUp || requestBusTime != NONE;
    }

    /** Our request's own frame came back from the bus, with its bus timestamp. */
    void onRequestEcho(long busTime, long now) {
        if (requestBusTime == NONE) {
            requestBusTime = busTime;
            settle(now);
        }
    }

    /**
     * A frame came from {@code ecu}.
     *
     * @param startsPdu  whether it is a single or first frame (an answer starts)
     * @param multiFrame whether it is a first frame (consecutive frames follow)
     * @param busTime    its bus timestamp (same clock as the echo's)
     */
    void onFrame(int ecu, boolean startsPdu, boolean multiFrame, long busTime, long now) {
        Progress p = progress(ecu);
        p.lastActivity = now;
        if (startsPdu) {
            p.starts.add(new Start(busTime, multiFrame, now));
            if (!isLate(busTime)) {
                lastStart = now;
            }
        }
    }

    /** Whether an answer that started at {@code busTime} is known to be older than our request. */
    private boolean isLate(long busTime) {
        return awaitEcho && !echoGivenUp && requestBusTime != NONE && busTime < requestBusTime;
    }

    /** A whole PDU came from {@code ecu}. */
    void onPdu(int ecu, byte[] data, long now) {
        Progress p = progress(ecu);
        p.lastActivity = now;
        Start s = p.starts.peekFirst();
        if (s == null || s.ended) {
            accept(ecu, p, data, now, now); // its first frame was not seen (another listener ran first)
            return;
        }
        s.ended = true;
        s.pdu = data.clone();
        settle(now);
    }

    /** An answer from {@code ecu} was lost (ISO-TP reception aborted). */
    void onFailure(int ecu, IsoTpError error, long now) {
        Progress p = progress(ecu);
        p.lastActivity = now;
        Start s = p.starts.peekFirst();
        if (s == null || s.ended) {
            failures.add(new Failure(ecu, error));
            return;
        }
        s.ended = true;
        s.failure = error;
        settle(now);
    }

    /** Judges the answers that have ended, in order per ECU, once the echo tells which are late. */
    private void settle(long now) {
        if (!echoKnown()) {
            return;
        }
        for (Map.Entry<Integer, Progress> e : ecus.entrySet()) {
            Progress p = e.getValue();
            while (!p.starts.isEmpty() && p.starts.peekFirst().ended) {
                Start s = p.starts.pollFirst();
                if (isLate(s.busTime)) {
                    staleAnswers += s.pdu != null ? 1 : 0;
                } else if (s.pdu != null) {
                    accept(e.getKey(), p, s.pdu, s.seenAt, now);
                } else {
                    failures.add(new Failure(e.getKey(), s.failure));
                }
            }
        }
    }

    private void accept(int ecu, Progress p, byte[] data, long startedAt, long now) {
        if (!AnswerMatcher.belongs(request, data)) {
            staleAnswers++;
            return;
        }
        if (startedAt == now) {
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

    /**
     * Whether the window is closed at {@code now}. Also gives up waiting for the echo of our
     * request {@code p2} after it was sent (a bus that does not echo): answers then count as ours.
     */
    boolean isComplete(long now) {
        if (!echoKnown() && now - (sentAt + p2) >= 0) {
            echoGivenUp = true;
            settle(now);
        }
        for (Progress p : ecus.values()) {
            for (Start s : p.starts) {
                if (s.ended && !echoKnown()) {
                    return false; // an answer waits for the echo to be judged
                }
                if (!s.ended && s.multiFrame && now - p.lastActivity < stall) {
                    return false; // a multi-frame answer is on its way
                }
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
            for (Start s : p.starts) {
                if (!s.ended && s.multiFrame) {
                    next = later(next, p.lastActivity + stall);
                }
            }
            if (p.pendingUntil != NONE) {
                next = later(next, p.pendingUntil);
            }
        }
        if (!echoKnown() && sentAt + p2 - next < 0) {
            next = sentAt + p2; // time to stop waiting for the echo
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
