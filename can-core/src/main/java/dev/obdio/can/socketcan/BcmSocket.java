package dev.obdio.can.socketcan;

import dev.obdio.can.CanException;
import dev.obdio.can.socketcan.SocketCanErrors.Operation;
import tel.schich.javacan.BcmCanChannel;
import tel.schich.javacan.BcmMessage;
import tel.schich.javacan.CanChannels;
import tel.schich.javacan.CanSocketOptions;
import tel.schich.javacan.NetworkDevice;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * One CAN_BCM socket connected to an interface, with a reader thread that hands the kernel's
 * notifications (TX_EXPIRED, RX_CHANGED, RX_TIMEOUT) to the operation they belong to.
 *
 * <p>The kernel keeps one operation per CAN id (and CAN FD-ness) and direction on a socket, so
 * an {@link OpKey} can be {@link #register registered} once; a second user of the same key
 * needs another socket (see {@link BcmSockets}).
 *
 * <p>Threading: {@link #send} from any thread; handlers run on the reader thread
 * ({@code obdio-bcm-<ifname>}), one notification at a time.
 */
final class BcmSocket implements AutoCloseable {

    /** An operation of the broadcast manager: direction, raw CAN id and CAN FD-ness. */
    record OpKey(boolean rx, int canId, boolean fd) {
    }

    /** Receives what the kernel reports about one operation. */
    interface Handler {
        /** A notification for this operation. */
        void onMessage(BcmCodec.Message message);

        /** The socket can no longer work (the interface disappeared); the operation is gone. */
        void onLost(CanException reason);
    }

    private final String ifname;
    private final BcmCanChannel channel;
    private final SocketGuard guard = new SocketGuard();
    private final Map<OpKey, Handler> handlers = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean closing;
    private volatile CanException lost;

    private BcmSocket(String ifname, BcmCanChannel channel) {
        this.ifname = ifname;
        this.channel = channel;
        this.reader = new Thread(this::readLoop, "obdio-bcm-" + ifname);
        this.reader.setDaemon(true);
    }

    /**
     * Opens a BCM socket on the interface and starts its reader.
     *
     * @throws CanException NO_SOCKETCAN when the kernel lacks CAN_BCM, or what connecting reports
     */
    static BcmSocket open(String ifname, NetworkDevice device, Duration pollInterval) {
        JavaCanNatives.ensureLoaded();
        BcmCanChannel channel;
        try {
            channel = CanChannels.newBcmChannel();
        } catch (IOException e) {
            throw SocketCanErrors.map(ifname, Operation.BCM, e);
        }
        BcmSocket socket = new BcmSocket(ifname, channel);
        try {
            channel.setOption(CanSocketOptions.SO_RCVTIMEO, pollInterval);
            channel.connect(device);
        } catch (IOException e) {
            socket.guard.close(channel::close);
            throw SocketCanErrors.map(ifname, Operation.BCM, e);
        }
        socket.reader.start();
        return socket;
    }

    /**
     * Whether the kernel understands this JVM's {@code struct bcm_msg_head}. It does not when a
     * 32-bit JVM runs on a 64-bit kernel (Raspberry Pi OS 32-bit on a 64-bit kernel): the BCM has
     * no compat layer, its header has 8-byte longs there, and every message fails with EINVAL
     * (can-utils issue #505). Probed with a header-only RX_SETUP, which any kernel with the same
     * layout accepts, and removed again.
     */
    boolean headerLayoutMatchesKernel() {
        if (BcmCodec.platformLongSize() == Long.BYTES) {
            return true;
        }
        try {
            write(BcmCodec.rxSetup(0, false, null, Duration.ZERO, Duration.ZERO));
            write(BcmCodec.rxDelete(0, false));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Registers the handler of an operation; false when the key is taken on this socket. */
    boolean register(OpKey key, Handler handler) {
        return handlers.putIfAbsent(key, handler) == null;
    }

    /** Forgets an operation's handler. */
    void unregister(OpKey key) {
        handlers.remove(key);
    }

    /** Whether an operation with this key is registered. */
    boolean has(OpKey key) {
        return handlers.containsKey(key);
    }

    /** Number of registered operations. */
    int operations() {
        return handlers.size();
    }

    /** Why the socket stopped working, or null. */
    CanException lost() {
        return lost;
    }

    /** The socket's file descriptor (for {@code /proc/net/can-bcm}). */
    int fd() {
        return channel.getHandle().getValue();
    }

    /**
     * Sends a message to the broadcast manager.
     *
     * @throws CanException mapped from the errno (e.g. INTERFACE_DOWN, CLOSED)
     */
    void send(BcmCodec.Message message) {
        try {
            write(message);
        } catch (IOException e) {
            throw SocketCanErrors.map(ifname, Operation.BCM, e);
        }
    }

    /** Sends a message; the caller handles the errno (e.g. EINVAL for an operation already gone). */
    void write(BcmCodec.Message message) throws IOException {
        ByteBuffer buffer = BcmCodec.encode(message);
        guard.call(() -> channel.write(new BcmMessage(buffer)));
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BcmCanChannel.MTU).order(ByteOrder.nativeOrder());
        while (!closing) {
            int length;
            try {
                buffer.clear();
                guard.call(() -> channel.read(buffer));
                length = buffer.limit();
            } catch (IOException e) {
                if (handleReadError(e)) {
                    return;
                }
                continue;
            } catch (RuntimeException e) {
                // JavaCAN could not make sense of the message; skip it.
                continue;
            }
            BcmCodec.Message message;
            try {
                message = BcmCodec.decode(buffer, length);
            } catch (RuntimeException e) {
                continue;
            }
            Handler h = handlers.get(new OpKey(isRx(message.opcode()), message.canId(), message.fd()));
            if (h != null) {
                try {
                    h.onMessage(message);
                } catch (RuntimeException e) {
                    Thread t = Thread.currentThread();
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                }
            }
        }
    }

    /** Returns true when the reader must stop. */
    private boolean handleReadError(IOException e) {
        int errno = SocketCanErrors.errno(e);
        switch (errno) {
            case SocketCanErrors.EAGAIN, SocketCanErrors.EINTR, SocketCanErrors.ENETDOWN:
                // Timeout (look at the closing flag), or the interface went down: operations stay.
                return false;
            case SocketCanErrors.EBADF:
                return true;
            case SocketCanErrors.ENODEV:
                CanException reason = SocketCanErrors.gone(ifname);
                lost = reason;
                for (Handler h : List.copyOf(handlers.values())) {
                    try {
                        h.onLost(reason);
                    } catch (RuntimeException ex) {
                        Thread t = Thread.currentThread();
                        t.getUncaughtExceptionHandler().uncaughtException(t, ex);
                    }
                }
                return true;
            default:
                // Unexpected: do not spin on a persistent failure.
                LockSupport.parkNanos(100_000_000L);
                return false;
        }
    }

    private static boolean isRx(int opcode) {
        return opcode == BcmCodec.RX_CHANGED || opcode == BcmCodec.RX_TIMEOUT || opcode == BcmCodec.RX_STATUS;
    }

    /**
     * Closes the socket (the kernel removes all its operations) after the reader has let go;
     * waits at most about one poll interval. Idempotent.
     */
    @Override
    public void close() {
        closing = true;
        if (Thread.currentThread() != reader) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        guard.close(channel::close);
    }
}
