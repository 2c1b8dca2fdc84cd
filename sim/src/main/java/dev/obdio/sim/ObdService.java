package dev.obdio.sim;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OBD-II services (SAE J1979 / ISO 15031-5 on ISO 15765-4) of one ECU: modes 01, 02, 03, 04,
 * 06, 07, 09 and 0A. A pure function of the request, the ECU's state and the current sensor values.
 *
 * <p>Request formats: mode 01 carries 1..6 PIDs; mode 02 1..3 (PID, frame) pairs; modes 03, 04,
 * 07 and 0A nothing; modes 06 and 09 one item, or up to six support masks. A wrong length is NRC
 * 0x13; an unsupported mode 0x11; a request none of whose items is implemented 0x12; a freeze
 * frame other than 0 is 0x31. The ECU turns these into silence for functional requests.
 */
final class ObdService {
    private static final int MAX_PIDS = 6;

    private final ObdEcuState state;
    private final ObdMonitors monitors;
    private final VehicleInfo info;
    private final Set<Integer> midsWithMasks;
    private final Set<Integer> infotypesWithMasks;

    ObdService(ObdEcuState state) {
        this.state = state;
        this.monitors = new ObdMonitors(state);
        this.info = new VehicleInfo(state);
        this.midsWithMasks = SupportMask.withMasks(monitors.mids());
        this.infotypesWithMasks = SupportMask.withMasks(info.infotypes());
    }

    /** True for the service ids this class answers (0x01..0x0A). */
    static boolean isObd(int sid) {
        return sid >= 0x01 && sid <= 0x0A;
    }

    /** Whether this ECU implements mode {@code mode} at all. */
    boolean supportsMode(int mode) {
        return switch (mode) {
            case 0x01, 0x02, 0x03, 0x04, 0x07, 0x09, 0x0A -> true;
            case 0x06 -> !monitors.mids().isEmpty();
            default -> false;
        };
    }

    Answer handle(byte[] req, VehicleSnapshot now) {
        int mode = req[0] & 0xFF;
        if (!supportsMode(mode)) {
            return Answer.negative(mode, Nrc.SERVICE_NOT_SUPPORTED);
        }
        return switch (mode) {
            case 0x01 -> currentData(req, now);
            case 0x02 -> freezeFrame(req);
            case 0x03 -> dtcList(req, state.dtcs().stored());
            case 0x04 -> clear(req);
            case 0x06 -> maskedItems(req, midsWithMasks, (mid, out) -> out.bytes(monitors.results(mid, state)));
            case 0x07 -> dtcList(req, state.dtcs().pending());
            case 0x09 -> maskedItems(req, infotypesWithMasks, (it, out) -> out.u8(it).bytes(info.data(it, state)));
            case 0x0A -> dtcList(req, state.dtcs().permanent());
            default -> Answer.negative(mode, Nrc.SERVICE_NOT_SUPPORTED);
        };
    }

