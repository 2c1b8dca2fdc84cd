package dev.obdio.isotp;

/**
 * Receives the events of one channel: PDUs received and sent, and faults. Called on the channel's
 * event thread (see the package documentation), one event at a time and in order; a listener that
 * blocks delays the other channels' events of the same bus, but never the protocol itself.
 */
@FunctionalInterface
public interface IsoTpListener {
    /** One event. A listener that throws is reported to the thread's handler and keeps receiving. */
    void onEvent(IsoTpEvent event);
}
