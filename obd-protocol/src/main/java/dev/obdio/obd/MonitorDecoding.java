package dev.obdio.obd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * python-OBD's {@code monitor} decoder (mode 06 on CAN): after the mode byte, blocks of nine bytes
 * {@code MID TID UAS value(2) min(2) max(2)}. A trailing partial block is dropped, a block with an
 * unknown UAS id is skipped, and the tests come in python-OBD's order: its known test ids first in
 * id order, then other ids as they appear; a repeated id keeps the last result.
 */
final class MonitorDecoding {
    private static final int BLOCK = 9;

    private MonitorDecoding() {
    }

    static Optional<ObdValue> monitor(List<EcuMessage> m) {
        if (m.isEmpty()) {
            return Optional.empty();
        }
        byte[] d = ByteSlices.from(m.get(0).data(), 1);
        Map<Integer, MonitorTest> tests = new LinkedHashMap<>();
        for (Integer tid : ObdTables.TEST_IDS.keySet()) {
            tests.put(tid, null); // python-OBD's null tests hold these positions
        }
        for (int n = 0; n + BLOCK <= d.length; n += BLOCK) {
            parse(ByteSlices.slice(d, n, n + BLOCK)).ifPresent(t -> tests.put(t.tid(), t));
        }
        List<MonitorTest> valid = new ArrayList<>();
        tests.values().stream().filter(t -> t != null).forEach(valid::add);
        return Optional.of(new Monitor(valid));
    }

    private static Optional<MonitorTest> parse(byte[] block) {
        int tid = block[1] & 0xFF;
        int uas = block[2] & 0xFF;
        if (!UnitsAndScaling.isKnown(uas)) {
            return Optional.empty();
        }
        List<String> known = ObdTables.TEST_IDS.get(tid);
        String name = known == null ? "Unknown" : known.get(0);
        String desc = known == null ? "Unknown" : known.get(1);
        ObdValue value = UnitsAndScaling.decode(uas, ByteSlices.slice(block, 3, 5)).orElseThrow();
        ObdValue min = UnitsAndScaling.decode(uas, ByteSlices.slice(block, 5, 7)).orElseThrow();
        ObdValue max = UnitsAndScaling.decode(uas, ByteSlices.slice(block, 7, 9)).orElseThrow();
        return Optional.of(new MonitorTest(tid, name, desc, value, min, max));
    }
}
