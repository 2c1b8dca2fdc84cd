package dev.obdio.sim;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The ISO 14229-1 (UDS) server of one ECU. Checks run in the standard's order: service supported
 * (0x11), service supported in the active session (0x7F), then the service's own checks (length
 * 0x13, sub-function 0x12 / 0x7E, conditions 0x22, sequence 0x24, range 0x31, security 0x33).
 *
 * <p>Services and the sessions they are available in:
 * <pre>
 *   0x10 session control, 0x11 reset, 0x22 read DID, 0x3E tester present   all sessions
 *   0x14 clear DTCs, 0x19 read DTC information                             default, extended
 *   0x27 security access, 0x2E write DID, 0x31 routines,
 *   0x28 communication control, 0x85 control DTC setting                   extended, programming
 * </pre>
 */
final class UdsService {
    private static final Set<DiagnosticSession> ALL = EnumSet.allOf(DiagnosticSession.class);
    private static final Set<DiagnosticSession> NOT_PROGRAMMING = EnumSet.of(DiagnosticSession.DEFAULT,
            DiagnosticSession.EXTENDED);
    private static final Set<DiagnosticSession> NON_DEFAULT = EnumSet.of(DiagnosticSession.EXTENDED,
            DiagnosticSession.PROGRAMMING);
    private static final Map<Integer, Set<DiagnosticSession>> SERVICES = Map.ofEntries(
            Map.entry(0x10, ALL), Map.entry(0x11, ALL), Map.entry(0x22, ALL), Map.entry(0x3E, ALL),
            Map.entry(0x14, NOT_PROGRAMMING), Map.entry(0x19, NOT_PROGRAMMING),
            Map.entry(0x27, NON_DEFAULT), Map.entry(0x2E, NON_DEFAULT), Map.entry(0x31, NON_DEFAULT),
            Map.entry(0x28, NON_DEFAULT), Map.entry(0x85, NON_DEFAULT));
    /** How long the ECU is silent after each reset type. */
    static final long HARD_RESET_NANOS = 500 * UdsState.MS;
    static final long KEY_OFF_ON_RESET_NANOS = 1000 * UdsState.MS;
    static final long SOFT_RESET_NANOS = 200 * UdsState.MS;

    private final ObdEcuState obd;
    private final UdsState state;
    private final SecurityAccess security;
    private final DataIdentifiers dids;
    private final DtcInformation dtcInfo;
    private final Routines routines;

    UdsService(ObdEcuState obd, UdsState state, long vehicleSeed, int ecuIndex) {
        this.obd = obd;
        this.state = state;
        this.security = new SecurityAccess(obd.description(), state, vehicleSeed, ecuIndex);
        this.dids = new DataIdentifiers(obd, state);
        this.dtcInfo = new DtcInformation(obd);
        this.routines = new Routines(state);
        state.onDefaultSession(now -> {
            routines.stopAll(now);
            security.forgetSeeds();
        });
    }

    DataIdentifiers dids() {
        return dids;
    }

    Answer handle(byte[] req, long now, VehicleSnapshot values) {
        int sid = req[0] & 0xFF;
        Set<DiagnosticSession> sessions = SERVICES.get(sid);
        if (sessions == null) {
            return Answer.negative(sid, Nrc.SERVICE_NOT_SUPPORTED);
        }
        if (!sessions.contains(state.session())) {
            return Answer.negative(sid, Nrc.SERVICE_NOT_SUPPORTED_IN_SESSION);
        }
        return switch (sid) {
            case 0x10 -> sessionControl(req, now, values);
            case 0x11 -> reset(req, now);
            case 0x14 -> dtcInfo.clear(req);
            case 0x19 -> dtcInfo.read(req);
            case 0x22 -> dids.read(req, values);
            case 0x27 -> security.handle(req, now);
            case 0x28 -> communicationControl(req);
            case 0x2E -> dids.write(req);
            case 0x31 -> routines.handle(req, now, values);
            case 0x3E -> testerPresent(req);
            case 0x85 -> dtcSetting(req);
            default -> Answer.negative(sid, Nrc.SERVICE_NOT_SUPPORTED);
        };
    }

