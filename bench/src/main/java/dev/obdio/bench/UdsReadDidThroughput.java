package dev.obdio.bench;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.VirtualInterface;
import dev.obdio.can.VirtualLinkSettings;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpEvent;
import dev.obdio.isotp.IsoTpOptions;
import dev.obdio.uds.DidValue;
import dev.obdio.uds.Hex;
import dev.obdio.uds.UdsClient;
import dev.obdio.uds.UdsClientConfig;
import java.nio.charset.StandardCharsets;
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
 * ReadDataByIdentifier request/response pairs per second between a {@link UdsClient} and a
 * responder that answers at once (0 ms server latency), each on its own endpoint of a virtual
 * bus. Compare with udsoncan's 107.7 pairs/s over a kernel socket at 500 kbit/s.
 *
 * <ul>
 *   <li>{@code link}: {@code instant} (vcan-like, no wire time) or {@code 500k} (each frame takes
 *       its time on a 500 kbit/s wire, as on a real bus);</li>
 *   <li>{@code did}: {@code F186} (1-byte value: single frames both ways) or {@code F190} (the
 *       VIN: a 20-byte response, first frame, flow control and two consecutive frames).</li>
 *   <li>{@code bus}: {@code virtual} (the in-process bus, both sides on the java engine) or a
 *       SocketCAN interface such as {@code vcan0} (in the QEMU guest), where the responder is a
 *       kernel CAN_ISOTP socket and {@code engine} chooses the client's ISO-TP engine
 *       ({@code JAVA} or {@code KERNEL}); {@code link} applies to the virtual bus only:</li>
 * </ul>
 * <pre>
 * ../shared/tools/vmrun -- java -jar bench/target/benchmarks.jar UdsReadDidThroughput \
 *     -p bus=vcan0 -p link=instant -p engine=JAVA,KERNEL
 * </pre>
 * {@link #udsReadDid} goes through the whole client (lock, stale-response drain, P2 wait, SID
 * checks, DID codec parse); {@link #isoTpFloor} sends the same bytes over the same channels with
 * bare ISO-TP, the floor the client's own cost is measured against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class UdsReadDidThroughput {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final byte[] VIN = "WVWZZZ1JZXW000001".getBytes(StandardCharsets.US_ASCII);

    @Param({"instant", "500k"})
    public String link;

    @Param({"F186", "F190"})
    public String did;

    @Param({"virtual"})
    public String bus;

    @Param({"JAVA"})
    public String engine;

    private CanBus ecuBus;
    private CanBus testerBus;
    private IsoTpChannel ecu;
    private IsoTpChannel tester;
    private UdsClient client;
    private int didValue;
    private byte[] request;
    private byte[] response;

    @Setup(Level.Trial)
    public void open() {
        didValue = Integer.parseInt(did, 16);
        request = new byte[] {0x22, (byte) (didValue >> 8), (byte) didValue};
        byte[] value = didValue == 0xF190 ? VIN : new byte[] {0x01};
        response = new byte[3 + value.length];
        response[0] = 0x62;
        response[1] = request[1];
        response[2] = request[2];
        System.arraycopy(value, 0, response, 3, value.length);
        IsoTpOptions ecuOptions = IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0));
        IsoTpOptions testerOptions = IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8));
        IsoTp.Engine clientEngine = IsoTp.Engine.valueOf(engine);
        if (bus.equals("virtual")) {
            if (clientEngine != IsoTp.Engine.JAVA) {
                throw new IllegalArgumentException("the virtual bus has the java engine only");
            }
            VirtualInterface vi = VirtualInterface.named("bench-uds-" + System.nanoTime());
            vi.configure(link.equals("500k") ? VirtualLinkSettings.IDEAL.withBitrate(500_000) : VirtualLinkSettings.IDEAL);
            ecuBus = vi.openEndpoint(BusOptions.DEFAULTS.withReceiveQueueCapacity(65_536));
            testerBus = vi.openEndpoint(BusOptions.DEFAULTS.withReceiveQueueCapacity(65_536));
            ecu = IsoTp.open(ecuBus, ecuOptions, IsoTp.Engine.JAVA);
            tester = IsoTp.open(testerBus, testerOptions, IsoTp.Engine.JAVA);
        } else {
            if (!link.equals("instant")) {
                throw new IllegalArgumentException("a SocketCAN interface has its own timing: use -p link=instant");
            }
            ecu = IsoTp.open(bus, ecuOptions, IsoTp.Engine.KERNEL);
            tester = IsoTp.open(bus, testerOptions, clientEngine);
        }
        ecu.subscribe(event -> {
            if (event instanceof IsoTpEvent.Received r) {
                try {
                    ecu.send(Arrays.equals(r.data(), request) ? response : new byte[] {0x7F, r.data()[0], 0x31});
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        client = new UdsClient(tester, UdsClientConfig.DEFAULTS.withTransportAllowance(Duration.ofSeconds(2)));
        if (!Hex.format(client.readDid(didValue).raw()).equals(Hex.format(value))) {
            throw new IllegalStateException("the responder does not answer as expected");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        client.close();
        tester.close();
        ecu.close();
        if (testerBus != null) {
            testerBus.close();
            ecuBus.close();
        }
    }

    /** One ReadDataByIdentifier through the client: request, response, parsed value. */
    @Benchmark
    public DidValue udsReadDid() {
        return client.readDid(didValue);
    }

    /** The same request and response as bare ISO-TP PDUs. */
    @Benchmark
    public byte[] isoTpFloor() throws InterruptedException {
        tester.send(request);
        byte[] got = tester.receive(WAIT);
        if (got == null || got.length != response.length) {
            throw new IllegalStateException("response lost");
        }
        return got;
    }
}
