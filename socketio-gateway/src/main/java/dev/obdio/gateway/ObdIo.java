package dev.obdio.gateway;

import com.corundumstudio.socketio.SocketIOServer;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdOptions;
import dev.obdio.obd.ObdResponse;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * obd-socketio's {@code OBDio} in Java: a Socket.IO server whose events are python-OBD's API, so
 * that a browser page written for obd-socketio works unchanged, plus obdio's extensions (pushed
 * updates, DTCs, vehicle info, raw frames, UDS).
 *
 * <pre>{@code
 * ObdIo io = new ObdIo();
 * io.connectObd("vcan0");                                   // any time, also from a handler
 * SocketIOServer sio = io.createServer(GatewayConfig.DEFAULTS.withToken("s3cret"));
 * io.createEvent("custom", request -> EventReply.emit("hello"));   // add or override an event
 * io.serveDashboard();                                     // or serveStatic(Map.of("/", "index.html"))
 * io.setWatchCallback(r -> System.out.println(r.command().name() + " " + r.value()));
 * io.runServer("0.0.0.0", 48484);                           // blocks until closed (Ctrl-C)
 * }</pre>
 *
 * <p>Every client shares one connection and one watch loop: the vehicle is read once per period
 * whatever the number of clients, and each response is fanned out to every subscriber; a slow or
 * dead client only loses its own oldest updates. See {@code docs/SOCKETIO.md} for the events.
 *
 * <p>Threading: every method may be called from any thread. {@link #connectObd} blocks while it
 * finds the vehicle; {@link #runServer} blocks until {@link #close()} (or Ctrl-C). The threads
 * are those of {@link GatewayServer}, of the {@link ObdConnection}, one fan-out thread
 * ({@code obdio-gateway-updates}), and timer threads for raw frames and UDS
 * ({@code obdio-gateway-can}, {@code obdio-gateway-uds}); {@link #close()} ends them all.
 */
public final class ObdIo implements AutoCloseable {
    /** Where the dashboard's files lie on the classpath. */
    static final String DASHBOARD_RESOURCES = "dev/obdio/gateway/dashboard/";
    private static final String DASHBOARD_ROUTE = "/";
    private static final StaticRoutes.ResourceSource DASHBOARD =
            new StaticRoutes.ResourceSource(ObdIo.class.getClassLoader(), DASHBOARD_RESOURCES);
    private final VehicleEventOptions options;
    private final VehicleLink link;
    private final WatchHub hub;
    private final BusAccess access;
    private final CanMonitor can;
    private final UdsRelay uds;
    private final Object lock = new Object();
    private GatewayServer server; // guarded by lock
    private Map<String, EventHandler> defaults = Map.of(); // guarded by lock
    private volatile String vehicleDescription;
    private volatile boolean closed;

    /** With {@link ObdOptions#DEFAULTS} and {@link VehicleEventOptions#DEFAULTS}. */
    public ObdIo() {
        this(ObdOptions.DEFAULTS, VehicleEventOptions.DEFAULTS);
    }

    /**
     * @param obd    how connections are opened ({@code connectObd})
     * @param events limits and timing of the vehicle events
     */
    public ObdIo(ObdOptions obd, VehicleEventOptions events) {
        this.options = Objects.requireNonNull(events, "events");
        this.link = new VehicleLink(Objects.requireNonNull(obd, "obd"));
        this.hub = new WatchHub(events);
        this.access = new BusAccess(hub);
        this.can = new CanMonitor(events);
        this.uds = new UdsRelay(events, access);
        link.addListener(hub);
        link.addListener(can);
        link.addListener(uds);
    }

    // ------------------------------------------------------------------ the vehicle

    /**
     * Connects to the vehicle on a bus ({@code can0}, {@code vcan0}, {@code virtual:NAME},
     * {@code udp:…}), replacing (and closing) the connection before; the watch list and the
     * subscriptions carry over. Blocks while it finds the vehicle. A vehicle that does not answer
     * is not an error: the status is {@code "OBD Connected"} and the loop keeps looking.
     *
     * @return the new connection (the gateway owns it)
     * @throws dev.obdio.can.CanException when the bus cannot be opened; the previous connection stays
     */
    public ObdConnection connectObd(String bus) {
        checkOpen();
        return link.connect(bus);
    }

    /** Uses a connection opened elsewhere (with options of one's own); the gateway closes it when done. */
    public void connectObd(ObdConnection connection) {
        checkOpen();
        link.use(connection, connection.portName());
    }

    /** The connection, unless none was made or the {@code close} event closed it. */
    public Optional<ObdConnection> connection() {
        return link.current();
    }

    /** Closes the connection, as the {@code close} event does (without telling the clients). */
    public void closeObd() {
        link.closeConnection();
    }

    // ------------------------------------------------------------------ the server

    /** {@link #createServer(GatewayConfig)} with {@link GatewayConfig#DEFAULTS} (127.0.0.1:48484). */
    public SocketIOServer createServer() {
        return createServer(GatewayConfig.DEFAULTS);
    }

    /**
     * Creates the server with every default event (obd-socketio's {@code create_server}) and
     * returns the netty-socketio server underneath, for listeners of one's own; events added with
     * {@link #createEvent} get the gateway's limits and error handling, those added to the returned
     * server directly do not.
     *
     * @throws IllegalStateException when a server was created before
     */
    public SocketIOServer createServer(GatewayConfig config) {
        Objects.requireNonNull(config, "config");
        synchronized (lock) {
            checkOpen();
            if (server != null) {
                throw new IllegalStateException("createServer was called before; one ObdIo serves one server");
            }
            GatewayServer s = new GatewayServer(config);
            Map<String, EventHandler> handlers = DefaultEvents.create(link, hub, access, can, uds, s, options,
                    () -> vehicleDescription);
            handlers.forEach(s.events()::on);
            s.clients().onDisconnect(c -> {
                hub.unsubscribeAll(c);
                can.unsubscribe(c);
            });
            defaults = Map.copyOf(handlers);
            server = s;
            return s.socketIo();
        }
    }

    /** The gateway server, for what {@code ObdIo} does not wrap (clients, raw routes, the address). */
    public GatewayServer server() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("call createServer first");
            }
            return server;
        }
    }

    /**
     * Adds an event or replaces one, default events included (obd-socketio's {@code create_event}).
     * The handler runs on a handler thread; its reply goes back under the event's name.
     */
    public void createEvent(String name, EventHandler handler) {
        server().events().on(name, handler);
    }

    /** The built-in handler of an event, e.g. to call it from one that overrides it. */
    public Optional<EventHandler> defaultEvent(String name) {
        synchronized (lock) {
            return Optional.ofNullable(defaults.get(name));
        }
    }

    /**
     * Serves static files by route, obd-socketio's {@code serve_static}: {@code "/" -> "index.html"}
     * serves a file, {@code "/static" -> "public"} a folder. Replaces the built-in dashboard
     * ({@link #serveDashboard()}): a page of one's own takes its place entirely.
     */
    public void serveStatic(Map<String, String> files) {
        Map<String, Path> paths = new LinkedHashMap<>();
        files.forEach((route, file) -> paths.put(route, Path.of(file)));
        GatewayServer s = server();
        s.serveStatic(paths);
        if (!paths.containsKey(DASHBOARD_ROUTE) && s.routes().serves(DASHBOARD_ROUTE, DASHBOARD)) {
            s.routes().remove(DASHBOARD_ROUTE);
        }
    }

    /**
     * Serves obdio's web dashboard at {@code /}: live gauges, charts, DTCs, vehicle information and
     * a raw CAN view, from classpath resources (no network access beyond this server; see
     * {@code docs/DASHBOARD.md}). A later {@link #serveStatic} replaces it. {@code ?token=} in the
     * page's address is passed on to the Socket.IO handshake.
     */
    public void serveDashboard() {
        server().routes().add(DASHBOARD_ROUTE, DASHBOARD);
    }

    /**
     * Calls {@code callback} with every new response of the watch loop (obd-socketio's
     * {@code watch_callback}), on the connection's callback thread: a slow callback makes itself
     * skip responses, never the clients. Null for none.
     */
    public void setWatchCallback(Consumer<ObdResponse> callback) {
        hub.watchCallback(callback);
    }

    /** What the server serves, in words, for {@code server_info} ("simulated vehicle (petrol)"); null for nothing. */
    public void setVehicleDescription(String text) {
        vehicleDescription = text;
    }

    /** Starts listening on the configuration's address and returns the address bound. */
    public InetSocketAddress start() throws GatewayException {
        GatewayServer s = server();
        return s.start();
    }

    /** Starts listening on {@code host:port} (port 0: a free one) and returns the address bound. */
    public InetSocketAddress start(String host, int port) throws GatewayException {
        return server().start(host, port);
    }

    /** {@link #runServer(String, int)} on the configuration's address. */
    public void runServer() throws GatewayException, InterruptedException {
        GatewayServer s = server();
        runServer(s.config().host(), s.config().port());
    }

    /**
     * Serves on {@code host:port} until {@link #close()} is called or the JVM is asked to stop
     * (Ctrl-C, SIGTERM), then closes everything (obd-socketio's {@code run_server}). Use
     * {@code "0.0.0.0"} to serve the LAN, with a token.
     */
    public void runServer(String host, int port) throws GatewayException, InterruptedException {
        GatewayServer s = server();
        s.start(host, port);
        Thread hook = new Thread(this::close, "obdio-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            s.awaitClose();
        } finally {
            close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs or ran
            }
        }
    }

    /** Counters of the fan-out: batches and {@code update} events handed to clients. */
    public long updatesSent() {
        return hub.fanOut().updatesSent();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this ObdIo is closed");
        }
    }

    /**
     * Stops the server, the loop, the monitor and the UDS clients, and closes the connection. No
     * thread of the gateway remains. Idempotent, callable from any thread.
     */
    @Override
    public void close() {
        GatewayServer s;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            s = server;
        }
        if (s != null) {
            s.close();
        }
        hub.close();
        can.close();
        uds.close();
        link.close();
    }
}
