package dev.obdio.gateway;

/**
 * What one Socket.IO client may cost the server. Every limit applies to each client separately, so a
 * flooding or stalled client never slows the others.
 *
 * @param eventsPerSecond sustained rate of incoming events; above it events are refused with an
 *                        {@code error} event (token bucket)
 * @param eventBurst      events a client may send at once before the rate applies
 * @param pendingEvents   events of one client waiting for a handler; more are refused
 * @param outboxCapacity  outgoing messages held for a client that does not read fast enough; the
 *                        oldest droppable ({@code update}-type) messages go first, and a client that
 *                        overflows with messages that cannot be dropped is disconnected
 * @param maxJsonDepth    nesting depth of incoming JSON; deeper payloads are refused unparsed
 * @param maxArrayLength  elements in an incoming array argument (a list of command names, say)
 */
public record ClientLimits(int eventsPerSecond, int eventBurst, int pendingEvents, int outboxCapacity,
                           int maxJsonDepth, int maxArrayLength) {

    /** 100 events/s with bursts of 200, 64 pending, 1024 queued out, depth 32, arrays of 1024. */
    public static final ClientLimits DEFAULTS = new ClientLimits(100, 200, 64, 1024, 32, 1024);

    /** Validates the fields. */
    public ClientLimits {
        positive("eventsPerSecond", eventsPerSecond);
        positive("eventBurst", eventBurst);
        positive("pendingEvents", pendingEvents);
        positive("outboxCapacity", outboxCapacity);
        positive("maxJsonDepth", maxJsonDepth);
        positive("maxArrayLength", maxArrayLength);
    }

    /** These limits with another sustained event rate and burst. */
    public ClientLimits withEventRate(int perSecond, int burst) {
        return new ClientLimits(perSecond, burst, pendingEvents, outboxCapacity, maxJsonDepth, maxArrayLength);
    }

    /** These limits with another number of pending events. */
    public ClientLimits withPendingEvents(int value) {
        return new ClientLimits(eventsPerSecond, eventBurst, value, outboxCapacity, maxJsonDepth, maxArrayLength);
    }

    /** These limits with another outbox capacity. */
    public ClientLimits withOutboxCapacity(int value) {
        return new ClientLimits(eventsPerSecond, eventBurst, pendingEvents, value, maxJsonDepth, maxArrayLength);
    }

    /** These limits with another JSON nesting depth. */
    public ClientLimits withMaxJsonDepth(int value) {
        return new ClientLimits(eventsPerSecond, eventBurst, pendingEvents, outboxCapacity, value, maxArrayLength);
    }

    /** These limits with another array length. */
    public ClientLimits withMaxArrayLength(int value) {
        return new ClientLimits(eventsPerSecond, eventBurst, pendingEvents, outboxCapacity, maxJsonDepth, value);
    }

    static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
