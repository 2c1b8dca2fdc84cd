package dev.obdio.isotp;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import dev.obdio.can.CanFilterSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Opens ISO-TP channels.
 *
 * <pre>{@code
 * try (IsoTpChannel ecu = IsoTp.open("vcan0", IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8)))) {
 *     ecu.send(new byte[] {0x22, (byte) 0xF1, (byte) 0x90});
 *     byte[] vin = ecu.receive(Duration.ofSeconds(2));
 * }
 * }</pre>
 *
 * <p>Channels opened by bus name share one endpoint per bus, opened with the first channel and
 * closed with the last; channels opened on a {@link CanBus} share that endpoint and leave it open.
 */
public final class IsoTp {

    /** Which implementation of the protocol runs a channel. */
    public enum Engine {
        /** The kernel's where it can serve the bus and the options, the java engine elsewhere. */
        AUTO,
        /** The pure-Java engine: any bus, every option. */
        JAVA,
        /** Linux CAN_ISOTP sockets (not available yet: opening reports so). */
        KERNEL
    }

    private static final Map<String, IsoTpHub> HUBS_BY_NAME = new HashMap<>();
    private static final Map<CanBus, IsoTpHub> HUBS_BY_BUS = new IdentityHashMap<>();

    private IsoTp() {
    }

    /** Opens a channel on a bus by name with the {@link Engine#AUTO} engine. */
    public static IsoTpChannel open(String busName, IsoTpOptions options) {
        return open(busName, options, Engine.AUTO);
    }

    /**
     * Opens a channel on a bus by name ({@code vcan0}, {@code virtual:car}, {@code udp:…}; see
     * {@link CanBuses#SYNTAX}).
     *
     * @throws CanException when the bus cannot be opened, or the kernel engine was asked for and
     *                      is not available
     */
    public static IsoTpChannel open(String busName, IsoTpOptions options, Engine engine) {
        check(options, engine);
        if (engine == Engine.KERNEL || (engine == Engine.AUTO && KernelIsoTp.isAvailable(busName)
                && KernelIsoTp.supports(options))) {
            return KernelIsoTp.open(busName, options);
        }
        synchronized (IsoTp.class) {
            IsoTpHub hub = HUBS_BY_NAME.get(busName);
            if (hub == null || hub.isShutDown()) {
                CanBus bus = CanBuses.open(busName, BusOptions.DEFAULTS.withReceiveOwnFrames(true)
                        .withFilters(CanFilterSet.of()).withReceiveQueueCapacity(65_536));
                hub = newHub(bus, true, HUBS_BY_NAME, busName);
            }
            return hub.open(options);
        }
    }

    /** Opens a channel on an open bus endpoint with the {@link Engine#AUTO} engine. */
    public static IsoTpChannel open(CanBus bus, IsoTpOptions options) {
        return open(bus, options, Engine.AUTO);
    }

    /**
     * Opens a channel on an open bus endpoint, which the channel subscribes to and leaves open.
     * Channels on the same endpoint hear each other only if it was opened with
     * {@link BusOptions#receiveOwnFrames()}. The kernel engine needs a bus name: here AUTO means
     * the java engine.
     *
     * @throws CanException when the kernel engine is asked for
     */
    public static IsoTpChannel open(CanBus bus, IsoTpOptions options, Engine engine) {
        if (bus == null) {
            throw new IllegalArgumentException("bus must not be null");
        }
        check(options, engine);
        if (engine == Engine.KERNEL) {
            return KernelIsoTp.open(bus.channel(), options);
        }
        synchronized (IsoTp.class) {
            IsoTpHub hub = HUBS_BY_BUS.get(bus);
            if (hub == null || hub.isShutDown()) {
                hub = newHub(bus, false, HUBS_BY_BUS, bus);
            }
            return hub.open(options);
        }
    }

    private static void check(IsoTpOptions options, Engine engine) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        if (engine == null) {
            throw new IllegalArgumentException("engine must not be null");
        }
    }

    /** A hub with its own timer and event threads, registered under {@code key} until it shuts down. */
    private static <K> IsoTpHub newHub(CanBus bus, boolean owned, Map<K, IsoTpHub> registry, K key) {
        Ticker ticker = Ticker.system();
        String name = bus.channel();
        IsoTpHub[] self = new IsoTpHub[1];
        self[0] = new IsoTpHub(bus, owned, ticker, new TimerThread(ticker, "obdio-isotp-timer-" + name),
                new EventDispatcher("obdio-isotp-events-" + name), () -> {
                    synchronized (IsoTp.class) {
                        registry.remove(key, self[0]);
                    }
                });
        registry.put(key, self[0]);
        return self[0];
    }
}
