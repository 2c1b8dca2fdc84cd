package dev.obdio.sim;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The readiness monitors of one ECU (PID 01 bytes B-D, PID 41): which it supports and whether each
 * has completed since the last clear and in this ignition cycle. A monitor completes after enough
 * qualifying driving: running, running warm, or cruising warm, counted by the vehicle model's
 * accumulators from an anchor set at each clear and ignition cycle.
 */
final class Readiness {

    /** What kind of driving completes a monitor. */
    enum Basis {
        /** Engine running. */
        RUN,
        /** Engine running with coolant at least 70 °C. */
        WARM,
        /** Warm and cruising between 30 and 120 km/h. */
        CRUISE
    }

    /** The SAE J1979 monitors, with their bit in PID 01 and what completes them. */
    enum Monitor {
        MISFIRE(true, 0, Basis.WARM, 60),
        FUEL_SYSTEM(true, 1, Basis.WARM, 120),
        COMPONENTS(true, 2, Basis.RUN, 0),
        CATALYST(false, 0, Basis.CRUISE, 300),
        EVAPORATIVE_SYSTEM(false, 2, Basis.CRUISE, 900),
        O2_SENSOR(false, 5, Basis.CRUISE, 120),
        O2_SENSOR_HEATER(false, 6, Basis.WARM, 60),
        EGR_VVT(false, 7, Basis.CRUISE, 180),
        NMHC_CATALYST(false, 0, Basis.CRUISE, 600),
        BOOST_PRESSURE(false, 3, Basis.CRUISE, 120),
        EXHAUST_GAS_SENSOR(false, 5, Basis.CRUISE, 180),
        PM_FILTER(false, 6, Basis.CRUISE, 900);

        final boolean continuous;
        final int bit;
        final Basis basis;
        final double seconds;

        Monitor(boolean continuous, int bit, Basis basis, double seconds) {
            this.continuous = continuous;
            this.bit = bit;
            this.basis = basis;
            this.seconds = seconds;
        }
    }

    private static final List<Monitor> SPARK = List.of(Monitor.MISFIRE, Monitor.FUEL_SYSTEM, Monitor.COMPONENTS,
            Monitor.CATALYST, Monitor.EVAPORATIVE_SYSTEM, Monitor.O2_SENSOR, Monitor.O2_SENSOR_HEATER, Monitor.EGR_VVT);
    private static final List<Monitor> COMPRESSION = List.of(Monitor.MISFIRE, Monitor.FUEL_SYSTEM, Monitor.COMPONENTS,
            Monitor.NMHC_CATALYST, Monitor.BOOST_PRESSURE, Monitor.EXHAUST_GAS_SENSOR, Monitor.PM_FILTER,
            Monitor.EGR_VVT);
    private static final List<Monitor> COMPONENTS_ONLY = List.of(Monitor.COMPONENTS);
    private static final double LONG_AGO = -1e15;

    private final VehicleModel model;
    private final Set<Monitor> supported;
    private final boolean compression;
    private final double[] sinceClear = new double[Basis.values().length];
    private final double[] thisCycle = new double[Basis.values().length];

    Readiness(VehicleModel model, EcuRole role, FuelType fuel, boolean completeAtStart) {
        this.model = model;
        this.compression = fuel == FuelType.DIESEL;
        List<Monitor> list = role != EcuRole.ENGINE ? COMPONENTS_ONLY : compression ? COMPRESSION : SPARK;
        this.supported = EnumSet.copyOf(list);
        if (completeAtStart) {
            java.util.Arrays.fill(sinceClear, LONG_AGO);
        } else {
            anchor(sinceClear);
        }
        anchor(thisCycle);
    }

    private void anchor(double[] anchors) {
        for (Basis b : Basis.values()) {
            anchors[b.ordinal()] = accumulated(b);
        }
    }

    private double accumulated(Basis b) {
        return switch (b) {
            case RUN -> model.engineRunSeconds();
            case WARM -> model.warmRunSeconds();
            case CRUISE -> model.warmCruiseSeconds();
        };
    }

    /** Monitors restart after a clear (mode 04, UDS 0x14). */
    void onClear() {
        anchor(sinceClear);
    }

    /** A new ignition cycle restarts the this-cycle view (PID 41). */
    void onIgnitionCycle() {
        anchor(thisCycle);
    }

    boolean complete(Monitor m, boolean inThisCycle) {
        double[] anchors = inThisCycle ? thisCycle : sinceClear;
        return accumulated(m.basis) - anchors[m.basis.ordinal()] >= m.seconds;
    }

    /** True when every supported monitor has completed. */
    boolean allComplete(boolean inThisCycle) {
        for (Monitor m : supported) {
            if (!complete(m, inThisCycle)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Bytes B, C and D of PID 01 / 41: B bit 3 the ignition type, bits 0-2 continuous monitors
     * supported, bits 4-6 incomplete; C the non-continuous supported, D their incomplete bits.
     */
    int[] statusBytes(boolean inThisCycle) {
        int b = compression ? 0x08 : 0;
        int c = 0;
        int dd = 0;
        for (Monitor m : supported) {
            boolean incomplete = !complete(m, inThisCycle);
            if (m.continuous) {
                b |= 1 << m.bit;
                if (incomplete) {
                    b |= 1 << (m.bit + 4);
                }
            } else {
                c |= 1 << m.bit;
                if (incomplete) {
                    dd |= 1 << m.bit;
                }
            }
        }
        return new int[] {b, c, dd};
    }
}
