package dev.obdio.uds;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanFrame;
import dev.obdio.can.Subscription;
import dev.obdio.can.VirtualInterface;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh virtual bus with a {@link FakeEcu}, a client on its own endpoint (physical 0x7E0/0x7E8,
 * functional 0x7DF) and a third endpoint that records every frame on the bus.
 */
final class Harness implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Generous timing: the machine may be loaded; timeouts are tested with their own config. */
    static final UdsClientConfig CONFIG = UdsClientConfig.DEFAULTS.withTransportAllowance(Duration.ofSeconds(2))
            .withKeyAlgorithm(FakeEcu.KEY_ALGORITHM);

    final String busName;
    final FakeEcu ecu;
    final CanBus clientBus;
    final CanBus monitor;
    final IsoTpChannel physical;
    final IsoTpChannel functional;
    final UdsClient client;
    final List<CanFrame> frames = new CopyOnWriteArrayList<>();
    private final Subscription recording;

    private Harness(UdsClientConfig config) {
        busName = "uds-test-" + COUNTER.incrementAndGet() + "-" + System.nanoTime();
        ecu = FakeEcu.start(busName);
        VirtualInterface vi = VirtualInterface.named(busName);
        monitor = vi.openEndpoint(BusOptions.DEFAULTS);
        recording = monitor.subscribe(received -> frames.add(received.frame()));
        clientBus = vi.openEndpoint(BusOptions.DEFAULTS.withReceiveQueueCapacity(65_536));
        // Generous ISO-TP timeouts: a loaded CI machine may starve a thread for a second.
        IsoTpOptions options = IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8))
                .withTimeouts(Duration.ofSeconds(5));
        physical = IsoTp.open(clientBus, options, IsoTp.Engine.JAVA);
        functional = IsoTp.open(clientBus, UdsClient.functionalOptions(options, IsoTpAddress.normal11(0x7DF, 0x7E8)),
                IsoTp.Engine.JAVA);
        client = new UdsClient(physical, functional, config);
    }

    static Harness start() {
        return new Harness(CONFIG);
    }

    static Harness start(UdsClientConfig config) {
        return new Harness(config);
    }

    /** Frames on an identifier whose data starts with {@code prefix}. */
    List<CanFrame> frames(int id, int... prefix) {
        return frames.stream().filter(f -> f.id() == id && f.length() >= prefix.length && startsWith(f, prefix)).toList();
    }

    private static boolean startsWith(CanFrame f, int[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (f.dataByte(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        client.close();
        physical.close();
        functional.close();
        recording.close();
        monitor.close();
        clientBus.close();
        ecu.close();
    }
}
