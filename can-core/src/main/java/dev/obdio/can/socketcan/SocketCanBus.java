package dev.obdio.can.socketcan;

import dev.obdio.can.AbstractCanBus;
import dev.obdio.can.BusOptions;
import dev.obdio.can.CanException;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ContentFilter;
import dev.obdio.can.ContentListener;
import dev.obdio.can.CyclicTransmission;
import dev.obdio.can.Subscription;
import dev.obdio.can.socketcan.SocketCanErrors.Operation;
import tel.schich.javacan.NetworkDevice;
import tel.schich.javacan.RawReceiveMessageHeaderBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An endpoint on a Linux SocketCAN interface: a CAN_RAW socket for frames, and CAN_BCM sockets
 * for cyclic transmissions and content watches.
 *
 * <p>Threading: one reader thread per endpoint ({@code obdio-socketcan-<ifname>}, a daemon)
 * waits in {@code recvmsg} and hands every frame, with the kernel's receive timestamp, to
 * {@link AbstractCanBus}'s queue; it never runs user code. It wakes every
 * {@link Tuning#pollInterval()} to see whether the endpoint is closing, so {@link #close()}
 * returns within about that time, after the socket is closed exactly once. {@code send} runs on
 * the caller's thread. The broadcast manager's sockets have reader threads of their own.
 *
 * <p>Interface state: when the interface goes down the kernel reports ENETDOWN once; the
 * endpoint passes INTERFACE_DOWN on once ({@code receive} throws it, listeners get
 * {@code onError}), keeps its socket, and sends fail with INTERFACE_DOWN until the interface is up
 * again, when frames simply flow again. When the interface disappears (a USB adapter unplugged)
 * NO_SUCH_INTERFACE is reported once and the endpoint binds again as soon as an interface of that
 * name is back.
 */
final class SocketCanBus extends AbstractCanBus {

    /** What the endpoint knows about its interface. */
    private enum Link {
        UP, DOWN, GONE
    }

    private static final ThreadLocal<ByteBuffer> TX_BUFFER = ThreadLocal.withInitial(KernelFrames::allocate);

    private final String ifname;
    private final Tuning tuning;
    private final RawSocket socket;
    private final LinuxInterface sysfs;
    private final OwnFrames own;
    private final boolean receiveOwn;
    private final BcmSockets bcm;
    private final AtomicReference<Link> link = new AtomicReference<>(Link.UP);
    private final Thread reader;
    private volatile boolean closing;
    private volatile boolean readerPaused;
    private volatile long kernelDrops;
    private volatile long framesRead;
    private int lastDropCount; // reader thread only
    private int lastReportedErrno; // reader thread only

    private SocketCanBus(String ifname, BusOptions options, Tuning tuning, RawSocket socket) {
        super(ifname, options, true);
        this.ifname = ifname;
        this.tuning = tuning;
        this.socket = socket;
        this.sysfs = LinuxInterface.named(ifname);
        this.receiveOwn = options.receiveOwnFrames();
        this.own = new OwnFrames(tuning.ownFrameCapacity(), tuning.ownFrameMaxAge().toNanos(),
                tuning.cyclicGrace().toNanos());
        this.bcm = new BcmSockets(ifname, tuning.pollInterval());
        this.reader = new Thread(this::readLoop, "obdio-socketcan-" + ifname);
        this.reader.setDaemon(true);
    }

    /**
     * Opens an endpoint; see {@link SocketCan#open(String, BusOptions)}.
     *
     * @throws CanException INVALID_NAME, NOT_SUPPORTED (no native library), NO_SOCKETCAN,
     *                      NO_SUCH_INTERFACE, INTERFACE_DOWN, PERMISSION or IO
     */
    static SocketCanBus open(String ifname, BusOptions options, Tuning tuning) {
        InterfaceName.validate(ifname);
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        RawSocket socket = RawSocket.create(ifname);
        try {
            NetworkDevice device = checkInterface(ifname);
            socket.configure(options.fdFrames(), options.receiveOwnFrames(), tuning.pollInterval(),
                    tuning.sendTimeout(), tuning.receiveBufferBytes());
            socket.applyFilters(KernelFilters.of(options.filters()));
            try {
                socket.bind(device);
            } catch (IOException e) {
                throw SocketCanErrors.map(ifname, Operation.BIND, e);
            }
            SocketCanBus bus = new SocketCanBus(ifname, options, tuning, socket);
            bus.reader.start();
            return bus;
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Finds the interface and refuses one that is missing, not CAN, or down, with a precise message. */
    private static NetworkDevice checkInterface(String ifname) {
        LinuxInterface sys = LinuxInterface.named(ifname);
        if (sys.sysfsReadable()) {
            if (!sys.exists()) {
                throw SocketCanErrors.noSuchInterface(ifname);
            }
            OptionalInt type = sys.type();
            if (type.isPresent() && type.getAsInt() != LinuxInterface.ARPHRD_CAN) {
                throw SocketCanErrors.notCan(ifname, type.getAsInt());
            }
            if (!sys.isUp().orElse(true)) {
                throw downError(ifname, sys);
            }
        }
        try {
            return NetworkDevice.lookup(ifname);
        } catch (IOException e) {
            throw SocketCanErrors.map(ifname, Operation.BIND, e);
        }
    }

    // ---------------------------------------------------------------- sending

    @Override
    protected void transmit(CanFrame frame) {
        if (closing) {
            throw new CanException(CanException.Reason.CLOSED, ifname + ": the bus endpoint is closed");
        }
        ByteBuffer buffer = TX_BUFFER.get();
        buffer.clear();
        int size = KernelFrames.encode(frame, buffer, 0);
        // Only frames the filters let through come back as echoes (the kernel filters are wider).
        OwnFrames.Pending echo = receiveOwn && options().filters().accepts(frame)
                ? own.expectEcho(frame, System.nanoTime()) : null;
        try {
            tuning.retry().run(() -> {
                buffer.clear().limit(size);
                socket.send(buffer);
            }, TransmitRetry.Clock.SYSTEM);
        } catch (IOException e) {
            if (echo != null) {
                own.cancel(echo);
            }
            throw sendFailure(frame, e);
        }
        if (link.get() == Link.DOWN) {
            link.compareAndSet(Link.DOWN, Link.UP);
        }
    }

    private CanException sendFailure(CanFrame frame, IOException e) {
        int errno = SocketCanErrors.errno(e);
        if (errno == SocketCanErrors.ENETDOWN) {
            linkDown();
            return downError(ifname, sysfs);
        } else if (errno == SocketCanErrors.EINVAL && frame.fd()) {
            return SocketCanErrors.noFd(ifname);
        } else if (errno == SocketCanErrors.EBADF || closing) {
            return new CanException(CanException.Reason.CLOSED, ifname + ": the bus endpoint is closed", e);
        }
        return SocketCanErrors.map(ifname, Operation.SEND, e);
    }

    // ---------------------------------------------------------------- receiving

    private void readLoop() {
        ByteBuffer buffer = KernelFrames.allocate();
        RawReceiveMessageHeaderBuffer header = new RawReceiveMessageHeaderBuffer();
        while (!closing) {
            if (readerPaused) {
                LockSupport.parkNanos(1_000_000L);
                continue;
            }
            long length;
            try {
                buffer.clear();
                length = socket.receive(buffer, header);
            } catch (IOException e) {
                if (handleReceiveError(e)) {
                    return;
                }
                continue;
            }
            if (length != KernelFrames.CAN_MTU && length != KernelFrames.CANFD_MTU) {
                continue;
            }
            CanFrame frame;
            try {
                frame = KernelFrames.decode(buffer, 0, (int) length);
            } catch (RuntimeException e) {
                // Not a frame this API can represent; nothing a user could do with it.
                continue;
            }
            framesRead++;
            lastReportedErrno = 0;
            if (link.get() != Link.UP) {
                link.set(Link.UP);
            }
            countDrops(header.getDropCount());
            boolean mine = own.isOwn(frame, System.nanoTime());
            deliver(frame, timestamp(header), mine);
        }
    }

    private static long timestamp(RawReceiveMessageHeaderBuffer header) {
        Instant t = header.getSoftwareTimestamp();
        long nanos = t.getEpochSecond() * 1_000_000_000L + t.getNano();
        return nanos != 0 ? nanos : nowNanos();
    }

    /** SO_RXQ_OVFL: the socket's drop counter, sent with every frame once it is not zero. */
    private void countDrops(int dropCount) {
        if (dropCount != 0 && dropCount != lastDropCount) {
            kernelDrops += Integer.toUnsignedLong(dropCount - lastDropCount);
            lastDropCount = dropCount;
        }
    }

    /** Returns true when the reader must stop. */
    private boolean handleReceiveError(IOException e) {
        switch (SocketCanErrors.errno(e)) {
            case SocketCanErrors.EAGAIN, SocketCanErrors.EINTR -> {
                // SO_RCVTIMEO expired: look at the closing flag and at the interface.
                watchInterface();
                return false;
            }
            case SocketCanErrors.ENETDOWN -> {
                linkDown();
                return false;
            }
            case SocketCanErrors.ENODEV -> {
                if (link.getAndSet(Link.GONE) != Link.GONE) {
                    deliverError(SocketCanErrors.gone(ifname));
                }
                return false;
            }
            case SocketCanErrors.EBADF -> {
                return true;
            }
            default -> {
                // Unexpected (ENOMEM, …): report it once until a frame gets through, and do not spin.
                int errno = SocketCanErrors.errno(e);
                if (!closing && errno != lastReportedErrno) {
                    lastReportedErrno = errno;
                    deliverError(SocketCanErrors.map(ifname, Operation.RECEIVE, e));
                }
                LockSupport.parkNanos(tuning.pollInterval().toNanos());
                return false;
            }
        }
    }

    private void linkDown() {
        if (link.compareAndSet(Link.UP, Link.DOWN)) {
            deliverError(downError(ifname, sysfs));
        }
    }

    private static CanException downError(String ifname, LinuxInterface sys) {
        return sys.isVirtual().map(virtual -> SocketCanErrors.interfaceDown(ifname, virtual))
                .orElseGet(() -> SocketCanErrors.interfaceDown(ifname));
    }

    /** While the link is not up, notices it coming back (for a later down to be reported again). */
    private void watchInterface() {
        Link state = link.get();
        if (state == Link.DOWN && sysfs.isUp().orElse(false)) {
            link.compareAndSet(Link.DOWN, Link.UP);
        } else if (state == Link.GONE && sysfs.exists()) {
            rebind();
        }
    }

    /** The interface is back after it was unregistered: the kernel dropped the binding and the filters. */
    private void rebind() {
        try {
            NetworkDevice device = NetworkDevice.lookup(ifname);
            socket.applyFilters(KernelFilters.of(options().filters()));
            socket.bind(device);
            link.compareAndSet(Link.GONE, sysfs.isUp().orElse(true) ? Link.UP : Link.DOWN);
        } catch (IOException | CanException e) {
            // Not ready yet (or gone again): try at the next poll.
        }
    }

    @Override
    protected long transportDrops() {
        return kernelDrops;
    }

    // ---------------------------------------------------------------- filters

    @Override
    protected void applyFilters(CanFilterSet filters) {
        if (closing) {
            throw new CanException(CanException.Reason.CLOSED, ifname + ": the bus endpoint is closed");
        }
        socket.applyFilters(KernelFilters.of(filters));
    }

    // ---------------------------------------------------------------- broadcast manager

    @Override
    public CyclicTransmission sendCyclic(CanFrame frame, Duration period, long count) {
        checkSendable(frame);
        if (frame.fd() && sysfs.mtu().orElse(LinuxInterface.CANFD_MTU) < LinuxInterface.CANFD_MTU) {
            // The broadcast manager would accept it and then silently fail every send.
            throw SocketCanErrors.noFd(ifname);
        }
        if (!bcm.available()) {
            return super.sendCyclic(frame, period, count);
        }
        BcmCyclicTransmission tx = BcmCyclicTransmission.start(ifname, bcm, own, frame, period, count);
        addCompanion(tx);
        return tx;
    }

    @Override
    public Subscription watchContent(ContentFilter filter, ContentListener listener) {
        if (!isOpen()) {
            throw new CanException(CanException.Reason.CLOSED, ifname + ": the bus endpoint is closed");
        }
        if (!bcm.available()) {
            return super.watchContent(filter, listener);
        }
        BcmContentWatch watch = BcmContentWatch.start(ifname, bcm, filter, listener, options().fdFrames(),
                () -> nowNanos());
        addCompanion(watch);
        return watch;
    }

    private void checkSendable(CanFrame frame) {
        if (frame == null) {
            throw new IllegalArgumentException("frame must not be null");
        }
        if (!isOpen()) {
            throw new CanException(CanException.Reason.CLOSED, ifname + ": the bus endpoint is closed");
        }
        if (frame.fd() && !options().fdFrames()) {
            throw new CanException(CanException.Reason.NOT_SUPPORTED,
                    ifname + ": CAN FD frame on an endpoint opened without CAN FD");
        }
    }

    // ---------------------------------------------------------------- tests and closing

    /** Stops (or resumes) reading from the socket, so tests can make the kernel queue overflow. */
    void pauseReader(boolean paused) {
        readerPaused = paused;
    }

    /** Frames the kernel handed to this endpoint's socket (after its filters), for tests. */
    long framesFromKernel() {
        return framesRead;
    }

    /** The reader thread, for tests. */
    Thread readerThread() {
        return reader;
    }

    /** Whether the broadcast manager does this endpoint's cyclic transmissions, for tests. */
    boolean usesBroadcastManager() {
        return bcm.available();
    }

    @Override
    protected void closeTransport() {
        closing = true;
        bcm.close();
        if (Thread.currentThread() != reader) {
            try {
                reader.join(tuning.pollInterval().toMillis() * 10 + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        socket.close();
    }
}
