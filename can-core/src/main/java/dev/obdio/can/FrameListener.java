package dev.obdio.can;

/**
 * Push delivery of received frames. The listeners of one endpoint are called one at a time, in
 * the order the frames arrived, on the endpoint's delivery thread (the transport's reader thread
 * on SocketCAN and UDP); a listener that blocks delays the others and, once the buffers are
 * full, makes the endpoint drop frames.
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
