package dev.obdio.bench;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanFrame;
import dev.obdio.can.VirtualInterface;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frames per second between two endpoints of one virtual bus: one thread sends 8-byte frames,
 * another receives them. Each operation is one frame; the {@code receive} figure is what got
 * through (the sender is throttled by nothing but the receiver's queue, like a vcan socket).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VirtualBusThroughput {
    private CanBus sender;
    private CanBus receiver;
    private final CanFrame frame = CanFrame.of(0x123, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5,
            (byte) 6, (byte) 7, (byte) 8);

    @Setup(Level.Trial)
    public void open() {
        VirtualInterface vi = VirtualInterface.named("bench-" + System.nanoTime());
        sender = vi.openEndpoint(BusOptions.DEFAULTS);
        receiver = vi.openEndpoint(BusOptions.DEFAULTS.withReceiveQueueCapacity(65536));
    }

    @TearDown(Level.Trial)
    public void close() {
        sender.close();
        receiver.close();
    }

    @Benchmark
    @Group("pair")
    @GroupThreads(1)
    public void send() {
        sender.send(frame);
    }

    @Benchmark
    @Group("pair")
    @GroupThreads(1)
    public Object receive() throws InterruptedException {
        return receiver.receive(Duration.ofMillis(100));
    }
}
