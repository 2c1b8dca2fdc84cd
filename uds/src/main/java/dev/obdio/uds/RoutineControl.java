package dev.obdio.uds;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RoutineControl (0x31): starts or stops a routine, or asks its results. Long routines typically
 * answer with response-pending (NRC 0x78) until they finish.
 */
public final class RoutineControl {
    /** 0x01 startRoutine. */
    public static final int START = 0x01;
    /** 0x02 stopRoutine. */
    public static final int STOP = 0x02;
    /** 0x03 requestRoutineResults. */
    public static final int RESULTS = 0x03;

    private static final Map<String, Integer> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("start", START);
        WORDS.put("stop", STOP);
        WORDS.put("result", RESULTS);
        WORDS.put("results", RESULTS);
    }

    private RoutineControl() {
    }

    /** A control type from {@code start}, {@code stop}, {@code result} or a number. */
    public static int parseType(String text) {
        int type = SubFunctions.parse("routine control type", text, WORDS);
        return Checks.range("routine control type", type, START, RESULTS);
    }

    /** The ISO name of a control type. */
    public static String nameOf(int type) {
        return switch (type) {
            case START -> "startRoutine";
            case STOP -> "stopRoutine";
            case RESULTS -> "requestRoutineResults";
            default -> "ISOSAEReserved";
        };
    }

    /**
     * {@code 31 type RID(2) [optionRecord]}.
     *
     * @param controlType              START, STOP or RESULTS
     * @param routineId                the routine identifier
     * @param optionRecord             data for the routine (copied in and out)
     * @param suppressPositiveResponse set bit 7
     */
    public record Request(int controlType, int routineId, byte[] optionRecord, boolean suppressPositiveResponse)
            implements UdsRequest<Response> {
        /** Validates and copies. */
        public Request {
            Checks.range("controlType", controlType, START, RESULTS);
            Checks.did("routineId", routineId);
            optionRecord = Checks.copy("optionRecord", optionRecord);
        }

        /** A request that wants the positive response. */
        public Request(int controlType, int routineId, byte[] optionRecord) {
            this(controlType, routineId, optionRecord, false);
        }

        @Override
        public byte[] optionRecord() {
            return optionRecord.clone();
        }

        @Override
        public int serviceId() {
            return UdsService.ROUTINE_CONTROL.id();
        }

        @Override
        public byte[] encode() {
            return new RequestWriter(serviceId()).u8(SubFunctions.withSuppress(controlType, suppressPositiveResponse))
                    .u16(routineId).bytes(optionRecord).toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = new ResponseReader(response, serviceId());
            int type = in.echo(controlType, "routineControlType");
            int id = in.echo16(routineId, "routineIdentifier");
            return new Response(type, id, in.rest());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && r.controlType == controlType && r.routineId == routineId
                    && r.suppressPositiveResponse == suppressPositiveResponse && Arrays.equals(r.optionRecord, optionRecord);
        }

        @Override
        public int hashCode() {
            return (controlType * 31 + routineId) * 31 + Arrays.hashCode(optionRecord);
        }

        @Override
        public String toString() {
            return String.format("RoutineControl.Request[%s %04X, option=%s, suppress=%s]", nameOf(controlType),
                    routineId, Hex.format(optionRecord), suppressPositiveResponse);
        }
    }

    /**
     * The positive response.
     *
     * @param controlType  the control type echoed
     * @param routineId    the routine echoed
     * @param statusRecord routineInfo and routineStatusRecord, as the routine defines them (copied in and out)
     */
    public record Response(int controlType, int routineId, byte[] statusRecord) {
        /** Copies the record. */
        public Response {
            statusRecord = Checks.copy("statusRecord", statusRecord);
        }

        @Override
        public byte[] statusRecord() {
            return statusRecord.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && r.controlType == controlType && r.routineId == routineId
                    && Arrays.equals(r.statusRecord, statusRecord);
        }

        @Override
        public int hashCode() {
            return (controlType * 31 + routineId) * 31 + Arrays.hashCode(statusRecord);
        }

        @Override
        public String toString() {
            return String.format("RoutineControl.Response[%s %04X, status=%s]", nameOf(controlType), routineId,
                    Hex.format(statusRecord));
        }
    }
}
