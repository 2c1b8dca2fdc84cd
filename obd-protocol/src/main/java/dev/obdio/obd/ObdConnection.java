package dev.obdio.obd;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A connection to a vehicle's OBD-II ECUs over ISO-TP on a CAN bus: python-OBD's {@code OBD} and
 * {@code Async} in one, without an ELM327 in between.
 *
 * <pre>{@code
 * try (ObdConnection car = ObdConnection.open("can0")) {
 *     car.status();                                   // Car Connected
 *     ObdResponse rpm = car.query(ObdCommands.RPM);   // 1726.0 revolutions_per_minute
 *     car.watch(ObdCommands.SPEED, r -> show(r));     // every new value, off the loop thread
 *     car.start();
 * }
 * }</pre>
 *
 * <h2>Finding the vehicle</h2>
 * {@link #open} sends {@code 0100} as a functional request (11-bit 0x7DF, then 29-bit 0x18DB33F1
 * when detecting), gives each answering ECU a role as python-OBD does (engine: 0x7E8, or the ECU
 * answering the most PIDs; transmission: 0x7E9), and walks each ECU's supported-PID masks (modes
 * 01, 06, 09; mode 02 mirrors mode 01). Nothing answering is not an error: {@link #status()} says
 * {@code "OBD Connected"} and the next query or the watch loop looks again.
 *
 * <h2>Requests</h2>
 * Each request collects the answers of every ECU, each on its own ISO-TP channel (flow control
 * on that ECU's physical id), until P2 after the last answer started, or at once when every ECU
 * known to answer it has. "Response pending" (NRC 0x78) extends the wait by P2* each time. Mode
 * 01 commands read together go up to six in one request, for ECUs that answer such requests (an
 * ECU that does not is remembered and asked one PID at a time). Nobody answering is a response
 * without a value, never zeros; refusals are {@link ObdResponse#problems() problems}.
 *
 * <h2>Watching</h2>
 * As python-OBD's {@code Async}: {@link #watch} commands, {@link #start()} the loop,
 * {@link #query} returns a watched command's latest response without touching the bus. Unlike
 * it: no fixed 0.25 s pause (each command has an optional minimum period), the watch list may
 * change while the loop runs, mode 01 commands are read in batches, callbacks run on a thread of
 * their own, and the loop survives the vehicle going silent and the interface going down.
 *
 * <h2>Threads</h2>
 * Queries run on the calling thread; requests from several threads (and the loop) take turns,
 * one at a time on the bus. The connection owns, while open: the bus endpoint's delivery thread
 * ({@code obdio-bus-<bus>}) and the ISO-TP timer and event threads ({@code obdio-isotp-timer-<bus>},
 * {@code obdio-isotp-events-<bus>}), which carry answers to the waiting request; while the loop
 * runs, its thread ({@code obdio-obd-watch-<bus>}) and the callback thread
 * ({@code obdio-obd-callbacks-<bus>}). Callbacks never run on the others, and a slow callback only
 * makes itself skip responses (at most one is kept per command, the newest; see
 * {@link #skippedCallbacks()}). After {@link #close()} no thread of the connection remains. Every
 * method is thread-safe.
 *
 * <h2>Writes</h2>
 * Clearing DTCs (mode 04) is the only request that changes the vehicle, and only
 * {@link #clearDtcs(ClearConfirmation)} sends it: {@code query(CLEAR_DTC)} and watching it are
 * refused.
 */
public final class ObdConnection implements AutoCloseable {
    private static final Duration ANY_TIME = Duration.ZERO;

    private final String portName;
    private final ObdOptions options;
    private final ObdTransport transport;
    private final ObdSession session;
    private final WatchLoop loop;
    private volatile boolean closed;

    private ObdConnection(String portName, ObdOptions options, ObdTransport transport) {
        this.portName = portName;
        this.options = options;
        this.transport = transport;
        this.session = new ObdSession(transport, options);
        this.loop = new WatchLoop(session, options, portName);
    }

    // ------------------------------------------------------------------ opening

    /** {@link #open(String, ObdOptions)} with {@link ObdOptions#DEFAULTS}. */
    public static ObdConnection open(String bus) {
        return open(bus, ObdOptions.DEFAULTS);
    }

    /** Opens the bus by name ({@code can0}, {@code vcan0}, {@code virtual:car}; see {@link CanBuses}) and finds the vehicle. */
    public static ObdConnection open(String bus, ObdOptions options) {
        return open(bus, options, ConnectProgress.NONE);
    }

    /**
     * Opens the bus by name and finds the vehicle, telling {@code progress} about each request.
     * The endpoint is closed with the connection.
     *
     * @throws CanException when the bus cannot be opened at all (bad name, no SocketCAN, no such
     *                      interface); a vehicle that does not answer is no exception
     */
    public static ObdConnection open(String bus, ObdOptions options, ConnectProgress progress) {
        Objects.requireNonNull(options, "options");
        CanBus endpoint = CanBuses.open(bus, BusOptions.DEFAULTS.withReceiveOwnFrames(true));
        return connect(bus, endpoint, true, options, progress);
    }

    /** {@link #open(CanBus, ObdOptions, ConnectProgress)} without progress. */
    public static ObdConnection open(CanBus bus, ObdOptions options) {
        return open(bus, options, ConnectProgress.NONE);
    }

    /**
     * Uses an open bus endpoint (which is left open at the end, and whose filters are left alone)
     * and finds the vehicle.
     */
    public static ObdConnection open(CanBus bus, ObdOptions options, ConnectProgress progress) {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(options, "options");
        return connect(bus.channel(), bus, false, options, progress);
    }

    private static ObdConnection connect(String name, CanBus endpoint, boolean owned, ObdOptions options,
                                         ConnectProgress progress) {
        Objects.requireNonNull(progress, "progress");
        IdScheme first = options.physicalEcu().isPresent()
                ? IdScheme.ofResponseId(options.physicalEcu().getAsInt()).orElseThrow()
                : IdScheme.of(options.addressing()).orElse(IdScheme.ELEVEN_BIT);
        ObdTransport transport;
        try {
            transport = new ObdTransport(endpoint, owned, options, first);
        } catch (RuntimeException e) {
            if (owned) {
                endpoint.close();
            }
            throw e;
        }
        ObdConnection c = new ObdConnection(name, options, transport);
        try {
            c.session.connect(progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // give the connection back; its status tells
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    // ------------------------------------------------------------------ what is connected

    /** {@code "Car Connected"}, {@code "OBD Connected"} or {@code "Not Connected"}. */
    public ObdStatus status() {
        return closed ? ObdStatus.NOT_CONNECTED : session.status();
    }

    /** Whether ECUs answer (python-OBD {@code is_connected()}). */
    public boolean isConnected() {
        return status() == ObdStatus.CAR_CONNECTED;
    }

    /** The protocol, once known: the identifiers the vehicle answered on (or that were forced), and the bit rate given. */
    public Optional<ObdProtocol> protocol() {
        IdScheme s = session.state().scheme();
        if (closed || s == null) {
            return Optional.empty();
        }
        return Optional.of(ObdProtocol.of(s == IdScheme.TWENTY_NINE_BIT, options.bitrate()));
    }

    /** {@code "ISO 15765-4 (CAN 11/500)"} and the like; {@code ""} when closed or not known yet. */
    public String protocolName() {
        return protocol().map(ObdProtocol::protocolName).orElse("");
    }

    /** {@code "6"}, {@code "7"}, {@code "8"} or {@code "9"}; {@code ""} when closed or not known yet. */
    public String protocolId() {
        return protocol().map(ObdProtocol::id).orElse("");
    }

    /** The bus as it was opened ({@code "vcan0"}); {@code ""} when closed. */
    public String portName() {
        return closed ? "" : portName;
    }

    /** The options in use. */
    public ObdOptions options() {
        return options;
    }

    /** The ECUs that answered, ascending by the id they answer on; empty when closed. */
    public List<Ecu> ecus() {
        return closed ? List.of() : session.state().ecuList();
    }

    /** The first ECU with {@code role}. */
    public Optional<Ecu> ecu(EcuRole role) {
        return ecus().stream().filter(e -> e.role() == role).findFirst();
    }

    /**
     * Whether the vehicle supports {@code command}: an ECU whose role the command accepts lists it
     * (or it is one of python-OBD's base commands, which all vehicles support).
     */
    public boolean supports(ObdCommand command) {
        return !closed && session.state().supported().contains(command);
    }

    /** The supported commands, sorted by mode then PID; empty when closed. */
    public List<ObdCommand> supportedCommands() {
        return closed ? List.of() : List.copyOf(session.state().supported());
    }

    // ------------------------------------------------------------------ queries

    /** {@link #query(ObdCommand, boolean)} without force. */
    public ObdResponse query(ObdCommand command) {
        return query(command, false);
    }

    /**
     * Reads one command; for a watched command, returns its latest response from the loop instead
     * (without touching the bus), as python-OBD's {@code Async.query}.
     *
     * @param force send it even if the vehicle does not list it as supported
     * @return the response: no value when nobody answered, with the reasons in its problems
     */
    public ObdResponse query(ObdCommand command, boolean force) {
        return query(List.of(command), force).get(command);
    }

    /** {@link #query(List, boolean)} without force. */
    public Map<ObdCommand, ObdResponse> query(List<ObdCommand> commands) {
        return query(commands, false);
    }

    /**
     * Reads several commands: mode 01 PIDs up to six per request. Watched commands give their
     * latest response from the loop.
     *
     * @return one response per command, in the order given
     */
    public Map<ObdCommand, ObdResponse> query(List<ObdCommand> commands, boolean force) {
        Map<ObdCommand, ObdResponse> out = new LinkedHashMap<>();
        List<ObdCommand> toRead = new ArrayList<>();
        for (ObdCommand c : commands) {
            Objects.requireNonNull(c, "command");
            Optional<ObdResponse> cached = closed ? Optional.empty() : loop.cached(c);
            if (cached.isPresent()) {
                out.put(c, cached.get());
            } else {
                out.put(c, null);
                toRead.add(c);
            }
        }
        if (!toRead.isEmpty()) {
            readInto(toRead, force, out);
        }
        return out;
    }

    /**
     * Reads commands from the vehicle now, even those the watch loop watches (whose cached
     * responses {@link #query} would return): mode 01 PIDs up to six per request.
     *
     * @param force send them even if the vehicle does not list them as supported
     * @return one response per command, in the order given
     */
    public Map<ObdCommand, ObdResponse> read(List<ObdCommand> commands, boolean force) {
        Map<ObdCommand, ObdResponse> out = new LinkedHashMap<>();
        for (ObdCommand c : commands) {
            out.put(Objects.requireNonNull(c, "command"), null);
        }
        if (!out.isEmpty()) {
            readInto(new ArrayList<>(out.keySet()), force, out);
        }
        return out;
    }

    private void readInto(List<ObdCommand> commands, boolean force, Map<ObdCommand, ObdResponse> out) {
        List<ObdCommand> send = new ArrayList<>();
        String notFound = null;
        try {
            if (closed) {
                notFound = "the connection is closed";
            } else if (!session.ensureFound()) {
                notFound = session.status() == ObdStatus.NOT_CONNECTED ? transport.linkProblem()
                        : "no ECU answers (0100 got no answer)";
            }
            for (ObdCommand c : commands) {
                String refusal = notFound != null ? notFound : refusal(c, force);
                if (refusal != null) {
                    out.put(c, notSent(c, refusal, notFound != null));
                } else {
                    send.add(c);
                }
            }
            if (!send.isEmpty()) {
                out.putAll(ObdSession.decode(session.read(send)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (ObdCommand c : commands) {
                if (out.get(c) == null) {
                    out.put(c, notSent(c, "interrupted", true));
                }
            }
        }
    }

    private String refusal(ObdCommand c, boolean force) {
        String never = ObdSession.refusal(c);
        if (never != null) {
            return never;
        }
        if (!force && session.state().discovered() && !supports(c)) {
            return c.name() + " is not supported by the vehicle (force to send it anyway)";
        }
        return null;
    }

    private static ObdResponse notSent(ObdCommand c, String reason, boolean transport) {
        ObdProblem p = transport ? new ObdProblem.TransportFailure(reason) : new ObdProblem.NotSent(reason);
        return new ObdResponse(c, List.of(), Optional.empty(), System.currentTimeMillis(), List.of(p));
    }

    /**
     * Reads one command and decodes each ECU's answer on its own ({@link ObdCommand#decodeEach}):
     * one response per answering ECU whose role the command accepts, in the order they answered.
     * Never served from the watch loop's cache.
     */
    public List<ObdResponse> queryEach(ObdCommand command, boolean force) {
        Objects.requireNonNull(command, "command");
        try {
            if (closed || !session.ensureFound()) {
                return List.of();
            }
            if (refusal(command, force) != null) {
                return List.of();
            }
            ObdSession.Collected got = session.read(List.of(command));
            long time = got.times().getOrDefault(command, System.currentTimeMillis());
            return command.decodeEach(got.messages().get(command), time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /**
     * Clears DTCs, freeze frames and readiness monitors in every ECU (mode 04). The confirmation
     * must be given: see {@link ClearConfirmation} for what is erased.
     *
     * @throws NullPointerException without a confirmation
     */
    public DtcClearResult clearDtcs(ClearConfirmation confirmation) {
        Objects.requireNonNull(confirmation, "clearing DTCs needs a ClearConfirmation");
        if (closed) {
            return new DtcClearResult(List.of(), List.of(new ObdProblem.NotSent("the connection is closed")),
                    System.currentTimeMillis());
        }
        try {
            return session.clearDtcs();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DtcClearResult(List.of(), List.of(new ObdProblem.TransportFailure("interrupted")),
                    System.currentTimeMillis());
        }
    }

    // ------------------------------------------------------------------ watching

    /** {@link #watch(ObdCommand, Duration, Consumer, boolean)} without callback, period or force. */
    public boolean watch(ObdCommand command) {
        return watch(command, ANY_TIME, null, false);
    }

    /** {@link #watch(ObdCommand, Duration, Consumer, boolean)} as often as the vehicle answers, without force. */
    public boolean watch(ObdCommand command, Consumer<ObdResponse> callback) {
        return watch(command, ANY_TIME, callback, false);
    }

    /** {@link #watch(ObdCommand, Duration, Consumer, boolean)} without force. */
    public boolean watch(ObdCommand command, Duration minPeriod, Consumer<ObdResponse> callback) {
        return watch(command, minPeriod, callback, false);
    }

    /**
     * Adds a command to the watch loop, or changes its period and adds a callback if it is
     * watched already. Allowed while the loop runs.
     *
     * @param minPeriod read it at most this often ({@link Duration#ZERO}: as often as the vehicle answers)
     * @param callback  called with every new response on the callback thread; may be null
     * @param force     watch it even if the vehicle does not list it as supported
     * @return whether it is watched; false (as python-OBD) for a command the vehicle does not
     *         support (unless forced), an ELM327 adapter command, or clearing DTCs
     */
    public boolean watch(ObdCommand command, Duration minPeriod, Consumer<ObdResponse> callback, boolean force) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(minPeriod, "minPeriod");
        if (minPeriod.isNegative()) {
            throw new IllegalArgumentException("minPeriod must not be negative, not " + minPeriod);
        }
        if (closed || refusal(command, force) != null) {
            return false;
        }
        loop.watch(command, minPeriod, callback);
        return true;
    }

    /** Stops watching a command and drops its callbacks. */
    public void unwatch(ObdCommand command) {
        loop.unwatch(command, null);
    }

    /** Drops one callback of a watched command; the command goes with its last callback (python-OBD). */
    public void unwatch(ObdCommand command, Consumer<ObdResponse> callback) {
        loop.unwatch(command, callback);
    }

    /** Stops watching everything (the loop keeps running, idle, if it was). */
    public void unwatchAll() {
        loop.unwatchAll();
    }

    /** The watched commands. */
    public Set<ObdCommand> watched() {
        return loop.watched();
    }

    /** The latest response of a watched command (without a value until read); empty when not watched. Never touches the bus. */
    public Optional<ObdResponse> cached(ObdCommand command) {
        return closed ? Optional.empty() : loop.cached(command);
    }

    /**
     * Starts the watch loop. Unlike python-OBD it also starts when no vehicle answers yet: it looks
     * for one every {@link ObdOptions#reconnectInterval()}.
     *
     * @throws IllegalStateException when the connection is closed
     */
    public void start() {
        if (closed) {
            throw new IllegalStateException(portName + ": the OBD connection is closed");
        }
        loop.start();
    }

    /**
     * Stops the watch loop. A request in flight finishes first, so its answer is not left on the bus
     * for the next user of the ECU; after this returns no callback starts (one running may finish,
     * for up to 2 s).
     */
    public void stop() {
        loop.stop();
    }

    /** Whether the watch loop runs. */
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** python-OBD's {@code with connection.paused() as was_running:} — stops the loop until closed. */
    public Pause paused() {
        boolean was = loop.isRunning();
        loop.stop();
        return new Pause(this, was);
    }

    /** A pause of the watch loop; closing it restarts the loop if it was running. */
    public static final class Pause implements AutoCloseable {
        private final ObdConnection connection;
        private final boolean wasRunning;
        private boolean ended;

        private Pause(ObdConnection connection, boolean wasRunning) {
            this.connection = connection;
            this.wasRunning = wasRunning;
        }

        /** Whether the loop was running when paused. */
        public boolean wasRunning() {
            return wasRunning;
        }

        /** Restarts the loop if it was running (and the connection is open). Idempotent. */
        @Override
        public synchronized void close() {
            if (!ended) {
                ended = true;
                if (wasRunning && !connection.closed && !connection.isRunning()) {
                    connection.start();
                }
            }
        }
    }

    /** Responses that slow callbacks did not see because a newer one came first. */
    public long skippedCallbacks() {
        return loop.skippedCallbacks();
    }

    /** What each ECU does with multi-PID requests (for tests). */
    MultiPidSupport multiPidSupport(int responseId) {
        return session.multiPid(responseId);
    }

    /** Open ISO-TP channels (for tests). */
    int openChannels() {
        return transport.openChannels();
    }

    /**
     * Stops the loop, closes every channel and, if it opened it, the bus endpoint. Afterwards the
     * status is {@code "Not Connected"}, names are empty and queries give no value. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        loop.stop();
        transport.close();
    }

    @Override
    public String toString() {
        return "ObdConnection[" + portName + " " + status() + " " + protocolName() + "]";
    }
}
