package dev.obdio.isotp;

import dev.obdio.can.CanException;
import dev.obdio.can.socketcan.SocketCan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import tel.schich.javacan.CanChannels;
import tel.schich.javacan.CanSocketOptions;
import tel.schich.javacan.IsotpCanChannel;
import tel.schich.javacan.IsotpCanSocketOptions;
import tel.schich.javacan.IsotpFlowControlOptions;
import tel.schich.javacan.IsotpLinkLayerOptions;
import tel.schich.javacan.IsotpOptions;
import tel.schich.javacan.IsotpSocketAddress;
import tel.schich.javacan.NetworkDevice;
import tel.schich.javacan.platform.linux.LinuxNativeOperationException;

/**
 * One CAN_ISOTP socket through JavaCAN 3.5.0; the only class of this module that touches JavaCAN
 * (after {@link SocketCan#availability()} has loaded its native library).
 *
 * <p>Who may use the socket when, and why:
 * <ul>
 *   <li>Receivers block in {@code recv} for at most {@link #SLICE} (SO_RCVTIMEO), so closing and
 *       senders never wait longer for them: a blocked {@code recv} is not woken by
 *       {@code close} (JavaCAN issue #29), and the descriptor must not be closed under it.</li>
 *   <li>The kernel keeps one error per socket for both directions, and a blocked receiver may
 *       take the error of a failing send. A segmented send therefore waits until no receiver is
 *       blocked and keeps new ones out until it is done; a single frame goes out at once.</li>
 *   <li>Before a send that no receiver is waiting beside, pending PDUs and errors are drained
 *       (non-blocking) and handed to the caller, so an old receive error does not fail the
 *       write (the kernel reports it on the next write without sending).</li>
 *   <li>The descriptor is closed exactly once, by {@link #close()} or by the last call in
 *       progress when it returns.</li>
 * </ul>
 * JavaCAN's own {@code IsotpCanChannel.write} refuses more than 4095 bytes although the kernel
 * takes up to its {@code max_pdu_size}, so reads and writes go through {@link Io}, a thin
 * subclass over the same descriptor.
 */
final class KernelIsoTpSocket {
    /** The longest a receiver blocks in the kernel before it looks at its state again. */
    static final Duration SLICE = Duration.ofMillis(20);
    /** recv flag: do not block. */
    private static final int MSG_DONTWAIT = 0x40;
    /** Drained items before a send at most; more would mean the peer floods us. */
    private static final int MAX_DRAIN = 256;

    /** What one call on the socket gave. */
    sealed interface Result {
    }

    /** A received PDU. */
    record Pdu(byte[] data) implements Result {
    }

    /** A sent PDU. */
    record Sent(int length) implements Result {
    }

    /** The kernel reported an error. */
    record Failure(int errno, String description) implements Result {
    }

    /** Nothing arrived within the slice, or the wait to get in ran out. */
    record Nothing() implements Result {
    }

    /** The socket is closed. */
    record Closed() implements Result {
    }

    private static final Nothing NOTHING = new Nothing();
    private static final Closed CLOSED = new Closed();

    private final String ifname;
    private final IsotpCanChannel channel;
    private final Io io;
    private final ThreadLocal<ByteBuffer> receiveBuffers;
    private final Object lock = new Object();
    private ByteBuffer sendBuffer; // sender only (one at a time)
    // Guarded by lock.
    private int callsInProgress;
    private int receivers;
    private int sendersWaiting;
    private boolean sending;
    private boolean closing;
    private boolean descriptorClosed;