    private Answer sessionControl(byte[] req, long now, VehicleSnapshot values) {
        if (req.length != 2) {
            return Answer.negative(0x10, Nrc.INCORRECT_LENGTH);
        }
        DiagnosticSession next = DiagnosticSession.byId(req[1] & 0x7F);
        if (next == null) {
            return Answer.negative(0x10, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
        }
        DiagnosticSession current = state.session();
        // Programming is entered from the extended session only, and left only to default.
        if (next == DiagnosticSession.PROGRAMMING && current == DiagnosticSession.DEFAULT
                || next == DiagnosticSession.EXTENDED && current == DiagnosticSession.PROGRAMMING) {
            return Answer.negative(0x10, Nrc.SUB_FUNCTION_NOT_SUPPORTED_IN_SESSION);
        }
        if (next == DiagnosticSession.PROGRAMMING && values.get(Signal.VEHICLE_SPEED) >= 1) {
            return Answer.negative(0x10, Nrc.CONDITIONS_NOT_CORRECT);
        }
        security.forgetSeeds();
        state.enter(next, now);
        if ((req[1] & 0x80) != 0) {
            return Answer.NONE;
        }
        return Answer.positive(new ResponseBuilder().u8(0x50).u8(next.id()).u16(UdsState.P2_MS)
                .u16(UdsState.P2_STAR_MS / 10));
    }

    private Answer reset(byte[] req, long now) {
        if (req.length != 2) {
            return Answer.negative(0x11, Nrc.INCORRECT_LENGTH);
        }
        int type = req[1] & 0x7F;
        long reboot = switch (type) {
            case 0x01 -> HARD_RESET_NANOS;
            case 0x02 -> KEY_OFF_ON_RESET_NANOS;
            case 0x03 -> SOFT_RESET_NANOS;
            default -> -1;
        };
        if (reboot < 0) {
            return Answer.negative(0x11, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
        }
        security.forgetSeeds();
        state.reset(now, reboot);
        if ((req[1] & 0x80) != 0) {
            return Answer.NONE;
        }
        return Answer.positive(new ResponseBuilder().u8(0x51).u8(type));
    }

    private Answer testerPresent(byte[] req) {
        if (req.length != 2) {
            return Answer.negative(0x3E, Nrc.INCORRECT_LENGTH);
        }
        if ((req[1] & 0x7F) != 0) {
            return Answer.negative(0x3E, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
        }
        return (req[1] & 0x80) != 0 ? Answer.NONE : Answer.positive(new ResponseBuilder().u8(0x7E).u8(0x00));
    }

    private Answer communicationControl(byte[] req) {
        if (req.length < 3) {
            return Answer.negative(0x28, Nrc.INCORRECT_LENGTH);
        }
        int control = req[1] & 0x7F;
        if (control > 0x03) {
            return Answer.negative(0x28, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
        }
        if (req.length != 3) {
            return Answer.negative(0x28, Nrc.INCORRECT_LENGTH);
        }
        int type = req[2] & 0xFF;
        int messages = type & 0x03;
        int subnet = type >> 4;
        if (messages == 0 || (type & 0x0C) != 0 || (subnet != 0 && subnet != 0xF)) {
            return Answer.negative(0x28, Nrc.REQUEST_OUT_OF_RANGE);
        }
        state.communication(control, type);
        return (req[1] & 0x80) != 0 ? Answer.NONE : Answer.positive(new ResponseBuilder().u8(0x68).u8(control));
    }

    private Answer dtcSetting(byte[] req) {
        if (req.length < 2) {
            return Answer.negative(0x85, Nrc.INCORRECT_LENGTH);
        }
        int setting = req[1] & 0x7F;
        if (setting != 0x01 && setting != 0x02) {
            return Answer.negative(0x85, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
        }
        // An optional DTCSettingControlOptionRecord may name a group; only "all" (FFFFFF) is known.
        if (req.length != 2 && !(req.length == 5 && (req[2] & req[3] & req[4] & 0xFF) == 0xFF)) {
            return Answer.negative(0x85, req.length == 5 ? Nrc.REQUEST_OUT_OF_RANGE : Nrc.INCORRECT_LENGTH);
        }
        state.dtcSetting(setting == 0x01);
        return (req[1] & 0x80) != 0 ? Answer.NONE : Answer.positive(new ResponseBuilder().u8(0xC5).u8(setting));
    }
}
