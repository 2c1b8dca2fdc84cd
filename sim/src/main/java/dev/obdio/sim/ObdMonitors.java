package dev.obdio.sim;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Mode 06 on-board monitor results of the engine ECU: for each monitor id (MID), test results
 * {@code MID TID UAS value min max} with values in the scaling of the unit-and-scaling id (UAS).
 * Results exist once their readiness monitor has completed since the last clear; before that every
 * value reads 0, as J1979 prescribes after a clear. Values are fixed per vehicle seed, and a DTC for
 * the monitored part makes its test fail (e.g. P0420 puts the catalyst ratio above its maximum).
 */
final class ObdMonitors {

    /** One test of a monitor. */
    private record TestDef(int tid, int uas, double scale, Value value, double min, double max) {
    }

    /** A test's physical value from the vehicle's seed (0..1 draw) and its fault memory. */
    @FunctionalInterface
    private interface Value {
        double of(double draw, DtcMemory dtcs);
    }

    private record MidDef(int mid, Readiness.Monitor monitor, List<TestDef> tests) {
    }

    private static final int UAS_MILLIVOLT_0122 = 0x0A;
    private static final int UAS_MS = 0x10;
    private static final int UAS_OHM = 0x14;
    private static final int UAS_RATIO_256 = 0x20;
    private static final int UAS_COUNT = 0x24;
    private static final int UAS_GPS_001 = 0x27;
    private static final int UAS_KPA_01_SIGNED = 0x99;
    private static final int UAS_KPA_001_SIGNED = 0xFC;
    private static final int MONITOR_CHANNEL = 7000;

    private final TreeMap<Integer, MidDef> mids = new TreeMap<>();
    private final long seed;

    ObdMonitors(ObdEcuState state) {
        this.seed = state.model().seed();
        EcuDescription ecu = state.description();
        if (ecu.role() != EcuRole.ENGINE) {
            return;
        }
        EngineSpec engine = state.vehicle().engine();
        if (engine.fuel() == FuelType.PETROL) {
            for (int bank = 1; bank <= engine.banks(); bank++) {
                int base = bank == 1 ? 0x00 : 0x04;
                String slow = bank == 1 ? "P0133" : "P0153";
                add(base + 1, Readiness.Monitor.O2_SENSOR,
                        test(0x05, UAS_MS, 1, (u, d) -> fails(d, slow) ? 210 : 50 + 25 * u, 0, 150),
                        test(0x06, UAS_MS, 1, (u, d) -> fails(d, slow) ? 190 : 45 + 25 * u, 0, 150),
                        test(0x07, UAS_MILLIVOLT_0122, 0.000122, (u, d) -> 0.05 + 0.04 * u, 0, 0.25),
                        test(0x08, UAS_MILLIVOLT_0122, 0.000122, (u, d) -> 0.82 + 0.06 * u, 0.70, 1.10));
                add(base + 2, Readiness.Monitor.O2_SENSOR,
                        test(0x07, UAS_MILLIVOLT_0122, 0.000122, (u, d) -> 0.25 + 0.1 * u, 0, 0.45),
                        test(0x08, UAS_MILLIVOLT_0122, 0.000122, (u, d) -> 0.78 + 0.05 * u, 0.60, 1.10));
                String cat = bank == 1 ? "P0420" : "P0430";
                add(0x20 + bank, Readiness.Monitor.CATALYST,
                        test(0x80, UAS_RATIO_256, 1.0 / 256, (u, d) -> fails(d, cat) ? 0.82 : 0.10 + 0.15 * u, 0, 0.70));
                add(bank == 1 ? 0x41 : 0x45, Readiness.Monitor.O2_SENSOR_HEATER,
                        test(0x81, UAS_OHM, 1, (u, d) -> 4 + 2 * u, 2, 9));
            }
        } else {
            add(0x21, Readiness.Monitor.NMHC_CATALYST,
                    test(0x80, UAS_RATIO_256, 1.0 / 256, (u, d) -> fails(d, "P0420") ? 0.9 : 0.2 + 0.2 * u, 0, 0.8));
            add(0x31, Readiness.Monitor.EGR_VVT,
                    test(0x81, UAS_GPS_001, 0.01, (u, d) -> fails(d, "P0401") ? 7.5 : 0.5 + 1.5 * u, 0, 5));
            add(0x85, Readiness.Monitor.BOOST_PRESSURE,
                    test(0x80, UAS_KPA_01_SIGNED, 0.1, (u, d) -> fails(d, "P0299") ? -38 : -3 + 6 * u, -25, 25));
            add(0xB0, Readiness.Monitor.PM_FILTER,
                    test(0x80, UAS_KPA_001_SIGNED, 0.01, (u, d) -> fails(d, "P2463") ? 26 : 1.5 + 2 * u, 0, 20));
        }
        List<TestDef> general = List.of(
                test(0x0B, UAS_COUNT, 1, (u, d) -> misfireTotal(d, engine.cylinders(), true), 0, 65535),
                test(0x0C, UAS_COUNT, 1, (u, d) -> misfireTotal(d, engine.cylinders(), false), 0, 65535));
        mids.put(0xA1, new MidDef(0xA1, Readiness.Monitor.MISFIRE, general));
        for (int cyl = 1; cyl <= Math.min(engine.cylinders(), 12); cyl++) {
            int c = cyl;
            add(0xA1 + cyl, Readiness.Monitor.MISFIRE,
                    test(0x0B, UAS_COUNT, 1, (u, d) -> misfire(d, c, true), 0, 50),
                    test(0x0C, UAS_COUNT, 1, (u, d) -> misfire(d, c, false), 0, 50));
        }
    }

