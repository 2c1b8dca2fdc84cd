package dev.obdio.sim;

import java.util.List;
import java.util.Set;

/**
 * UDS ReadDTCInformation (0x19) and ClearDiagnosticInformation (0x14) of one ECU, over the same
 * fault memory as OBD modes 03/07/0A/04. A UDS DTC is three bytes: the two OBD bytes and the
 * failure type byte; the format identifier is SAE J2012-DA format 00 (ISO 15031-6).
 *
 * <p>Sub-functions: 0x01 number of DTCs by status mask, 0x02 DTCs by status mask, 0x03 snapshot
 * identification, 0x04 snapshot record by DTC (record 0x01 = the freeze frame, its data as the OBD
 * PID DIDs 0xF4xx), 0x06 extended data by DTC (0x01 occurrence counter, 0x02 ignition cycles since
 * last failed), 0x0A supported DTCs.
 */
final class DtcInformation {
    private static final int READ = 0x19;
    private static final int CLEAR = 0x14;
    private static final int FORMAT_J2012_00 = 0x00;
    private static final int ALL_GROUPS = 0xFFFFFF;
    private static final int SNAPSHOT_RECORD = 0x01;
    private static final int OCCURRENCE_RECORD = 0x01;
    private static final int AGING_RECORD = 0x02;

    private final ObdEcuState obd;

    DtcInformation(ObdEcuState obd) {
        this.obd = obd;
    }

    Answer clear(byte[] req) {
        // ISO 14229-1:2020 allows an optional memory selection byte after the group.
        if (req.length != 4 && req.length != 5) {
            return Answer.negative(CLEAR, Nrc.INCORRECT_LENGTH);
        }
        int group = ((req[1] & 0xFF) << 16) | ((req[2] & 0xFF) << 8) | (req[3] & 0xFF);
        if (req.length == 5 && req[4] != 0) {
            return Answer.negative(CLEAR, Nrc.REQUEST_OUT_OF_RANGE);
        }
        if (group == ALL_GROUPS) {
            obd.clearAll();
        } else {
            DtcCode code = obd.dtcs().byUdsNumber(group);
            if (code == null) {
                return Answer.negative(CLEAR, Nrc.REQUEST_OUT_OF_RANGE);
            }
            obd.clearOne(code);
        }
        return Answer.positive(new ResponseBuilder().u8(0x54));
    }

