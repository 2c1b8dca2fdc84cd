package dev.obdio.obd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The vehicle behind a transport: finds it (identifiers, ECUs, roles, supported commands), reads
 * commands from it (batching mode 01 PIDs, falling back to single PIDs for ECUs that do not take
 * batches), notices when it stops answering, and keeps the connection status.
 *
 * <p>Thread-safe: methods run on the calling thread; the transport serializes the requests, a
 * lock keeps two threads from finding the vehicle at once, and what is known is an immutable
 * {@link VehicleState} replaced as a whole.
 */
final class ObdSession {
    private final ObdTransport transport;
    private final ObdOptions options;
    private final IdScheme forced;
    private final ReentrantLock connectLock = new ReentrantLock();
    /**
     * The least time the probe for the vehicle, and the check that it is still there, wait for
     * answers. Both run rarely, and a first answer handled late (a cold JVM loading classes, a
     * busy machine) must not make the vehicle look absent; every other request waits P2.
     */
    static final Duration PROBE_WINDOW = Duration.ofMillis(200);

    /** Batches an ECU ignored in a row while answering single PIDs: {@link #SILENT_BATCHES} of them make it REJECTS. */
    static final int SILENT_BATCHES = 3;

    private final Map<Integer, MultiPidSupport> multiPid = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> silentBatches = new ConcurrentHashMap<>();
    private final Object stateLock = new Object();
    private volatile VehicleState state;
    private volatile boolean carAnswering;
    private volatile long lastFailedProbe;
    private volatile boolean probeFailed;

    /** The answers to {@code 0100} that found the vehicle. */
    private record Probe(IdScheme scheme, Map<Integer, byte[]> masks) {
    }