    private static TestDef test(int tid, int uas, double scale, Value value, double min, double max) {
        return new TestDef(tid, uas, scale, value, min, max);
    }

    private void add(int mid, Readiness.Monitor monitor, TestDef... tests) {
        mids.put(mid, new MidDef(mid, monitor, List.of(tests)));
    }

    private static boolean fails(DtcMemory d, String code) {
        return d.failing(DtcCode.parse(code));
    }

    private static double misfire(DtcMemory d, int cylinder, boolean average) {
        boolean failing = cylinder <= 9 && d.failing(new DtcCode(0x0300 + cylinder));
        if (failing) {
            return average ? 96 : 120;
        }
        return average ? (cylinder % 3 == 0 ? 1 : 0) : 0;
    }

    private static double misfireTotal(DtcMemory d, int cylinders, boolean average) {
        double sum = 0;
        for (int c = 1; c <= Math.min(cylinders, 12); c++) {
            sum += misfire(d, c, average);
        }
        return sum;
    }

    /** The implemented MIDs, masks excluded; empty for an ECU without mode 06. */
    Set<Integer> mids() {
        return Collections.unmodifiableSet(new TreeSet<>(mids.keySet()));
    }

    /** The results of {@code mid} as {@code MID TID UAS vv mm MM} blocks; zeros before completion. */
    byte[] results(int mid, ObdEcuState state) {
        MidDef def = mids.get(mid);
        ResponseBuilder out = new ResponseBuilder();
        boolean complete = state.readiness().complete(def.monitor(), false);
        for (TestDef t : def.tests()) {
            out.u8(mid).u8(t.tid()).u8(t.uas());
            if (!complete) {
                out.u16(0).u16(0).u16(0);
                continue;
            }
            double draw = Noise.unit(seed, MONITOR_CHANNEL + mid, t.tid());
            boolean signed = t.uas() >= 0x80;
            out.u16(raw(t.value().of(draw, state.dtcs()), t.scale(), signed));
            out.u16(raw(t.min(), t.scale(), signed));
            out.u16(raw(t.max(), t.scale(), signed));
        }
        return out.toBytes();
    }

    private static int raw(double physical, double scale, boolean signed) {
        long r = Math.round(physical / scale);
        if (signed) {
            return (int) Math.max(-32768, Math.min(32767, r)) & 0xFFFF;
        }
        return (int) Math.max(0, Math.min(65535, r));
    }
}
