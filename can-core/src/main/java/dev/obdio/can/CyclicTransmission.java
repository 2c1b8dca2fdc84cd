package dev.obdio.can;

/**
 * A frame sent again and again at a fixed period (SocketCAN BCM TX_SETUP, or a timer on other
 * buses). Closing stops it.
 */
public interface CyclicTransmission extends AutoCloseable {
    /** Replaces the frame sent from the next period on (same id; BCM's data update). */
    void update(CanFrame frame);

    /** How many frames have been sent so far (for BCM, how many the kernel reported). */
    long sentCount();

    /** Whether it is still sending (false after {@code count} frames or {@link #close()}). */
    boolean isActive();

    /** Stops sending. */
    @Override
    void close();
}
