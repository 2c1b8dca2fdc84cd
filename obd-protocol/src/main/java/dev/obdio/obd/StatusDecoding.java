package dev.obdio.obd;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * python-OBD's {@code status} decoder (PIDs 01 and 41). Bits, MSB of byte A first: A7 MIL, A6..A0
 * DTC count, B3 ignition type, B2..B0 base monitors supported, B6..B4 base monitors not complete,
 * C bits supported and D bits not complete for the ignition type's monitors.
 */
final class StatusDecoding {
    private StatusDecoding() {
    }

    static Optional<ObdValue> status(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null) {
            return Optional.empty();
        }
        BitArray bits = BitArray.of(d);
        boolean compression = bits.get(12);
        Map<String, StatusTest> tests = new HashMap<>();
        for (String name : Status.TEST_NAMES) {
            tests.put(name, StatusTest.NULL);
        }
        List<String> base = ObdTables.BASE_TESTS;
        for (int i = 0; i < base.size(); i++) {
            String name = base.get(base.size() - 1 - i);
            tests.put(name, new StatusTest(name, bits.get(13 + i), !bits.get(9 + i)));
        }
        List<String> specific = compression ? ObdTables.COMPRESSION_TESTS : ObdTables.SPARK_TESTS;
        for (int i = 0; i < specific.size(); i++) {
            String name = specific.get(specific.size() - 1 - i);
            if (name != null) {
                tests.put(name, new StatusTest(name, bits.get(16 + i), !bits.get(24 + i)));
            }
        }
        return Optional.of(new Status(bits.get(0), (int) bits.value(1, 8),
                compression ? IgnitionType.COMPRESSION : IgnitionType.SPARK, tests));
    }
}
