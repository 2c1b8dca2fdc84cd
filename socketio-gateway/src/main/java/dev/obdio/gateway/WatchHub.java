package dev.obdio.gateway;

import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one watch loop of the gateway, shared by every client: the vehicle is read once per period
 * whatever the number of clients, never once per client.
 *
 * <p>Two kinds of demand meet here. The default events ({@code watch}, {@code unwatch},
 * {@code unwatch_all}, {@code start}, {@code stop}) drive one watch list shared by all clients, as
 * obd-socketio's one python-OBD {@code Async} connection does, and {@code query} reads its latest
 * responses. The {@code subscribe} extension adds each client's own commands and rates, and their
 * responses are pushed to it ({@link UpdateFanOut}). The connection watches the union: every
 * command at the fastest rate anyone wants (the {@code watch} list at
 * {@link VehicleEventOptions#watchPeriod()} while started), and its loop runs while anything is
 * watched.
 *
 * <p>Threading: the methods may be called from any thread; changes are serialized by the hub's
 * lock and applied to the connection at once. Responses arrive on the connection's callback
 * thread, which only touches concurrent state ({@link #onResponse}), so stopping the loop under
 * the lock cannot deadlock with a callback.
 */
final class WatchHub implements VehicleLink.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchHub.class);

    /**
     * What a change of the {@code watch} list did.
     *
     * @param refused commands the vehicle does not support, not watched (python-OBD refuses them too)
     */
    record WatchResult(List<ObdCommand> refused) {
        WatchResult {
            refused = List.copyOf(refused);
        }
    }

    /**
     * A client's subscription after a change.
     *
     * @param hz      every subscribed command with its rate, in the order subscribed
     * @param refused commands the vehicle does not support, not subscribed
     */
    record SubscribeResult(Map<ObdCommand, Double> hz, List<ObdCommand> refused) {
        SubscribeResult {
            hz = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hz));
            refused = List.copyOf(refused);
        }
    }

    private final VehicleEventOptions options;
    private final Object lock = new Object();
    private final Consumer<ObdResponse> callback = this::onResponse;
    private final UpdateFanOut fanOut;
    private final AtomicLong callbackFailures = new AtomicLong();
    // guarded by lock
    private final LinkedHashSet<ObdCommand> watchList = new LinkedHashSet<>();
    private boolean watchStarted;
    private final Map<UUID, ClientSubscription> subscriptions = new LinkedHashMap<>();
    private final Map<UUID, LinkedHashMap<ObdCommand, Double>> subscribed = new HashMap<>();
    private final Map<ObdCommand, Duration> applied = new HashMap<>();
    private ObdConnection connection;
    private int pauses;
    private boolean closed;
    // read on the callback and fan-out threads
    private final ConcurrentHashMap<ObdCommand, ObdResponse> latest = new ConcurrentHashMap<>();
    private volatile Set<ObdCommand> kept = Set.of();
    private volatile List<ClientSubscription> targets = List.of();
    private volatile Consumer<ObdResponse> watchCallback;

    WatchHub(VehicleEventOptions options) {
        this.options = options;
        this.fanOut = new UpdateFanOut(() -> targets, options.batchLinger().toNanos());
    }

    // ------------------------------------------------------------------ the watch list (default events)

    /**
     * Adds commands to the shared watch list and starts the loop, as obd-socketio's {@code watch}
     * (stop, watch each, start).
     */
    WatchResult watch(List<ObdCommand> commands) {
        synchronized (lock) {
            List<ObdCommand> added = new ArrayList<>();
            for (ObdCommand c : commands) {
                if (watchList.add(c)) {
                    added.add(c);
                }
            }
            watchStarted = true;
            Set<ObdCommand> refused = reconcile();
            List<ObdCommand> out = new ArrayList<>();
            for (ObdCommand c : commands) {
                if (refused.contains(c)) {
                    watchList.remove(c);
                    out.add(c);
                }
            }
            if (!out.isEmpty()) {
                reconcile();
            }
            return new WatchResult(out);
        }
    }

    /** Removes commands from the shared watch list and (re)starts the loop, as obd-socketio's {@code unwatch}. */
    void unwatch(Collection<ObdCommand> commands) {
        synchronized (lock) {
            watchList.removeAll(commands);
            watchStarted = true;
            reconcile();
        }
    }

    /** Empties the shared watch list and leaves it stopped, as obd-socketio's {@code unwatch_all}. */
    void unwatchAll() {
        synchronized (lock) {
            watchList.clear();
            watchStarted = false;
            reconcile();
        }
    }

    /** Starts reading the shared watch list ({@code start}). */
    void start() {
        synchronized (lock) {
            watchStarted = true;
            reconcile();
        }
    }

    /**
     * Stops reading the shared watch list ({@code stop}); {@code query} keeps answering with the
     * last responses, as python-OBD does. Subscriptions of clients carry on.
     */
    void stop() {
        synchronized (lock) {
            watchStarted = false;
            reconcile();
        }
    }

    /** The shared watch list. */
    List<ObdCommand> watchList() {
        synchronized (lock) {
            return List.copyOf(watchList);
        }
    }

    /** Whether the shared watch list is being read. */
    boolean started() {
        synchronized (lock) {
            return watchStarted;
        }
    }

    /**
     * The latest response of a watched or subscribed command ({@code query}): empty when it is
     * neither, when nothing was read yet, and after the connection was closed. Never touches the bus.
     */
    Optional<ObdResponse> latest(ObdCommand command) {
        return kept.contains(command) ? Optional.ofNullable(latest.get(command)) : Optional.empty();
    }

    // ------------------------------------------------------------------ subscriptions (extension)

    /**
     * Subscribes a client to commands at {@code hz} (a command subscribed before gets the new rate).
     * Sends it the latest response of each at once, if there is one.
     *
     * @throws EventException when the client would hold more commands than allowed
     */
    SubscribeResult subscribe(GatewayClient client, List<ObdCommand> commands, double hz) throws EventException {
        options.intervalNanos(hz); // checks the rate
        Map<ObdCommand, ObdResponse> now = new LinkedHashMap<>();
        SubscribeResult result;
        synchronized (lock) {
            if (closed) {
                throw new EventException("the gateway is closing");
            }
            LinkedHashMap<ObdCommand, Double> mine = subscribed.computeIfAbsent(client.id(), id -> new LinkedHashMap<>());
            int total = mine.size();
            for (ObdCommand c : commands) {
                if (!mine.containsKey(c)) {
                    total++;
                }
            }
            if (total > options.maxCommandsPerClient()) {
                if (mine.isEmpty()) {
                    subscribed.remove(client.id());
                }
                throw new EventException("a client may subscribe to at most " + options.maxCommandsPerClient()
                        + " commands; this would make " + total + " (unsubscribe some first)");
            }
            for (ObdCommand c : commands) {
                mine.put(c, hz);
            }
            subscriptions.computeIfAbsent(client.id(), id -> new ClientSubscription(client));
            Set<ObdCommand> refused = reconcile();
            List<ObdCommand> refusedHere = new ArrayList<>();
            for (ObdCommand c : commands) {
                if (refused.contains(c)) {
                    mine.remove(c);
                    refusedHere.add(c);
                }
            }
            if (!refusedHere.isEmpty()) {
                reconcile();
            }
            if (mine.isEmpty()) {
                forget(client.id());
            }
            for (ObdCommand c : commands) {
                ObdResponse r = mine.containsKey(c) ? latest.get(c) : null;
                if (r != null) {
                    now.put(c, r);
                }
            }
            result = new SubscribeResult(mine, refusedHere);
        }
        if (!now.isEmpty()) {
            client.stream(UpdateFanOut.EVENT, UpdateFanOut.payload(now.keySet(), now, new HashMap<>()));
        }
        return result;
    }

    /** Unsubscribes a client from some commands; returns what stays subscribed. */
    Map<ObdCommand, Double> unsubscribe(GatewayClient client, Collection<ObdCommand> commands) {
        synchronized (lock) {
            LinkedHashMap<ObdCommand, Double> mine = subscribed.get(client.id());
            if (mine == null) {
                return Map.of();
            }
            mine.keySet().removeAll(commands);
            if (mine.isEmpty()) {
                forget(client.id());
            }
            reconcile();
            return mine.isEmpty() ? Map.of() : Map.copyOf(mine);
        }
    }

    /** Unsubscribes a client from everything (also when it disconnects). */
    void unsubscribeAll(GatewayClient client) {
        synchronized (lock) {
            if (subscribed.containsKey(client.id())) {
                forget(client.id());
                reconcile();
            }
        }
    }

    /** A client's subscription: each command with its rate. */
    Map<ObdCommand, Double> subscription(GatewayClient client) {
        synchronized (lock) {
            LinkedHashMap<ObdCommand, Double> mine = subscribed.get(client.id());
            return mine == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mine));
        }
    }

    private void forget(UUID client) {
        subscribed.remove(client);
        subscriptions.remove(client);
    }

    // ------------------------------------------------------------------ the watch callback

    /** Called with every new response of the loop (obd-socketio's {@code watch_callback}); null for none. */
    void watchCallback(Consumer<ObdResponse> value) {
        watchCallback = value;
    }

    /** Watch callbacks that threw. */
    long callbackFailures() {
        return callbackFailures.get();
    }

    /** The fan-out, for its counters. */
    UpdateFanOut fanOut() {
        return fanOut;
    }

    /** On the connection's callback thread: keep, call back, fan out. */
    private void onResponse(ObdResponse response) {
        if (kept.contains(response.command())) {
            latest.put(response.command(), response);
        }
        Consumer<ObdResponse> cb = watchCallback;
        if (cb != null) {
            try {
                cb.accept(response);
            } catch (RuntimeException e) {
                if (callbackFailures.getAndIncrement() % 1000 == 0) {
                    LOG.warn("the watch callback failed on {} (logged once per 1000 failures)", response.command().name(), e);
                }
            }
        }
        fanOut.offer(response);
    }

    // ------------------------------------------------------------------ exclusive use of the bus

    /**
     * Runs {@code work} with the loop stopped (for UDS requests, whose answers share the engine's
     * identifiers), then lets it run again if anything is watched.
     */
    <T> T paused(Supplier<T> work) {
        synchronized (lock) {
            pauses++;
            if (connection != null && connection.isRunning()) {
                connection.stop();
            }
        }
        try {
            return work.get();
        } finally {
            synchronized (lock) {
                pauses--;
                reconcile();
            }
        }
    }

    // ------------------------------------------------------------------ the connection

    @Override
    public void linked(ObdConnection next, String busName) {
        synchronized (lock) {
            connection = next;
            applied.clear();
            latest.clear();
            Set<ObdCommand> refused = reconcile();
            if (!refused.isEmpty()) {
                LOG.info("the vehicle on {} does not support {}: not watched",
                        busName, refused.stream().map(ObdCommand::name).toList());
            }
        }
    }

    @Override
    public void unlinked(ObdConnection previous, boolean byClose) {
        synchronized (lock) {
            if (connection != previous) {
                return;
            }
            previous.stop();
            connection = null;
            applied.clear();
            latest.clear();
            if (byClose) {
                watchStarted = false; // python-OBD's close() stops the loop
            }
            reconcile();
        }
    }

    /**
     * Makes the connection watch what is wanted, at the rates wanted, and run iff anything is.
     * Called under the lock.
     *
     * @return the commands the connection refused (not supported by the vehicle)
     */
    private Set<ObdCommand> reconcile() {
        Map<ObdCommand, Duration> desired = new LinkedHashMap<>();
        if (watchStarted) {
            for (ObdCommand c : watchList) {
                desired.put(c, options.watchPeriod());
            }
        }
        Set<ObdCommand> keep = new HashSet<>(watchList);
        for (Map<ObdCommand, Double> mine : subscribed.values()) {
            for (Map.Entry<ObdCommand, Double> e : mine.entrySet()) {
                Duration period = Duration.ofNanos(Math.max(1, Math.round(1e9 / e.getValue())));
                desired.merge(e.getKey(), period, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                keep.add(e.getKey());
            }
        }
        kept = Set.copyOf(keep);
        latest.keySet().retainAll(keep);

        Set<ObdCommand> refused = new HashSet<>();
        ObdConnection c = connection;
        if (c != null) {
            for (Map.Entry<ObdCommand, Duration> e : desired.entrySet()) {
                if (e.getValue().equals(applied.get(e.getKey()))) {
                    continue;
                }
                if (c.watch(e.getKey(), e.getValue(), callback)) {
                    applied.put(e.getKey(), e.getValue());
                } else {
                    refused.add(e.getKey());
                    applied.remove(e.getKey());
                }
            }
            for (ObdCommand gone : new ArrayList<>(applied.keySet())) {
                if (!desired.containsKey(gone)) {
                    c.unwatch(gone);
                    applied.remove(gone);
                }
            }
            boolean run = !applied.isEmpty() && pauses == 0 && !closed;
            try {
                if (run && !c.isRunning()) {
                    c.start();
                } else if (!run && c.isRunning()) {
                    c.stop();
                }
            } catch (IllegalStateException e) {
                LOG.debug("the connection is closed: the loop does not start", e);
            }
        }
        updateTargets(refused);
        return refused;
    }

    /** The fan-out's view of the subscriptions: each client's rates and thresholds. */
    private void updateTargets(Set<ObdCommand> refused) {
        List<ClientSubscription> next = new ArrayList<>(subscriptions.size());
        for (Map.Entry<UUID, ClientSubscription> e : subscriptions.entrySet()) {
            Map<ObdCommand, Double> mine = subscribed.getOrDefault(e.getKey(), new LinkedHashMap<>());
            Map<ObdCommand, Long> thresholds = new HashMap<>();
            for (Map.Entry<ObdCommand, Double> m : mine.entrySet()) {
                if (refused.contains(m.getKey())) {
                    continue;
                }
                long interval = Math.max(1, Math.round(1e9 / m.getValue()));
                Duration loop = applied.get(m.getKey());
                long loopNanos = loop == null ? interval : loop.toNanos();
                thresholds.put(m.getKey(), interval - Math.min(interval, loopNanos) / 2);
            }
            e.getValue().rates(new ClientSubscription.Rates(mine, thresholds));
            next.add(e.getValue());
        }
        targets = List.copyOf(next);
    }

    /** Stops the loop (the connection stays with its owner), the fan-out and every subscription. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            subscribed.clear();
            subscriptions.clear();
            watchList.clear();
            reconcile();
            connection = null;
        }
        fanOut.close();
    }
}
