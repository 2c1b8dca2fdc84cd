package dev.obdio.gateway;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.FrameListener;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.Subscription;
import dev.obdio.obd.ObdConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw frames for the browser's candump view ({@code can_subscribe}): one bus endpoint of its own
 * on the vehicle's bus (so it sees the gateway's requests and the ECUs' answers like any other
 * node would), opened when the first client subscribes and closed when the last one leaves or the
 * connection goes. Each client has a {@link CanTap} with its candump-style filters and rate.
 *
 * <p>Threading: subscribe and unsubscribe run on handler threads under the monitor's lock; frames
 * arrive on the endpoint's delivery thread, which only reads the array of taps; each tap is flushed
 * on the monitor's timer thread ({@code obdio-gateway-can}).
 */
final class CanMonitor implements VehicleLink.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CanMonitor.class);

    private final VehicleEventOptions options;
    private final Function<String, CanBus> opener;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private final Map<UUID, CanTap> taps = new LinkedHashMap<>(); // guarded by lock
    private volatile CanTap[] delivery = new CanTap[0];
    private String busName = ""; // guarded by lock; empty without a connection
    private CanBus endpoint; // guarded by lock
    private Subscription frames; // guarded by lock
    private boolean closed; // guarded by lock

    CanMonitor(VehicleEventOptions options) {
        this(options, name -> CanBuses.open(name, BusOptions.DEFAULTS.withFilters(CanFilterSet.ALL_WITH_ERRORS)));
    }

    CanMonitor(VehicleEventOptions options, Function<String, CanBus> opener) {
        this.options = options;
        this.opener = opener;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "obdio-gateway-can");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sends the client the frames that pass {@code filters}, {@code hz} times a second, replacing
     * its earlier subscription.
     *
     * @throws EventException without a connection, or when the bus cannot be opened
     */
    void subscribe(GatewayClient client, CanFilterSet filters, String filterText, double hz) throws EventException {
        long interval = options.intervalNanos(hz);
        synchronized (lock) {
            if (closed) {
                throw new EventException("the gateway is closing");
            }
            if (busName.isEmpty()) {
                throw new EventException("not connected to a vehicle: there is no bus to monitor");
            }
            openEndpoint();
            CanTap tap = new CanTap(client, filters, filterText, hz, options.maxCanFramesPerClient());
            CanTap old = taps.put(client.id(), tap);
            if (old != null) {
                old.cancel();
            }
            tap.flushTask(timer.scheduleAtFixedRate(() -> flushSafely(tap), interval, interval, TimeUnit.NANOSECONDS));
            publish();
        }
    }

    /** Stops sending frames to the client. */
    void unsubscribe(GatewayClient client) {
        synchronized (lock) {
            CanTap tap = taps.remove(client.id());
            if (tap != null) {
                tap.cancel();
                publish();
                if (taps.isEmpty()) {
                    closeEndpoint();
                }
            }
        }
    }

    /** Whether the client has a subscription. */
    boolean subscribed(GatewayClient client) {
        synchronized (lock) {
            return taps.containsKey(client.id());
        }
    }

    /** Whether the monitor's endpoint is open (for tests). */
    boolean endpointOpen() {
        synchronized (lock) {
            return endpoint != null;
        }
    }

    private void flushSafely(CanTap tap) {
        try {
            tap.flush();
        } catch (RuntimeException e) {
            LOG.error("sending frames to {} failed", tap.client(), e);
        }
    }

    /** Opens the endpoint if needed; called under the lock. */
    private void openEndpoint() throws EventException {
        if (endpoint != null) {
            return;
        }
        try {
            endpoint = opener.apply(busName);
        } catch (CanException | IllegalArgumentException e) {
            throw new EventException("cannot open " + busName + " to monitor it: " + e.getMessage(), e);
        }
        frames = endpoint.subscribe(new FrameListener() {
            @Override
            public void onFrame(ReceivedFrame frame) {
                for (CanTap t : delivery) {
                    t.offer(frame);
                }
            }

            @Override
            public void onError(CanException error) {
                LOG.warn("the monitor endpoint on {} reports: {}", busName, error.getMessage());
            }
        });
        LOG.debug("monitoring {}", busName);
    }

    private void closeEndpoint() {
        if (frames != null) {
            frames.close();
            frames = null;
        }
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }

    private void publish() {
        delivery = taps.values().toArray(new CanTap[0]);
    }

    @Override
    public void linked(ObdConnection connection, String bus) {
        synchronized (lock) {
            busName = bus;
            closeEndpoint();
            if (!taps.isEmpty()) {
                try {
                    openEndpoint();
                } catch (EventException e) {
                    LOG.warn("{}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void unlinked(ObdConnection connection, boolean byClose) {
        synchronized (lock) {
            busName = "";
            closeEndpoint(); // the taps stay: they carry on with the next connection
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            for (CanTap t : taps.values()) {
                t.cancel();
            }
            taps.clear();
            publish();
            closeEndpoint();
        }
        timer.shutdownNow();
    }
}