    /**
     * What was read for some commands: each one's answers (split out of batches), problems that
     * kept answers from coming, and when.
     */
    record Collected(Map<ObdCommand, List<EcuMessage>> messages, Map<ObdCommand, List<ObdProblem>> problems,
                     Map<ObdCommand, Long> times) {

        /** What was collected for these commands only (a copy). */
        Collected only(List<ObdCommand> commands) {
            Collected part = new Collected(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
            for (ObdCommand c : commands) {
                part.messages().put(c, new ArrayList<>(messages.get(c)));
                part.problems().put(c, new ArrayList<>(problems.get(c)));
                Long t = times.get(c);
                if (t != null) {
                    part.times().put(c, t);
                }
            }
            return part;
        }
    }

    ObdSession(ObdTransport transport, ObdOptions options) {
        this.transport = transport;
        this.options = options;
        IdScheme target = options.physicalEcu().isPresent()
                ? IdScheme.ofResponseId(options.physicalEcu().getAsInt()).orElseThrow() : null;
        this.forced = target != null ? target : IdScheme.of(options.addressing()).orElse(null);
        this.state = forced != null ? new VehicleState(forced, Map.of(), false) : VehicleState.UNKNOWN;
    }

    /** What is known about the vehicle. */
    VehicleState state() {
        return state;
    }

    /** The connection status (the caller handles "closed"). */
    ObdStatus status() {
        if (transport.linkDown()) {
            return ObdStatus.NOT_CONNECTED;
        }
        return carAnswering ? ObdStatus.CAR_CONNECTED : ObdStatus.OBD_CONNECTED;
    }

    /** Whether an ECU answered the last time one was expected to. */
    boolean carAnswering() {
        return carAnswering;
    }

    /** What each ECU does with multi-PID requests (for tests and the scan). */
    MultiPidSupport multiPid(int ecu) {
        return multiPid.getOrDefault(ecu, MultiPidSupport.UNKNOWN);
    }

    // ------------------------------------------------------------------ finding the vehicle

    /**
     * Probes for the vehicle ({@code 0100}, on 11-bit then 29-bit ids when detecting), assigns
     * roles and, the first time or when the ECUs changed, reads what each supports.
     *
     * @return whether a vehicle answered
     */
    boolean connect(ConnectProgress progress) throws InterruptedException {
        connectLock.lockInterruptibly();
        try {
            int total = SupportDiscovery.maxSteps();
            progress.step(ObdCommands.PIDS_A.requestHex() + " " + ObdCommands.PIDS_A.name(), 0, total);
            Probe probe = probe();
            if (probe == null) {
                carAnswering = false;
                probeFailed = true;
                lastFailedProbe = System.nanoTime();
                progress.step("no answer", total, total);
                return false;
            }
            probeFailed = false;
            Map<Integer, EcuRole> roles = RoleAssignment.assign(probe.scheme(), probe.masks());
            VehicleState before = state;
            boolean sameEcus = before.discovered() && before.scheme() == probe.scheme()
                    && before.ecus().keySet().containsAll(roles.keySet());
            Map<Integer, java.util.Set<ObdCommand>> supported;
            if (sameEcus) {
                supported = new TreeMap<>();
                before.ecus().forEach((id, e) -> supported.put(id, e.supportedCommands()));
                progress.step("done", total, total);
            } else {
                supported = SupportDiscovery.discover(this::exchange, probe.masks(), progress);
            }
            Map<Integer, Ecu> ecus = new TreeMap<>();
            for (Map.Entry<Integer, java.util.Set<ObdCommand>> e : supported.entrySet()) {
                int id = e.getKey();
                EcuRole role = roles.containsKey(id) ? roles.get(id) : RoleAssignment.late(probe.scheme(), id, roles);
                ecus.put(id, new Ecu(id, probe.scheme().requestId(id), probe.scheme() == IdScheme.TWENTY_NINE_BIT,
                        role, e.getValue()));
            }
            synchronized (stateLock) {
                state = new VehicleState(probe.scheme(), ecus, true);
            }
            carAnswering = true;
            return true;
        } finally {
            connectLock.unlock();
        }
    }

    private Probe probe() throws InterruptedException {
        List<IdScheme> order = new ArrayList<>();
        if (forced != null) {
            order.add(forced);
        } else if (state.scheme() != null) {
            order.add(state.scheme()); // a vehicle does not change its identifiers
        } else {
            order.add(IdScheme.ELEVEN_BIT);
            order.add(IdScheme.TWENTY_NINE_BIT);
        }
        ObdCommand pidsA = ObdCommands.PIDS_A;
        for (IdScheme s : order) {
            transport.useScheme(s);
            // ECUs met before close the window as soon as they answer; the first probe waits for all.
            Set<Integer> known = state.scheme() == s ? state.ecus().keySet() : Set.of();
            ObdTransport.Exchange ex = transport.exchange(pidsA.request(), options.physicalEcu(), known,
                    probeWindow());
            Map<Integer, byte[]> masks = SupportDiscovery.masks(pidsA, ex);
            if (!masks.isEmpty()) {
                return new Probe(s, masks);
            }
            if (!ex.sent()) {
                break; // the interface is down: the other ids would fail the same way
            }
        }
        IdScheme known = state.scheme();
        if (known != null) {
            transport.useScheme(known);
        } else {
            transport.useScheme(order.get(0));
        }
        return null;
    }

    /**
     * Makes sure the vehicle was found once, probing again if the last probe failed more than
     * the reconnect interval ago.
     *
     * @return whether the vehicle is known
     */
    boolean ensureFound() throws InterruptedException {
        if (state.discovered()) {
            return true;
        }
        if (probeFailed && System.nanoTime() - lastFailedProbe < options.reconnectInterval().toNanos()) {
            return false;
        }
        return connect(ConnectProgress.NONE);
    }

    private Duration probeWindow() {
        return options.p2().compareTo(PROBE_WINDOW) > 0 ? options.p2() : PROBE_WINDOW;
    }

    /** One request in the configured way; notes who answered. */
    ObdTransport.Exchange exchange(byte[] request, Set<Integer> expected) throws InterruptedException {
        ObdTransport.Exchange ex = transport.exchange(request, options.physicalEcu(), expected);
        noteAnswers(ex);
        return ex;
    }

    /** Who answered: the vehicle is there, and ECUs not met before join the state. */
    private void noteAnswers(ObdTransport.Exchange ex) {
        if (!ex.answers().isEmpty()) {
            carAnswering = true;
            synchronized (stateLock) {
                VehicleState s = state;
                for (ResponseWindow.Answer a : ex.answers()) {
                    s = s.withLateEcu(a.ecu());
                }
                state = s;
            }
        }
    }

    /**
     * After a request that expected answers got none: asks {@code 0100}, which every OBD ECU
     * answers. Nobody answering means the vehicle is gone (ignition off).
     *
     * @return whether the vehicle still answers
     */
    private boolean stillThere() throws InterruptedException {
        ObdTransport.Exchange ex = transport.exchange(ObdCommands.PIDS_A.request(), options.physicalEcu(),
                state.ecus().keySet(), probeWindow());
        noteAnswers(ex);
        boolean alive = !ex.answers().isEmpty();
        if (!alive) {
            carAnswering = false;
        }
        return alive;
    }

    // ------------------------------------------------------------------ reading commands

    /** Reads commands: batches where the ECUs take them, single requests otherwise. */
    Collected read(List<ObdCommand> commands) throws InterruptedException {
        return read(commands, part -> { });
    }

    /**
     * {@link #read(List)}, handing {@code eachRequest} what each request (with its fallbacks)
     * completed as soon as it is complete, on the calling thread, so that a caller reading many
     * commands (the watch loop) can pass the first values on before the last request is answered.
     * Commands never sent (refused, or left when the vehicle stopped answering) are only in the result.
     */
    Collected read(List<ObdCommand> commands, Consumer<Collected> eachRequest) throws InterruptedException {
        Collected out = new Collected(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        for (ObdCommand c : commands) {
            out.messages().put(c, new ArrayList<>());
            out.problems().put(c, new ArrayList<>());
        }
        List<ObdCommand> sendable = new ArrayList<>();
        for (ObdCommand c : commands) {
            String refusal = refusal(c);
            if (refusal != null) {
                out.problems().get(c).add(new ObdProblem.NotSent(refusal));
            } else {
                sendable.add(c);
            }
        }
        for (QueryPlanner.Planned p : QueryPlanner.plan(sendable, state, multiPid, options.maxPidsPerRequest())) {
            boolean goOn = p instanceof QueryPlanner.Batch b ? readBatch(b, out) : readSingle(p, out);
            if (goOn) {
                eachRequest.accept(out.only(p.commands()));
            } else {
                break; // the vehicle stopped answering, or the interface is down
            }
        }
        return out;
    }

    /**
     * Why a command is never sent by {@link #read}, or null: adapter commands have no adapter to
     * go to, and clearing DTCs only happens through {@link #clearDtcs()}, so that no name typed
     * into a query or a watch list can erase a vehicle's diagnostic data.
     */
    static String refusal(ObdCommand c) {
        if (c.isAdapterCommand()) {
            return c.name() + " is an ELM327 adapter command, and there is no adapter between obdio and the bus";
        }
        if (c.mode().orElse(-1) == 0x04) {
            return "clearing DTCs erases diagnostic data; it is only done by clearDtcs(ClearConfirmation)";
        }
        return null;
    }

    private boolean readSingle(QueryPlanner.Planned p, Collected out) throws InterruptedException {
        ObdCommand c = p.commands().get(0);
        ObdTransport.Exchange ex = exchange(p.requestBytes(), p.expected());
        VehicleState s = state;
        for (ResponseWindow.Answer a : ex.answers()) {
            out.messages().get(c).add(EcuMessage.of(s.role(a.ecu()), a.ecu(), a.data()));
        }
        out.problems().get(c).addAll(ex.problems());
        out.times().put(c, ex.time());
        if (!ex.sent()) {
            return false;
        }
        return !ex.answers().isEmpty() || p.expected().isEmpty() || stillThere();
    }

    private boolean readBatch(QueryPlanner.Batch b, Collected out) throws InterruptedException {
        MultiPidRequest request = b.request();
        ObdTransport.Exchange ex = exchange(request.request(), b.expected());
        for (ObdCommand c : request.commands()) {
            out.problems().get(c).addAll(ex.problems());
            out.times().put(c, ex.time());
        }
        if (!ex.sent()) {
            return false;
        }
        if (ex.answers().isEmpty() && !stillThere()) {
            return false;
        }
        VehicleState s = state;
        Map<Integer, MultiPidRequest.Split> splits = new TreeMap<>();
        for (ResponseWindow.Answer a : ex.answers()) {
            MultiPidRequest.Split split = request.split(EcuMessage.of(s.role(a.ecu()), a.ecu(), a.data()));
            splits.putIfAbsent(a.ecu(), split);
            split.parts().forEach((c, part) -> out.messages().get(c).add(part));
        }
        // Which ECU left out which PID it supports: the fallback asks those one at a time.
        Map<ObdCommand, Set<Integer>> retry = new LinkedHashMap<>();
        Map<Integer, Integer> expectedCount = new TreeMap<>();
        b.perCommand().forEach((c, ecus) -> {
            for (int ecu : ecus) {
                expectedCount.merge(ecu, 1, Integer::sum);
                MultiPidRequest.Split split = splits.get(ecu);
                if (split == null || !split.parts().containsKey(c)) {
                    retry.computeIfAbsent(c, k -> new java.util.TreeSet<>()).add(ecu);
                }
            }
        });
        for (Map.Entry<Integer, Integer> e : expectedCount.entrySet()) {
            int ecu = e.getKey();
            boolean missing = retry.values().stream().anyMatch(ids -> ids.contains(ecu));
            if (splits.containsKey(ecu)) {
                silentBatches.remove(ecu);
                if (missing) {
                    multiPid.put(ecu, MultiPidSupport.REJECTS); // answered, but not everything it supports
                } else if (e.getValue() > 1) {
                    multiPid.merge(ecu, MultiPidSupport.ACCEPTS,
                            (old, now) -> old == MultiPidSupport.REJECTS ? old : now);
                }
            }
        }
        List<ObdProblem> splitProblems = new ArrayList<>();
        splits.values().forEach(sp -> splitProblems.addAll(sp.problems()));
        Set<Integer> silentOnBatch = new java.util.TreeSet<>();
        for (Map.Entry<ObdCommand, Set<Integer>> r : retry.entrySet()) {
            ObdCommand c = r.getKey();
            ObdTransport.Exchange single = exchange(c.request(), r.getValue());
            for (ResponseWindow.Answer a : single.answers()) {
                out.messages().get(c).add(EcuMessage.of(state.role(a.ecu()), a.ecu(), a.data()));
                if (!splits.containsKey(a.ecu())) {
                    silentOnBatch.add(a.ecu());
                }
            }
            out.problems().get(c).addAll(single.problems());
            out.times().put(c, single.time());
            if (!single.sent()) {
                return false;
            }
        }
        for (int ecu : silentOnBatch) {
            if (silentBatches.merge(ecu, 1, Integer::sum) >= SILENT_BATCHES) {
                // Silent on batches again and again, yet it answers single PIDs. Once is not
                // enough: on a busy machine an answer can come too late.
                multiPid.put(ecu, MultiPidSupport.REJECTS);
            }
        }
        for (ObdCommand c : request.commands()) {
            if (out.messages().get(c).isEmpty()) {
                out.problems().get(c).addAll(splitProblems);
            }
        }
        return true;
    }

    /** Decodes what {@link #read} collected into one response per command (python-OBD's merge of all ECUs). */
    static Map<ObdCommand, ObdResponse> decode(Collected collected) {
        Map<ObdCommand, ObdResponse> out = new LinkedHashMap<>();
        collected.messages().forEach((c, msgs) -> {
            long time = collected.times().getOrDefault(c, System.currentTimeMillis());
            ObdResponse r = c.decode(msgs, time);
            List<ObdProblem> extra = collected.problems().get(c);
            if (!extra.isEmpty()) {
                List<ObdProblem> all = new ArrayList<>(extra);
                all.addAll(r.problems());
                r = new ObdResponse(c, r.messages(), r.value(), time, all);
            }
            out.put(c, r);
        });
        return out;
    }

    // ------------------------------------------------------------------ clearing

    /** Sends mode 04 to every ECU and reports who confirmed. */
    DtcClearResult clearDtcs() throws InterruptedException {
        List<ObdProblem> problems = new ArrayList<>();
        if (!ensureFound()) {
            problems.add(new ObdProblem.NotSent("no ECU answers (0100 got no answer)"));
            return new DtcClearResult(List.of(), problems, System.currentTimeMillis());
        }
        ObdCommand clear = ObdCommands.CLEAR_DTC;
        ObdTransport.Exchange ex = exchange(clear.request(), QueryPlanner.expected(clear, state));
        List<Integer> cleared = new ArrayList<>();
        problems.addAll(ex.problems());
        for (ResponseWindow.Answer a : ex.answers()) {
            byte[] d = a.data();
            EcuMessage m = EcuMessage.of(state.role(a.ecu()), a.ecu(), d);
            if ((d[0] & 0xFF) == 0x44) {
                cleared.add(a.ecu());
            } else if ((d[0] & 0xFF) == 0x7F) {
                problems.add(new ObdProblem.NegativeResponse(m, d.length > 1 ? d[1] & 0xFF : -1,
                        d.length > 2 ? d[2] & 0xFF : -1));
            } else {
                problems.add(new ObdProblem.MalformedResponse(m, "not an answer to service 04"));
            }
        }
        if (ex.sent() && ex.answers().isEmpty()) {
            problems.add(new ObdProblem.TransportFailure("no ECU answered the request to clear DTCs"));
        }
        return new DtcClearResult(cleared, problems, ex.time());
    }
}
