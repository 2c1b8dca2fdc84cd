package dev.obdio.isotp;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import dev.obdio.can.CanFilterSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

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
 * <p>Channels of the java engine opened by bus name share one endpoint per bus, opened with the
 * first channel and closed with the last; channels opened on a {@link CanBus} share that endpoint
 * and leave it open. Channels of the kernel engine have a CAN_ISOTP socket each.
 *
 * <p>Engines: {@link Engine#AUTO} takes the kernel's CAN_ISOTP on a SocketCAN interface when the
 * kernel has it and can honour the options, the java engine everywhere else;
 * {@link #chooseEngine} says which and why. The options the kernel maps exactly, approximates or
 * cannot serve are listed in {@code docs/ISOTP.md}.
 */
public final class IsoTp {

    /** Which implementation of the protocol runs a channel. */
    public enum Engine {
        /** The kernel's where it can serve the bus and the options, the java engine elsewhere. */
        AUTO,
        /** The pure-Java engine: any bus, every option. */
        JAVA,
        /**
         * Linux CAN_ISOTP sockets, on SocketCAN interfaces, for the options the kernel can honour;
         * opening fails with a plain message where it cannot.
         */
        KERNEL
    }

    /**
     * Which engine runs a channel, and why.
     *
     * @param engine {@link Engine#JAVA} or {@link Engine#KERNEL}, never AUTO
     * @param reason a sentence for the user
     */
    public record EngineChoice(Engine engine, String reason) {
        /** Checks the fields. */
        public EngineChoice {
            if (engine == null || engine == Engine.AUTO) {
                throw new IllegalArgumentException("engine must be JAVA or KERNEL, got " + engine);
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason must not be blank");
            }
        }
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
        if (chooseEngine(busName, options, engine).engine() == Engine.KERNEL) {
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
     * {@link BusOptions#receiveOwnFrames()}. AUTO means the java engine here; KERNEL opens a
     * CAN_ISOTP socket on the endpoint's interface ({@link CanBus#channel()}), which then has
     * nothing to do with the endpoint.
     *
     * @throws CanException when the kernel engine is asked for and cannot serve the endpoint's bus
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

    /**
     * The engine {@link #open(String, IsoTpOptions, Engine)} uses for this bus and these options,
     * with the reason: for AUTO, the kernel's when it serves the bus and honours the options, else
     * the java engine with the reason the kernel's is not used. The kernel is probed once per JVM.
     *
     * @throws CanException when {@link Engine#KERNEL} is asked for and cannot be used (the
     *                      message says why: no SocketCAN, no CAN_ISOTP module, not a SocketCAN
     *                      interface, or an option the kernel cannot honour)
     */
    public static EngineChoice chooseEngine(String busName, IsoTpOptions options, Engine requested) {
        check(options, requested);
        if (busName == null || busName.isBlank()) {
            throw new CanException(CanException.Reason.INVALID_NAME, "no bus name given\n" + CanBuses.SYNTAX);
        }
        return switch (requested) {
            case JAVA -> new EngineChoice(Engine.JAVA, "the java engine was asked for");
            case KERNEL -> {
                KernelIsoTp.requireUsable(busName, options);
                yield new EngineChoice(Engine.KERNEL, "the kernel engine was asked for");
            }
            case AUTO -> {
                Optional<String> why = KernelIsoTp.unavailableReason(busName, options);
                yield why.map(reason -> new EngineChoice(Engine.JAVA, "java engine: " + reason))
                        .orElseGet(() -> new EngineChoice(Engine.KERNEL, "kernel engine: " + busName
                                + " is a SocketCAN interface and the kernel has CAN_ISOTP"));
            }
        };
    }

    /** The engine running a channel opened here; empty for other implementations of {@link IsoTpChannel}. */
    public static Optional<Engine> engineOf(IsoTpChannel channel) {
        if (channel instanceof KernelIsoTpChannel) {
            return Optional.of(Engine.KERNEL);
        }
        if (channel instanceof JavaIsoTpChannel) {
            return Optional.of(Engine.JAVA);
        }
        return Optional.empty();
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
                new EventDispatcher("obdio-isotp-events-" + name), "obdio-isotp-tx-" + name, () -> {
                    synchronized (IsoTp.class) {
                        registry.remove(key, self[0]);
                    }
                });
        registry.put(key, self[0]);
        return self[0];
    }
}
