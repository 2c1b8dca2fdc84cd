package dev.obdio.gateway;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Who may use the vehicle's bus now. OBD requests of handlers ({@code query_now}, {@code dtc},
 * {@code vehicle_info}, {@code clear_dtc}) share it: the connection serializes them with the watch
 * loop by itself. A UDS request needs it alone: the engine answers UDS and OBD on the same
 * identifiers, so no OBD request (and no pass of the watch loop) may be in flight meanwhile; the
 * loop is stopped for its duration and runs again afterwards.
 *
 * <p>Threading: called on handler threads; waits are bounded and interruptible. Fair, so a stream
 * of OBD requests cannot starve a UDS request or the other way round.
 */
final class BusAccess {
    private static final long WAIT_SECONDS = 30;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final WatchHub hub;

    BusAccess(WatchHub hub) {
        this.hub = hub;
    }

    /** Runs OBD requests, alongside other OBD requests and the watch loop. */
    <T> T shared(BusWork<T> work) throws EventException {
        return with(lock.readLock(), work);
    }

    /** Runs work that must be alone on the bus: no other request, the watch loop stopped. */
    <T> T exclusive(BusWork<T> work) throws EventException {
        return with(lock.writeLock(), () -> {
            EventException[] failure = new EventException[1];
            T result = hub.paused(() -> {
                try {
                    return work.run();
                } catch (EventException e) {
                    failure[0] = e;
                    return null;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            return result;
        });
    }

    private static <T> T with(Lock l, BusWork<T> work) throws EventException {
        try {
            if (!l.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new EventException("the bus is busy with other requests; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventException("interrupted while waiting for the bus (the server is stopping)");
        }
        try {
            return work.run();
        } finally {
            l.unlock();
        }
    }
}
