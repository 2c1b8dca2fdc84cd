package dev.obdio.uds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * DiagnosticSessionControl (0x10): switches the server into a session. The positive response
 * echoes the session and (since ISO 14229-1:2013) carries the server's P2 and P2*, which the
 * client adopts.
 */
public final class DiagnosticSessionControl {
    /** 0x01 defaultSession. */
    public static final int DEFAULT = 0x01;
    /** 0x02 programmingSession. */
    public static final int PROGRAMMING = 0x02;
    /** 0x03 extendedDiagnosticSession. */
    public static final int EXTENDED = 0x03;
    /** 0x04 safetySystemDiagnosticSession. */
    public static final int SAFETY_SYSTEM = 0x04;

    private static final Map<String, Integer> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("default", DEFAULT);
        WORDS.put("programming", PROGRAMMING);
        WORDS.put("extended", EXTENDED);
        WORDS.put("safety", SAFETY_SYSTEM);
    }

    private DiagnosticSessionControl() {
    }

    /** A session from {@code default}, {@code programming}, {@code extended}, {@code safety} or a number. */
    public static int parseSession(String text) {
        return SubFunctions.parse("session", text, WORDS);
    }

    /** The ISO name of a session type. */
    public static String nameOf(int session) {
        return switch (session) {
            case DEFAULT -> "defaultSession";
            case PROGRAMMING -> "programmingSession";
            case EXTENDED -> "extendedDiagnosticSession";
            case SAFETY_SYSTEM -> "safetySystemDiagnosticSession";
            default -> session >= 0x40 && session <= 0x5F ? "vehicleManufacturerSpecific"
                    : session >= 0x60 && session <= 0x7E ? "systemSupplierSpecific" : "ISOSAEReserved";
        };
    }

    /**
     * {@code 10 session}.
     *
     * @param session                   the session, 0x01..0x7F
     * @param suppressPositiveResponse  set bit 7: the server answers only if it refuses
     */
    public record Request(int session, boolean suppressPositiveResponse) implements UdsRequest<Response> {
        /** Validates the session. */
        public Request {
            SubFunctions.check("session", session, false);
        }

        /** A request that wants the positive response. */
        public Request(int session) {
            this(session, false);
        }

        @Override
        public int serviceId() {
            return UdsService.DIAGNOSTIC_SESSION_CONTROL.id();
        }

        @Override
        public byte[] encode() {
            return new RequestWriter(serviceId()).u8(SubFunctions.withSuppress(session, suppressPositiveResponse))
                    .toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            return DiagnosticSessionControl.parse(response, session);
        }
    }

    /** Parses {@code 50 session [P2 P2*]}; checks the echo. */
    static Response parse(UdsResponse response, int expectedSession) {
        ResponseReader in = new ResponseReader(response, UdsService.DIAGNOSTIC_SESSION_CONTROL.id());
        int session = in.echo(expectedSession, "session") & 0x7F;
        if (!in.hasMore()) {
            return new Response(session, Optional.empty()); // an ISO 14229-1:2006 server
        }
        if (in.remaining() < 4) {
            throw in.malformed("sessionParameterRecord needs 4 bytes (P2, P2*), got " + in.remaining());
        }
        int p2 = in.u16("P2server_max");
        int p2Star = in.u16("P2*server_max");
        return new Response(session, Optional.of(SessionTiming.fromWire(p2, p2Star)));
    }

    /**
     * The positive response.
     *
     * @param session the session now active
     * @param timing  the server's P2 and P2*, absent from servers of ISO 14229-1:2006
     */
    public record Response(int session, Optional<SessionTiming> timing) {
        /** Validates the fields. */
        public Response {
            SubFunctions.check("session", session, false);
            Checks.notNull("timing", timing);
        }
    }
}