    Answer read(byte[] req) {
        if (req.length < 2) {
            return Answer.negative(READ, Nrc.INCORRECT_LENGTH);
        }
        int sub = req[1] & 0x7F;
        boolean suppress = (req[1] & 0x80) != 0;
        Answer a = switch (sub) {
            case 0x01 -> countByMask(req);
            case 0x02 -> byMask(req);
            case 0x03 -> snapshotIds(req);
            case 0x04 -> snapshot(req);
            case 0x06 -> extendedData(req);
            case 0x0A -> supported(req);
            default -> Answer.negative(READ, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
        };
        return suppress && a instanceof Answer.Positive ? Answer.NONE : a;
    }

    private DtcMemory dtcs() {
        return obd.dtcs();
    }

    private Answer countByMask(byte[] req) {
        if (req.length != 3) {
            return Answer.negative(READ, Nrc.INCORRECT_LENGTH);
        }
        int mask = req[2] & 0xFF;
        int count = 0;
        for (DtcCode c : dtcs().supported()) {
            if ((dtcs().statusByte(c) & mask) != 0) {
                count++;
            }
        }
        return Answer.positive(new ResponseBuilder().u8(0x59).u8(0x01).u8(DtcMemory.AVAILABILITY_MASK)
                .u8(FORMAT_J2012_00).u16(count));
    }

    private Answer byMask(byte[] req) {
        if (req.length != 3) {
            return Answer.negative(READ, Nrc.INCORRECT_LENGTH);
        }
        int mask = req[2] & 0xFF;
        ResponseBuilder out = new ResponseBuilder().u8(0x59).u8(0x02).u8(DtcMemory.AVAILABILITY_MASK);
        for (DtcCode c : dtcs().supported()) {
            int status = dtcs().statusByte(c);
            if ((status & mask) != 0) {
                out.u24(udsNumber(c)).u8(status);
            }
        }
        return Answer.positive(out);
    }

    private Answer supported(byte[] req) {
        if (req.length != 2) {
            return Answer.negative(READ, Nrc.INCORRECT_LENGTH);
        }
        ResponseBuilder out = new ResponseBuilder().u8(0x59).u8(0x0A).u8(DtcMemory.AVAILABILITY_MASK);
        for (DtcCode c : dtcs().supported()) {
            out.u24(udsNumber(c)).u8(dtcs().statusByte(c));
        }
        return Answer.positive(out);
    }

    private Answer snapshotIds(byte[] req) {
        if (req.length != 2) {
            return Answer.negative(READ, Nrc.INCORRECT_LENGTH);
        }
        ResponseBuilder out = new ResponseBuilder().u8(0x59).u8(0x03);
        for (DtcCode c : dtcs().held()) {
            if (dtcs().freezeFrameOf(c) != null) {
                out.u24(udsNumber(c)).u8(SNAPSHOT_RECORD);
            }
        }
        return Answer.positive(out);
    }

    private DtcCode requestedDtc(byte[] req) {
        int number = ((req[2] & 0xFF) << 16) | ((req[3] & 0xFF) << 8) | (req[4] & 0xFF);
        return dtcs().byUdsNumber(number);
    }

    private Answer snapshot(byte[] req) {
        if (req.length != 6) {
            return Answer.negative(READ, Nrc.INCORRECT_LENGTH);
        }
        DtcCode code = requestedDtc(req);
        int record = req[5] & 0xFF;
        if (code == null || (record != SNAPSHOT_RECORD && record != 0xFF)) {
            return Answer.negative(READ, Nrc.REQUEST_OUT_OF_RANGE);
        }
        DtcMemory.FreezeFrame ff = dtcs().freezeFrameOf(code);
        if (ff == null && record == SNAPSHOT_RECORD) {
            return Answer.negative(READ, Nrc.REQUEST_OUT_OF_RANGE);
        }
        ResponseBuilder out = new ResponseBuilder().u8(0x59).u8(0x04).u24(udsNumber(code)).u8(dtcs().statusByte(code));
        if (ff != null) {
            Set<Integer> pids = ObdService.pidsHeldBy(obd, ff);
            out.u8(SNAPSHOT_RECORD).u8(Math.min(255, pids.size()));
            ObdPids.Context ctx = obd.context(ff.snapshot());
            for (int pid : pids) {
                out.u16(0xF400 | pid);
                ObdPids.get(pid).encoder().encode(ctx, out);
            }
        }
        return Answer.positive(out);
    }

    private Answer extendedData(byte[] req) {
        if (req.length != 6) {
            return Answer.negative(READ, Nrc.INCORRECT_LENGTH);
        }
        DtcCode code = requestedDtc(req);
        int record = req[5] & 0xFF;
        List<Integer> records = switch (record) {
            case 0xFF -> List.of(OCCURRENCE_RECORD, AGING_RECORD);
            case OCCURRENCE_RECORD, AGING_RECORD -> List.of(record);
            case 0xFE -> List.of();
            default -> null;
        };
        if (code == null || records == null) {
            return Answer.negative(READ, Nrc.REQUEST_OUT_OF_RANGE);
        }
        ResponseBuilder out = new ResponseBuilder().u8(0x59).u8(0x06).u24(udsNumber(code)).u8(dtcs().statusByte(code));
        for (int r : records) {
            out.u8(r).u8(r == OCCURRENCE_RECORD ? dtcs().occurrences(code) : dtcs().cyclesSinceFailed(code));
        }
        return Answer.positive(out);
    }

    private int udsNumber(DtcCode c) {
        return (c.value() << 8) | dtcs().failureType(c);
    }
}
