package dev.obdio.obd;

import dev.obdio.can.CanBus;
import dev.obdio.can.CanException;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.FrameListener;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.Subscription;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpError;
import dev.obdio.isotp.IsoTpEvent;
import dev.obdio.isotp.IsoTpException;
import dev.obdio.isotp.IsoTpOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Request and answers on one bus endpoint: one OBD request out (functional, or physical to one
 * ECU), every ECU's answer in until the {@link ResponseWindow} closes.
 *
 * <p>Each answering ECU gets its own ISO-TP channel (tester address {@code requestId → responseId}),
 * so a multi-frame answer is flow-controlled on that ECU's physical request id, as ISO 15765-4
 * requires; functional requests go out on a single-frame broadcast channel. Channels are opened
 * the moment an ECU's first frame is seen, by this transport's frame listener, which the endpoint
 * calls before the ISO-TP driver (it subscribed first), so even that first frame reaches the new
 * channel. The same listener notes when each answer starts (single or first frame) for the
 * window, and hears the endpoint report the interface going down.
 *
 * <p>Threads: {@link #exchange} runs on the caller's thread, one at a time (a fair lock, so the
 * watch loop and direct queries take turns), and waits on the window. Frames arrive on the
 * endpoint's delivery thread, PDUs and ISO-TP faults on the ISO-TP event thread; both feed the
 * window under its lock.
 */
final class ObdTransport implements AutoCloseable {
    /** ISO-TP's consecutive frame timeout: a stalled multi-frame answer is given up after it (plus P2). */
    private static final Duration N_CR = Duration.ofSeconds(1);
    /** OBD answers fit in one ISO-TP PDU of at most 4095 bytes. */
    private static final int MAX_ANSWER = 4095;

    /**
     * What one request brought back.
     *
     * @param sent     whether the request went out
     * @param answers  the final answers, in arrival order
     * @param problems answers lost on the way in, or why nothing was sent
     * @param time     when the window closed, epoch milliseconds
     */
    record Exchange(boolean sent, List<ResponseWindow.Answer> answers, List<ObdProblem> problems, long time) {
        Exchange {
            answers = List.copyOf(answers);
            problems = List.copyOf(problems);
        }

        static Exchange notSent(String reason) {
            return new Exchange(false, List.of(), List.of(new ObdProblem.TransportFailure(reason)),
                    System.currentTimeMillis());
        }
    }

    private final CanBus bus;
    private final boolean ownsBus;
    private final ObdOptions options;
    private final ReentrantLock requestLock = new ReentrantLock(true);
    private final Object channelLock = new Object();
    private final Object windowLock = new Object();
    private final Map<Integer, IsoTpChannel> ecuChannels = new ConcurrentHashMap<>();
    private final Subscription frames;
    private final boolean echoes;
    private volatile IdScheme scheme;
    private volatile IsoTpChannel functional;
    private volatile boolean linkDown;
    private volatile String linkProblem = "";
    private volatile boolean closed;
    private ResponseWindow window; // guarded by windowLock
    private byte[] windowRequest; // guarded by windowLock
    private int windowRequestId; // guarded by windowLock

    /**
     * @param bus     the endpoint
     * @param ownsBus close the endpoint with the transport, and narrow its filters to OBD answers
     * @param options P2, P2*, padding
     * @param scheme  the identifiers to start with
     */
    ObdTransport(CanBus bus, boolean ownsBus, ObdOptions options, IdScheme scheme) {
        this.bus = bus;
        this.ownsBus = ownsBus;
        this.options = options;
        // On our own endpoint we also take our own frames back: the echo of a request marks where
        // its answers can start (see ResponseWindow). On a caller's endpoint we change nothing.
        this.echoes = ownsBus && bus.options().receiveOwnFrames();
        if (ownsBus) {
            bus.setFilters(CanFilterSet.of(IdScheme.ELEVEN_BIT.responseFilter(),
                    IdScheme.TWENTY_NINE_BIT.responseFilter(), IdScheme.ELEVEN_BIT.requestFilter(),
                    IdScheme.TWENTY_NINE_BIT.requestFilter()));
        }
        // Subscribe before any ISO-TP channel exists, so this listener sees each frame first.
        this.frames = bus.subscribe(new Listener());
        useScheme(scheme);
    }

    /** The bus name as opened. */
    String busName() {
        return bus.channel();
    }

    /** The identifiers in use. */
    IdScheme scheme() {
        return scheme;
    }

