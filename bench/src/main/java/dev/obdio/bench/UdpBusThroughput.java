package dev.obdio.bench;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frames per second from one endpoint to another over the UDP multicast bus (python-can's
 * {@code udp_multicast} format, through the host's network stack), side by side with the
 * in-process virtual bus as the baseline: run both {@code transport}s in one run and compare.
 *
 * <ul>
 *   <li>{@code pingPong}: send one frame, wait until the other endpoint has it (latency bound);</li>
 *   <li>{@code burst}: send {@value #BURST} frames, then take them all (what the codec, the
 *       sockets and the reader thread sustain; small enough for the socket buffer).</li>
 * </ul>
 * A frame that does not arrive within a second fails the benchmark instead of being measured
 * as a timeout. Run: {@code java -jar bench/target/benchmarks.jar UdpBusThroughput}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UdpBusThroughput {
    static final int BURST = 64;
    private static final Duration LOST = Duration.ofSeconds(1);

    /** {@code udp}: a multicast group on a free port; {@code virtual}: an in-process vcan. */
    @Param({"udp", "virtual"})
    public String transport;

    /** {@code classic}: 8 data bytes; {@code fd}: a 64-byte CAN FD frame with BRS. */
    @Param({"classic", "fd"})
    public String frameType;

    private CanBus sender;
    private CanBus receiver;
    private CanFrame frame;

    @Setup(Level.Trial)
    public void open() {
        String name = transport.equals("udp") ? "udp:239.74.163.2:" + freePort() : "virtual:bench-" + System.nanoTime();
        sender = CanBuses.open(name, BusOptions.DEFAULTS);
        receiver = CanBuses.open(name, BusOptions.DEFAULTS.withReceiveQueueCapacity(65536));
        frame = frameType.equals("fd") ? CanFrame.fd(0x7E8, false, true, false, new byte[64])
                : CanFrame.of(0x123, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5, (byte) 6, (byte) 7, (byte) 8);
    }

    private static int freePort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        sender.close();
        receiver.close();
    }

    private ReceivedFrame take() throws InterruptedException {
        ReceivedFrame f = receiver.receive(LOST);
        if (f == null) {
            throw new IllegalStateException(transport + ": a frame was lost (dropped: "
                    + receiver.droppedFrames() + ")");
        }
        return f;
    }

    @Benchmark
    public ReceivedFrame pingPong() throws InterruptedException {
        sender.send(frame);
        return take();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long burst() throws InterruptedException {
        for (int i = 0; i < BURST; i++) {
            sender.send(frame);
        }
        long sum = 0;
        for (int i = 0; i < BURST; i++) {
            sum += take().timestampNanos();
        }
        return sum;
    }
}
