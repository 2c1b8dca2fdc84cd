package dev.obdio.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timing of the vehicle events ({@code watch}, {@code subscribe}, {@code can_subscribe},
 * {@code uds_request}, …). Every limit applies to each client separately.
 *
 * @param maxCommandsPerClient OBD commands one client may subscribe to at once
 * @param maxHz                the highest {@code hz} of {@code subscribe} and {@code can_subscribe}
 * @param defaultHz            the rate when a subscription names none
 * @param watchPeriod          how often the loop reads the commands of the {@code watch} event
 *                             ({@link Duration#ZERO}: as fast as the vehicle answers, python-OBD's
 *                             loop without its 0.25 s sleep)
 * @param batchLinger          how long the fan-out waits after a new response for more of the same
 *                             pass, so that values read together travel in one {@code update}
 * @param maxCanFramesPerClient raw frames held for one client between two flushes; older ones are
 *                             dropped (and counted in the next {@code can_frames} event)
 * @param udsTimeout           the longest a {@code uds_request} waits for its final answer
 * @param udsIdleClose         a UDS client (and the ECU session it keeps alive) unused this long is closed
 */
public record VehicleEventOptions(int maxCommandsPerClient, double maxHz, double defaultHz, Duration watchPeriod,
                                  Duration batchLinger, int maxCanFramesPerClient, Duration udsTimeout,
                                  Duration udsIdleClose) {

    /** 64 commands, 50 Hz at most, 10 Hz by default, watch as fast as the vehicle answers, 2 ms linger,
     * 4096 frames, UDS 10 s timeout and 60 s idle close. */
    public static final VehicleEventOptions DEFAULTS = new VehicleEventOptions(64, 50, 10, Duration.ZERO,
            Duration.ofMillis(2), 4096, Duration.ofSeconds(10), Duration.ofSeconds(60));

    /** Validates the fields. */
    public VehicleEventOptions {
        ClientLimits.positive("maxCommandsPerClient", maxCommandsPerClient);
        if (!(maxHz > 0) || maxHz > 1000) {
            throw new IllegalArgumentException("maxHz must be in (0, 1000], got " + maxHz);
        }
        if (!(defaultHz > 0) || defaultHz > maxHz) {
            throw new IllegalArgumentException("defaultHz must be in (0, maxHz], got " + defaultHz);
        }
        nonNegative("watchPeriod", watchPeriod);
        nonNegative("batchLinger", batchLinger);
        if (batchLinger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("batchLinger must be at most 1 s, got " + batchLinger);
        }
        ClientLimits.positive("maxCanFramesPerClient", maxCanFramesPerClient);
        nonNegative("udsTimeout", udsTimeout);
        nonNegative("udsIdleClose", udsIdleClose);
        if (udsTimeout.isZero()) {
            throw new IllegalArgumentException("udsTimeout must be positive");
        }
    }

    private static void nonNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    /** With other subscription limits. */
    public VehicleEventOptions withSubscriptionLimits(int commandsPerClient, double newMaxHz, double newDefaultHz) {
        return new VehicleEventOptions(commandsPerClient, newMaxHz, newDefaultHz, watchPeriod, batchLinger,
                maxCanFramesPerClient, udsTimeout, udsIdleClose);
    }

    /** With another period for the commands of the {@code watch} event. */
    public VehicleEventOptions withWatchPeriod(Duration value) {
        return new VehicleEventOptions(maxCommandsPerClient, maxHz, defaultHz, value, batchLinger,
                maxCanFramesPerClient, udsTimeout, udsIdleClose);
    }

    /** With another batch linger. */
    public VehicleEventOptions withBatchLinger(Duration value) {
        return new VehicleEventOptions(maxCommandsPerClient, maxHz, defaultHz, watchPeriod, value,
                maxCanFramesPerClient, udsTimeout, udsIdleClose);
    }

    /** With another bound on buffered raw frames per client. */
    public VehicleEventOptions withMaxCanFramesPerClient(int value) {
        return new VehicleEventOptions(maxCommandsPerClient, maxHz, defaultHz, watchPeriod, batchLinger,
                value, udsTimeout, udsIdleClose);
    }

    /** With other UDS timing. */
    public VehicleEventOptions withUds(Duration timeout, Duration idleClose) {
        return new VehicleEventOptions(maxCommandsPerClient, maxHz, defaultHz, watchPeriod, batchLinger,
                maxCanFramesPerClient, timeout, idleClose);
    }

    /**
     * The period of {@code hz} after checking it against the limits.
     *
     * @throws EventException for a rate that is not a number in (0, maxHz]
     */
    long intervalNanos(double hz) throws EventException {
        if (!(hz > 0) || hz > maxHz || Double.isNaN(hz)) {
            throw new EventException("hz must be a number above 0 and at most " + PlainNumbers.format(maxHz)
                    + ", got " + PlainNumbers.format(hz));
        }
        return Math.max(1, Math.round(1e9 / hz));
    }
}
