package dev.obdio.can;

/**
 * A frame as a bus endpoint delivered it: the frame, when it was seen, where, and whether it
 * was sent by this endpoint itself (visible only with {@link BusOptions#receiveOwnFrames()}).
 *
 * @param frame          the frame
 * @param timestampNanos nanoseconds since the Unix epoch (the kernel's timestamp on SocketCAN)
 * @param channel        the bus it came from, as opened ({@code vcan0}, {@code virtual:car})
 * @param direction      {@link Direction#RX} for frames of others, {@link Direction#TX} for our own
 */
public record ReceivedFrame(CanFrame frame, long timestampNanos, String channel, Direction direction) {

    /** Whether the frame was received from another sender or sent by this endpoint. */
    public enum Direction {
        /** Sent by another endpoint. */
        RX,
        /** Sent by this endpoint (its own frame, looped back). */
        TX
    }

    /** Checks that nothing is null. */
    public ReceivedFrame {
        if (frame == null || channel == null || direction == null) {
            throw new IllegalArgumentException("frame, channel and direction must not be null");
        }
    }

    /** The timestamp in microseconds since the epoch, as candump logs it. */
    public long timestampMicros() {
        return Math.floorDiv(timestampNanos, 1000L);
    }
}
