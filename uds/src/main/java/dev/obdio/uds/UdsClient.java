package dev.obdio.uds;

import dev.obdio.can.CanException;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpException;
import dev.obdio.isotp.IsoTpOptions;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An ISO 14229-1 (UDS) client over ISO-TP: one server on a physical channel, optionally every
 * server through a functional channel.
 *
 * <pre>{@code
 * try (UdsClient ecu = UdsClient.open("vcan0", IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8)),
 *         Optional.of(IsoTpAddress.normal11(0x7DF, 0x7E8)), UdsClientConfig.DEFAULTS)) {
 *     String vin = ecu.readDid(0xF190).value().display();
 *     ecu.changeSession(DiagnosticSessionControl.EXTENDED);      // keep-alive starts
 *     ecu.unlock(1);                                              // with the configured key algorithm
 *     ecu.writeDid(0xF198, "WS-0042");
 * }
 * }</pre>
 *
 * <h2>Requests and responses</h2>
 * Every service has a typed request whose response {@link #request} parses; {@link #exchange}
 * sends any bytes and returns the final response as it came, negative ones included. A request
 * waits P2 for its answer; each response-pending (NRC 0x78) extends the wait by P2*, under an
 * overall cap ({@link UdsClientConfig}). Negative responses throw
 * {@link UdsNegativeResponseException} from the typed methods; silence, a response to another
 * service, a response that cannot be parsed and transport faults each throw their own
 * {@link UdsException}.
 *
 * <p>Late answers: responses waiting on the channel when a request starts are dropped, and while
 * it waits, answers to the keep-alive and to earlier requests of another service that timed out
 * or did not wait are dropped too ({@link #discardedResponses()} counts them); any other response
 * to another service is {@link UdsUnexpectedResponseException}.
 *
 * <h2>Suppressed positive responses</h2>
 * A request with bit 7 of its sub-function set gets no positive response. The client still waits
 * up to P2 for a negative one and reports it (unless
 * {@link UdsClientConfig#awaitNrcWhenSuppressed()} is off), and after a response-pending it waits
 * for the final response, which the server then sends even if positive (ISO 14229-1). udsoncan by
 * default returns at once and only waits for an NRC when asked ({@code suppress_positive_response(wait_nrc=True)}).
 *
 * <h2>Sessions</h2>
 * The client follows the session from the responses it sees (typed or raw): a positive
 * DiagnosticSessionControl sets it and its P2/P2* replace the configured ones; a positive
 * ECUReset returns to the default session and the configured timing. While a non-default session
 * is active, {@code 3E 80} goes out every {@link UdsClientConfig#testerPresentPeriod()}: on the
 * functional channel if there is one, else on the physical; it stops on return to the default
 * session, on a reset, and on close.
 *
 * <h2>Threading</h2>
 * Every method may be called from any thread. One request is on the bus at a time: requests take
 * a fair lock, so they go out in the order they were made, and the keep-alive's
 * {@code 3E 80} queues on the same lock, never inside a pending request. Multi-step operations
 * ({@link #unlock}, {@link #download}, {@link #upload}) hold the lock throughout. The keep-alive
 * runs on one daemon thread per client ({@code obdio-uds-keepalive-<bus>}), created when the first
 * non-default session starts. The client takes every PDU the physical channel receives: do not
 * receive from it or subscribe to it elsewhere.
 */
public final class UdsClient implements AutoCloseable {
    private static final int TESTER_PRESENT_SID = UdsService.TESTER_PRESENT.id();
    private static final byte[] KEEP_ALIVE = {(byte) TESTER_PRESENT_SID, (byte) UdsService.SUPPRESS_POSITIVE_RESPONSE};

    private final IsoTpChannel physical;
    private final IsoTpChannel functional;
    private final boolean ownsChannels;
    private final UdsClientConfig config;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final KeepAlive keepAlive;
    private final AtomicLong keepAlivesSent = new AtomicLong();
    private final AtomicLong keepAliveFailures = new AtomicLong();
    private final AtomicLong discardedResponses = new AtomicLong();
    private volatile String lastKeepAliveFailure;
    private volatile boolean closed;
    // Guarded by lock.
    private SessionTiming timing;
    /** Services whose last request ended without its final response: theirs may still come, late. */
    private final java.util.Set<Integer> unanswered = new java.util.HashSet<>();
    private volatile int session = DiagnosticSessionControl.DEFAULT;

    /**
     * A client for the server on {@code physical}, without functional addressing. The caller
     * keeps ownership of the channel.
     */
    public UdsClient(IsoTpChannel physical, UdsClientConfig config) {
        this(physical, null, config, false);
    }

    /**
     * A client for the server on {@code physical} that sends functional requests (and its
     * keep-alive) on {@code functional}, a channel that sends single frames to every server
     * (e.g. {@link #functionalOptions}). The caller keeps ownership of the channels.
     */
    public UdsClient(IsoTpChannel physical, IsoTpChannel functional, UdsClientConfig config) {
        this(physical, functional, config, false);
    }

    private UdsClient(IsoTpChannel physical, IsoTpChannel functional, UdsClientConfig config, boolean ownsChannels) {
        this.physical = Checks.notNull("physical", physical);
        this.functional = functional;
        this.config = Checks.notNull("config", config);
        this.ownsChannels = ownsChannels;
        this.timing = config.timing();
        this.keepAlive = new KeepAlive("obdio-uds-keepalive-" + physical.busName(), config.testerPresentPeriod(),
                this::sendKeepAlive);
    }

    /**
     * Opens the channels on a bus by name and a client that owns them (closing the client closes
     * them).
     *
     * @param busName    {@code vcan0}, {@code can0}, {@code virtual:NAME}, … ({@link dev.obdio.can.CanBuses})
     * @param options    the physical channel: address, padding, flow control, …
     * @param functional the functional address, if any; its channel gets the physical channel's
     *                   other options and sends single frames only
     * @throws CanException when the bus cannot be opened
     */
    public static UdsClient open(String busName, IsoTpOptions options, Optional<IsoTpAddress> functional,
                                 UdsClientConfig config) {
        Checks.notNull("functional", functional);
        IsoTpChannel physical = IsoTp.open(busName, options);
        IsoTpChannel func = null;
        try {
            if (functional.isPresent()) {
                func = IsoTp.open(busName, functionalOptions(options, functional.get()));
            }
            return new UdsClient(physical, func, config, true);
        } catch (RuntimeException e) {
            physical.close();
            if (func != null) {
                func.close();
            }
            throw e;
        }
    }

    /**
     * Options for a functional channel: the physical channel's, with the functional address, and
     * single frames sent without flow control (a functional channel receives nothing; answers
     * come on the physical channel).
     */
    public static IsoTpOptions functionalOptions(IsoTpOptions physicalOptions, IsoTpAddress functionalAddress) {
        return physicalOptions.withAddress(functionalAddress).withBroadcast(IsoTpOptions.Broadcast.SINGLE_FRAME);
    }

    /** The configuration. */
    public UdsClientConfig config() {
        return config;
    }

    /** The physical channel. */
    public IsoTpChannel channel() {
        return physical;
    }

    /** Whether the client has a functional channel. */
    public boolean hasFunctionalChannel() {
        return functional != null;
    }

    /** The session the client believes the server is in (0x01 until a session change). */
    public int session() {
        return session;
    }

    /** The P2 and P2* in use: the configured ones, or the server's since its last session change. */
    public SessionTiming timing() {
        lock.lock();
        try {
            return timing;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the TesterPresent keep-alive is running. */
    public boolean keepAliveRunning() {
        return keepAlive.isRunning();
    }

    /** Keep-alive {@code 3E 80} requests sent so far. */
    public long keepAlivesSent() {
        return keepAlivesSent.get();
    }

    /** Keep-alive requests that could not be sent ({@link #lastKeepAliveFailure()} says why). */
    public long keepAliveFailures() {
        return keepAliveFailures.get();
    }

    /** Why the last keep-alive could not be sent, if one failed. */
    public Optional<String> lastKeepAliveFailure() {
        return Optional.ofNullable(lastKeepAliveFailure);
    }

    /**
     * Responses that belonged to no request and were dropped: left over from a request that
     * timed out, or late answers to the keep-alive.
     */
    public long discardedResponses() {
        return discardedResponses.get();
    }

    // ---- generic requests ----

    /**
     * Sends a typed request physically and parses its positive response.
     *
     * @throws IllegalArgumentException     when the request suppresses its positive response (use {@link #execute})
     * @throws UdsNegativeResponseException when the server refuses
     * @throws UdsException                 for the other failures (see the class documentation)
     */
    public <R> R request(UdsRequest<R> request) {
        if (request.suppressPositiveResponse()) {
            throw new IllegalArgumentException(request.describe()
                    + " suppresses its positive response: send it with execute(), which may return nothing");
        }
        return execute(request, Addressing.PHYSICAL).orElseThrow(() -> new IllegalStateException(
                "no response to a request that does not suppress it"));
    }

    /**
     * Sends a typed request and parses its positive response, if one came (a request that
     * suppresses its positive response usually gets none).
     *
     * @throws UdsNegativeResponseException when the server refuses
     * @throws UdsException                 for the other failures
     */
    public <R> Optional<R> execute(UdsRequest<R> request, Addressing addressing) {
        Checks.notNull("request", request);
        Optional<UdsResponse> response = exchange(request.encode(), addressing, request.suppressPositiveResponse());
        if (response.isEmpty()) {
            return Optional.empty();
        }
        UdsResponse r = response.get();
        if (r.isNegative()) {
            throw new UdsNegativeResponseException(request.serviceId(), r.nrc());
        }
        return Optional.of(request.parse(r, config));
    }

    /**
     * Sends any request physically and returns the final response, positive or negative (after
     * response-pending answers), or empty when the request suppressed its positive response and
     * none came (bit 7 of the sub-function, for services with one).
     *
     * @throws UdsTimeoutException            when nothing came in time
     * @throws UdsUnexpectedResponseException when the response is for another service
     * @throws UdsMalformedResponseException  for a negative response shorter than 3 bytes
     * @throws UdsTransportException          when the transport failed
     */
    public Optional<UdsResponse> exchange(byte[] request) {
        return exchange(request, Addressing.PHYSICAL);
    }

    /** {@link #exchange(byte[])} with a choice of addressing. */
    public Optional<UdsResponse> exchange(byte[] request, Addressing addressing) {
        Checks.notNull("request", request);
        if (request.length == 0) {
            throw new IllegalArgumentException("a request needs at least its service identifier");
        }
        return exchange(request.clone(), addressing, UdsService.suppressesPositiveResponse(request));
    }

    private Optional<UdsResponse> exchange(byte[] request, Addressing addressing, boolean suppressed) {
        Checks.notNull("addressing", addressing);
        int sid = request[0] & 0xFF;
        IsoTpChannel channel = addressing == Addressing.FUNCTIONAL ? functional : physical;
        if (channel == null) {
            throw new IllegalStateException("functional addressing needs a client with a functional channel");
        }
        acquire(sid);
        try {
            if (closed) {
                throw new IllegalStateException("the UDS client is closed");
            }
            Optional<UdsResponse> response;
            try {
                response = transmitAndAwait(channel, request, suppressed);
            } catch (UdsTimeoutException | UdsTransportException e) {
                unanswered.add(sid);
                throw e;
            }
            if (response.isPresent()) {
                unanswered.remove(sid);
            } else {
                unanswered.add(sid); // a refusal may still come after P2
            }
            follow(request, response);
            return response;
        } finally {
            lock.unlock();
        }
    }

    private void acquire(int sid) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UdsTransportException(sid, "interrupted while waiting for the channel", e);
        }
    }

    /** Sends and waits for the final answer; called under the lock. */
    private Optional<UdsResponse> transmitAndAwait(IsoTpChannel channel, byte[] request, boolean suppressed) {
        int sid = request[0] & 0xFF;
        discardStale(sid);
        send(channel, request, sid);
        long sentAt = System.nanoTime();
        if (suppressed && !config.awaitNrcWhenSuppressed()) {
            return Optional.empty();
        }
        // From here on, a response to another service is late if that service went unanswered.
        SessionTiming t = timing;
        long allowance = config.transportAllowance().toNanos();
        long overallEnd = sentAt + config.overallTimeout().toNanos();
        long deadline = sentAt + t.p2().toNanos() + allowance;
        int pending = 0;
        IsoTpException lost = null;
        while (true) {
            long now = System.nanoTime();
            long end = Math.min(deadline, overallEnd);
            if (now - end >= 0) {
                if (lost != null) {
                    throw new UdsTransportException(sid, "the response to " + UdsService.describe(sid)
                            + " was lost: " + lost.getMessage(), lost);
                }
                if (suppressed && pending == 0) {
                    return Optional.empty(); // no NRC within P2: the request was accepted
                }
                if (overallEnd - deadline <= 0) {
                    throw new UdsTimeoutException(sid, UdsTimeoutException.Limit.OVERALL, config.overallTimeout(), pending);
                }
                throw pending == 0
                        ? new UdsTimeoutException(sid, UdsTimeoutException.Limit.P2, t.p2().plus(config.transportAllowance()), 0)
                        : new UdsTimeoutException(sid, UdsTimeoutException.Limit.P2_STAR,
                                t.p2Star().plus(config.transportAllowance()), pending);
            }
            byte[] pdu;
            try {
                pdu = receive(sid, end - now);
            } catch (IsoTpException e) {
                lost = e; // a frame went missing; the server may still repeat or send the answer
                continue;
            }
            if (pdu == null) {
                continue;
            }
            UdsResponse response = new UdsResponse(pdu);
            int first = pdu[0] & 0xFF;
            if (first == UdsService.NEGATIVE_RESPONSE) {
                if (pdu.length < 3) {
                    throw new UdsMalformedResponseException(sid, response, "a negative response needs 3 bytes");
                }
                int refused = pdu[1] & 0xFF;
                if (refused != sid) {
                    if (isLate(refused)) {
                        continue;
                    }
                    throw new UdsUnexpectedResponseException(sid, response,
                            "negative response to " + UdsService.describe(refused));
                }
                if ((pdu[2] & 0xFF) == Nrc.RESPONSE_PENDING.code()) {
                    pending++;
                    deadline = System.nanoTime() + t.p2Star().toNanos() + allowance;
                    continue;
                }
                return Optional.of(response);
            }
            if (first == sid + UdsService.POSITIVE_OFFSET) {
                return Optional.of(response);
            }
            if (first >= UdsService.POSITIVE_OFFSET && isLate(first - UdsService.POSITIVE_OFFSET)) {
                continue;
            }
            throw new UdsUnexpectedResponseException(sid, response, first >= UdsService.POSITIVE_OFFSET
                    ? "positive response to " + UdsService.describe(first - UdsService.POSITIVE_OFFSET)
                    : String.format("0x%02X is not a response service identifier", first));
        }
    }

    /**
     * Whether a response to another service is a late one to drop: an answer to the keep-alive,
     * or to a request that timed out or did not wait. Counts it.
     */
    private boolean isLate(int otherSid) {
        if (otherSid == TESTER_PRESENT_SID || unanswered.remove(otherSid)) {
            discardedResponses.incrementAndGet();
            return true;
        }
        return false;
    }

    private void send(IsoTpChannel channel, byte[] request, int sid) {
        try {
            channel.send(request);
        } catch (IsoTpException | CanException e) {
            throw new UdsTransportException(sid, UdsService.describe(sid) + " not sent: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UdsTransportException(sid, "interrupted while sending " + UdsService.describe(sid), e);
        }
    }

    private byte[] receive(int sid, long nanos) {
        try {
            return physical.receive(Duration.ofNanos(nanos));
        } catch (CanException e) {
            throw new UdsTransportException(sid, "no response to " + UdsService.describe(sid) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UdsTransportException(sid, "interrupted while waiting for the response to "
                    + UdsService.describe(sid), e);
        }
    }

    /** Drops responses left over from earlier requests, so they are not taken for this one's. */
    private void discardStale(int sid) {
        while (true) {
            try {
                if (physical.receive(Duration.ZERO) == null) {
                    return;
                }
                discardedResponses.incrementAndGet();
            } catch (IsoTpException e) {
                discardedResponses.incrementAndGet();
            } catch (CanException e) {
                throw new UdsTransportException(sid, UdsService.describe(sid) + " not sent: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UdsTransportException(sid, "interrupted before sending " + UdsService.describe(sid), e);
            }
        }
    }

    /** Follows session changes and resets; called under the lock. */
    private void follow(byte[] request, Optional<UdsResponse> response) {
        int sid = request[0] & 0xFF;
        boolean accepted = response.map(UdsResponse::isPositive).orElse(true);
        if (!accepted || request.length < 2) {
            return;
        }
        if (sid == UdsService.DIAGNOSTIC_SESSION_CONTROL.id()) {
            SessionTiming next = config.timing();
            int newSession = request[1] & 0x7F;
            if (response.isPresent()) {
                byte[] r = response.get().bytes();
                newSession = r.length > 1 ? r[1] & 0x7F : newSession;
                if (config.useServerTiming() && r.length >= 6) {
                    next = SessionTiming.fromWire((r[2] & 0xFF) << 8 | (r[3] & 0xFF), (r[4] & 0xFF) << 8 | (r[5] & 0xFF));
                }
            }
            timing = next;
            enterSession(newSession);
        } else if (sid == UdsService.ECU_RESET.id()) {
            timing = config.timing();
            enterSession(DiagnosticSessionControl.DEFAULT);
        }
    }

    private void enterSession(int newSession) {
        session = newSession;
        if (newSession == DiagnosticSessionControl.DEFAULT || closed) {
            keepAlive.stop();
        } else {
            keepAlive.start();
        }
    }

    /** The keep-alive task: {@code 3E 80}, queued like any request, no answer awaited. */
    private void sendKeepAlive() {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            return; // the client is shutting the keep-alive down
        }
        try {
            if (closed || session == DiagnosticSessionControl.DEFAULT) {
                return;
            }
            IsoTpChannel channel = functional != null ? functional : physical;
            try {
                channel.send(KEEP_ALIVE.clone());
                keepAlivesSent.incrementAndGet();
            } catch (IsoTpException | CanException e) {
                keepAliveFailures.incrementAndGet();
                lastKeepAliveFailure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs several requests with no other request of this client (nor the keep-alive) between
     * them, e.g. a manufacturer's own seed/key exchange. Reentrant: the client's methods may be
     * called inside.
     *
     * @throws UdsTransportException when interrupted while waiting for the client
     */
    public <T> T exclusive(java.util.function.Supplier<T> work) {
        Checks.notNull("work", work);
        acquire(0);
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    // ---- services ----

    /**
     * Switches the server's session (0x10) and adopts its P2/P2*.
     *
     * @param session {@link DiagnosticSessionControl#DEFAULT}, {@link DiagnosticSessionControl#EXTENDED}, …
     */
    public DiagnosticSessionControl.Response changeSession(int session) {
        return request(new DiagnosticSessionControl.Request(session));
    }

    /** Switches the session through {@code addressing}; the answer is the client's server's. */
    public DiagnosticSessionControl.Response changeSession(int session, Addressing addressing) {
        return execute(new DiagnosticSessionControl.Request(session), addressing).orElseThrow();
    }

    /**
     * Switches the session without a positive response ({@code 10 8x}); reports a refusal that
     * comes within P2.
     */
    public void changeSessionSuppressed(int session, Addressing addressing) {
        execute(new DiagnosticSessionControl.Request(session, true), addressing);
    }

    /** Resets the server (0x11); the session returns to default. */
    public EcuReset.Response reset(int resetType) {
        return request(new EcuReset.Request(resetType));
    }

    /** Clears the DTCs of a group (0x14; {@link ClearDiagnosticInformation#ALL_GROUPS} for all). */
    public void clearDtcs(int group) {
        request(new ClearDiagnosticInformation.Request(group));
    }

    /** The number of DTCs matching a status mask (0x19 0x01). */
    public ReadDtcInformation.DtcCount dtcCount(int statusMask) {
        return request(new ReadDtcInformation.CountByStatusMask(statusMask));
    }

    /** The DTCs matching a status mask (0x19 0x02). */
    public ReadDtcInformation.DtcList dtcs(int statusMask) {
        return request(new ReadDtcInformation.ByStatusMask(statusMask));
    }

    /** The DTCs the server supports (0x19 0x0A). */
    public ReadDtcInformation.DtcList supportedDtcs() {
        return request(new ReadDtcInformation.SupportedDtcs());
    }

    /** Which DTCs have snapshot records (0x19 0x03). */
    public ReadDtcInformation.SnapshotIds snapshotIdentification() {
        return request(new ReadDtcInformation.SnapshotIdentification());
    }

    /** A DTC's snapshot records (0x19 0x04; record 0xFF for all). */
    public ReadDtcInformation.Snapshots snapshots(Dtc dtc, int recordNumber) {
        return request(new ReadDtcInformation.SnapshotRecordByDtc(dtc, recordNumber));
    }

    /** A DTC's extended data records (0x19 0x06; record 0xFF for all). */
    public ReadDtcInformation.ExtendedData extendedData(Dtc dtc, int recordNumber) {
        return request(new ReadDtcInformation.ExtendedDataByDtc(dtc, recordNumber));
    }

    /** Reads DIDs in one request (0x22); the values come in the order the server sent them. */
    public List<DidValue> readDids(int... dids) {
        return request(ReadDataByIdentifier.Request.of(dids)).values();
    }

    /**
     * Reads one DID (0x22).
     *
     * @throws UdsMalformedResponseException when the response does not hold it
     */
    public DidValue readDid(int did) {
        ReadDataByIdentifier.Request request = ReadDataByIdentifier.Request.of(did);
        return request(request).value(did).orElseThrow();
    }

    /** Writes a DID's bytes (0x2E). */
    public void writeDid(int did, byte[] data) {
        request(new WriteDataByIdentifier.Request(did, data));
    }

    /**
     * Writes a DID from text through its codec ({@code WVWZZZ1JZXW000001} for an ASCII DID,
     * {@code 650} for a number, hex for bytes).
     *
     * @throws IllegalArgumentException when the codec rejects the text
     */
    public void writeDid(int did, String text) {
        byte[] data;
        try {
            data = config.codecs().codecFor(did).encode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format("DID %04X (%s): %s", did,
                    config.codecs().codecFor(did).describe(), e.getMessage()), e);
        }
        writeDid(did, data);
    }

    /** Reads a memory block (0x23). */
    public byte[] readMemory(MemoryLocation location) {
        return request(new ReadMemoryByAddress.Request(location)).data();
    }

    /** Writes a memory block (0x3D). */
    public void writeMemory(MemoryLocation location, byte[] data) {
        request(new WriteMemoryByAddress.Request(location, data));
    }

    /** Unlocks a security level (0x27) with the configured key algorithm. */
    public SecurityAccess.Outcome unlock(int level) {
        return unlock(level, config.keyAlgorithm());
    }

    /**
     * Unlocks a security level: requests the seed, and unless it is zero (already unlocked), sends
     * the key the algorithm computes. Both requests go out without another request between.
     *
     * @throws UdsNegativeResponseException e.g. 0x35 invalidKey, 0x36 exceedNumberOfAttempts,
     *                                      0x37 requiredTimeDelayNotExpired
     * @throws IllegalStateException        when the algorithm has no key (e.g. {@code none})
     */
    public SecurityAccess.Outcome unlock(int level, SecurityKeyAlgorithm algorithm) {
        Checks.notNull("algorithm", algorithm);
        SecurityAccess.checkLevel(level);
        return exclusive(() -> {
            SecurityAccess.Seed seed = request(new SecurityAccess.SeedRequest(level));
            if (seed.alreadyUnlocked()) {
                return SecurityAccess.Outcome.ALREADY_UNLOCKED;
            }
            byte[] key = algorithm.key(level, seed.seed());
            request(new SecurityAccess.KeyRequest(level, key));
            return SecurityAccess.Outcome.UNLOCKED;
        });
    }

    /** Switches communication (0x28). */
    public void communicationControl(int controlType, int communicationType) {
        request(new CommunicationControl.Request(controlType, communicationType));
    }

    /** Switches DTC recording on or off (0x85). */
    public void controlDtcSetting(int settingType) {
        request(new ControlDtcSetting.Request(settingType));
    }

    /** Controls a routine (0x31): {@link RoutineControl#START}, {@code STOP} or {@code RESULTS}. */
    public RoutineControl.Response routine(int controlType, int routineId, byte[] optionRecord) {
        return request(new RoutineControl.Request(controlType, routineId, optionRecord));
    }

    /** Asks the server whether it is there ({@code 3E 00}, waits for {@code 7E 00}). */
    public void testerPresent() {
        request(new TesterPresent.Request(false));
    }

    /**
     * Downloads data to the server: RequestDownload, TransferData blocks as long as the server
     * takes (its maxNumberOfBlockLength, and the channel's maximum PDU), the block sequence
     * counter running 0x01…0xFF, 0x00, 0x01…, then RequestTransferExit. No other request goes out
     * in between.
     *
     * @param location   where the data goes; its size must equal {@code data.length}
     * @param dataFormat the dataFormatIdentifier (0x00: plain)
     * @param progress   told after each block
     * @throws UdsException when any step fails (a negative response names its service)
     */
    public TransferSummary download(MemoryLocation location, int dataFormat, byte[] data, TransferProgress progress) {
        Checks.notNull("location", location);
        Checks.notNull("data", data);
        Checks.notNull("progress", progress);
        if (data.length == 0 || location.size() != data.length) {
            throw new IllegalArgumentException("location size " + location.size() + " must equal the data length "
                    + data.length + " (at least 1)");
        }
        acquire(UdsService.REQUEST_DOWNLOAD.id());
        try {
            RequestDownload.Response accepted = request(new RequestDownload.Request(dataFormat, location));
            int perBlock = blockData(accepted.maxBlockLength());
            int counter = 1;
            int blocks = 0;
            for (int offset = 0; offset < data.length; ) {
                int n = Math.min(perBlock, data.length - offset);
                request(new TransferData.Request(counter, Arrays.copyOfRange(data, offset, offset + n)));
                offset += n;
                blocks++;
                counter = TransferData.nextCounter(counter);
                progress.onBlock(blocks, offset, data.length);
            }
            RequestTransferExit.Response exit = request(new RequestTransferExit.Request());
            return new TransferSummary(blocks, data.length, accepted.maxBlockLength(), exit.parameterRecord());
        } finally {
            lock.unlock();
        }
    }

    /** Data bytes per TransferData request: the server's limit and our channel's, less SID and counter. */
    private int blockData(long maxBlockLength) {
        long limit = Math.min(maxBlockLength < 0 ? Long.MAX_VALUE : maxBlockLength, physical.options().maxPduLength());
        if (limit < 3) {
            throw new IllegalStateException("the channel's maxPduLength " + physical.options().maxPduLength()
                    + " leaves no room for TransferData");
        }
        return (int) (limit - 2);
    }

    /**
     * Uploads data from the server: RequestUpload, TransferData blocks until {@code location.size()}
     * bytes have come, then RequestTransferExit.
     *
     * @throws UdsMalformedResponseException when a block is empty or brings more than asked
     */
    public byte[] upload(MemoryLocation location, int dataFormat, TransferProgress progress) {
        Checks.notNull("location", location);
        Checks.notNull("progress", progress);
        if (location.size() < 1 || location.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("upload size must be 1.." + (Integer.MAX_VALUE - 8) + ", got "
                    + location.size());
        }
        int size = (int) location.size();
        acquire(UdsService.REQUEST_UPLOAD.id());
        try {
            request(new RequestUpload.Request(dataFormat, location));
            ByteArrayOutputStream out = new ByteArrayOutputStream(size);
            int counter = 1;
            int blocks = 0;
            while (out.size() < size) {
                TransferData.Request block = new TransferData.Request(counter, new byte[0]);
                UdsResponse raw = exchange(block.encode(), Addressing.PHYSICAL, false).orElseThrow();
                if (raw.isNegative()) {
                    throw new UdsNegativeResponseException(block.serviceId(), raw.nrc());
                }
                byte[] chunk = block.parse(raw, config).data();
                if (chunk.length == 0) {
                    throw new UdsMalformedResponseException(block.serviceId(), raw, "block " + (blocks + 1)
                            + " carries no data, " + (size - out.size()) + " bytes still due");
                }
                if (out.size() + chunk.length > size) {
                    throw new UdsMalformedResponseException(block.serviceId(), raw, "block " + (blocks + 1) + " brings "
                            + chunk.length + " bytes, only " + (size - out.size()) + " were still due");
                }
                out.write(chunk, 0, chunk.length);
                blocks++;
                counter = TransferData.nextCounter(counter);
                progress.onBlock(blocks, out.size(), size);
            }
            request(new RequestTransferExit.Request());
            return out.toByteArray();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the keep-alive and refuses further requests; closes the channels if the client opened
     * them. Does not change the server's session. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        keepAlive.shutdown();
        if (ownsChannels) {
            physical.close();
            if (functional != null) {
                functional.close();
            }
        }
    }
}
