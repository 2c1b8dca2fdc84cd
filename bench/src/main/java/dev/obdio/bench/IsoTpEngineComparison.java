package dev.obdio.bench;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.socketcan.SocketCan;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpException;
import dev.obdio.isotp.IsoTpOptions;
import dev.obdio.isotp.StMin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The java and the kernel ISO-TP engines side by side, in one run:
 * <ol>
 *   <li>throughput of 4095-byte PDUs (one first frame, 585 consecutive frames) with BS 0 and
 *       STmin 0, tester and ECU of the same engine, each PDU sent and waited for like a
 *       request: on the instant virtual bus (java engine only) and on a SocketCAN interface
 *       (both engines, in alternating rounds so drift hits both alike);</li>
 *   <li>the gaps between consecutive frames a sender of each engine leaves when the receiver
 *       asks for STmin 0xF5 (500 µs) and 0x05 (5 ms), timestamped by the kernel on a third
 *       socket.</li>
 * </ol>
 * Without SocketCAN (no AF_CAN on this kernel) only the virtual bus part runs. Inside the QEMU
 * guest (../shared/tools/vmrun) absolute figures are meaningless, Java being 10-40x slower under
 * emulation than the kernel's C; the java/kernel ratio measured in the same run is what counts.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.obdio.bench.IsoTpEngineComparison
 * [INTERFACE [PDUS_PER_ROUND [ROUNDS]]]} (defaults vcan0, 40, 3).
 */
public final class IsoTpEngineComparison {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int PDU = 4095;

    private IsoTpEngineComparison() {
    }

    /** One run; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        String ifname = args.length > 0 ? args[0] : "vcan0";
        int pdus = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf(Locale.ROOT, "ISO-TP engines: %d-byte PDUs, BS 0, STmin 0; %d rounds of %d PDUs%n", PDU,
                rounds, pdus);
        System.out.printf(Locale.ROOT, "java %s, %s %s, %d cpus%n", System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.version"),
                Runtime.getRuntime().availableProcessors());

        String virtual = "virtual:bench-engines-" + System.nanoTime();
        Result virtualJava = throughput(virtual, IsoTp.Engine.JAVA, pdus, rounds, 2);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-28s %10s %10s %8s%n", "bus / engine", "PDU/s", "kB/s", "failed");
        print("virtual (instant) / java", virtualJava);

        SocketCan.Availability a = SocketCan.availability(ifname);
        if (!a.available()) {
            System.out.println(ifname + ": skipped, " + a.reason());
            return;
        }
        // Warm both up once, then alternate rounds.
        throughput(ifname, IsoTp.Engine.JAVA, pdus, 1, 0);
        throughput(ifname, IsoTp.Engine.KERNEL, pdus, 1, 0);
        Result java = new Result(0, 0, 0);
        Result kernel = new Result(0, 0, 0);
        for (int r = 0; r < rounds; r++) {
            java = java.plus(throughput(ifname, IsoTp.Engine.JAVA, pdus, 1, 0));
            kernel = kernel.plus(throughput(ifname, IsoTp.Engine.KERNEL, pdus, 1, 0));
        }
        print(ifname + " / java", java);
        print(ifname + " / kernel", kernel);
        System.out.printf(Locale.ROOT, "throughput ratio java/kernel on %s: %.2f (target >= 0.80)%n", ifname,
                java.pdusPerSecond() / kernel.pdusPerSecond());

        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %8s %6s %9s %9s %9s %9s %8s%n", "STmin gaps on " + ifname, "target",
                "gaps", "median", "p99", "min dev", "max dev", "within");
        for (int stMin : new int[] {0xF5, 0x05}) {
            for (IsoTp.Engine engine : new IsoTp.Engine[] {IsoTp.Engine.JAVA, IsoTp.Engine.KERNEL}) {
                gaps(ifname, engine, stMin, stMin == 0x05 ? 6 : 20);
            }
        }
    }

    /** Totals of a throughput measurement. */
    private record Result(long pdus, long failed, long nanos) {
        Result plus(Result other) {
            return new Result(pdus + other.pdus, failed + other.failed, nanos + other.nanos);
        }

        double pdusPerSecond() {
            return pdus * 1e9 / Math.max(1, nanos);
        }
    }

