package dev.obdio.bench;

import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdOptions;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.ObdStatus;
import dev.obdio.obd.testing.ScriptedEcu;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * OBD values per second from one ECU on an instant virtual bus: the whole stack (functional
 * request through ISO-TP, the scripted ECU answering on its own endpoint and threads, the answer
 * window, decoding to python-OBD values) with the default options (P2 50 ms; the window closes as
 * soon as the one ECU known to support the PIDs has answered).
 *
 * <ul>
 *   <li>{@code onePid}: {@code query(RPM)}, one request per value;</li>
 *   <li>{@code sixPidsBatched}: six mode 01 PIDs in one request ({@code 01 04 05 0C 0D 0F 11});</li>
 *   <li>{@code sixPidsOneByOne}: the same six with batching off ({@code maxPidsPerRequest = 1}).</li>
 * </ul>
 * The primary score is calls per second; the secondary scores {@code values} and {@code misses}
 * count, per second, the values that came back and those that did not (an answer later than P2,
 * which a loaded machine can cause: the benchmark reports it instead of hiding it).
 * {@code latencyMs} is how long the ECU waits before each answer; python-OBD through an ELM327
 * reads 5 to 13 values per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ObdThroughput {
    private static final List<ObdCommand> SIX = List.of(ObdCommands.ENGINE_LOAD, ObdCommands.COOLANT_TEMP,
            ObdCommands.RPM, ObdCommands.SPEED, ObdCommands.INTAKE_TEMP, ObdCommands.THROTTLE_POS);

    @Param({"0", "10"})
    public int latencyMs;

    private ScriptedEcu ecu;
    private ObdConnection batched;
    private ObdConnection oneByOne;

    @Setup(Level.Trial)
    public void open() {
        String bus = "virtual:bench-obd-" + System.nanoTime();
        ecu = ScriptedEcu.on(bus, 0x7E8).pid(0x04, "80").pid(0x05, "4C").pid(0x0C, "1AF8").pid(0x0D, "37")
                .pid(0x0F, "50").pid(0x11, "40").latency(Duration.ofMillis(latencyMs)).start();
        batched = ObdConnection.open(bus, ObdOptions.DEFAULTS);
        oneByOne = ObdConnection.open(bus, ObdOptions.DEFAULTS.withMaxPidsPerRequest(1));
        if (batched.status() != ObdStatus.CAR_CONNECTED || oneByOne.status() != ObdStatus.CAR_CONNECTED) {
            throw new IllegalStateException("the scripted ECU did not answer: " + batched + ", " + oneByOne);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        batched.close();
        oneByOne.close();
        ecu.close();
    }

    /** Values and misses, per second (JMH adds them up per iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Values {
        /** Values that came back. */
        public long values;
        /** Values that did not (answer later than P2). */
        public long misses;

        @Setup(Level.Iteration)
        public void reset() {
            values = 0;
            misses = 0;
        }

        void count(ObdResponse r) {
            if (r.value().isPresent()) {
                values++;
            } else {
                misses++;
            }
        }
    }

    /** One PID per request. */
    @Benchmark
    public Object onePid(Values counters) {
        ObdResponse r = batched.query(ObdCommands.RPM);
        counters.count(r);
        return r;
    }

    /** Six PIDs in one request. */
    @Benchmark
    public Object sixPidsBatched(Values counters) {
        Map<ObdCommand, ObdResponse> got = batched.query(SIX);
        got.values().forEach(counters::count);
        return got;
    }

    /** Six PIDs, one request each. */
    @Benchmark
    public Object sixPidsOneByOne(Values counters) {
        Map<ObdCommand, ObdResponse> got = oneByOne.query(SIX);
        got.values().forEach(counters::count);
        return got;
    }
}
