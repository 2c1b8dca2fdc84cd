package dev.obdio.gateway;

import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdOptions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's connection to the vehicle: at most one {@link ObdConnection} at a time. It is set
 * by {@link #connect} (obd-socketio's {@code connect_obd}: any time, also from an event handler),
 * which closes the one before and opens the next, and ended by {@link #closeConnection()} (the
 * {@code close} event).
 * The services that use the bus ({@link WatchHub}, {@link CanMonitor}, {@link UdsRelay}) hear each
 * change as a {@link Listener}.
 *
 * <p>Threading: every method may be called from any thread. Changes are serialized, and listeners
 * are called on the changing thread in the order of the changes; {@link #current()} never blocks.
 */
final class VehicleLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VehicleLink.class);

    /** Hears the connection come and go. */
    interface Listener {
        /** {@code connection} is the gateway's connection from now on. */
        void linked(ObdConnection connection, String busName);

        /**
         * {@code connection} is no longer the gateway's; it is closed right after this returns.
         *
         * @param closed true when ended by {@link #close()}, false when replaced by another connection
         */
        void unlinked(ObdConnection connection, boolean closed);
    }

    private final ObdOptions options;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object changes = new Object();
    private volatile ObdConnection current;
    private volatile String busName = "";

    VehicleLink(ObdOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options new connections are opened with. */
    ObdOptions options() {
        return options;
    }

    void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Closes the current connection, then opens the bus by name and finds the vehicle (blocking:
     * the discovery takes a moment) and makes it the gateway's connection. The old connection goes
     * first because two testers polling one bus disturb each other's discovery; when the new bus
     * cannot be opened, the gateway is left without a connection.
     *
     * @throws dev.obdio.can.CanException when the bus cannot be opened
     */
    ObdConnection connect(String bus) {
        Objects.requireNonNull(bus, "bus");
        synchronized (changes) {
            unlinkCurrent(false);
            ObdConnection next = ObdConnection.open(bus, options);
            link(next, bus);
            return next;
        }
    }

    /** Makes an open connection the gateway's (it is closed when replaced or at {@link #close()}). */
    void use(ObdConnection next, String bus) {
        Objects.requireNonNull(next, "connection");
        synchronized (changes) {
            if (current == next) {
                return;
            }
            unlinkCurrent(false);
            link(next, bus);
        }
    }

    private void link(ObdConnection next, String bus) {
        current = next;
        busName = bus;
        for (Listener l : listeners) {
            try {
                l.linked(next, bus);
            } catch (RuntimeException e) {
                LOG.error("a service failed to take the new connection to {}", bus, e);
            }
        }
        LOG.info("connected to the vehicle on {}: {}", bus, next.status());
    }

    /** Lets go of the current connection and closes it; called under the lock. */
    private boolean unlinkCurrent(boolean byClose) {
        ObdConnection previous = current;
        if (previous == null) {
            return false;
        }
        current = null;
        notifyUnlinked(previous, byClose);
        previous.close();
        return true;
    }

    /** The connection, unless none was made or it was closed. */
    Optional<ObdConnection> current() {
        return Optional.ofNullable(current);
    }

    /**
     * The connection, for events that need the vehicle.
     *
     * @throws EventException when there is none
     */
    ObdConnection require() throws EventException {
        ObdConnection c = current;
        if (c == null) {
            throw new EventException("not connected to a vehicle (none was connected, or the close event closed it)");
        }
        return c;
    }

    /** The bus of the current connection as it was opened ({@code vcan0}); {@code ""} without one. */
    String busName() {
        return current == null ? "" : busName;
    }

    /**
     * Closes the connection (the {@code close} event): the watch loop stops, the status becomes
     * {@code "Not Connected"}. A later {@link #connect} opens a new one. Idempotent.
     *
     * @return whether a connection was open
     */
    boolean closeConnection() {
        synchronized (changes) {
            String bus = busName;
            boolean was = unlinkCurrent(true);
            if (was) {
                LOG.info("closed the connection to the vehicle on {}", bus);
            }
            return was;
        }
    }

    private void notifyUnlinked(ObdConnection previous, boolean closed) {
        for (Listener l : listeners) {
            try {
                l.unlinked(previous, closed);
            } catch (RuntimeException e) {
                LOG.error("a service failed to let go of the connection", e);
            }
        }
    }

    @Override
    public void close() {
        closeConnection();
    }
}