    /** Whether the last send failed or the endpoint reported the interface down, since the last send that worked. */
    boolean linkDown() {
        return linkDown || closed;
    }

    /** Why the link is down, for messages. */
    String linkProblem() {
        return closed ? "the connection is closed" : linkProblem;
    }

    /** Switches to other identifiers: closes every channel of the old ones. */
    void useScheme(IdScheme next) {
        requestLock.lock();
        try {
            synchronized (channelLock) {
                if (closed || next == scheme) {
                    return;
                }
                // Open the new channel before closing the old ones: the ISO-TP driver of the bus
                // would otherwise shut down with its last channel and start again.
                IsoTpChannel nextFunctional = IsoTp.open(bus, channelOptions(next.functionalAddress())
                        .withBroadcast(IsoTpOptions.Broadcast.SINGLE_FRAME));
                closeChannels();
                scheme = next;
                functional = nextFunctional;
            }
        } finally {
            requestLock.unlock();
        }
    }

    private IsoTpOptions channelOptions(IsoTpAddress address) {
        IsoTpOptions o = IsoTpOptions.DEFAULTS.withAddress(address).withBlockSize(0).withStMin(0)
                .withMaxPduLength(MAX_ANSWER);
        return options.txPadding().isPresent() ? o.withTxPadding(options.txPadding().getAsInt()) : o;
    }

    /** The channel to the ECU answering on {@code responseId}, opened on first use; null once closed. */
    private IsoTpChannel channelFor(int responseId) {
        IsoTpChannel c = ecuChannels.get(responseId);
        if (c != null) {
            return c;
        }
        synchronized (channelLock) {
            c = ecuChannels.get(responseId);
            if (c == null && !closed) {
                IdScheme s = scheme;
                c = IsoTp.open(bus, channelOptions(s.physicalAddress(responseId)));
                c.subscribe(event -> onIsoTpEvent(responseId, event));
                ecuChannels.put(responseId, c);
            }
            return c;
        }
    }

    /**
     * Sends {@code request} and collects the answers until the window closes.
     *
     * @param request  the OBD request ({@code 01 0C})
     * @param target   the ECU (its answer id) for a physical request; empty for functional
     * @param expected the ECUs known to answer, so the window can close as soon as they have
     * @throws InterruptedException when the caller is interrupted while waiting
     */
    Exchange exchange(byte[] request, OptionalInt target, Set<Integer> expected) throws InterruptedException {
        return exchange(request, target, expected, options.p2());
    }

    /** {@link #exchange(byte[], OptionalInt, Set)} with another P2 for this request. */
    Exchange exchange(byte[] request, OptionalInt target, Set<Integer> expected, Duration answerTime)
            throws InterruptedException {
        requestLock.lockInterruptibly();
        try {
            if (closed) {
                return Exchange.notSent("the connection is closed");
            }
            IsoTpChannel out = target.isPresent() ? channelFor(target.getAsInt()) : functional;
            if (out == null) {
                return Exchange.notSent("the connection is closed");
            }
            long p2 = answerTime.toNanos();
            ResponseWindow w = new ResponseWindow(request, System.nanoTime(), p2, options.p2Star().toNanos(),
                    N_CR.toNanos() + p2, expected, echoes);
            synchronized (windowLock) {
                window = w;
                windowRequest = request;
                windowRequestId = out.options().address().txId();
            }
            try {
                try {
                    out.send(request);
                    linkDown = false;
                } catch (IllegalArgumentException e) {
                    // e.g. a custom request longer than a functional single frame carries
                    return Exchange.notSent("cannot send " + HexBytes.format(request) + ": " + e.getMessage());
                } catch (IsoTpException | CanException e) {
                    String reason = bus.channel() + ": cannot send " + HexBytes.format(request) + ": "
                            + e.getMessage();
                    linkProblem = reason;
                    linkDown = true;
                    return Exchange.notSent(reason);
                }
                return awaitAnswers(w);
            } finally {
                synchronized (windowLock) {
                    if (window == w) {
                        window = null;
                    }
                }
            }
        } finally {
            requestLock.unlock();
        }
    }

    private Exchange awaitAnswers(ResponseWindow w) throws InterruptedException {
        synchronized (windowLock) {
            w.sent(System.nanoTime());
            while (true) {
                long now = System.nanoTime();
                if (closed || w.isComplete(now)) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(windowLock, Math.max(w.nextCheck(now) - now, 10_000));
            }
            List<ObdProblem> problems = new ArrayList<>();
            for (ResponseWindow.Failure f : w.failures()) {
                problems.add(new ObdProblem.TransportFailure("ECU " + scheme.format(f.ecu()) + ": answer lost: "
                        + f.error().message()));
            }
            if (closed) {
                problems.add(new ObdProblem.TransportFailure("the connection was closed while waiting for answers"));
            }
            return new Exchange(true, w.answers(), problems, System.currentTimeMillis());
        }
    }

