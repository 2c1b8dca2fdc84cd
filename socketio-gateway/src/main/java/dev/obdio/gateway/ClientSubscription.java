package dev.obdio.gateway;

import dev.obdio.obd.ObdCommand;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client's {@code subscribe}d commands, each with its rate, and what the fan-out last sent it.
 *
 * <p>The fan-out sends a command's new response to the client when at least the command's
 * threshold has passed since it last sent one: the client's interval less half the loop's period
 * for that command (so that a value the loop delivers a little early in one pass is not held back
 * for a whole period), or every response when the loop reads the command no faster than the
 * client asked.
 *
 * <p>Threading: {@link #rates} is replaced whole by the {@link WatchHub} (under its lock) and read
 * by the fan-out thread; {@link #select} runs on the fan-out thread only.
 */
final class ClientSubscription {

    /**
     * What the client asked for and what that means for the fan-out.
     *
     * @param hz         each command's rate, in the order subscribed
     * @param thresholds each command's least gap between two values sent, nanoseconds
     */
    record Rates(Map<ObdCommand, Double> hz, Map<ObdCommand, Long> thresholds) {
        static final Rates NONE = new Rates(Map.of(), Map.of());

        Rates {
            hz = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hz));
            thresholds = Map.copyOf(thresholds);
        }
    }

    private final GatewayClient client;
    private volatile Rates rates = Rates.NONE;
    private final Map<ObdCommand, Long> lastSent = new HashMap<>();

    ClientSubscription(GatewayClient client) {
        this.client = client;
    }

    GatewayClient client() {
        return client;
    }

    Rates rates() {
        return rates;
    }

    void rates(Rates value) {
        rates = value;
    }

    /**
     * The commands of a batch this client gets now, in batch order; notes them as sent at {@code nowNanos}.
     */
    List<ObdCommand> select(Collection<ObdCommand> batch, long nowNanos) {
        Map<ObdCommand, Long> thresholds = rates.thresholds();
        List<ObdCommand> out = null;
        for (ObdCommand c : batch) {
            Long threshold = thresholds.get(c);
            if (threshold == null) {
                continue;
            }
            Long last = lastSent.get(c);
            if (last == null || nowNanos - last >= threshold) {
                lastSent.put(c, nowNanos);
                if (out == null) {
                    out = new ArrayList<>(Math.min(batch.size(), thresholds.size()));
                }
                out.add(c);
            }
        }
        return out == null ? List.of() : out;
    }
}
