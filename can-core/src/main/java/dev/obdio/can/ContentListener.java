package dev.obdio.can;

/** Receives what a {@link ContentFilter} reports; called on the endpoint's delivery thread. */
public interface ContentListener {
    /** A frame whose watched content changed (or the first frame of the id). */
    void onChange(ReceivedFrame frame);

    /** No frame of the watched id arrived within the filter's timeout. */
    default void onTimeout(ContentFilter filter) {
    }
}
