package dev.obdio.sim;

import java.util.List;

/**
 * UDS RoutineControl (0x31) of one ECU, with three routines:
 * <ul>
 *   <li>0x0203 check programming preconditions (quick): status 0x00, or the failed conditions
 *       (0x01 vehicle moving, 0x02 engine running);</li>
 *   <li>0x0211 self test (slow, about 4.5 s): extended session, security level 1, engine running;
 *       answers 0x78 (response pending) at once and every 2 s, then the result; the ECU is busy
 *       meanwhile;</li>
 *   <li>0x0212 cooling fan test (runs until stopped, at most 10 s): start, stop (reports the
 *       run time in ms), results (running flag and run time).</li>
 * </ul>
 */
final class Routines {
    static final int CHECK_PRECONDITIONS = 0x0203;
    static final int SELF_TEST = 0x0211;
    static final int FAN_TEST = 0x0212;
    private static final int SID = 0x31;
    private static final int START = 0x01;
    private static final int STOP = 0x02;
    private static final int RESULTS = 0x03;
    private static final long SELF_TEST_NANOS = 4500 * UdsState.MS;
    private static final long PENDING_INTERVAL_NANOS = 2000 * UdsState.MS;
    private static final long FAN_MAX_NANOS = 10_000 * UdsState.MS;

    private final UdsState state;
    private long fanStarted = -1;
    private long fanRan = -1;
    private int selfTestVoltageMv = -1;

    Routines(UdsState state) {
        this.state = state;
    }

    /** Leaving the session stops what runs. */
    void stopAll(long now) {
        if (fanStarted >= 0) {
            fanRan = Math.min(now - fanStarted, FAN_MAX_NANOS);
            fanStarted = -1;
        }
    }

    private boolean fanRunning(long now) {
        return fanStarted >= 0 && now - fanStarted < FAN_MAX_NANOS;
    }

    Answer handle(byte[] req, long now, VehicleSnapshot values) {
        if (req.length < 4) {
            return Answer.negative(SID, Nrc.INCORRECT_LENGTH);
        }
        int sub = req[1] & 0x7F;
        boolean suppress = (req[1] & 0x80) != 0;
        int id = ((req[2] & 0xFF) << 8) | (req[3] & 0xFF);
        if (sub < START || sub > RESULTS) {
            return Answer.negative(SID, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
        }
        if (id != CHECK_PRECONDITIONS && id != SELF_TEST && id != FAN_TEST) {
            return Answer.negative(SID, Nrc.REQUEST_OUT_OF_RANGE);
        }
        if (id != CHECK_PRECONDITIONS && state.session() != DiagnosticSession.EXTENDED) {
            return Answer.negative(SID, Nrc.REQUEST_OUT_OF_RANGE);
        }
        if (req.length != 4) {
            return Answer.negative(SID, Nrc.INCORRECT_LENGTH);
        }
        ResponseBuilder out = new ResponseBuilder().u8(0x71).u8(req[1] & 0xFF).u16(id);
        Answer answer = switch (id) {
            case CHECK_PRECONDITIONS -> preconditions(sub, out, values);
            case SELF_TEST -> selfTest(sub, out, now, values);
            default -> fan(sub, out, now);
        };
        if (suppress && answer instanceof Answer.Positive) {
            return Answer.NONE;
        }
        return answer;
    }

    private Answer preconditions(int sub, ResponseBuilder out, VehicleSnapshot values) {
        if (sub == STOP) {
            return Answer.negative(SID, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
        }
        boolean moving = values.get(Signal.VEHICLE_SPEED) >= 1;
        boolean running = values.get(Signal.ENGINE_RUNNING) > 0;
        if (!moving && !running) {
            out.u8(0x00);
        } else {
            if (moving) {
                out.u8(0x01);
            }
            if (running) {
                out.u8(0x02);
            }
        }
        return Answer.positive(out);
    }

    private Answer selfTest(int sub, ResponseBuilder out, long now, VehicleSnapshot values) {
        if (sub == STOP) {
            return Answer.negative(SID, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
        }
        if (sub == RESULTS) {
            if (selfTestVoltageMv < 0) {
                return Answer.negative(SID, Nrc.REQUEST_SEQUENCE_ERROR);
            }
            return Answer.positive(out.u8(0x00).u16(selfTestVoltageMv));
        }
        if (!state.unlocked(1)) {
            return Answer.negative(SID, Nrc.SECURITY_ACCESS_DENIED);
        }
        if (values.get(Signal.ENGINE_RUNNING) == 0) {
            return Answer.negative(SID, Nrc.CONDITIONS_NOT_CORRECT);
        }
        selfTestVoltageMv = (int) Math.round(values.get(Signal.MODULE_VOLTAGE) * 1000);
        state.busyUntil(now + SELF_TEST_NANOS);
        byte[] pending = {0x7F, SID, (byte) Nrc.RESPONSE_PENDING};
        List<ScheduledResponse> schedule = new java.util.ArrayList<>();
        for (long t = 0; t < SELF_TEST_NANOS; t += PENDING_INTERVAL_NANOS) {
            schedule.add(new ScheduledResponse(t, pending));
        }
        // After a response-pending the final answer is sent even when suppression was asked for.
        out.u8(0x00).u16(selfTestVoltageMv);
        schedule.add(new ScheduledResponse(SELF_TEST_NANOS, out.toBytes()));
        return new Answer.Timed(schedule);
    }

    private Answer fan(int sub, ResponseBuilder out, long now) {
        boolean running = fanRunning(now);
        switch (sub) {
            case START -> {
                if (running) {
                    return Answer.negative(SID, Nrc.REQUEST_SEQUENCE_ERROR);
                }
                fanStarted = now;
                return Answer.positive(out.u8(0x00));
            }
            case STOP -> {
                if (!running) {
                    return Answer.negative(SID, Nrc.REQUEST_SEQUENCE_ERROR);
                }
                fanRan = now - fanStarted;
                fanStarted = -1;
                return Answer.positive(out.u16(millis(fanRan)));
            }
            default -> {
                if (fanStarted < 0 && fanRan < 0) {
                    return Answer.negative(SID, Nrc.REQUEST_SEQUENCE_ERROR);
                }
                long ran = running ? now - fanStarted : (fanStarted >= 0 ? FAN_MAX_NANOS : fanRan);
                return Answer.positive(out.u8(running ? 0x01 : 0x00).u16(millis(ran)));
            }
        }
    }

    private static int millis(long nanos) {
        return (int) Math.min(0xFFFF, nanos / UdsState.MS);
    }
}