    private void onIsoTpEvent(int ecu, IsoTpEvent event) {
        long now = System.nanoTime();
        synchronized (windowLock) {
            ResponseWindow w = window;
            if (w == null) {
                return;
            }
            if (event instanceof IsoTpEvent.Received r) {
                w.onPdu(ecu, r.data(), now);
            } else if (event instanceof IsoTpEvent.Failed f && f.error().abortsTransfer()
                    && f.error().direction() == IsoTpError.Direction.RECEIVE) {
                w.onFailure(ecu, f.error(), now);
            } else {
                return;
            }
            windowLock.notifyAll();
        }
    }

    /** The endpoint's frames (OBD answers only, when we set the filters) and its error reports. */
    private final class Listener implements FrameListener {
        @Override
        public void onFrame(ReceivedFrame received) {
            IdScheme s = scheme;
            CanFrame f = received.frame();
            if (closed || s == null || !f.isData() || f.length() == 0) {
                return;
            }
            if (received.direction() == ReceivedFrame.Direction.TX) {
                onOwnFrame(received);
                return;
            }
            if (!s.isResponseId(f)) {
                return;
            }
            int ecu = f.id();
            channelFor(ecu);
            boolean single = isSingleFrame(f);
            boolean first = isFirstFrame(f);
            synchronized (windowLock) {
                if (window != null) {
                    window.onFrame(ecu, single || first, first, received.timestampNanos(), System.nanoTime());
                }
            }
        }

        /** Our own frame back from the bus: the echo of the current request dates it on the bus. */
        private void onOwnFrame(ReceivedFrame received) {
            CanFrame f = received.frame();
            synchronized (windowLock) {
                if (window != null && f.id() == windowRequestId && isSingleFrameOf(f, windowRequest)) {
                    window.onRequestEcho(received.timestampNanos(), System.nanoTime());
                    windowLock.notifyAll();
                }
            }
        }

        @Override
        public void onError(CanException error) {
            if (error.reason() == CanException.Reason.INTERFACE_DOWN || error.reason() == CanException.Reason.CLOSED) {
                linkProblem = error.getMessage();
                linkDown = true;
            }
        }
    }

    /** A well-formed classic single frame (ISO-TP takes it as a whole PDU): {@code 0L}, L = 1..7. */
    static boolean isSingleFrame(CanFrame f) {
        int pci = f.dataByte(0);
        int length = pci & 0x0F;
        return pci >> 4 == 0 && length >= 1 && length <= 7 && length < f.length();
    }

    /** A well-formed first frame ({@code 1H LL}, FF_DL 8 or more, or the 32-bit escape). */
    static boolean isFirstFrame(CanFrame f) {
        if (f.dataByte(0) >> 4 != 1 || f.length() < 2) {
            return false;
        }
        int length = (f.dataByte(0) & 0x0F) << 8 | f.dataByte(1);
        return length >= 8 || (length == 0 && f.length() >= 6);
    }

    /** Whether {@code f} is the single frame that carries {@code pdu} (normal addressing, any padding). */
    static boolean isSingleFrameOf(CanFrame f, byte[] pdu) {
        if (f.length() < 1 + pdu.length || f.dataByte(0) != pdu.length) {
            return false;
        }
        for (int i = 0; i < pdu.length; i++) {
            if (f.dataByte(1 + i) != (pdu[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private void closeChannels() {
        for (IsoTpChannel c : ecuChannels.values()) {
            c.close();
        }
        ecuChannels.clear();
        if (functional != null) {
            functional.close();
            functional = null;
        }
    }

    /** Number of open ISO-TP channels (for tests). */
    int openChannels() {
        synchronized (channelLock) {
            return ecuChannels.size() + (functional != null ? 1 : 0);
        }
    }

    /** Closes every channel, wakes a waiting exchange, and closes the endpoint if it is ours. Idempotent. */
    @Override
    public void close() {
        synchronized (channelLock) {
            if (closed) {
                return;
            }
            closed = true;
            closeChannels();
        }
        synchronized (windowLock) {
            windowLock.notifyAll();
        }
        frames.close();
        if (ownsBus) {
            bus.close();
        }
    }
}
