package dev.obdio.sim;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UDS ReadDataByIdentifier (0x22) and WriteDataByIdentifier (0x2E) of one ECU: the DIDs of its
 * description (with session and security rules, stored values that writes change, and a model
 * parameter a DID may control) plus 0xF400..0xF4FF, the mode 01 PIDs read through UDS.
 * NRCs follow the order of ISO 14229-1: length, DID supported, security, data length, value range.
 */
final class DataIdentifiers {
    private static final int READ = 0x22;
    private static final int WRITE = 0x2E;
    private static final int OBD_PID_BASE = 0xF400;
    private static final int MAX_DIDS_PER_READ = 16;
    private static final int MAX_RESPONSE = 4095;

    private final Map<Integer, DidSpec> specs = new LinkedHashMap<>();
    private final Map<Integer, byte[]> stored = new LinkedHashMap<>();
    private final ObdEcuState obd;
    private final UdsState state;

    DataIdentifiers(ObdEcuState obd, UdsState state) {
        this.obd = obd;
        this.state = state;
        for (DidSpec d : obd.description().dids()) {
            specs.put(d.id(), d);
            if (d.source() == DidSource.STORED) {
                stored.put(d.id(), d.initialBytes());
            }
        }
    }

    Answer read(byte[] req, VehicleSnapshot now) {
        if (req.length < 3 || req.length % 2 == 0 || (req.length - 1) / 2 > MAX_DIDS_PER_READ) {
            return Answer.negative(READ, Nrc.INCORRECT_LENGTH);
        }
        ResponseBuilder out = new ResponseBuilder().u8(0x62);
        boolean any = false;
        for (int i = 1; i < req.length; i += 2) {
            int did = ((req[i] & 0xFF) << 8) | (req[i + 1] & 0xFF);
            byte[] value = obdPid(did, now);
            if (value == null) {
                DidSpec spec = specs.get(did);
                if (spec == null || !spec.read().sessions().contains(state.session())) {
                    continue;
                }
                if (!state.unlocked(spec.read().securityLevel())) {
                    return Answer.negative(READ, Nrc.SECURITY_ACCESS_DENIED);
                }
                value = current(spec);
            }
            any = true;
            out.u16(did).bytes(value);
        }
        if (!any) {
            return Answer.negative(READ, Nrc.REQUEST_OUT_OF_RANGE);
        }
        if (out.length() > MAX_RESPONSE) {
            return Answer.negative(READ, Nrc.RESPONSE_TOO_LONG);
        }
        return Answer.positive(out);
    }

    /** The data of DID 0xF4xx: mode 01 PID xx of this ECU, or {@code null} if not such a DID. */
    private byte[] obdPid(int did, VehicleSnapshot now) {
        if ((did & 0xFF00) != OBD_PID_BASE) {
            return null;
        }
        int pid = did & 0xFF;
        if (SupportMask.isMask(pid)) {
            return obd.pidsWithMasks().contains(pid) ? SupportMask.bits(obd.pidsWithMasks(), pid) : null;
        }
        if (!obd.pids().contains(pid)) {
            return null;
        }
        ResponseBuilder b = new ResponseBuilder();
        ObdPids.get(pid).encoder().encode(obd.context(now), b);
        return b.toBytes();
    }

    private byte[] current(DidSpec spec) {
        return switch (spec.source()) {
            case STORED -> stored.get(spec.id()).clone();
            case VIN -> obd.vehicle().vin().getBytes(StandardCharsets.US_ASCII);
            case ACTIVE_SESSION -> new byte[] {(byte) state.session().id()};
        };
    }

    Answer write(byte[] req) {
        if (req.length < 4) {
            return Answer.negative(WRITE, Nrc.INCORRECT_LENGTH);
        }
        int did = ((req[1] & 0xFF) << 8) | (req[2] & 0xFF);
        DidSpec spec = specs.get(did);
        if (spec == null || spec.write() == null || !spec.write().sessions().contains(state.session())) {
            return Answer.negative(WRITE, Nrc.REQUEST_OUT_OF_RANGE);
        }
        if (!state.unlocked(spec.write().securityLevel())) {
            return Answer.negative(WRITE, Nrc.SECURITY_ACCESS_DENIED);
        }
        int dataLength = req.length - 3;
        if (dataLength != spec.length()) {
            return Answer.negative(WRITE, Nrc.INCORRECT_LENGTH);
        }
        byte[] data = java.util.Arrays.copyOfRange(req, 3, req.length);
        if (!valid(spec, data)) {
            return Answer.negative(WRITE, Nrc.REQUEST_OUT_OF_RANGE);
        }
        stored.put(did, data);
        if (spec.controls() == ModelControl.IDLE_RPM) {
            obd.model().setIdleRpm((int) unsigned(data));
        }
        return Answer.positive(new ResponseBuilder().u8(0x6E).u16(did));
    }

    private static boolean valid(DidSpec spec, byte[] data) {
        return switch (spec.type()) {
            case ASCII -> {
                for (byte b : data) {
                    if (b < 0x20 || b > 0x7E) {
                        yield false;
                    }
                }
                yield true;
            }
            case HEX -> true;
            case UINT -> {
                long v = unsigned(data);
                yield v >= spec.min() && v <= spec.max();
            }
        };
    }

    private static long unsigned(byte[] data) {
        long v = 0;
        for (byte b : data) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    /** The current stored value of a DID, for the public API. */
    byte[] value(int did) {
        byte[] v = stored.get(did);
        return v == null ? null : v.clone();
    }
}