    private KernelIsoTpSocket(String ifname, IsotpCanChannel channel, int maxPduLength) {
        this.ifname = ifname;
        this.channel = channel;
        this.io = new Io(channel.getHandle().getValue());
        // One byte more than the longest PDU, to see a PDU that did not fit.
        this.receiveBuffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(maxPduLength + 1));
    }

    /**
     * What the probe found.
     *
     * @param socketCan whether SocketCAN works here at all (JavaCAN loads, AF_CAN sockets open)
     * @param isoTp     whether CAN_ISOTP sockets open
     * @param reason    a sentence for the user: what works, or what is missing and what to do
     */
    record Support(boolean socketCan, boolean isoTp, String reason) {
    }

    /**
     * Whether this JVM and kernel can open CAN_ISOTP sockets, and why (not). Opens and closes one
     * unbound socket, which makes the kernel load the can-isotp module if it can.
     */
    static Support probe() {
        SocketCan.Availability socketCan = SocketCan.availability(); // loads JavaCAN's native library
        if (!socketCan.available()) {
            return new Support(false, false, socketCan.reason());
        }
        try {
            CanChannels.newIsotpChannel().close();
            return new Support(true, true, "the kernel opens CAN_ISOTP sockets");
        } catch (IOException e) {
            int errno = errno(e);
            if (errno == KernelErrors.EPROTONOSUPPORT || errno == KernelErrors.EAFNOSUPPORT) {
                return new Support(true, false, "the kernel has SocketCAN but no CAN_ISOTP (the can-isotp module,"
                        + " Linux 5.10+); load it with: sudo modprobe can-isotp");
            }
            return new Support(true, false, "CAN_ISOTP sockets cannot be opened: " + describe(e));
        }
    }

    /**
     * Opens and binds a socket.
     *
     * @param maxPduLength       the longest PDU to receive (the kernel's limit)
     * @param receiveBufferBytes SO_RCVBUF, 0 for the kernel's default
     * @throws CanException NO_SUCH_INTERFACE, INTERFACE_DOWN, NOT_SUPPORTED (CAN FD on a classic
     *                      interface) or IO, with a message that says what to do
     */
    static KernelIsoTpSocket open(String ifname, KernelSocketConfig config, int maxPduLength, int receiveBufferBytes) {
        checkInterface(ifname, config);
        IsotpCanChannel channel;
        try {
            channel = CanChannels.newIsotpChannel();
        } catch (IOException e) {
            throw new CanException(CanException.Reason.IO, ifname + ": cannot open a CAN_ISOTP socket: " + describe(e), e);
        }
        try {
            channel.setOption(IsotpCanSocketOptions.OPTS, new IsotpOptions(config.flags(), config.frameTxTime(),
                    (byte) config.extAddress(), (byte) config.txPadContent(), (byte) config.rxPadContent(),
                    (byte) config.rxExtAddress()));
            channel.setOption(IsotpCanSocketOptions.RECV_FC, new IsotpFlowControlOptions((byte) config.blockSize(),
                    (byte) config.stMin(), (byte) config.wftMax()));
            if (config.has(KernelSocketConfig.FORCE_TXSTMIN)) {
                channel.setOption(IsotpCanSocketOptions.TX_STMIN, config.txStMinNanos());
            }
            if (config.has(KernelSocketConfig.FORCE_RXSTMIN)) {
                channel.setOption(IsotpCanSocketOptions.RX_STMIN, config.rxStMinNanos());
            }
            channel.setOption(IsotpCanSocketOptions.LL_OPTS, new IsotpLinkLayerOptions((byte) config.mtu(),
                    (byte) config.txDataLength(), (byte) config.txFlags()));
            channel.setOption(CanSocketOptions.SO_RCVTIMEO, SLICE);
            if (receiveBufferBytes > 0) {
                channel.setOption(CanSocketOptions.SO_RCVBUF, receiveBufferBytes);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new CanException(CanException.Reason.IO, ifname + ": the kernel refused the ISO-TP options ("
                    + config + "): " + describe(e), e);
        }
        try {
            channel.bind(NetworkDevice.lookup(ifname), IsotpSocketAddress.isotpAddress(config.rxId()),
                    IsotpSocketAddress.isotpAddress(config.txId()));
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw bindFailure(ifname, config, e);
        }
        return new KernelIsoTpSocket(ifname, channel, maxPduLength);
    }

    /** The interface, from sysfs where it can be read, with the command that fixes a problem. */
    private static void checkInterface(String ifname, KernelSocketConfig config) {
        if (ifname == null || ifname.isEmpty() || ifname.length() > 15 || ifname.contains("/")
                || ifname.chars().anyMatch(Character::isWhitespace)) {
            throw new CanException(CanException.Reason.INVALID_NAME, "\"" + ifname + "\" is not a network interface"
                    + " name (1..15 characters, no '/' or spaces)");
        }
        Path dir = Path.of("/sys/class/net", ifname);
        if (!Files.isDirectory(dir.getParent())) {
            return; // no sysfs: the kernel's answers must do
        }
        if (!Files.isDirectory(dir)) {
            throw new CanException(CanException.Reason.NO_SUCH_INTERFACE, ifname + ": no such CAN interface; list them"
                    + " with: ip -br link show type can");
        }
        int type = readSysfs(dir, "type");
        if (type >= 0 && type != 280) { // ARPHRD_CAN
            throw new CanException(CanException.Reason.NO_SUCH_INTERFACE, ifname + ": not a CAN interface (link type "
                    + type + "); list the CAN interfaces with: ip -br link show type can");
        }
        int flags = readSysfs(dir, "flags");
        if (flags >= 0 && (flags & 1) == 0) { // IFF_UP
            throw new CanException(CanException.Reason.INTERFACE_DOWN, ifname + ": the interface is down; bring it up"
                    + " with: sudo ip link set " + ifname + " up");
        }
        int mtu = readSysfs(dir, "mtu");
        if (config.mtu() == KernelSocketConfig.CANFD_MTU && mtu >= 0 && mtu < KernelSocketConfig.CANFD_MTU) {
            throw noFd(ifname);
        }
    }

    private static CanException noFd(String ifname) {
        return new CanException(CanException.Reason.NOT_SUPPORTED, ifname + ": the interface does not carry CAN FD"
                + " frames (MTU 16); switch CAN FD on with: sudo ip link set " + ifname
                + " type can bitrate 500000 dbitrate 2000000 fd on");
    }

    private static int readSysfs(Path dir, String attribute) {
        try {
            String text = Files.readString(dir.resolve(attribute)).trim();
            return text.startsWith("0x") ? Integer.parseUnsignedInt(text.substring(2), 16) : Integer.parseInt(text);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static CanException bindFailure(String ifname, KernelSocketConfig config, Exception e) {
        int errno = e instanceof IOException io ? errno(io) : 0;
        return switch (errno) {
            case KernelErrors.ENODEV -> new CanException(CanException.Reason.NO_SUCH_INTERFACE, ifname
                    + ": no such CAN interface; list them with: ip -br link show type can", e);
            case KernelErrors.EINVAL -> config.mtu() == KernelSocketConfig.CANFD_MTU ? noFd(ifname)
                    : new CanException(CanException.Reason.IO, ifname + ": the kernel refused to bind the ISO-TP socket ("
                    + config + "): " + describe(e), e);
            case KernelErrors.EADDRNOTAVAIL -> new CanException(CanException.Reason.IO, ifname
                    + ": the kernel refused the identifiers (tx and rx must differ): " + config, e);
            default -> new CanException(CanException.Reason.IO, ifname + ": cannot bind the ISO-TP socket: "
                    + describe(e), e);
        };
    }

    /** The interface name. */
    String ifname() {
        return ifname;
    }

    /**
     * Receives one PDU, blocking for at most {@link #SLICE} in the kernel, or not at all when
     * {@code maxWait} is zero (a poll: a caller draining stale PDUs must not sit out SO_RCVTIMEO).
     * While a segmented send is due or running, waits up to {@code maxWait} to get in, and returns
     * {@link Nothing} if it could not.
     */
    Result receive(Duration maxWait) throws InterruptedException {
        synchronized (lock) {
            long end = System.nanoTime() + maxWait.toNanos();
            while (!closing && (sending || sendersWaiting > 0)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return NOTHING;
                }
                lock.wait(Math.max(1, left / 1_000_000), 0);
            }
            if (closing) {
                return CLOSED;
            }
            receivers++;
            callsInProgress++;
        }
        try {
            return readOnce(maxWait.isZero() ? MSG_DONTWAIT : 0);
        } finally {
            synchronized (lock) {
                receivers--;
                leave();
            }
        }
    }

    /**
     * Sends a PDU and waits until the kernel reports it complete (CAN_ISOTP_WAIT_TX_DONE).
     *
     * @param pdu       the PDU
     * @param segmented whether it needs a first frame (then blocked receivers are waited for)
     * @param drained   takes PDUs and errors drained from the socket before the send
     * @return {@link Sent}, a {@link Failure} with the kernel's errno, or {@link Closed}
     */
    Result send(byte[] pdu, boolean segmented, Consumer<Result> drained) throws InterruptedException {
        boolean drain;
        synchronized (lock) {
            sendersWaiting++;
            try {
                while (!closing && (sending || (segmented && receivers > 0))) {
                    lock.wait();
                }
            } finally {
                sendersWaiting--;
            }
            if (closing) {
                lock.notifyAll();
                return CLOSED;
            }
            sending = true;
            callsInProgress++;
            drain = receivers == 0;
        }
        try {
            if (drain) {
                drain(drained);
            }
            return write(pdu);
        } finally {
            synchronized (lock) {
                sending = false;
                leave();
            }
        }
    }

    /** Takes what is waiting without blocking; no receiver is inside (the caller holds the send). */
    private void drain(Consumer<Result> drained) {
        for (int i = 0; i < MAX_DRAIN; i++) {
            Result r = readOnce(MSG_DONTWAIT);
            if (r instanceof Nothing || r instanceof Closed) {
                return;
            }
            drained.accept(r);
        }
    }

    private Result readOnce(int flags) {
        ByteBuffer buffer = receiveBuffers.get();
        buffer.clear();
        try {
            int n = io.receive(buffer, flags);
            byte[] data = new byte[n];
            buffer.flip();
            buffer.get(data);
            return new Pdu(data);
        } catch (IOException e) {
            int errno = errno(e);
            if (errno == KernelErrors.EAGAIN || errno == KernelErrors.EINTR) {
                return NOTHING;
            }
            if (errno == KernelErrors.EBADF) {
                return CLOSED;
            }
            return new Failure(errno, describe(e));
        }
    }

    private Result write(byte[] pdu) {
        if (sendBuffer == null || sendBuffer.capacity() < pdu.length) {
            sendBuffer = ByteBuffer.allocateDirect(Math.max(pdu.length, 4096));
        }
        sendBuffer.clear();
        sendBuffer.put(pdu).flip();
        try {
            int n = io.write(sendBuffer);
            if (n != pdu.length) {
                return new Failure(0, "the kernel took " + n + " of " + pdu.length + " bytes");
            }
            return new Sent(n);
        } catch (IOException e) {
            int errno = errno(e);
            return errno == KernelErrors.EBADF ? CLOSED : new Failure(errno, describe(e));
        }
    }

    /** A call ended; under the lock. Closes the descriptor if it was waiting for this. */
    private void leave() {
        callsInProgress--;
        lock.notifyAll();
        if (closing && callsInProgress == 0 && !descriptorClosed) {
            descriptorClosed = true;
            closeQuietly(channel);
        }
    }

    /**
     * Closes the socket: no new calls get in; waits up to {@code waitForReceivers} for receivers
     * in the kernel (bounded by {@link #SLICE}) and closes the descriptor, or leaves that to the
     * last call in progress (a send the kernel is still carrying out). Idempotent.
     */
    void close(Duration waitForReceivers) {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
            long end = System.nanoTime() + waitForReceivers.toNanos();
            while (receivers > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (callsInProgress == 0 && !descriptorClosed) {
                descriptorClosed = true;
                closeQuietly(channel);
            }
        }
    }

    /** Whether the descriptor has been closed (for tests). */
    boolean descriptorClosed() {
        synchronized (lock) {
            return descriptorClosed;
        }
    }

    private static void closeQuietly(IsotpCanChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // close(2) releases the descriptor even when it reports an error.
        }
    }

    /** The errno of a JavaCAN failure, 0 when it carries none. */
    static int errno(IOException e) {
        if (e instanceof LinuxNativeOperationException n) {
            return n.getErrorNumber();
        }
        for (Throwable s : e.getSuppressed()) {
            if (s instanceof LinuxNativeOperationException n) {
                return n.getErrorNumber();
            }
        }
        return e instanceof ClosedChannelException ? KernelErrors.EBADF : 0;
    }

    private static String describe(Exception e) {
        if (e instanceof LinuxNativeOperationException n && n.getErrorString() != null) {
            return n.getErrorString();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * Reads and writes on the bound channel's descriptor without JavaCAN's 4095-byte write limit.
     * Never bound or closed itself: the {@link IsotpCanChannel} it shadows owns the descriptor.
     */
    private static final class Io extends IsotpCanChannel {
        Io(int fd) {
            super(fd);
        }

        int receive(ByteBuffer buffer, int flags) throws IOException {
            return (int) receiveFromSocket(buffer, flags);
        }

        @Override
        public int read(ByteBuffer buffer) throws IOException {
            return (int) readSocket(buffer);
        }

        @Override
        public int write(ByteBuffer buffer) throws IOException {
            return (int) writeSocket(buffer);
        }

        @Override
        public IsotpCanChannel bind(NetworkDevice device, IsotpSocketAddress rx, IsotpSocketAddress tx) {
            throw new UnsupportedOperationException("the shadow channel is never bound");
        }

        @Override
        public IsotpSocketAddress getRxAddress() {
            throw new UnsupportedOperationException();
        }

        @Override
        public IsotpSocketAddress getTxAddress() {
            throw new UnsupportedOperationException();
        }

        @Override
        public NetworkDevice getDevice() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isBound() {
            return true;
        }

        @Override
        public void close() {
            throw new UnsupportedOperationException("the shadow channel never closes the descriptor");
        }
    }
}
