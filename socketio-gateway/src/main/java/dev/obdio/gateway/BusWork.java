package dev.obdio.gateway;

/** Work on the vehicle's bus that may fail with a message for the client. */
@FunctionalInterface
interface BusWork<T> {
    T run() throws EventException;
}
