package dev.obdio.bench;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.VirtualInterface;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PDUs per second between two java-engine ISO-TP channels on one instant virtual bus: 4095-byte
 * PDUs (one first frame and 585 consecutive frames each) with BS 0 and STmin 0, so the figure is
 * the engine's own cost. Each operation sends one PDU and waits until the peer has received it
 * completely, like a request in a diagnostic session. Multiply by 4095 for payload bytes per
 * second; compare with {@link VirtualBusThroughput} (frames per second) for the protocol's share.
 *
 * <p>{@code endpoints}: {@code shared} opens both channels by bus name, so they share one
 * endpoint and hear each other through its own-frame echo; {@code separate} gives each its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IsoTpThroughput {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Param({"shared", "separate"})
    public String endpoints;

    private CanBus busA;
    private CanBus busB;
    private IsoTpChannel tester;
    private IsoTpChannel ecu;
    private final byte[] pdu = new byte[4095];

    @Setup(Level.Trial)
    public void open() {
        Arrays.fill(pdu, (byte) 0x5A);
        IsoTpOptions testerOptions = IsoTpOptions.DEFAULTS.withBlockSize(0).withStMin(0);
        IsoTpOptions ecuOptions = testerOptions.withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0));
        String name = "bench-isotp-" + System.nanoTime();
        if (endpoints.equals("shared")) {
            tester = IsoTp.open("virtual:" + name, testerOptions, IsoTp.Engine.JAVA);
            ecu = IsoTp.open("virtual:" + name, ecuOptions, IsoTp.Engine.JAVA);
        } else {
            VirtualInterface vi = VirtualInterface.named(name);
            busA = vi.openEndpoint(BusOptions.DEFAULTS.withReceiveQueueCapacity(65_536));
            busB = vi.openEndpoint(BusOptions.DEFAULTS.withReceiveQueueCapacity(65_536));
            tester = IsoTp.open(busA, testerOptions, IsoTp.Engine.JAVA);
            ecu = IsoTp.open(busB, ecuOptions, IsoTp.Engine.JAVA);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        tester.close();
        ecu.close();
        if (busA != null) {
            busA.close();
            busB.close();
        }
    }

    /** One 4095-byte PDU from tester to ECU, until the ECU has it. */
    @Benchmark
    public byte[] pdu4095() throws InterruptedException {
        tester.sendAsync(pdu);
        byte[] got = ecu.receive(WAIT);
        if (got == null || got.length != pdu.length) {
            throw new IllegalStateException("PDU lost: " + (got == null ? "timeout" : got.length + " bytes"));
        }
        return got;
    }
}
