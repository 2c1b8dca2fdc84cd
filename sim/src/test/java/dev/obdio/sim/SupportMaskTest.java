package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The supported-item masks of modes 01, 02, 06 and 09 tell exactly what each ECU answers: the test
 * reads the masks as a client does (following the "next mask" bit), then asks for every item 0x01
 * to 0xFF and checks that an item is answered if and only if its bit is set.
 */
class SupportMaskTest {

    static Stream<Arguments> ecus() {
        return VehicleFiles.BUILT_IN.stream().flatMap(v -> VehicleFiles.builtIn(v).ecus().stream()
                .map(e -> Arguments.of(v, e.name())));
    }

    private record Mode(int mode, String suffix) {
        String request(int item) {
            return String.format("%02X %02X%s", mode, item, suffix);
        }

        String positivePrefix(int item) {
            return String.format("%02X %02X", mode + 0x40, item);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ecus")
    void masksAnnounceExactlyTheAnsweredItems(String vehicleName, String ecuName) {
        FakeClock clock = new FakeClock();
        Vehicle vehicle = Vehicle.create(VehicleFiles.builtIn(vehicleName), clock.now());
        EcuProbe probe = new EcuProbe(vehicle, ecuName, clock);
        SimulatedEcu ecu = vehicle.ecu(ecuName);

        Set<Integer> mode01 = check(probe, new Mode(0x01, ""));
        assertThat(mode01).as("mode 01 of %s", ecuName).isEqualTo(new TreeSet<>(ecu.description().pids()));
        assertThat(mode01).isEqualTo(ecu.supportedPids());

        check(probe, new Mode(0x02, " 00"));
        if (!probe.physical("06 00").startsWith("7F")) {
            Set<Integer> mids = check(probe, new Mode(0x06, ""));
            assertThat(mids).isNotEmpty();
        }
        Set<Integer> infotypes = check(probe, new Mode(0x09, ""));
        assertThat(infotypes).contains(0x04, 0x06, 0x0A);
        assertThat(infotypes.contains(0x02)).isEqualTo(ecu.description().reportsVin());
    }

    /** Reads the masks, checks every item against them, returns the announced non-mask items. */
    private static Set<Integer> check(EcuProbe probe, Mode mode) {
        Set<Integer> announced = new TreeSet<>();
        Set<Integer> masks = new TreeSet<>();
        int base = 0;
        while (true) {
            masks.add(base);
            byte[] answer = probe.bytes(mode.request(base));
            String prefix = mode.positivePrefix(base) + (mode.suffix().isEmpty() ? "" : " 00");
            assertThat(Hex.of(answer)).as("mask %02X", base).startsWith(prefix);
            int offset = mode.suffix().isEmpty() ? 2 : 3;
            assertThat(answer).hasSize(offset + 4);
            long bits = ((answer[offset] & 0xFFL) << 24) | ((answer[offset + 1] & 0xFFL) << 16)
                    | ((answer[offset + 2] & 0xFFL) << 8) | (answer[offset + 3] & 0xFFL);
            for (int i = 1; i <= 31; i++) {
                if ((bits & (1L << (32 - i))) != 0) {
                    announced.add(base + i);
                }
            }
            if ((bits & 1) == 0 || base == 0xE0) {
                break;
            }
            base += 0x20;
        }
        for (int item = 1; item <= 0xFF; item++) {
            String answer = probe.physical(mode.request(item));
            boolean expected = item % 0x20 == 0 ? masks.contains(item) : announced.contains(item);
            if (expected) {
                assertThat(answer).as("mode %02X item %02X is announced", mode.mode(), item)
                        .startsWith(mode.positivePrefix(item));
            } else {
                assertThat(answer).as("mode %02X item %02X is not announced", mode.mode(), item)
                        .startsWith(String.format("7F %02X", mode.mode()));
            }
        }
        return announced;
    }
}
