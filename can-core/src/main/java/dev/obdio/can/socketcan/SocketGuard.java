package dev.obdio.can.socketcan;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets threads use a socket while another closes it, without touching a closed (and maybe
 * already reused) file descriptor and without closing it twice.
 *
 * <p>A thread blocked in {@code recvmsg} is not woken when another thread closes the descriptor
 * (JavaCAN issue #29, can-utils issue #322; CAN sockets have no {@code shutdown}), and the
 * descriptor number can be handed to an unrelated file right after {@code close}. So every call
 * holds the read side of a lock and {@link #close} takes the write side: it waits for calls in
 * progress, which is bounded because receiving threads wait in the kernel for at most SO_RCVTIMEO
 * and senders for at most SO_SNDTIMEO.
 */
final class SocketGuard {
    /** A call on the socket. */
    @FunctionalInterface
    interface IoCall<T> {
        /** Runs it. */
        T call() throws IOException;
    }

    /** Closes the socket. */
    @FunctionalInterface
    interface Closer {
        /** Runs it. */
        void close() throws IOException;
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lock

    /**
     * Runs a call unless the socket is closed.
     *
     * @throws ClosedChannelException after {@link #close}
     */
    <T> T call(IoCall<T> call) throws IOException {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new ClosedChannelException();
            }
            return call.call();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Closes once, after the calls in progress; later calls fail. Idempotent. */
    void close(Closer closer) {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closer.close();
        } catch (IOException e) {
            // close(2) releases the descriptor even when it reports an error.
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether {@link #close} ran. */
    boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
    }
}
