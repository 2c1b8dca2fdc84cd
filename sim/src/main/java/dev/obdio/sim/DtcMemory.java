package dev.obdio.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fault memory of one ECU, shared by its OBD services (modes 02, 03, 04, 07, 0A, PID 01) and
 * its UDS services (0x14, 0x19), so both always agree. Entries keep their insertion order, which
 * is the order they are reported in; the first stored DTC with a freeze frame owns frame 0.
 */
final class DtcMemory {
    /** UDS status bits (ISO 14229-1 D.2). */
    static final int TEST_FAILED = 0x01;
    static final int TEST_FAILED_THIS_CYCLE = 0x02;
    static final int PENDING = 0x04;
    static final int CONFIRMED = 0x08;
    static final int NOT_COMPLETED_SINCE_CLEAR = 0x10;
    static final int FAILED_SINCE_CLEAR = 0x20;
    static final int NOT_COMPLETED_THIS_CYCLE = 0x40;
    static final int WARNING_INDICATOR = 0x80;
    /** Every status bit is supported. */
    static final int AVAILABILITY_MASK = 0xFF;

    /** A freeze frame: the DTC that stored it and the sensor values then. */
    record FreezeFrame(DtcCode dtc, Map<Signal, Double> values) {
        FreezeFrame {
            EnumMap<Signal, Double> copy = new EnumMap<>(Signal.class);
            copy.putAll(values);
            values = Collections.unmodifiableMap(copy);
        }

        VehicleSnapshot snapshot() {
            return VehicleSnapshot.of(0, values);
        }
    }

    private static final class Entry {
        final DtcCode code;
        final int failureType;
        boolean stored;
        boolean pending;
        boolean permanent;
        boolean mil;
        boolean active;
        int occurrences;
        int lastFailedCycle;
        FreezeFrame freezeFrame;

        Entry(DtcSpec spec, int cycle) {
            code = spec.code();
            failureType = spec.failureType();
            stored = spec.stored();
            pending = spec.pending();
            permanent = spec.permanent();
            mil = spec.mil();
            active = spec.active();
            occurrences = spec.occurrences();
            lastFailedCycle = cycle;
            freezeFrame = spec.freezeFrame().isEmpty() ? null : new FreezeFrame(spec.code(), spec.freezeFrame());
        }
    }

    private final Map<DtcCode, Entry> entries = new LinkedHashMap<>();
    private final Set<DtcCode> catalogue;
    private final Readiness readiness;
    private final VehicleModel model;

    DtcMemory(EcuDescription description, Readiness readiness, VehicleModel model) {
        this.readiness = readiness;
        this.model = model;
        this.catalogue = new TreeSet<>(description.supportedDtcs());
        for (DtcSpec spec : description.dtcs()) {
            entries.put(spec.code(), new Entry(spec, model.ignitionCycles()));
            catalogue.add(spec.code());
        }
    }

    /**
     * Stores or updates a DTC. A stored DTC without its own freeze frame captures {@code now} when
     * no freeze frame is held yet (J1979: the first emission fault freezes the data).
     */
    void store(DtcSpec spec, VehicleSnapshot now) {
        Entry e = new Entry(spec, model.ignitionCycles());
        Entry old = entries.get(spec.code());
        if (old != null) {
            e.occurrences = Math.min(255, Math.max(e.occurrences, old.occurrences + 1));
            e.permanent |= old.permanent;
            if (e.freezeFrame == null) {
                e.freezeFrame = old.freezeFrame;
            }
        }
        if (e.stored && e.freezeFrame == null && freezeFrame() == null && now != null) {
            e.freezeFrame = new FreezeFrame(spec.code(), now.toMap());
        }
        entries.put(spec.code(), e);
        catalogue.add(spec.code());
    }

