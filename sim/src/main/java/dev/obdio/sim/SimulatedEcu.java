package dev.obdio.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One ECU of a {@link Vehicle}: answers OBD-II (modes 01-0A) and UDS requests as a deterministic
 * function of the request, its addressing, the time and its state. {@link #respond} returns what
 * the ECU sends and when ({@link ResponseSchedule}): nothing, one response after its latency, or
 * response-pending messages followed by the final answer. The transport binding sends them.
 *
 * <p>Time is the caller's: any monotonic nanosecond clock (the one the vehicle was created with),
 * never read here. Session timeouts, security lock-outs, reboots and busy periods are measured on
 * it.
 *
 * <p>Thread-safe: every method locks the owning vehicle, whose model all ECUs share.
 */
public final class SimulatedEcu {
    private static final int LATENCY_CHANNEL = 5000;
    private static final int DROP_CHANNEL = 5100;

    private final Vehicle vehicle;
    private final EcuDescription description;
    private final EcuIds ids;
    private final int index;
    private final ObdEcuState obd;
    private final ObdService obdService;
    private final UdsState uds;
    private final UdsService udsService;
    private final Map<Class<? extends Fault>, Fault> faults = new LinkedHashMap<>();
    private long requestCounter;

    SimulatedEcu(Vehicle vehicle, EcuDescription description, int index, VehicleModel model) {
        this.vehicle = vehicle;
        this.description = description;
        this.index = index;
        VehicleDescription v = vehicle.description();
        this.ids = new EcuIds(description.requestId(), description.responseId(), v.functionalId(), v.extendedIds());
        this.obd = new ObdEcuState(description, v, model);
        this.obdService = new ObdService(obd);
        this.uds = new UdsState();
        this.udsService = new UdsService(obd, uds, vehicle.seed(), index);
    }

    /** The ECU's name within its vehicle, e.g. {@code engine}. */
    public String name() {
        return description.name();
    }

    /** Its CAN identifiers. */
    public EcuIds ids() {
        return ids;
    }

    /** Its description. */
    public EcuDescription description() {
        return description;
    }

    /**
     * Answers one request.
     *
     * @param request    the request PDU (e.g. {@code 01 0C}, {@code 22 F1 90}); an empty request is ignored
     * @param addressing physical or functional
     * @param nowNanos   when the request arrived, on the vehicle's clock
     * @return what the ECU sends and when; {@link ResponseSchedule#silence()} for nothing
     */
    public ResponseSchedule respond(byte[] request, Addressing addressing, long nowNanos) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(addressing, "addressing");
        synchronized (vehicle.lock()) {
            long now = vehicle.advanceLocked(nowNanos);
            if (!vehicle.ignitionOnLocked() || faults.containsKey(Fault.Silent.class) || uds.rebooting(now)) {
                return ResponseSchedule.silence();
            }
            long counter = requestCounter++;
            Fault.Intermittent flaky = (Fault.Intermittent) faults.get(Fault.Intermittent.class);
            if (flaky != null && Noise.unit(vehicle.seed(), DROP_CHANNEL + index, counter) < flaky.dropProbability()) {
                return ResponseSchedule.silence();
            }
            if (request.length == 0) {
                return ResponseSchedule.silence();
            }
            byte[] req = request.clone();
            uds.expire(now);
            int sid = req[0] & 0xFF;
            Answer answer;
            if (uds.busy(now)) {
                boolean silentTesterPresent = sid == 0x3E && req.length == 2 && (req[1] & 0xFF) == 0x80;
                answer = silentTesterPresent ? Answer.NONE : Answer.negative(sid, Nrc.BUSY_REPEAT_REQUEST);
            } else {
                VehicleSnapshot values = vehicle.snapshotLocked();
                answer = ObdService.isObd(sid) ? obdService.handle(req, values) : udsService.handle(req, now, values);
            }
            uds.touch(now);
            return schedule(answer, addressing, sid, counter);
        }
    }

    private ResponseSchedule schedule(Answer answer, Addressing addressing, int sid, long counter) {
        List<ScheduledResponse> list = new ArrayList<>();
        if (answer instanceof Answer.None) {
            return ResponseSchedule.silence();
        } else if (answer instanceof Answer.Negative n) {
            if (addressing == Addressing.FUNCTIONAL && suppressFunctional(sid, n.nrc())) {
                return ResponseSchedule.silence();
            }
            list.add(new ScheduledResponse(0, n.payload()));
        } else if (answer instanceof Answer.Positive p) {
            list.add(new ScheduledResponse(0, corrupt(p.payload())));
        } else if (answer instanceof Answer.Timed t) {
            for (ScheduledResponse r : t.responses()) {
                byte[] payload = r.isResponsePending() ? r.payload() : corrupt(r.payload());
                list.add(new ScheduledResponse(r.delayNanos(), payload));
            }
        }
        LatencySpec latency = vehicle.description().latency();
        double ms = latency.minMs() + (latency.maxMs() - latency.minMs())
                * Noise.unit(vehicle.seed(), LATENCY_CHANNEL + index, counter);
        long delay = Math.round(ms * UdsState.MS);
        Fault.Slow slow = (Fault.Slow) faults.get(Fault.Slow.class);
        if (slow != null) {
            delay += slow.delay().toNanos();
        }
        Fault.ResponsePendingStorm storm = (Fault.ResponsePendingStorm) faults.get(Fault.ResponsePendingStorm.class);
        if (storm != null) {
            long interval = storm.interval().toNanos();
            List<ScheduledResponse> stormed = new ArrayList<>();
            byte[] pending = {0x7F, (byte) sid, (byte) Nrc.RESPONSE_PENDING};
            for (int i = 0; i < storm.count(); i++) {
                stormed.add(new ScheduledResponse(i * interval, pending));
            }
            long shift = storm.count() * interval;
            for (ScheduledResponse r : list) {
                stormed.add(new ScheduledResponse(r.delayNanos() + shift, r.payload()));
            }
            list = stormed;
        }
        return new ResponseSchedule(list).delayedBy(delay);
    }

    /** Functional requests: OBD keeps every rejection to itself, UDS the ones ISO 14229-1 §7.5.3 lists. */
    private static boolean suppressFunctional(int sid, int nrc) {
        if (ObdService.isObd(sid)) {
            return nrc != Nrc.BUSY_REPEAT_REQUEST && nrc != Nrc.RESPONSE_PENDING;
        }
        return Nrc.suppressedWhenFunctional(nrc);
    }

    /** Applies the data faults to a positive response. */
    private byte[] corrupt(byte[] payload) {
        byte[] p = payload;
        if (faults.containsKey(Fault.CorruptData.class)) {
            p = p.clone();
            for (int i = 2; i < p.length; i++) {
                p[i] = (byte) ~p[i];
            }
        }
        if (faults.containsKey(Fault.WrongPidEcho.class) && p.length >= 2) {
            p = p.clone();
            p[1] = (byte) (p[1] + 1);
        }
        if (faults.containsKey(Fault.Truncated.class) && p.length >= 2) {
            p = java.util.Arrays.copyOf(p, p.length - 1);
        }
        return p;
    }

    // ---------------------------------------------------------------- faults

    /** Activates a fault, replacing an active fault of the same kind. */
    public void injectFault(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        synchronized (vehicle.lock()) {
            faults.put(fault.getClass(), fault);
        }
    }

    /** Deactivates the fault of this kind, if active. */
    public void removeFault(Class<? extends Fault> kind) {
        synchronized (vehicle.lock()) {
            faults.remove(kind);
        }
    }

    /** Deactivates every fault. */
    public void clearFaults() {
        synchronized (vehicle.lock()) {
            faults.clear();
        }
    }

    /** The active faults. */
    public List<Fault> faults() {
        synchronized (vehicle.lock()) {
            return List.copyOf(faults.values());
        }
    }

    // ---------------------------------------------------------------- state for tools and tests

    /** The active diagnostic session at {@code nowNanos} (after any S3 timeout). */
    public DiagnosticSession session(long nowNanos) {
        synchronized (vehicle.lock()) {
            uds.expire(vehicle.advanceLocked(nowNanos));
            return uds.session();
        }
    }

    /** Unlocked security levels at {@code nowNanos}. */
    public Set<Integer> unlockedSecurityLevels(long nowNanos) {
        synchronized (vehicle.lock()) {
            uds.expire(vehicle.advanceLocked(nowNanos));
            return uds.unlockedLevels();
        }
    }

    /** True while DTC setting is on (UDS 0x85 turns it off in a non-default session). */
    public boolean dtcSettingOn(long nowNanos) {
        synchronized (vehicle.lock()) {
            uds.expire(vehicle.advanceLocked(nowNanos));
            return uds.dtcSettingOn();
        }
    }

    /** The communication control state of UDS 0x28: control type (0 = rx and tx on) and message type. */
    public int[] communicationControl(long nowNanos) {
        synchronized (vehicle.lock()) {
            uds.expire(vehicle.advanceLocked(nowNanos));
            return new int[] {uds.communicationControl(), uds.communicationType()};
        }
    }

    /** The DTCs held now, with their status. */
    public List<DtcStatus> dtcs() {
        synchronized (vehicle.lock()) {
            return Collections.unmodifiableList(obd.dtcs().view());
        }
    }

    /**
     * Sets a DTC as if the ECU had just detected the fault: a stored DTC without a freeze frame
     * captures the current sensor values when no freeze frame is held. Ignored while DTC setting is
     * off (UDS 0x85).
     *
     * @return true if stored
     */
    public boolean storeDtc(DtcSpec dtc, long nowNanos) {
        Objects.requireNonNull(dtc, "dtc");
        synchronized (vehicle.lock()) {
            long now = vehicle.advanceLocked(nowNanos);
            uds.expire(now);
            if (!uds.dtcSettingOn()) {
                return false;
            }
            obd.store(dtc, vehicle.snapshotLocked());
            return true;
        }
    }

    /** Clears DTCs as mode 04 does. */
    public void clearDtcs(long nowNanos) {
        synchronized (vehicle.lock()) {
            vehicle.advanceLocked(nowNanos);
            obd.clearAll();
        }
    }

    /** The mode 01 PIDs it implements (support masks excluded). */
    public Set<Integer> supportedPids() {
        return obd.pids();
    }

    /** The stored value of a UDS DID of its description, or {@code null} (for DIDs with a stored value). */
    public byte[] didValue(int did) {
        synchronized (vehicle.lock()) {
            return udsService.dids().value(did);
        }
    }

    /** A new ignition cycle: power-on state of the UDS server, readiness of this cycle restarts. */
    void onIgnitionOn(long now) {
        uds.enter(DiagnosticSession.DEFAULT, now);
        uds.busyUntil(Long.MIN_VALUE);
        uds.touch(now);
        obd.onIgnitionCycle();
    }

    @Override
    public String toString() {
        return description.name() + " " + ids;
    }
}
