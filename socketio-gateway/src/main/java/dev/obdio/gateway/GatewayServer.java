package dev.obdio.gateway;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.Namespace;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO server of the gateway: netty-socketio 2.0.14 (Engine.IO v3 and v4, so JavaScript
 * socket.io-client 2.x, 3.x and 4.x) with the gateway's pipeline, events, static files and
 * per-client limits.
 *
 * <pre>{@code
 * try (GatewayServer server = new GatewayServer(GatewayConfig.DEFAULTS.withAddress("127.0.0.1", 0))) {
 *     server.events().on("has_name", new HasNameHandler());
 *     server.serveStatic(Map.of("/", Path.of("dashboard")));
 *     InetSocketAddress bound = server.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>Threading: netty's event loops parse HTTP, WebSocket and Socket.IO packets and run the gateway's
 * guards; they never block. Event handlers run on {@code handlerThreads} threads (one event of a
 * client at a time), static files are read on two I/O threads, and a pump thread drains outboxes
 * that wait for slow clients every 20 ms. {@link #close()} stops it all, also after a failed
 * {@link #start()}; a JVM shutdown hook (see {@link #closeOnShutdown()}) makes Ctrl-C close cleanly.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final String SOCKET_IO_PATH = "/socket.io";
    private static final long PUMP_MILLIS = 20;

    private enum State { NEW, RUNNING, CLOSED }

    private final GatewayConfig config;
    private final SocketIOServer server;
    private final ClientRegistry clients;
    private final EventDispatcher dispatcher;
    private final StaticRoutes routes = new StaticRoutes();
    private final TransportWatch transportWatch;
    private final GatewayChannelInitializer pipeline;
    private final RequestGuard guard;
    private final ThreadPoolExecutor handlerPool;
    private final ExecutorService staticPool;
    private final ScheduledExecutorService pump;
    private final CountDownLatch closed = new CountDownLatch(1);
    private State state = State.NEW;
    private Channel serverChannel;
    private InetSocketAddress address;
    private Thread shutdownHook;

    /** A server for this configuration; nothing listens until {@link #start()}. */
    public GatewayServer(GatewayConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        LongSupplier ticker = System::nanoTime;
        handlerPool = new ThreadPoolExecutor(config.handlerThreads(), config.handlerThreads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("obdio-gateway-handler"));
        handlerPool.allowCoreThreadTimeOut(true);
        staticPool = Executors.newFixedThreadPool(2, daemonThreads("obdio-gateway-static"));
        pump = Executors.newSingleThreadScheduledExecutor(daemonThreads("obdio-gateway-pump"));
        clients = new ClientRegistry(config.limits(), handlerPool, ticker);

        TokenCheck tokens = new TokenCheck(config.token(), c -> clients.session(c).markAuthenticated());
        server = new SocketIOServer(libraryConfiguration(config, tokens));
        transportWatch = new TransportWatch(SOCKET_IO_PATH, tokens.required(), config.transport().upgradeNoops(),
                config.transport().upgradeTimeout().toNanos(), clients, ticker);
        guard = new RequestGuard(SOCKET_IO_PATH, HostPolicy.forBindAddress(config.host()), config.cors());
        pipeline = new GatewayChannelInitializer(guard, new StaticFileHandler(SOCKET_IO_PATH, routes, staticPool),
                transportWatch);
        UnusedPipeline.release(server);
        server.setPipelineFactory(pipeline);
        server.getNamespace(Namespace.DEFAULT_NAME).addAuthTokenListener(tokens);
        server.addConnectListener(this::onConnect);
        server.addDisconnectListener(clients::disconnected);
        dispatcher = new EventDispatcher(server, clients, config.limits(), tokens.required(), ticker);
    }

    private static Configuration libraryConfiguration(GatewayConfig config, TokenCheck tokens) {
        Configuration c = new Configuration();
        c.setHostname(config.host());
        c.setPort(config.port());
        c.setContext(SOCKET_IO_PATH);
        c.setAuthorizationListener(tokens);
        c.setJsonSupport(new GatewayJsonSupport(config.limits(),
                Math.max(config.transport().maxHttpContentLength(), config.transport().maxFramePayloadLength())));
        c.setAckMode(AckMode.MANUAL);
        c.setRandomSession(true); // never take a session id from the client's cookie
        c.setWebsocketCompression(config.transport().websocketCompression());
        c.setHttpCompression(true);
        c.setAddVersionHeader(false);
        c.setAllowCustomRequests(false);
        c.setEnableCors(!config.cors().sameOriginOnly()); // origins were checked by RequestGuard
        c.setOrigin(null);
        c.setMaxHttpContentLength(config.transport().maxHttpContentLength());
        c.setMaxFramePayloadLength(config.transport().maxFramePayloadLength());
        c.setPingInterval((int) config.transport().pingInterval().toMillis());
        c.setPingTimeout((int) config.transport().pingTimeout().toMillis());
        c.setUpgradeTimeout((int) config.transport().upgradeTimeout().toMillis());
        c.setExceptionListener(new GatewayExceptionListener());
        c.setBossThreads(1);
        SocketConfig socket = new SocketConfig();
        socket.setReuseAddress(true);
        socket.setTcpNoDelay(true);
        c.setSocketConfig(socket);
        return c;
    }

    private void onConnect(SocketIOClient client) {
        ClientSession session = clients.connected(client);
        if (client.has(TokenCheck.AUTHENTICATED)) {
            session.markAuthenticated();
        }
    }

    /** The configuration. */
    public GatewayConfig config() {
        return config;
    }

    /** The events: add, replace or remove handlers (also while running). */
    public GatewayEvents events() {
        return dispatcher.events();
    }

    /** The connected clients, for pushing to them. */
    public GatewayClients clients() {
        return clients;
    }

    /**
     * The netty-socketio server, for listeners of one's own (obd-socketio's {@code create_server}
     * returns its server too). Events registered here directly bypass the gateway's limits and
     * error handling; prefer {@link #events()}.
     */
    public SocketIOServer socketIo() {
        return server;
    }

    /**
     * Serves static files by route, obd-socketio's {@code serve_static}: a route maps to a file
     * ({@code "/" -> index.html}) or to a folder served below the route ({@code "/static" -> public/};
     * a folder's {@code index.html} answers for it). Routes may be added while running; a route that
     * exists is replaced.
     *
     * @throws IllegalArgumentException for a route that does not start with '/' or a missing path
     */
    public void serveStatic(Map<String, Path> files) {
        files.forEach((route, path) -> routes.add(route, Files.isDirectory(path)
                ? new StaticRoutes.FolderSource(path) : new StaticRoutes.FileSource(path)));
    }

    /**
     * Serves classpath resources under a route: {@code name} is one resource, or a folder of them
     * when it ends with '/' ({@code serveResources("/", "dashboard/", loader)}).
     */
    public void serveResources(String route, String name, ClassLoader loader) {
        routes.add(route, new StaticRoutes.ResourceSource(loader, name));
    }

    /** The static routes, for {@link ObdIo}'s dashboard. */
    StaticRoutes routes() {
        return routes;
    }

    /**
     * Starts listening on the configuration's address.
     *
     * @return the address bound (with the real port when the configuration asked for port 0)
     * @throws GatewayException when the address cannot be bound; everything started is stopped again
     * @throws IllegalStateException when started before or closed
     */
    public InetSocketAddress start() throws GatewayException {
        return start(config.host(), config.port());
    }

    /**
     * Starts listening on {@code host:port} instead of the configuration's address (obd-socketio's
     * {@code run_server(host, port)}). The host decides which {@code Host} headers are answered and
     * whether the missing-token warning is logged, as the configuration's host would.
     *
     * @return the address bound (with the real port for port 0)
     * @throws GatewayException when the address cannot be bound; everything started is stopped again
     * @throws IllegalStateException when started before or closed
     * @throws IllegalArgumentException for an empty host or a port outside 0..65535
     */
    public synchronized InetSocketAddress start(String host, int port) throws GatewayException {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (state != State.NEW) {
            throw new IllegalStateException("the gateway was " + (state == State.RUNNING ? "started" : "closed"));
        }
        state = State.RUNNING;
        guard.bindAddress(host);
        pipeline.bindTo(host, port);
        boolean started = false;
        try {
            ChannelFuture bind = (ChannelFuture) server.startAsync();
            bind.awaitUninterruptibly();
            if (!bind.isSuccess()) {
                throw new GatewayException("cannot listen on " + host + ":" + port + ": "
                        + bind.cause().getMessage(), bind.cause());
            }
            serverChannel = bind.channel();
            address = (InetSocketAddress) serverChannel.localAddress();
            pump.scheduleWithFixedDelay(this::pumpOnce, PUMP_MILLIS, PUMP_MILLIS, TimeUnit.MILLISECONDS);
            started = true;
        } finally {
            if (!started) {
                close(); // netty's threads would keep the JVM alive
            }
        }
        if (!HostPolicy.isLoopback(host) && config.token().isEmpty()) {
            LOG.warn("the gateway listens on {} without a token: anyone on the network can read the vehicle "
                    + "(set a token to require it)", address);
        }
        LOG.info("Socket.IO gateway listening on {}", url());
        return address;
    }

    private void pumpOnce() {
        try {
            clients.drainAll();
            transportWatch.expireUpgrades();
        } catch (RuntimeException e) {
            LOG.error("outbox pump failed", e);
        }
    }

    /** The bound address, once started. */
    public synchronized InetSocketAddress address() {
        if (address == null) {
            throw new IllegalStateException("the gateway is not running");
        }
        return address;
    }

    /** {@code http://host:port/} of the running server (a wildcard bind shows as 127.0.0.1). */
    public String url() {
        InetSocketAddress a = address();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/").toString();
    }

    /** Whether the server is listening. */
    public synchronized boolean running() {
        return state == State.RUNNING && serverChannel != null;
    }

    /**
     * Closes the server when the JVM shuts down (Ctrl-C, SIGTERM). Idempotent.
     *
     * @return this
     */
    public synchronized GatewayServer closeOnShutdown() {
        if (shutdownHook == null && state != State.CLOSED) {
            shutdownHook = new Thread(this::close, "obdio-gateway-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return this;
    }

    /** Waits until the server is closed. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /**
     * Stops listening, disconnects every client and stops every thread of the server. Idempotent; may
     * be called from any thread, also from a shutdown hook.
     */
    @Override
    public void close() {
        Channel listening;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            boolean wasStarted = state == State.RUNNING;
            state = State.CLOSED;
            listening = serverChannel;
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down already
                }
            }
            if (wasStarted) {
                stopNetty(listening);
            }
        }
        pump.shutdownNow();
        handlerPool.shutdownNow();
        staticPool.shutdownNow();
        closed.countDown();
        LOG.info("Socket.IO gateway stopped");
    }

    private void stopNetty(Channel listening) {
        if (listening != null) {
            listening.close().awaitUninterruptibly(2000);
            // no quiet period: every connection is closed before the groups go
            pipeline.closeAll();
            listening.eventLoop().parent().shutdownGracefully(0, 2, TimeUnit.SECONDS);
            EventLoopGroup workers = pipeline.workerGroup();
            if (workers != null) {
                workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            }
        }
        try {
            server.stop();
        } catch (RuntimeException e) {
            LOG.warn("netty-socketio did not stop cleanly", e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
