package dev.obdio.gateway;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdJson;
import dev.obdio.obd.ObdResponse;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the watch loop's responses to the subscribed clients as {@code update} events:
 * {@code {"responses": {"RPM": {OBDResponse}, "SPEED": null, …}}}.
 *
 * <p>Responses are collected as the loop delivers them; after the first one the fan-out waits the
 * linger (a couple of milliseconds, so that values decoded together travel together: the loop hands
 * on each ECU answer as soon as it is decoded, so one pass of 20 PIDs makes about four batches), then takes
 * the newest response of each command and hands every client the ones it subscribed to and is due
 * for ({@link ClientSubscription#select}). Each response is written to JSON once per batch, and
 * clients that get the same commands share one payload, so the cost per client is a queue entry.
 * Updates are streamed: a client that lags loses its oldest updates, never delays the others.
 *
 * <p>Threading: {@link #offer} is called on the connection's callback thread and never blocks on
 * clients; one thread ({@code obdio-gateway-updates}) does the rest.
 */
final class UpdateFanOut implements AutoCloseable {
    /** The event name of the pushed updates. */
    static final String EVENT = "update";
    private static final Logger LOG = LoggerFactory.getLogger(UpdateFanOut.class);

    private final Supplier<List<ClientSubscription>> targets;
    private final long lingerNanos;
    private final Object lock = new Object();
    private final Thread thread;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong updatesSent = new AtomicLong();
    private LinkedHashMap<ObdCommand, ObdResponse> pending = new LinkedHashMap<>(); // guarded by lock
    private long firstPendingNanos; // guarded by lock
    private boolean closed; // guarded by lock

    UpdateFanOut(Supplier<List<ClientSubscription>> targets, long lingerNanos) {
        this.targets = targets;
        this.lingerNanos = lingerNanos;
        this.thread = new Thread(this::run, "obdio-gateway-updates");
        thread.setDaemon(true);
        thread.start();
    }

    /** A new response from the loop; replaces an older one of the same command not yet sent. */
    void offer(ObdResponse response) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (pending.isEmpty()) {
                firstPendingNanos = System.nanoTime();
                lock.notifyAll();
            }
            pending.remove(response.command()); // keep the order of arrival of the newest
            pending.put(response.command(), response);
        }
    }

    /** Batches handed out so far. */
    long batches() {
        return batches.get();
    }

    /** {@code update} events handed to clients' outboxes so far. */
    long updatesSent() {
        return updatesSent.get();
    }

    private void run() {
        while (true) {
            Map<ObdCommand, ObdResponse> batch;
            try {
                batch = take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                return;
            }
            try {
                deliver(batch, System.nanoTime());
            } catch (RuntimeException e) {
                LOG.error("pushing updates failed; going on", e);
            }
        }
    }

    /** The next batch after its linger; null once closed. */
    private Map<ObdCommand, ObdResponse> take() throws InterruptedException {
        synchronized (lock) {
            while (pending.isEmpty() && !closed) {
                lock.wait();
            }
            long end = firstPendingNanos + lingerNanos;
            for (long left = end - System.nanoTime(); left > 0 && !closed; left = end - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            if (closed) {
                return null;
            }
            Map<ObdCommand, ObdResponse> batch = pending;
            pending = new LinkedHashMap<>();
            return batch;
        }
    }

    /** Hands one batch to every subscriber that is due for some of it. */
    void deliver(Map<ObdCommand, ObdResponse> batch, long nowNanos) {
        batches.incrementAndGet();
        Map<ObdCommand, String> json = new HashMap<>();
        Map<List<ObdCommand>, RawValue> payloads = new HashMap<>();
        for (ClientSubscription s : targets.get()) {
            GatewayClient client = s.client();
            if (!client.connected()) {
                continue;
            }
            List<ObdCommand> selected = s.select(batch.keySet(), nowNanos);
            if (selected.isEmpty()) {
                continue;
            }
            RawValue payload = payloads.computeIfAbsent(selected, k -> payload(k, batch, json));
            client.stream(EVENT, payload);
            updatesSent.incrementAndGet();
        }
    }

    /** {@code {"responses":{NAME: response or null, …}}} of these commands, written once. */
    static RawValue payload(Collection<ObdCommand> commands, Map<ObdCommand, ObdResponse> responses,
                            Map<ObdCommand, String> jsonCache) {
        StringBuilder out = new StringBuilder(64 + commands.size() * 160);
        out.append("{\"responses\":{");
        boolean first = true;
        for (ObdCommand c : commands) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(ObdJson.toJson(c.name())).append(':')
                    .append(jsonCache.computeIfAbsent(c, k -> ObdJson.toJson(responses.get(k))));
        }
        return new RawValue(out.append("}}").toString());
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            pending.clear();
            lock.notifyAll();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