    /**
     * Clears stored and pending DTCs and freeze frames; permanent DTCs stay (as permanent only).
     *
     * @param code the DTC to clear, or {@code null} for all
     * @return true if something matched
     */
    boolean clear(DtcCode code) {
        boolean matched = false;
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (code != null && !e.code.equals(code)) {
                continue;
            }
            matched = true;
            if (e.permanent) {
                e.stored = false;
                e.pending = false;
                e.mil = false;
                e.active = false;
                e.freezeFrame = null;
            } else {
                it.remove();
            }
        }
        return matched || code == null;
    }

    /** Stored (confirmed) DTCs, for mode 03. */
    List<DtcCode> stored() {
        return select(e -> e.stored);
    }

    /** Pending DTCs, for mode 07. */
    List<DtcCode> pending() {
        return select(e -> e.pending);
    }

    /** Permanent DTCs, for mode 0A. */
    List<DtcCode> permanent() {
        return select(e -> e.permanent);
    }

    private List<DtcCode> select(java.util.function.Predicate<Entry> p) {
        List<DtcCode> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (p.test(e)) {
                out.add(e.code);
            }
        }
        return out;
    }

    /** True when a stored DTC requests the MIL. */
    boolean milOn() {
        for (Entry e : entries.values()) {
            if (e.mil && e.stored) {
                return true;
            }
        }
        return false;
    }

    /** Frame 0: the freeze frame of the first stored DTC that has one, or {@code null}. */
    FreezeFrame freezeFrame() {
        for (Entry e : entries.values()) {
            if (e.stored && e.freezeFrame != null) {
                return e.freezeFrame;
            }
        }
        return null;
    }

    /** The freeze frame stored with {@code code}, or {@code null}. */
    FreezeFrame freezeFrameOf(DtcCode code) {
        Entry e = entries.get(code);
        return e == null ? null : e.freezeFrame;
    }

    /** The UDS status byte of {@code code}, whether held or only supported. */
    int statusByte(DtcCode code) {
        Entry e = entries.get(code);
        int s = 0;
        boolean failedSomewhere = e != null && (e.stored || e.pending || e.active);
        if (e != null) {
            if (e.active) {
                s |= TEST_FAILED | TEST_FAILED_THIS_CYCLE;
            }
            if (e.pending) {
                s |= PENDING | TEST_FAILED_THIS_CYCLE;
            }
            if (e.stored) {
                s |= CONFIRMED;
            }
            if (failedSomewhere) {
                s |= FAILED_SINCE_CLEAR;
            }
            if (e.mil && e.stored) {
                s |= WARNING_INDICATOR;
            }
        }
        if (!failedSomewhere && !readiness.allComplete(false)) {
            s |= NOT_COMPLETED_SINCE_CLEAR;
        }
        if (!(e != null && (e.active || e.pending)) && !readiness.allComplete(true)) {
            s |= NOT_COMPLETED_THIS_CYCLE;
        }
        return s;
    }

    /** Every DTC the ECU can report (held or in its catalogue), in code order for catalogue-only ones. */
    List<DtcCode> supported() {
        List<DtcCode> out = new ArrayList<>(entries.keySet());
        for (DtcCode c : catalogue) {
            if (!entries.containsKey(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Held DTCs (any flag) in order. */
    List<DtcCode> held() {
        return new ArrayList<>(entries.keySet());
    }

    /** The failure type byte of a held or supported DTC (0 unless held with one). */
    int failureType(DtcCode code) {
        Entry e = entries.get(code);
        return e == null ? 0 : e.failureType;
    }

    /** Finds a DTC by its 3-byte UDS number among the supported ones, or {@code null}. */
    DtcCode byUdsNumber(int number) {
        for (DtcCode c : supported()) {
            if (((c.value() << 8) | failureType(c)) == number) {
                return c;
            }
        }
        return null;
    }

    int occurrences(DtcCode code) {
        Entry e = entries.get(code);
        return e == null ? 0 : e.occurrences;
    }

    /** Ignition cycles since the DTC last failed (UDS extended data record 0x02). */
    int cyclesSinceFailed(DtcCode code) {
        Entry e = entries.get(code);
        if (e == null) {
            return 0;
        }
        if (e.active) {
            e.lastFailedCycle = model.ignitionCycles();
        }
        return Math.min(255, model.ignitionCycles() - e.lastFailedCycle);
    }

    /** True if a stored or pending DTC matches {@code code}. */
    boolean failing(DtcCode code) {
        Entry e = entries.get(code);
        return e != null && (e.stored || e.pending || e.active);
    }

    /** The public view of every held DTC. */
    List<DtcStatus> view() {
        List<DtcStatus> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            out.add(new DtcStatus(e.code, e.failureType, statusByte(e.code), e.stored, e.pending, e.permanent, e.mil,
                    e.active, e.occurrences, e.freezeFrame != null));
        }
        return out;
    }

    /** Number of stored DTCs, for PID 01 (at most 127). */
    int storedCount() {
        return Math.min(127, stored().size());
    }
}
