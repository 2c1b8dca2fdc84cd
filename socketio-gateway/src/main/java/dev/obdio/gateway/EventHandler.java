package dev.obdio.gateway;

/**
 * Handles one Socket.IO event: decodes the arguments, calls a service, returns the reply. One class
 * per event, so each can be tested with plain inputs and no server.
 *
 * <p>Threading: handlers run on the gateway's handler threads, never on a netty event loop, so they
 * may block (a vehicle query waits for ECUs). Events of one client are handled one at a time in
 * arrival order; events of different clients run in parallel, so handlers must be thread-safe.
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Handles an event.
     *
     * @return what to send back to the client
     * @throws EventException when the request cannot be served; the client gets an {@code error}
     *                        event with the exception's message
     */
    EventReply handle(EventRequest request) throws EventException;
}
