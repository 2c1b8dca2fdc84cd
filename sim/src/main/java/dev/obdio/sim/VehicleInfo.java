package dev.obdio.sim;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mode 09 vehicle information, ISO 15765-4 layout: each answer is {@code 49 infotype NODI items},
 * NODI being the number of data items (one VIN of 17 characters, n calibration ids of 16 bytes,
 * n CVNs of 4 bytes, one ECU name of 20 bytes, or the 16-bit in-use performance counters).
 */
final class VehicleInfo {
    static final int VIN = 0x02;
    static final int CALIBRATION_ID = 0x04;
    static final int CVN = 0x06;
    static final int IN_USE_SPARK = 0x08;
    static final int ECU_NAME = 0x0A;
    static final int IN_USE_COMPRESSION = 0x0B;

    private static final int IN_USE_CHANNEL = 8000;
    /** SAE J1979 counter pairs after OBDCOND and IGNCNTR: 9 pairs (spark, NODI 0x14) or 8 (compression, NODI 0x12). */
    private static final int SPARK_PAIRS = 9;
    private static final int COMPRESSION_PAIRS = 8;

    private final Set<Integer> infotypes = new TreeSet<>();

    VehicleInfo(ObdEcuState state) {
        EcuDescription ecu = state.description();
        if (ecu.reportsVin()) {
            infotypes.add(VIN);
        }
        infotypes.add(CALIBRATION_ID);
        infotypes.add(CVN);
        if (ecu.role() == EcuRole.ENGINE) {
            infotypes.add(state.vehicle().engine().fuel() == FuelType.PETROL ? IN_USE_SPARK : IN_USE_COMPRESSION);
        }
        infotypes.add(ECU_NAME);
    }

    /** Implemented infotypes, masks excluded. */
    Set<Integer> infotypes() {
        return infotypes;
    }

    /** The data after {@code 49 infotype}: NODI and the items. */
    byte[] data(int infotype, ObdEcuState state) {
        EcuDescription ecu = state.description();
        ResponseBuilder out = new ResponseBuilder();
        switch (infotype) {
            case VIN -> out.u8(1).bytes(state.vehicle().vin().getBytes(StandardCharsets.US_ASCII));
            case CALIBRATION_ID -> {
                out.u8(ecu.calibrationIds().size());
                for (String id : ecu.calibrationIds()) {
                    out.bytes(padded(id, 16));
                }
            }
            case CVN -> {
                out.u8(ecu.cvns().size());
                for (String cvn : ecu.cvns()) {
                    out.bytes(HexFormat.of().parseHex(cvn));
                }
            }
            case ECU_NAME -> {
                String name = ecu.ecuName();
                int dash = name.indexOf('-');
                out.u8(1).bytes(padded(name.substring(0, dash), 4)).u8('-').bytes(padded(name.substring(dash + 1), 15));
            }
            case IN_USE_SPARK -> inUse(out, state, SPARK_PAIRS);
            case IN_USE_COMPRESSION -> inUse(out, state, COMPRESSION_PAIRS);
            default -> throw new IllegalArgumentException("infotype " + infotype + " not implemented");
        }
        return out.toBytes();
    }

    /**
     * In-use performance tracking: OBDCOND (drive cycles meeting the general denominator), IGNCNTR
     * (ignition cycles), then numerator/denominator pairs per monitor. Derived from the odometer at
     * start (about one ignition cycle per 25 km) and the simulation's own ignition cycles.
     */
    private static void inUse(ResponseBuilder out, ObdEcuState state, int pairs) {
        long seed = state.model().seed();
        int ignitions = (int) Math.min(65535, 40 + state.vehicle().start().odometerKm() / 25 + state.model().ignitionCycles());
        int obdCond = (int) (ignitions * 0.78);
        List<Integer> values = new java.util.ArrayList<>();
        values.add(obdCond);
        values.add(ignitions);
        for (int i = 0; i < pairs; i++) {
            int cond = (int) (obdCond * (0.85 + 0.15 * Noise.unit(seed, IN_USE_CHANNEL, i)));
            int comp = (int) (cond * (0.35 + 0.55 * Noise.unit(seed, IN_USE_CHANNEL + 1, i)));
            values.add(comp);
            values.add(cond);
        }
        out.u8(values.size());
        values.forEach(out::u16);
    }

    private static byte[] padded(String text, int length) {
        byte[] out = new byte[length];
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, out, 0, Math.min(length, b.length));
        return out;
    }
}
