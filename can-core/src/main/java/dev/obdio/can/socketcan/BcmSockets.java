package dev.obdio.can.socketcan;

import dev.obdio.can.CanException;
import dev.obdio.can.socketcan.SocketCanErrors.Operation;
import tel.schich.javacan.NetworkDevice;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The broadcast-manager sockets of one endpoint, opened when the first cyclic transmission or
 * content watch needs one. Usually one socket carries all operations; a second operation with
 * the same key (the kernel keeps one per CAN id, CAN FD-ness and direction on a socket) gets
 * another socket.
 *
 * <p>Whether the broadcast manager can be used at all is found out once: it cannot when the
 * kernel lacks CAN_BCM or when a 32-bit JVM runs on a 64-bit kernel (see
 * {@link BcmSocket#headerLayoutMatchesKernel()}). The endpoint then does the same work in
 * software.
 */
final class BcmSockets implements AutoCloseable {
    private final String ifname;
    private final Duration pollInterval;
    private final List<BcmSocket> sockets = new ArrayList<>(); // guarded by this
    private Boolean usable; // guarded by this; null until known
    private String unusableReason; // guarded by this
    private boolean closed; // guarded by this

    BcmSockets(String ifname, Duration pollInterval) {
        this.ifname = ifname;
        this.pollInterval = pollInterval;
    }

    /**
     * Whether the broadcast manager works here; the first call opens the first socket.
     *
     * @throws CanException for conditions that software would hit as well (interface gone, closed)
     */
    synchronized boolean available() {
        if (usable == null) {
            checkOpen();
            try {
                BcmSocket first = openSocket();
                if (first.headerLayoutMatchesKernel()) {
                    sockets.add(first);
                    usable = true;
                } else {
                    first.close();
                    usable = false;
                    unusableReason = "32-bit JVM on a 64-bit kernel: struct bcm_msg_head differs";
                }
            } catch (CanException e) {
                if (e.reason() != CanException.Reason.NO_SOCKETCAN && e.reason() != CanException.Reason.PERMISSION) {
                    throw e;
                }
                usable = false;
                unusableReason = e.getMessage();
            }
        }
        return usable;
    }

    /** Why {@link #available()} is false, or null. */
    synchronized String unusableReason() {
        return unusableReason;
    }

    /**
     * A socket on which {@code key} is now registered to {@code handler}.
     *
     * @throws CanException when no socket can be opened
     */
    synchronized BcmSocket acquire(BcmSocket.OpKey key, BcmSocket.Handler handler) {
        checkOpen();
        for (Iterator<BcmSocket> it = sockets.iterator(); it.hasNext(); ) {
            BcmSocket s = it.next();
            if (s.lost() != null) {
                s.close();
                it.remove();
            } else if (s.register(key, handler)) {
                return s;
            }
        }
        BcmSocket s = openSocket();
        sockets.add(s);
        s.register(key, handler);
        return s;
    }

    /** Ends a registration; an extra socket without operations is closed. */
    void release(BcmSocket socket, BcmSocket.OpKey key) {
        boolean closeIt;
        synchronized (this) {
            socket.unregister(key);
            closeIt = socket.operations() == 0 && sockets.size() > 1 && sockets.remove(socket);
        }
        if (closeIt) {
            socket.close();
        }
    }

    private BcmSocket openSocket() {
        NetworkDevice device;
        try {
            device = NetworkDevice.lookup(ifname);
        } catch (IOException e) {
            throw SocketCanErrors.map(ifname, Operation.BIND, e);
        }
        return BcmSocket.open(ifname, device, pollInterval);
    }

    private void checkOpen() {
        if (closed) {
            throw new CanException(CanException.Reason.CLOSED, ifname + ": the bus endpoint is closed");
        }
    }

    /** Closes every socket; the kernel removes their operations. */
    @Override
    public void close() {
        List<BcmSocket> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(sockets);
            sockets.clear();
        }
        // Outside the lock: a socket's close waits for its reader, whose handlers may call in here.
        for (BcmSocket s : toClose) {
            s.close();
        }
    }
}
