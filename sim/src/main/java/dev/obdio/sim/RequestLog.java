package dev.obdio.sim;

/**
 * Hears what a {@link VehicleServer} does: one {@link ServedRequest} per request and ECU (a
 * functional request answered by three ECUs gives three), and transport faults on the way in.
 *
 * <p>Called on the ISO-TP event thread of the bus (when a request is silent, ignored, or its final
 * response is out) or on the server's timer thread (when a send is refused at once); one call at a
 * time per ECU channel, but calls for different ECUs may overlap. Return quickly: a slow log
 * delays the events of the other channels on the bus. A log that throws is ignored.
 */
@FunctionalInterface
public interface RequestLog {

    /** Logs nothing. */
    RequestLog NONE = request -> { };

    /** One request served (or not). */
    void served(ServedRequest request);

    /**
     * An ISO-TP fault on an ECU's channel that lost or refused a request: a consecutive frame that
     * never came, a wrong sequence number, a first frame too long. Ignored unless overridden.
     *
     * @param ecu     the ECU's name, or {@code *} for the functional channel
     * @param message the fault, for people
     */
    default void transportFault(String ecu, String message) {
    }
}
