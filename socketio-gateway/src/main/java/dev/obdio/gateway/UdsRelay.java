package dev.obdio.gateway;

import dev.obdio.can.CanException;
import dev.obdio.isotp.IsoTpOptions;
import dev.obdio.obd.ObdConnection;
import dev.obdio.uds.DiagnosticSessionControl;
import dev.obdio.uds.UdsClient;
import dev.obdio.uds.UdsClientConfig;
import dev.obdio.uds.UdsException;
import dev.obdio.uds.UdsResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the browser's UDS requests ({@code uds_request}) with obdio's {@link UdsClient}, one client
 * per ECU (tx/rx pair) on its own endpoint of the vehicle's bus. A client is closed after its
 * request unless the ECU is in a non-default session: then it stays open, so that the session
 * (kept alive with {@code 3E 80} by the client) serves the next request, until it is unused for
 * {@link VehicleEventOptions#udsIdleClose()}, returns to the default session, or the connection
 * goes. At most {@link #MAX_CLIENTS} are open (the least recently used goes). Closing in the
 * default session matters: an open channel on the engine's answer id would send flow control for
 * the OBD answers too, beside the connection's own.
 *
 * <p>Each request runs with the bus to itself ({@link BusAccess#exclusive}): the OBD watch loop is
 * stopped meanwhile, because the engine answers OBD and UDS on the same identifiers.
 *
 * <p>Threading: requests run on handler threads, one on the bus at a time; idle clients are closed
 * on the relay's timer thread ({@code obdio-gateway-uds}).
 */
final class UdsRelay implements VehicleLink.Listener, AutoCloseable {
    static final int MAX_CLIENTS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(UdsRelay.class);

    private record Open(UdsClient client, long lastUsedNanos) {
    }

    private final VehicleEventOptions options;
    private final BusAccess access;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private final LinkedHashMap<UdsTarget, Open> clients = new LinkedHashMap<>(16, 0.75f, true); // guarded by lock
    private String busName = ""; // guarded by lock
    private OptionalInt padding = OptionalInt.empty(); // guarded by lock
    private boolean closed; // guarded by lock

    UdsRelay(VehicleEventOptions options, BusAccess access) {
        this.options = options;
        this.access = access;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "obdio-gateway-uds");
            t.setDaemon(true);
            return t;
        });
        long sweep = Math.max(100, Math.min(10_000, options.udsIdleClose().toMillis() / 2));
        timer.scheduleWithFixedDelay(this::closeIdle, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends one request and waits for its final answer (positive or negative).
     *
     * @throws EventException without a connection, when the bus cannot be opened, or when the ECU
     *                        does not answer in time or the transport fails
     */
    UdsReply request(UdsTarget target, byte[] request) throws EventException {
        return access.exclusive(() -> {
            UdsClient client = client(target);
            Optional<UdsResponse> response;
            try {
                response = client.exchange(request);
            } catch (UdsException e) {
                throw new EventException(e.getMessage(), e);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new EventException("cannot send " + dev.obdio.uds.Hex.compact(request) + ": " + e.getMessage(), e);
            } finally {
                release(target, client);
            }
            return UdsReply.of(target, request, response, System.currentTimeMillis());
        });
    }

    private UdsClient client(UdsTarget target) throws EventException {
        synchronized (lock) {
            if (closed) {
                throw new EventException("the gateway is closing");
            }
            if (busName.isEmpty()) {
                throw new EventException("not connected to a vehicle: there is no bus to send on");
            }
            Open open = clients.remove(target); // in use: out of reach of the idle sweep until released
            if (open != null) {
                return open.client();
            }
            IsoTpOptions isoTp = IsoTpOptions.DEFAULTS.withAddress(target.address());
            if (padding.isPresent()) {
                isoTp = isoTp.withTxPadding(padding.getAsInt());
            }
            UdsClientConfig config = UdsClientConfig.DEFAULTS.withOverallTimeout(options.udsTimeout())
                    .withAwaitNrcWhenSuppressed(false); // the keep-alive must not wait among OBD answers
            try {
                return UdsClient.open(busName, isoTp, Optional.empty(), config);
            } catch (CanException | IllegalArgumentException e) {
                throw new EventException("cannot open " + busName + " for UDS: " + e.getMessage(), e);
            }
        }
    }

    /** After a request: keeps the client for its session, or closes it in the default session. */
    private void release(UdsTarget target, UdsClient client) {
        boolean keep = client.session() != DiagnosticSessionControl.DEFAULT;
        synchronized (lock) {
            if (keep && !closed && !busName.isEmpty()) {
                if (clients.size() >= MAX_CLIENTS) {
                    Iterator<Map.Entry<UdsTarget, Open>> eldest = clients.entrySet().iterator();
                    Open gone = eldest.next().getValue();
                    eldest.remove();
                    gone.client().close();
                }
                clients.put(target, new Open(client, System.nanoTime()));
                return;
            }
        }
        client.close();
    }

    /** UDS clients open now (for tests). */
    int openClients() {
        synchronized (lock) {
            return clients.size();
        }
    }

    private void closeIdle() {
        List<UdsClient> idle = new ArrayList<>();
        long now = System.nanoTime();
        long limit = options.udsIdleClose().toNanos();
        synchronized (lock) {
            for (Iterator<Open> it = clients.values().iterator(); it.hasNext(); ) {
                Open o = it.next();
                if (now - o.lastUsedNanos() >= limit) {
                    it.remove();
                    idle.add(o.client());
                }
            }
        }
        for (UdsClient c : idle) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("closing an idle UDS client failed", e);
            }
        }
    }

    private void closeAll() {
        List<Open> all;
        synchronized (lock) {
            all = new ArrayList<>(clients.values());
            clients.clear();
        }
        for (Open o : all) {
            try {
                o.client().close();
            } catch (RuntimeException e) {
                LOG.warn("closing a UDS client failed", e);
            }
        }
    }

    @Override
    public void linked(ObdConnection connection, String bus) {
        closeAll();
        synchronized (lock) {
            busName = bus;
            padding = connection.options().txPadding();
        }
    }

    @Override
    public void unlinked(ObdConnection connection, boolean byClose) {
        synchronized (lock) {
            busName = "";
        }
        closeAll();
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            busName = "";
        }
        timer.shutdownNow();
        closeAll();
    }
}
