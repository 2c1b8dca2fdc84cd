package dev.obdio.obd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * python-OBD's {@code Async} loop without its fixed sleep: reads every watched command as often
 * as its minimum period allows (as fast as the vehicle answers by default), mode 01 PIDs in
 * batches, keeps each one's latest response, and hands every new response to the callbacks on
 * the {@link CallbackDispatcher}'s thread.
 *
 * <p>When the vehicle stops answering or the interface goes down, every watched command gets an
 * empty response once (so displays stop showing stale values), and the loop probes for the
 * vehicle every {@link ObdOptions#reconnectInterval()} until it answers again; then it carries on
 * by itself. Nothing that goes wrong ends the loop thread; only {@link #stop()} does.
 *
 * <p>Threads: one loop thread ({@code obdio-obd-watch-<bus>}) and one callback thread
 * ({@code obdio-obd-callbacks-<bus>}) from {@link #start()} to {@link #stop()}. The watch list
 * may be changed from any thread at any time; the loop takes a snapshot for each pass and drops
 * responses of commands unwatched meanwhile.
 */
final class WatchLoop {
    private static final System.Logger LOG = System.getLogger(WatchLoop.class.getName());
    private static final Duration CALLBACK_DRAIN = Duration.ofSeconds(2);
    private static final Duration JOIN = Duration.ofSeconds(10);

    private final ObdSession session;
    private final ObdOptions options;
    private final String busName;
    private final Map<ObdCommand, Watch> watches = new LinkedHashMap<>(); // guarded by itself
    private final AtomicLong skippedCallbacks = new AtomicLong();
    private final Object signal = new Object();
    private final Object lifecycle = new Object();
    private Thread thread; // guarded by lifecycle
    private CallbackDispatcher dispatcher; // guarded by lifecycle
    private volatile boolean running;
    private boolean wakeUp; // guarded by signal

    WatchLoop(ObdSession session, ObdOptions options, String busName) {
        this.session = session;
        this.options = options;
        this.busName = busName;
    }

    // ------------------------------------------------------------------ the watch list

    /** Watches {@code command} (again): sets its minimum period and adds the callback, if any. */
    void watch(ObdCommand command, Duration minPeriod, Consumer<ObdResponse> callback) {
        synchronized (watches) {
            Watch w = watches.computeIfAbsent(command, c -> new Watch(c, minPeriod.toNanos()));
            w.minPeriodNanos = minPeriod.toNanos();
            if (callback != null && !w.callbacks.contains(callback)) {
                w.callbacks.add(callback);
            }
        }
        wake();
    }

    /** Stops watching {@code command}, or only drops {@code callback} (the command goes when its last callback does). */
    void unwatch(ObdCommand command, Consumer<ObdResponse> callback) {
        synchronized (watches) {
            Watch w = watches.get(command);
            if (w == null) {
                return;
            }
            if (callback != null && w.callbacks.contains(callback)) {
                w.callbacks.remove(callback);
                if (w.callbacks.isEmpty()) {
                    watches.remove(command);
                }
            } else {
                watches.remove(command);
            }
        }
    }

    /** Stops watching everything. */
    void unwatchAll() {
        synchronized (watches) {
            watches.clear();
        }
    }

    /** The watched commands, in the order they were first watched. */
    Set<ObdCommand> watched() {
        synchronized (watches) {
            return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(watches.keySet()));
        }
    }

    /** The latest response of a watched command (empty until read), or nothing when not watched. */
    Optional<ObdResponse> cached(ObdCommand command) {
        synchronized (watches) {
            Watch w = watches.get(command);
            return w == null ? Optional.empty() : Optional.of(w.latest);
        }
    }

    private List<Watch> snapshot() {
        synchronized (watches) {
            return new ArrayList<>(watches.values());
        }
    }

    private Watch current(ObdCommand command) {
        synchronized (watches) {
            return watches.get(command);
        }
    }

    /** Responses skipped because callbacks were slower than the loop. */
    long skippedCallbacks() {
        return skippedCallbacks.get();
    }

    // ------------------------------------------------------------------ start and stop

    /** Starts the loop thread (and the callback thread); does nothing if running. */
    void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            CallbackDispatcher callbacks = new CallbackDispatcher("obdio-obd-callbacks-" + busName, skippedCallbacks);
            dispatcher = callbacks;
            thread = new Thread(() -> run(callbacks), "obdio-obd-watch-" + busName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Stops the loop: lets a request in progress finish (interrupting it only if the thread has not
     * ended after 10 s), waits for the thread to end, then lets the callback thread deliver what is
     * pending (up to 2 s). Does nothing if not running.
     */
    void stop() {
        Thread t;
        CallbackDispatcher callbacks;
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            t = thread;
            callbacks = dispatcher;
            thread = null;
            dispatcher = null;
        }
        wake();
        if (Thread.currentThread() != t) {
            try {
                // A request in flight finishes: interrupting it would leave its answer on the bus for
                // whoever talks to that ECU next (a UDS client on the same identifiers, say).
                t.join(JOIN.toMillis());
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(JOIN.toMillis());
                }
            } catch (InterruptedException e) {
                t.interrupt();
                Thread.currentThread().interrupt();
            }
        }
        callbacks.close(CALLBACK_DRAIN);
    }

    /** Whether the loop runs. */
    boolean isRunning() {
        return running;
    }

    private void wake() {
        synchronized (signal) {
            wakeUp = true;
            signal.notifyAll();
        }
    }

    /** Waits until {@code deadline} ({@link System#nanoTime()} scale) or a change of the watch list. */
    private void awaitUntil(long deadline) throws InterruptedException {
        synchronized (signal) {
            while (!wakeUp) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
            wakeUp = false;
        }
    }

    private void awaitChange() throws InterruptedException {
        synchronized (signal) {
            while (!wakeUp) {
                signal.wait();
            }
            wakeUp = false;
        }
    }

    // ------------------------------------------------------------------ the loop

    private void run(CallbackDispatcher callbacks) {
        boolean valuesCleared = false;
        while (running) {
            try {
                List<Watch> all = snapshot();
                if (all.isEmpty()) {
                    awaitChange();
                    continue;
                }
                if (session.status() != ObdStatus.CAR_CONNECTED) {
                    if (!valuesCleared) {
                        clearValues(all, callbacks);
                        valuesCleared = true;
                    }
                    if (!session.connect(ConnectProgress.NONE)) {
                        awaitUntil(System.nanoTime() + options.reconnectInterval().toNanos());
                    }
                    continue;
                }
                valuesCleared = false;
                long now = System.nanoTime();
                List<ObdCommand> due = new ArrayList<>();
                long next = Long.MAX_VALUE;
                for (Watch w : all) {
                    if (w.dueNow || now - w.nextDue >= 0) {
                        w.dueNow = false;
                        w.nextDue = now + w.minPeriodNanos;
                        due.add(w.command);
                    } else if (next == Long.MAX_VALUE || w.nextDue - next < 0) {
                        next = w.nextDue;
                    }
                }
                if (due.isEmpty()) {
                    awaitUntil(next);
                    continue;
                }
                // Each request's values go out as soon as they are decoded, not after the whole pass:
                // a pass of many requests would otherwise age its first values by the rest of it.
                Set<ObdCommand> published = new java.util.HashSet<>();
                ObdSession.Collected collected = session.read(due,
                        part -> publish(ObdSession.decode(part), callbacks, published));
                Map<ObdCommand, ObdResponse> rest = ObdSession.decode(collected);
                rest.keySet().removeAll(published);
                publish(rest, callbacks, published);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, busName + ": the OBD watch loop hit an error; going on", e);
                try {
                    awaitUntil(System.nanoTime() + options.reconnectInterval().toNanos());
                } catch (InterruptedException stop) {
                    if (!running) {
                        return;
                    }
                }
            }
        }
    }

    /** The vehicle or the interface is gone: every watched command's value goes, once. */
    /** Keeps and hands on the responses of commands still watched. */
    private void publish(Map<ObdCommand, ObdResponse> responses, CallbackDispatcher callbacks,
                         Set<ObdCommand> published) {
        for (Map.Entry<ObdCommand, ObdResponse> e : responses.entrySet()) {
            published.add(e.getKey());
            Watch w = current(e.getKey());
            if (w != null) { // still watched
                w.latest = e.getValue();
                callbacks.publish(w, e.getValue());
            }
        }
    }

    private void clearValues(List<Watch> all, CallbackDispatcher callbacks) {
        long now = System.currentTimeMillis();
        ObdProblem why = new ObdProblem.TransportFailure(session.status() == ObdStatus.NOT_CONNECTED
                ? "the interface is down" : "no ECU answers");
        for (Watch w : all) {
            if (w.latest.isNull() && !w.latest.problems().isEmpty()) {
                continue; // already empty for a reason
            }
            ObdResponse none = new ObdResponse(w.command, List.of(), Optional.empty(), now, List.of(why));
            w.latest = none;
            callbacks.publish(w, none);
            w.dueNow = true;
        }
    }
}