    /** Mode 01: each implemented PID followed by its data, in request order. */
    private Answer currentData(byte[] req, VehicleSnapshot now) {
        if (req.length < 2 || req.length > 1 + MAX_PIDS) {
            return Answer.negative(0x01, Nrc.INCORRECT_LENGTH);
        }
        ResponseBuilder out = new ResponseBuilder().u8(0x41);
        ObdPids.Context ctx = state.context(now);
        for (int i = 1; i < req.length; i++) {
            int pid = req[i] & 0xFF;
            if (SupportMask.isMask(pid)) {
                if (state.pidsWithMasks().contains(pid)) {
                    out.u8(pid).bytes(SupportMask.bits(state.pidsWithMasks(), pid));
                }
            } else if (state.pids().contains(pid)) {
                out.u8(pid);
                ObdPids.get(pid).encoder().encode(ctx, out);
            }
        }
        return out.length() > 1 ? Answer.positive(out) : Answer.negative(0x01, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
    }

    /** The PIDs frame 0 can answer: 02, and the implemented PIDs the freeze frame holds. */
    Set<Integer> freezeFramePids() {
        Set<Integer> out = new TreeSet<>();
        out.add(0x02);
        DtcMemory.FreezeFrame ff = state.dtcs().freezeFrame();
        if (ff != null) {
            out.addAll(pidsHeldBy(state, ff));
        }
        return out;
    }

    /** The ECU's freeze-frame capable PIDs whose every signal {@code ff} holds. */
    static Set<Integer> pidsHeldBy(ObdEcuState state, DtcMemory.FreezeFrame ff) {
        Set<Integer> out = new TreeSet<>();
        for (int pid : state.pids()) {
            ObdPids.PidDef def = ObdPids.get(pid);
            if (def.freezeFrame() && def.ranges().stream().allMatch(r -> ff.values().containsKey(r.signal()))) {
                out.add(pid);
            }
        }
        return out;
    }

    /** Mode 02: {@code 42 PID frame data} for each (PID, frame) pair frame 0 holds. */
    private Answer freezeFrame(byte[] req) {
        if (req.length < 3 || req.length > 7 || req.length % 2 == 0) {
            return Answer.negative(0x02, Nrc.INCORRECT_LENGTH);
        }
        Set<Integer> pids = freezeFramePids();
        Set<Integer> withMasks = SupportMask.withMasks(pids);
        DtcMemory.FreezeFrame ff = state.dtcs().freezeFrame();
        ResponseBuilder out = new ResponseBuilder().u8(0x42);
        boolean otherFrame = false;
        for (int i = 1; i < req.length; i += 2) {
            int pid = req[i] & 0xFF;
            int frame = req[i + 1] & 0xFF;
            if (frame != 0) {
                otherFrame = true;
                continue;
            }
            if (SupportMask.isMask(pid)) {
                if (withMasks.contains(pid)) {
                    out.u8(pid).u8(frame).bytes(SupportMask.bits(withMasks, pid));
                }
            } else if (pid == 0x02) {
                out.u8(pid).u8(frame).u16(ff == null ? 0 : ff.dtc().value());
            } else if (pids.contains(pid)) {
                out.u8(pid).u8(frame);
                ObdPids.get(pid).encoder().encode(state.context(ff.snapshot()), out);
            }
        }
        if (out.length() > 1) {
            return Answer.positive(out);
        }
        return Answer.negative(0x02, otherFrame ? Nrc.REQUEST_OUT_OF_RANGE : Nrc.SUB_FUNCTION_NOT_SUPPORTED);
    }

    /** Modes 03, 07, 0A: {@code 4x count dtc...} with the ISO 15765-4 count byte. */
    private Answer dtcList(byte[] req, List<DtcCode> codes) {
        int mode = req[0] & 0xFF;
        if (req.length != 1) {
            return Answer.negative(mode, Nrc.INCORRECT_LENGTH);
        }
        ResponseBuilder out = new ResponseBuilder().u8(mode + 0x40).u8(Math.min(255, codes.size()));
        codes.stream().limit(255).forEach(c -> out.u16(c.value()));
        return Answer.positive(out);
    }

    /** Mode 04: clears DTCs, freeze frames, monitor results and since-clear counters. */
    private Answer clear(byte[] req) {
        if (req.length != 1) {
            return Answer.negative(0x04, Nrc.INCORRECT_LENGTH);
        }
        state.clearAll();
        return Answer.positive(new ResponseBuilder().u8(0x44));
    }

    @FunctionalInterface
    private interface ItemWriter {
        void write(int item, ResponseBuilder out);
    }

    /**
     * Modes 06 and 09: one item, or up to six support masks. Mode 06 results repeat the MID in each
     * test block, so the writer emits it; mode 09 answers echo the infotype once.
     */
    private Answer maskedItems(byte[] req, Set<Integer> withMasks, ItemWriter writer) {
        int mode = req[0] & 0xFF;
        if (req.length < 2 || req.length > 1 + MAX_PIDS) {
            return Answer.negative(mode, Nrc.INCORRECT_LENGTH);
        }
        ResponseBuilder out = new ResponseBuilder().u8(mode + 0x40);
        if (req.length == 2 && !SupportMask.isMask(req[1] & 0xFF)) {
            int item = req[1] & 0xFF;
            if (!withMasks.contains(item)) {
                return Answer.negative(mode, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
            }
            writer.write(item, out);
            return Answer.positive(out);
        }
        for (int i = 1; i < req.length; i++) {
            int item = req[i] & 0xFF;
            if (!SupportMask.isMask(item)) {
                // J1979: several items in one request only for the support masks.
                return Answer.negative(mode, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
            }
            if (withMasks.contains(item)) {
                out.u8(item).bytes(SupportMask.bits(withMasks, item));
            }
        }
        return out.length() > 1 ? Answer.positive(out) : Answer.negative(mode, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
    }
}
