package dev.obdio.can;

/**
 * Push delivery of received frames. All listeners of one endpoint are called on that endpoint's
 * single delivery thread, in the order the frames arrived; a listener that blocks delays the
 * others and, once the receive queue is full, makes the endpoint drop frames.
 */
@FunctionalInterface
public interface FrameListener {
    /** A frame passed the endpoint's filters. */
    void onFrame(ReceivedFrame frame);

    /**
     * The endpoint reported a condition such as {@link CanException.Reason#INTERFACE_DOWN}; it
     * stays open and delivers again when the condition clears.
     */
    default void onError(CanException error) {
    }
}
