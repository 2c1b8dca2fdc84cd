package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every command decodes random answers of its response length without failing, to a value of
 * its declared type and unit, or to no value where that is documented: {@code drop} always,
 * enumerations for reserved values, a freeze-frame DTC of {@code 00 00}. The seed is printed.
 */
class EveryCommandDecodesTest {
    private static final long SEED = 0x0BD10_2026L;
    private static final int ROUNDS = 12;
    /** Decoders that may give no value for some bytes (reserved enumeration values, 00 00 DTC). */
    private static final Set<String> MAY_BE_EMPTY = Set.of("fuel_status", "air_status", "obd_compliance",
            "fuel_type", "single_dtc");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCommandDecodesRandomAnswers() throws Exception {
        System.out.println("EveryCommandDecodesTest seed " + Long.toHexString(SEED));
        SplittableRandom random = new SplittableRandom(SEED);
        int values = 0;
        for (ObdCommand c : ObdCommands.all()) {
            for (int round = 0; round < ROUNDS; round++) {
                EcuMessage answer = answer(c, random);
                String at = c.name() + " " + answer + " (seed " + Long.toHexString(SEED) + ")";
                ObdResponse r = c.decode(List.of(answer), 1_000L);
                assertThat(r.problems()).as(at).isEmpty();
                Optional<ObdValue> v = r.value();
                String name = c.decoder().pythonName();
                if (name.equals("drop")) {
                    assertThat(v).as(at).isEmpty();
                    assertThat(ObdJson.toJson(r)).as(at).isEqualTo("null");
                    continue;
                }
                if (v.isEmpty()) {
                    assertThat(MAY_BE_EMPTY).as("no value for " + at).contains(name);
                    continue;
                }
                values++;
                assertThat(v.get().pythonType()).as(at).isEqualTo(c.decoder().valueType());
                if (v.get() instanceof Quantity q) {
                    assertThat(q.unit()).as(at).isEqualTo(c.unit());
                    assertThat(r.unit()).as(at).contains(c.unit());
                } else {
                    assertThat(r.unit()).as(at).contains(c.decoder().valueType());
                }
                // the JSON is valid and is the compat object
                var node = JSON.readTree(ObdJson.toJson(r));
                assertThat(node.fieldNames()).as(at).toIterable().containsExactly("value", "command", "time", "unit");
            }
        }
        assertThat(values).isGreaterThan(ObdCommands.all().size() * ROUNDS / 2);
    }

    /** A well-formed answer of the command's length with random data. */
    private static EcuMessage answer(ObdCommand c, SplittableRandom random) {
        if (c.isAdapterCommand()) {
            String text = c.decoder() == Decoders.ELM_VOLTAGE
                    ? String.format(java.util.Locale.ROOT, "%d.%dV", random.nextInt(9, 16), random.nextInt(10))
                    : "ELM327 v1." + random.nextInt(6);
            return EcuMessage.ofText(EcuRole.UNKNOWN, List.of(text));
        }
        byte[] request = HexFormat.of().parseHex(c.command());
        int mode = request[0] & 0xFF;
        List<Byte> out = new ArrayList<>();
        out.add((byte) (mode + 0x40));
        for (int i = 1; i < request.length; i++) {
            out.add(request[i]);
        }
        if (mode == 0x02) {
            out.add((byte) random.nextInt(3)); // frame number
        }
        int dataBytes;
        if (c.bytes() > 0) {
            dataBytes = c.bytes() - request.length;
        } else if (mode == 0x06) {
            int tests = random.nextInt(5);
            for (int t = 0; t < tests; t++) {
                out.add(request[1]); // MID
                out.add((byte) random.nextInt(256)); // TID
                out.add((byte) (random.nextBoolean() ? 0x0A : random.nextInt(256))); // UAS, often known
                for (int i = 0; i < 6; i++) {
                    out.add((byte) random.nextInt(256));
                }
            }
            dataBytes = 0;
        } else if (mode == 0x03 || mode == 0x07 || mode == 0x0A) {
            int count = random.nextInt(6);
            out.add((byte) count);
            dataBytes = 2 * count;
        } else if (mode == 0x09) {
            int items = 1 + random.nextInt(20);
            out.add((byte) items);
            dataBytes = 2 * items;
        } else {
            dataBytes = 0; // mode 04: the bare positive answer
        }
        for (int i = 0; i < dataBytes; i++) {
            out.add((byte) random.nextInt(256));
        }
        byte[] data = new byte[out.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = out.get(i);
        }
        return EcuMessage.of(EcuRole.ENGINE, 0x7E8, data);
    }
}
