package dev.obdio.can.socketcan;

import dev.obdio.can.CanException;
import dev.obdio.can.socketcan.SocketCanErrors.Operation;
import tel.schich.javacan.CanChannels;
import tel.schich.javacan.CanFilter;
import tel.schich.javacan.CanSocketOptions;
import tel.schich.javacan.NetworkDevice;
import tel.schich.javacan.RawCanChannel;
import tel.schich.javacan.RawReceiveMessageHeaderBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One CAN_RAW socket through JavaCAN, safe to close while other threads use it (see
 * {@link SocketGuard}). The descriptor is closed exactly once.
 */
final class RawSocket implements AutoCloseable {
    private final String ifname;
    private final RawCanChannel channel;
    private final SocketGuard guard = new SocketGuard();

    private RawSocket(String ifname, RawCanChannel channel) {
        this.ifname = ifname;
        this.channel = channel;
    }

    /**
     * Creates an unbound CAN_RAW socket.
     *
     * @throws CanException NO_SOCKETCAN when the kernel has no AF_CAN or CAN_RAW
     */
    static RawSocket create(String ifname) {
        JavaCanNatives.ensureLoaded();
        try {
            return new RawSocket(ifname, CanChannels.newRawChannel());
        } catch (IOException e) {
            throw SocketCanErrors.map(ifname, Operation.OPEN, e);
        }
    }

    /** The file descriptor, for diagnostics. */
    int fd() {
        return channel.getHandle().getValue();
    }

    /**
     * Sets the options that hold for the socket's life: CAN FD, own frames, kernel timestamps in
     * nanoseconds, the drop counter and the timeouts.
     */
    void configure(boolean fdFrames, boolean receiveOwn, Duration pollInterval, Duration sendTimeout,
                   int receiveBufferBytes) {
        withReadLock(Operation.CONFIGURE, () -> {
            channel.setOption(CanSocketOptions.FD_FRAMES, fdFrames);
            channel.setOption(CanSocketOptions.RECV_OWN_MSGS, receiveOwn);
            channel.setOption(CanSocketOptions.SO_TIMESTAMPNS, true);
            channel.setOption(CanSocketOptions.SO_RXQ_OVFL, true);
            channel.setOption(CanSocketOptions.SO_RCVTIMEO, pollInterval);
            channel.setOption(CanSocketOptions.SO_SNDTIMEO, sendTimeout);
            if (receiveBufferBytes > 0) {
                channel.setOption(CanSocketOptions.SO_RCVBUF, receiveBufferBytes);
            }
            return null;
        });
    }

    /** Replaces the kernel filters (CAN_RAW_FILTER, CAN_RAW_ERR_FILTER, CAN_RAW_JOIN_FILTERS). */
    void applyFilters(KernelFilters filters) {
        withReadLock(Operation.CONFIGURE, () -> {
            CanFilter[] array = new CanFilter[filters.count()];
            for (int i = 0; i < array.length; i++) {
                array[i] = new CanFilter(filters.canIds()[i], filters.canMasks()[i]);
            }
            channel.setOption(CanSocketOptions.FILTER, array);
            channel.setOption(CanSocketOptions.ERR_FILTER, filters.errorMask());
            channel.setOption(CanSocketOptions.JOIN_FILTERS, filters.join());
            return null;
        });
    }

    /**
     * Binds to the interface (again, after it was unregistered and came back).
     *
     * @throws IOException as the kernel reports it
     */
    void bind(NetworkDevice device) throws IOException {
        SocketGuard.IoCall<Void> call = () -> {
            channel.bind(device);
            return null;
        };
        underReadLock(call);
    }

    /**
     * Receives one frame struct with its message headers into {@code buffer} (position 0).
     *
     * @return the number of bytes received
     * @throws IOException as the kernel reports it, e.g. EAGAIN when SO_RCVTIMEO expired
     */
    long receive(ByteBuffer buffer, RawReceiveMessageHeaderBuffer header) throws IOException {
        return underReadLock(() -> channel.receiveUnsafe(buffer, header));
    }

    /** Sends the frame struct between the buffer's position and limit. */
    void send(ByteBuffer buffer) throws IOException {
        int size = buffer.remaining();
        underReadLock(() -> {
            long written = channel.sendUnsafe(buffer);
            if (written != size) {
                throw new IOException("the kernel took " + written + " of " + size + " bytes");
            }
            return null;
        });
    }

    /** Closes the socket once; waits for calls in progress (at most one poll interval). */
    @Override
    public void close() {
        guard.close(channel::close);
    }

    private <T> T underReadLock(SocketGuard.IoCall<T> call) throws IOException {
        return guard.call(call);
    }

    private <T> T withReadLock(Operation op, SocketGuard.IoCall<T> call) {
        try {
            return guard.call(call);
        } catch (IOException e) {
            throw SocketCanErrors.map(ifname, op, e);
        }
    }
}