    private static void print(String label, Result r) {
        System.out.printf(Locale.ROOT, "%-28s %10.1f %10.1f %8d%n", label, r.pdusPerSecond(),
                r.pdusPerSecond() * PDU / 1000, r.failed());
    }

    /** PDUs per second tester -> ECU, each waited for; {@code warmup} rounds are not counted. */
    private static Result throughput(String bus, IsoTp.Engine engine, int pdus, int rounds, int warmup)
            throws Exception {
        IsoTpOptions tester = IsoTpOptions.DEFAULTS.withBlockSize(0).withStMin(0)
                .withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8));
        IsoTpOptions ecu = tester.withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0));
        byte[] pdu = new byte[PDU];
        Arrays.fill(pdu, (byte) 0x5A);
        Result total = new Result(0, 0, 0);
        try (IsoTpChannel t = IsoTp.open(bus, tester, engine); IsoTpChannel e = IsoTp.open(bus, ecu, engine)) {
            for (int r = 0; r < warmup + rounds; r++) {
                long ok = 0;
                long failed = 0;
                long start = System.nanoTime();
                for (int i = 0; i < pdus; i++) {
                    try {
                        t.send(pdu);
                        byte[] got = e.receive(WAIT);
                        if (got != null && got.length == PDU) {
                            ok++;
                        } else {
                            failed++;
                        }
                    } catch (IsoTpException x) {
                        failed++; // e.g. frames the receiver's socket dropped
                    }
                }
                long nanos = System.nanoTime() - start;
                if (r >= warmup) {
                    total = total.plus(new Result(ok, failed, nanos));
                }
            }
        }
        return total;
    }

    /**
     * Sends 200-byte PDUs (28 consecutive frames) from an {@code engine} tester to a kernel ECU
     * that asks for {@code stMin}, and measures the gaps between the consecutive frames with the
     * kernel's receive timestamps.
     */
    private static void gaps(String ifname, IsoTp.Engine engine, int stMin, int pdus) throws Exception {
        IsoTpOptions tester = IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8));
        IsoTpOptions ecu = tester.withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0)).withStMin(stMin);
        long target = StMin.toNanos(stMin);
        List<Long> gaps = new ArrayList<>();
        try (CanBus sniffer = CanBuses.open(ifname, BusOptions.DEFAULTS.withReceiveQueueCapacity(1 << 16)
                .withFilters(CanFilterSet.of(CanFilter.standardId(0x7E0))));
             IsoTpChannel t = IsoTp.open(ifname, tester, engine);
             IsoTpChannel e = IsoTp.open(ifname, ecu, IsoTp.Engine.KERNEL)) {
            byte[] pdu = new byte[200];
            for (int i = 0; i < pdus + 1; i++) {
                t.send(pdu);
                if (e.receive(WAIT) == null) {
                    throw new IllegalStateException("PDU lost");
                }
                long previous = Long.MIN_VALUE;
                ReceivedFrame f;
                while ((f = sniffer.receive(Duration.ofMillis(i == 0 ? 50 : 20))) != null) {
                    int type = f.frame().dataByte(0) & 0xF0;
                    if (type == 0x20 && previous != Long.MIN_VALUE && i > 0) { // the first PDU warms up
                        gaps.add(f.timestampNanos() - previous);
                    }
                    previous = type == 0x20 ? f.timestampNanos() : (type == 0x10 ? Long.MIN_VALUE : previous);
                }
            }
        }
        long[] dev = gaps.stream().mapToLong(g -> g - target).sorted().toArray();
        long[] sorted = gaps.stream().mapToLong(Long::longValue).sorted().toArray();
        long tolerance = target < 1_000_000 ? 100_000 : 500_000;
        long within = Arrays.stream(dev).filter(d -> Math.abs(d) <= tolerance).count();
        System.out.printf(Locale.ROOT, "0x%02X %-16s %6dus %6d %7.0fus %7.0fus %7.0fus %7.0fus %7.1f%%%n", stMin,
                engine.name().toLowerCase(Locale.ROOT), target / 1000, dev.length, sorted[sorted.length / 2] / 1e3,
                sorted[(int) (sorted.length * 0.99)] / 1e3, dev[0] / 1e3, dev[dev.length - 1] / 1e3,
                100.0 * within / dev.length);
    }
}
