package dev.obdio.can;

/**
 * How a bus endpoint is opened; the defaults match a SocketCAN raw socket as candump opens it.
 *
 * @param receiveOwnFrames     deliver this endpoint's own sent frames back to it, marked
 *                             {@link ReceivedFrame.Direction#TX} (CAN_RAW_RECV_OWN_MSGS)
 * @param fdFrames             send and receive CAN FD frames (CAN_RAW_FD_FRAMES); without it FD
 *                             frames are neither delivered nor accepted for sending
 * @param filters              the receive filters
 * @param receiveQueueCapacity frames buffered for a slow reader before new ones are dropped and
 *                             counted (the socket receive buffer)
 */
public record BusOptions(boolean receiveOwnFrames, boolean fdFrames, CanFilterSet filters,
                         int receiveQueueCapacity) {

    /** Others' frames only, FD on, every data frame, no error frames, 8192 frames of buffer. */
    public static final BusOptions DEFAULTS = new BusOptions(false, true, CanFilterSet.ALL, 8192);

    /** Validates the fields. */
    public BusOptions {
        if (filters == null) {
            throw new IllegalArgumentException("filters must not be null");
        }
        if (receiveQueueCapacity < 1) {
            throw new IllegalArgumentException("receiveQueueCapacity must be at least 1, got " + receiveQueueCapacity);
        }
    }

    /** These options with {@code receiveOwnFrames} changed. */
    public BusOptions withReceiveOwnFrames(boolean value) {
        return new BusOptions(value, fdFrames, filters, receiveQueueCapacity);
    }

    /** These options with {@code fdFrames} changed. */
    public BusOptions withFdFrames(boolean value) {
        return new BusOptions(receiveOwnFrames, value, filters, receiveQueueCapacity);
    }

    /** These options with other filters. */
    public BusOptions withFilters(CanFilterSet value) {
        return new BusOptions(receiveOwnFrames, fdFrames, value, receiveQueueCapacity);
    }

    /** These options with another receive queue capacity. */
    public BusOptions withReceiveQueueCapacity(int value) {
        return new BusOptions(receiveOwnFrames, fdFrames, filters, value);
    }
}
