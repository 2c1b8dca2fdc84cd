package dev.obdio.bench;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.VirtualInterface;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import dev.obdio.isotp.StMin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How closely the java engine holds the receiver's STmin: a tester sends PDUs to an ECU that
 * asks for a given STmin, a third endpoint timestamps every consecutive frame on the (instant)
 * virtual bus, and the gaps are compared with STmin. Prints the deviation per STmin value.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.obdio.bench.IsoTpStMinAccuracy [pdus]}.
 * The figures depend on the machine's load: on a busy shared machine the tail grows.
 */
public final class IsoTpStMinAccuracy {
    private IsoTpStMinAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        int pdus = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int[] stMins = {0xF1, 0xF5, 0xF9, 0x01, 0x05, 0x0A};
        System.out.printf("%-6s %8s %8s %10s %10s %10s %10s %8s%n", "STmin", "target", "gaps", "min dev", "median",
                "p99", "max dev", "within");
        for (int stMin : stMins) {
            measure(stMin, pdus);
        }
    }

    private static void measure(int stMin, int pdus) throws Exception {
        String name = "stmin-" + Integer.toHexString(stMin) + "-" + System.nanoTime();
        VirtualInterface vi = VirtualInterface.named(name);
        long target = StMin.toNanos(stMin);
        List<Long> gaps = new ArrayList<>();
        try (CanBus sniffer = vi.openEndpoint(BusOptions.DEFAULTS.withReceiveQueueCapacity(1 << 16)
                .withFilters(CanFilterSet.of(CanFilter.standardId(0x7E0))));
             IsoTpChannel tester = IsoTp.open("virtual:" + name, IsoTpOptions.DEFAULTS, IsoTp.Engine.JAVA);
             IsoTpChannel ecu = IsoTp.open("virtual:" + name, IsoTpOptions.DEFAULTS.withStMin(stMin)
                     .withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0)), IsoTp.Engine.JAVA)) {
            byte[] pdu = new byte[200]; // a first frame and 28 consecutive frames
            for (int i = 0; i < pdus; i++) {
                tester.send(pdu);
                if (ecu.receive(Duration.ofSeconds(10)) == null) {
                    throw new IllegalStateException("PDU lost");
                }
                long previous = Long.MIN_VALUE;
                ReceivedFrame f;
                while ((f = sniffer.receive(Duration.ZERO)) != null) {
                    boolean consecutive = (f.frame().dataByte(0) & 0xF0) == 0x20;
                    boolean first = (f.frame().dataByte(0) & 0xF0) == 0x10;
                    if (consecutive && previous != Long.MIN_VALUE) {
                        gaps.add(f.timestampNanos() - previous);
                    }
                    previous = consecutive ? f.timestampNanos() : (first ? Long.MIN_VALUE : previous);
                }
            }
        }
        long[] dev = gaps.stream().mapToLong(g -> g - target).sorted().toArray();
        long tolerance = target < 1_000_000 ? 100_000 : 500_000;
        long within = Arrays.stream(dev).filter(d -> Math.abs(d) <= tolerance).count();
        System.out.printf("0x%02X   %6dus %8d %8.1fus %8.1fus %8.1fus %8.1fus %7.1f%%%n", stMin, target / 1000, dev.length,
                dev[0] / 1e3, dev[dev.length / 2] / 1e3, dev[(int) (dev.length * 0.99)] / 1e3, dev[dev.length - 1] / 1e3,
                100.0 * within / dev.length);
    }
}
