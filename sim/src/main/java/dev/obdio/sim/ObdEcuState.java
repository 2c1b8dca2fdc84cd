package dev.obdio.sim;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one ECU knows for its OBD and UDS services besides the live sensor values: its description,
 * fault memory, readiness monitors and since-clear counters, and the PIDs it implements.
 */
final class ObdEcuState {
    private final EcuDescription description;
    private final VehicleDescription vehicle;
    private final VehicleModel model;
    private final Readiness readiness;
    private final EcuCounters counters;
    private final DtcMemory dtcs;
    private final Set<Integer> pids;
    private final Set<Integer> pidsWithMasks;

    ObdEcuState(EcuDescription description, VehicleDescription vehicle, VehicleModel model) {
        this.description = description;
        this.vehicle = vehicle;
        this.model = model;
        this.readiness = new Readiness(model, description.role(), vehicle.engine().fuel(),
                description.history().monitorsComplete());
        this.dtcs = new DtcMemory(description, readiness, model);
        this.counters = new EcuCounters(model, description.history(), dtcs.milOn());
        this.pids = Collections.unmodifiableSet(new TreeSet<>(description.pids()));
        this.pidsWithMasks = Collections.unmodifiableSet(SupportMask.withMasks(pids));
    }

    EcuDescription description() {
        return description;
    }

    VehicleDescription vehicle() {
        return vehicle;
    }

    VehicleModel model() {
        return model;
    }

    Readiness readiness() {
        return readiness;
    }

    DtcMemory dtcs() {
        return dtcs;
    }

    /** The implemented mode 01 PIDs, masks excluded. */
    Set<Integer> pids() {
        return pids;
    }

    /** The implemented mode 01 PIDs with their support masks. */
    Set<Integer> pidsWithMasks() {
        return pidsWithMasks;
    }

    /** PID 01 (or 41 with {@code thisCycle}): MIL and DTC count, then the monitor bytes. */
    byte[] monitorStatus(boolean thisCycle) {
        int[] bcd = readiness.statusBytes(thisCycle);
        int a = thisCycle ? 0 : (dtcs.milOn() ? 0x80 : 0) | dtcs.storedCount();
        return new byte[] {(byte) a, (byte) bcd[0], (byte) bcd[1], (byte) bcd[2]};
    }

    int milDistanceKm() {
        return counters.milDistanceKm();
    }

    int milMinutes() {
        return counters.milMinutes();
    }

    int distanceSinceClearKm() {
        return counters.distanceSinceClearKm();
    }

    int minutesSinceClear() {
        return counters.minutesSinceClear();
    }

    int warmUpsSinceClear() {
        return counters.warmUpsSinceClear();
    }

    /** Mode 04 / UDS 0x14 for every DTC: fault memory, freeze frames, counters and monitors restart. */
    void clearAll() {
        dtcs.clear(null);
        counters.onClear();
        readiness.onClear();
    }

    /** UDS 0x14 for one DTC. */
    boolean clearOne(DtcCode code) {
        boolean found = dtcs.clear(code);
        counters.onMil(dtcs.milOn());
        return found;
    }

    /** Stores a DTC found at runtime, capturing a freeze frame from {@code now} if needed. */
    void store(DtcSpec spec, VehicleSnapshot now) {
        dtcs.store(spec, now);
        counters.onMil(dtcs.milOn());
    }

    /** A new ignition cycle began. */
    void onIgnitionCycle() {
        readiness.onIgnitionCycle();
    }

    /** A PID encoding context over {@code values} for this ECU. */
    ObdPids.Context context(VehicleSnapshot values) {
        return new ObdPids.Context() {
            @Override
            public double get(Signal signal) {
                return values.get(signal);
            }

            @Override
            public ObdEcuState ecu() {
                return ObdEcuState.this;
            }
        };
    }
}
