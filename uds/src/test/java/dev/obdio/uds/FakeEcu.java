package dev.obdio.uds;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.VirtualInterface;
import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpEvent;
import dev.obdio.isotp.IsoTpOptions;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted UDS server for tests: one ECU on its own endpoint of a virtual bus, answering
 * physical requests on 0x7E0 (answers on 0x7E8) and functional ones on 0x7DF, from one server
 * thread. Its behaviour is a small but honest ECU model (sessions with their P2/P2*, security with
 * an attempt counter, DIDs with write rules, DTCs, routines with response-pending, download and
 * upload with block counter checks, memory), and every service can be overridden by a
 * {@link Handler}. It records every request it got.
 *
 * <p>Security: seeds are 4 bytes, counting up from 0x11223344; the key of level L is
 * {@link ObdioXorRotateAdd} with secret {@link #SECRET} and rotation {@link #ROTATE}. Three wrong
 * keys in a row answer 0x36 and lock the level (0x37 for seeds) until {@link #unlockAttempts()}.
 */
public final class FakeEcu implements AutoCloseable {
    /** The secret of every security level. */
    public static final long SECRET = 0x5A3C96E1L;
    /** The rotation of every security level. */
    public static final int ROTATE = 7;
    /** The key algorithm spec that opens this ECU. */
    public static final String KEY_ALGORITHM = "obdio-xor-rotate-add:secret=5A3C96E1,rotate=7";
    /** The VIN in F190. */
    public static final String VIN = "WVWZZZ1JZXW000001";

    /** A request the ECU received. */
    public record Received(byte[] bytes, boolean functional, long nanoTime) {
        /** The service identifier. */
        public int sid() {
            return bytes[0] & 0xFF;
        }

        @Override
        public String toString() {
            return (functional ? "func " : "phys ") + Hex.format(bytes);
        }
    }

    /** What the ECU sends for a request: answers in order, each after its delay; none for silence. */
    public record Reply(List<byte[]> answers, List<Duration> delays) {
        /** No answer. */
        public static Reply silence() {
            return new Reply(List.of(), List.of());
        }

        /** One answer at once. */
        public static Reply of(byte[] answer) {
            return new Reply(List.of(answer), List.of(Duration.ZERO));
        }

        /** One answer in hex at once. */
        public static Reply hex(String answer) {
            return of(Hex.parse(answer));
        }

        /** {@code pending} response-pending answers {@code gap} apart, then {@code answer} after another gap. */
        public static Reply pending(int sid, int pending, Duration gap, byte[] answer) {
            List<byte[]> answers = new ArrayList<>();
            List<Duration> delays = new ArrayList<>();
            for (int i = 0; i < pending; i++) {
                answers.add(new byte[] {0x7F, (byte) sid, 0x78});
                delays.add(i == 0 ? Duration.ZERO : gap);
            }
            if (answer != null) {
                answers.add(answer);
                delays.add(pending == 0 ? Duration.ZERO : gap);
            }
            return new Reply(answers, delays);
        }
    }

    /** Overrides the model for one service. */
    @FunctionalInterface
    public interface Handler {
        /** The reply to a request (null: let the model answer). */
        Reply handle(Received request);
    }

    private final CanBus bus;
    private final IsoTpChannel physical;
    private final IsoTpChannel functional;
    private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final List<Received> log = new CopyOnWriteArrayList<>();
    private final Map<Integer, Handler> handlers = new ConcurrentHashMap<>();
    private final Thread server;
    private volatile boolean open = true;
    private volatile Duration latency = Duration.ZERO;

    // Model state, touched by the server thread (and tests before requests).
    private final Map<Integer, byte[]> timingBySession = new HashMap<>();
    private volatile int session = 1;
    private final Map<Integer, byte[]> dids = new ConcurrentHashMap<>();
    private final Set<Integer> writableDids = ConcurrentHashMap.newKeySet();
    private final Set<Integer> protectedDids = ConcurrentHashMap.newKeySet();
    private final Set<Integer> unlocked = new HashSet<>();
    private final Map<Integer, Long> seeds = new HashMap<>();
    private long nextSeed = 0x11223344L;
    private int failedKeys;
    private boolean lockedOut;
    private final Map<Integer, Integer> dtcs = new LinkedHashMap<>();
    private final Map<Integer, Function<byte[], Reply>> routines = new ConcurrentHashMap<>();
    private final byte[] memory = new byte[0x10000];
    private volatile long maxBlockLength = 0x82;
    private final ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
    private final List<Integer> blockCounters = new CopyOnWriteArrayList<>();
    private int expectedCounter = -1;
    private long transferRemaining;
    private long transferAddress;
    private boolean uploading;
    private volatile boolean transferExited;

    private FakeEcu(String busName) {
        bus = VirtualInterface.named(busName).openEndpoint(BusOptions.DEFAULTS.withReceiveQueueCapacity(65_536));
        IsoTpOptions options = IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0))
                .withTimeouts(Duration.ofSeconds(5)); // a loaded machine may starve a thread for a second
        physical = IsoTp.open(bus, options, IsoTp.Engine.JAVA);
        functional = IsoTp.open(bus, options.withAddress(IsoTpAddress.normal11(0x7E8, 0x7DF)), IsoTp.Engine.JAVA);
        physical.subscribe(event -> take(event, false));
        functional.subscribe(event -> take(event, true));
        timingBySession.put(1, new byte[] {0x00, 0x32, 0x01, (byte) 0xF4});
        timingBySession.put(2, new byte[] {0x00, 0x32, 0x01, (byte) 0xF4});
        timingBySession.put(3, new byte[] {0x00, 0x32, 0x01, (byte) 0xF4});
        dids.put(0xF190, VIN.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        dids.put(0xF18C, "SN-000123".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        dids.put(0xF186, new byte[] {1});
        dids.put(0x0110, new byte[] {0x02, (byte) 0x8A}); // 650 rpm
        dids.put(0xF1A0, Hex.parse("0A1B2C3D4E5F"));
        // Identification as the obdio simulator's petrol engine ECU has it.
        dids.put(0xF187, ascii("37820-5MA-A"));
        dids.put(0xF189, ascii("0412"));
        dids.put(0xF18A, ascii("OBDIO-SIM"));
        dids.put(0xF191, ascii("HW-07-115"));
        dids.put(0xF197, ascii("V6 3.5 MPI"));
        dids.put(0xF198, ascii("0000000000"));
        writableDids.addAll(List.of(0xF190, 0x0110, 0xF1A0, 0xF198));
        protectedDids.addAll(List.of(0xF190, 0xF1A0, 0xF198));
        routines.put(0x0203, q -> Reply.of(new byte[] {0x71, q[1], 0x02, 0x03, 0x00}));
        routines.put(0x0212, this::fanTest);
        dtcs.put(0x030100, 0x2F);
        dtcs.put(0xC14587, 0x08);
        server = new Thread(this::serve, "fake-ecu-" + busName);
        server.setDaemon(true);
        server.start();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private long fanStarted = -1;
    private long fanRanMillis = -1;

    /** The simulator's cooling fan test: start, results (running flag, ms), stop (ms). */
    private Reply fanTest(byte[] q) {
        int sub = q[1] & 0x7F;
        long now = System.nanoTime();
        if (session == 1) {
            return nrc(0x31, 0x31);
        }
        byte[] head = {0x71, q[1], 0x02, 0x12};
        switch (sub) {
            case 1 -> {
                if (fanStarted >= 0) {
                    return nrc(0x31, 0x24);
                }
                fanStarted = now;
                return Reply.of(concat(head, new byte[] {0x00}));
            }
            case 2 -> {
                if (fanStarted < 0) {
                    return nrc(0x31, 0x24);
                }
                fanRanMillis = Math.min(0xFFFF, (now - fanStarted) / 1_000_000);
                fanStarted = -1;
                return Reply.of(concat(head, new byte[] {(byte) (fanRanMillis >> 8), (byte) fanRanMillis}));
            }
            default -> {
                if (fanStarted < 0 && fanRanMillis < 0) {
                    return nrc(0x31, 0x24);
                }
                long ran = fanStarted >= 0 ? Math.min(0xFFFF, (now - fanStarted) / 1_000_000) : fanRanMillis;
                return Reply.of(concat(head, new byte[] {(byte) (fanStarted >= 0 ? 1 : 0), (byte) (ran >> 8), (byte) ran}));
            }
        }
    }

    /** An ECU on the virtual bus {@code busName}. */
    public static FakeEcu start(String busName) {
        return new FakeEcu(busName);
    }

    private void take(IsoTpEvent event, boolean isFunctional) {
        if (event instanceof IsoTpEvent.Received r) {
            Received request = new Received(r.data(), isFunctional, System.nanoTime());
            log.add(request);
            inbox.add(request);
        }
    }

    // ---- configuration ----

    /** Overrides the model for one service identifier. */
    public FakeEcu on(int sid, Handler handler) {
        handlers.put(sid, handler);
        return this;
    }

    /** Answers nothing at all. */
    public FakeEcu silent() {
        for (int sid = 0; sid < 256; sid++) {
            handlers.put(sid, r -> Reply.silence());
        }
        return this;
    }

    /** Waits this long before every answer. */
    public FakeEcu latency(Duration value) {
        latency = value;
        return this;
    }

    /** The P2 (ms) and P2* (10 ms units) a session's DiagnosticSessionControl answer announces. */
    public FakeEcu timing(int sessionType, int p2Millis, int p2StarTens) {
        timingBySession.put(sessionType, new byte[] {(byte) (p2Millis >> 8), (byte) p2Millis,
            (byte) (p2StarTens >> 8), (byte) p2StarTens});
        return this;
    }

    /** Sets a DID's value. */
    public FakeEcu did(int did, byte[] value) {
        dids.put(did, value.clone());
        return this;
    }

    /** A routine: what its control requests get (request bytes in). */
    public FakeEcu routine(int id, Function<byte[], Reply> behaviour) {
        routines.put(id, behaviour);
        return this;
    }

    /** maxNumberOfBlockLength of RequestDownload/RequestUpload answers. */
    public FakeEcu maxBlockLength(long value) {
        maxBlockLength = value;
        return this;
    }

    /** Clears the wrong-key lock-out. */
    public void unlockAttempts() {
        inbox.add(new Received(new byte[] {(byte) 0xFF, 1}, false, 0));
    }

    // ---- observations ----

    /** Every request so far. */
    public List<Received> requests() {
        return List.copyOf(log);
    }

    /** The requests with a service identifier. */
    public List<Received> requests(int sid) {
        return log.stream().filter(r -> r.sid() == sid).toList();
    }

    /** The ECU's session. */
    public int session() {
        return session;
    }

    /** A DID's value. */
    public byte[] didValue(int did) {
        byte[] v = dids.get(did);
        return v == null ? null : v.clone();
    }

    /** Bytes received by download so far. */
    public synchronized byte[] downloaded() {
        return downloaded.toByteArray();
    }

    /** The block sequence counters of TransferData requests, in order. */
    public List<Integer> blockCounters() {
        return List.copyOf(blockCounters);
    }

    /** Whether a RequestTransferExit was accepted. */
    public boolean transferExited() {
        return transferExited;
    }

    /** The memory (0x0000..0xFFFF). */
    public synchronized byte[] memory() {
        return memory.clone();
    }

    /** Fills memory. */
    public synchronized FakeEcu memory(int address, byte[] data) {
        System.arraycopy(data, 0, memory, address, data.length);
        return this;
    }

    // ---- the server ----

    private void serve() {
        while (open) {
            Received request;
            try {
                request = inbox.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (request == null) {
                continue;
            }
            if (request.sid() == 0xFF && request.nanoTime() == 0) {
                lockedOut = false;
                failedKeys = 0;
                continue;
            }
            Reply reply = null;
            Handler h = handlers.get(request.sid());
            if (h != null) {
                reply = h.handle(request);
            }
            if (reply == null) {
                reply = model(request);
            }
            try {
                send(reply);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The client may be gone; keep serving.
            }
        }
    }

    private void send(Reply reply) throws InterruptedException {
        for (int i = 0; i < reply.answers().size(); i++) {
            Duration delay = i == 0 ? reply.delays().get(i).plus(latency) : reply.delays().get(i);
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
            }
            physical.send(reply.answers().get(i));
        }
    }

    private static Reply nrc(int sid, int code) {
        return Reply.of(new byte[] {0x7F, (byte) sid, (byte) code});
    }

    private Reply model(Received r) {
        byte[] q = r.bytes();
        int sid = q[0] & 0xFF;
        boolean suppress = UdsService.suppressesPositiveResponse(q);
        Reply answer = switch (sid) {
            case 0x10 -> sessionControl(q);
            case 0x11 -> reset(q);
            case 0x14 -> clear(q);
            case 0x19 -> dtcInformation(q);
            case 0x22 -> readDids(q);
            case 0x23 -> readMemory(q);
            case 0x27 -> security(q);
            case 0x28 -> q.length >= 3 ? Reply.of(new byte[] {0x68, (byte) (q[1] & 0x7F)}) : nrc(sid, 0x13);
            case 0x2E -> writeDid(q);
            case 0x2F -> q.length >= 4 ? Reply.of(Arrays.copyOf(concat(new byte[] {0x6F}, Arrays.copyOfRange(q, 1, q.length)), q.length))
                    : nrc(sid, 0x13);
            case 0x31 -> routine(q);
            case 0x34, 0x35 -> requestTransfer(q);
            case 0x36 -> transferData(q);
            case 0x37 -> transferExit(q);
            case 0x3D -> writeMemory(q);
            case 0x3E -> q.length == 2 && (q[1] & 0x7F) == 0 ? Reply.hex("7E 00") : nrc(sid, 0x12);
            case 0x85 -> q.length >= 2 ? Reply.of(new byte[] {(byte) 0xC5, (byte) (q[1] & 0x7F)}) : nrc(sid, 0x13);
            default -> nrc(sid, 0x11);
        };
        List<byte[]> answers = answer.answers();
        if (answers.isEmpty()) {
            return answer;
        }
        byte[] last = answers.get(answers.size() - 1);
        boolean negative = (last[0] & 0xFF) == 0x7F;
        boolean pendingSent = answers.size() > 1;
        if (suppress && !negative && !pendingSent) {
            return Reply.silence();
        }
        if (r.functional() && negative && Set.of(0x11, 0x12, 0x31, 0x7E, 0x7F).contains(last[2] & 0xFF)) {
            return Reply.silence(); // ISO 14229-1: these NRCs are not sent to functional requests
        }
        return answer;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private Reply sessionControl(byte[] q) {
        if (q.length != 2) {
            return nrc(0x10, 0x13);
        }
        int type = q[1] & 0x7F;
        byte[] timing = timingBySession.get(type);
        if (timing == null) {
            return nrc(0x10, 0x12);
        }
        if (type != session) {
            unlocked.clear();
            seeds.clear();
        }
        session = type;
        return Reply.of(concat(new byte[] {0x50, (byte) type}, timing));
    }

    private Reply reset(byte[] q) {
        if (q.length != 2) {
            return nrc(0x11, 0x13);
        }
        int type = q[1] & 0x7F;
        if (type < 1 || type > 3) {
            return nrc(0x11, 0x12);
        }
        session = 1;
        unlocked.clear();
        seeds.clear();
        return Reply.of(new byte[] {0x51, (byte) type});
    }

    private Reply clear(byte[] q) {
        if (q.length != 4 && q.length != 5) {
            return nrc(0x14, 0x13);
        }
        int group = (q[1] & 0xFF) << 16 | (q[2] & 0xFF) << 8 | (q[3] & 0xFF);
        if (group == 0xFFFFFF) {
            dtcs.clear();
        } else if (!dtcs.containsKey(group)) {
            return nrc(0x14, 0x31);
        } else {
            dtcs.remove(group);
        }
        return Reply.hex("54");
    }

    private Reply dtcInformation(byte[] q) {
        if (q.length < 2) {
            return nrc(0x19, 0x13);
        }
        int sub = q[1] & 0x7F;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x59);
        out.write(sub);
        switch (sub) {
            case 0x01, 0x02 -> {
                if (q.length != 3) {
                    return nrc(0x19, 0x13);
                }
                int mask = q[2] & 0xFF;
                List<Map.Entry<Integer, Integer>> matching = dtcs.entrySet().stream()
                        .filter(e -> (e.getValue() & mask) != 0).toList();
                out.write(0x7F);
                if (sub == 0x01) {
                    out.write(0x01);
                    out.write(matching.size() >> 8);
                    out.write(matching.size());
                } else {
                    matching.forEach(e -> writeDtc(out, e.getKey(), e.getValue()));
                }
            }
            case 0x03 -> dtcs.keySet().forEach(code -> {
                writeDtc(out, code, 1);
            });
            case 0x04 -> {
                int code = dtcFrom(q);
                if (q.length != 6 || !dtcs.containsKey(code)) {
                    return nrc(0x19, 0x31);
                }
                writeDtc(out, code, dtcs.get(code));
                out.writeBytes(Hex.parse("01 02 0110 028A F186 03"));
                out.writeBytes(Hex.parse("02 01 F190"));
                out.writeBytes(VIN.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            case 0x06 -> {
                int code = dtcFrom(q);
                if (q.length != 6 || !dtcs.containsKey(code)) {
                    return nrc(0x19, 0x31);
                }
                writeDtc(out, code, dtcs.get(code));
                out.writeBytes(Hex.parse("01 05 02 10"));
                out.writeBytes(Hex.parse("02 AA BB CC"));
            }
            case 0x0A -> {
                out.write(0x7F);
                dtcs.forEach((code, status) -> writeDtc(out, code, status));
                writeDtc(out, 0x012300, 0x00);
            }
            default -> {
                return nrc(0x19, 0x12);
            }
        }
        return Reply.of(out.toByteArray());
    }

    private static int dtcFrom(byte[] q) {
        return q.length < 5 ? -1 : (q[2] & 0xFF) << 16 | (q[3] & 0xFF) << 8 | (q[4] & 0xFF);
    }

    private static void writeDtc(ByteArrayOutputStream out, int code, int status) {
        out.write(code >> 16);
        out.write(code >> 8);
        out.write(code);
        out.write(status);
    }

    private Reply readDids(byte[] q) {
        if (q.length < 3 || q.length % 2 != 1) {
            return nrc(0x22, 0x13);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x62);
        int found = 0;
        for (int i = 1; i < q.length; i += 2) {
            int did = (q[i] & 0xFF) << 8 | (q[i + 1] & 0xFF);
            byte[] value = did == 0xF186 ? new byte[] {(byte) session} : dids.get(did);
            if (value != null) {
                out.write(did >> 8);
                out.write(did);
                out.writeBytes(value);
                found++;
            }
        }
        return found == 0 ? nrc(0x22, 0x31) : Reply.of(out.toByteArray());
    }

    private Reply writeDid(byte[] q) {
        if (q.length < 4) {
            return nrc(0x2E, 0x13);
        }
        int did = (q[1] & 0xFF) << 8 | (q[2] & 0xFF);
        if (!writableDids.contains(did)) {
            return nrc(0x2E, 0x31);
        }
        if (session == 1) {
            return nrc(0x2E, 0x7F);
        }
        if (protectedDids.contains(did) && !unlocked.contains(1)) {
            return nrc(0x2E, 0x33);
        }
        byte[] old = dids.get(did);
        byte[] value = Arrays.copyOfRange(q, 3, q.length);
        if (old != null && old.length != value.length) {
            return nrc(0x2E, 0x13);
        }
        dids.put(did, value);
        return Reply.of(new byte[] {0x6E, q[1], q[2]});
    }

    private Reply security(byte[] q) {
        if (q.length < 2) {
            return nrc(0x27, 0x13);
        }
        int sub = q[1] & 0x7F;
        if (session == 1) {
            return nrc(0x27, 0x7F);
        }
        if (sub % 2 == 1) {
            if (lockedOut) {
                return nrc(0x27, 0x37);
            }
            long seed = unlocked.contains(sub) ? 0 : nextSeed++;
            if (seed != 0) {
                seeds.put(sub, seed);
            }
            return Reply.of(new byte[] {0x67, (byte) sub, (byte) (seed >> 24), (byte) (seed >> 16), (byte) (seed >> 8), (byte) seed});
        }
        int level = sub - 1;
        Long seed = seeds.remove(level);
        if (seed == null) {
            return nrc(0x27, 0x24);
        }
        if (q.length != 6) {
            return nrc(0x27, 0x13);
        }
        long key = ObdioXorRotateAdd.key(seed, new ObdioXorRotateAdd.Secret(SECRET, ROTATE));
        long got = (q[2] & 0xFFL) << 24 | (q[3] & 0xFFL) << 16 | (q[4] & 0xFFL) << 8 | (q[5] & 0xFFL);
        if (got != key) {
            failedKeys++;
            if (failedKeys >= 3) {
                lockedOut = true;
                return nrc(0x27, 0x36);
            }
            return nrc(0x27, 0x35);
        }
        failedKeys = 0;
        unlocked.add(level);
        return Reply.of(new byte[] {0x67, (byte) sub});
    }

    private Reply routine(byte[] q) {
        if (q.length < 4) {
            return nrc(0x31, 0x13);
        }
        int id = (q[2] & 0xFF) << 8 | (q[3] & 0xFF);
        Function<byte[], Reply> behaviour = routines.get(id);
        if (behaviour == null) {
            return nrc(0x31, 0x31);
        }
        return behaviour.apply(q);
    }

    private synchronized Reply readMemory(byte[] q) {
        long[] loc = location(q, 1);
        if (loc == null) {
            return nrc(0x23, 0x13);
        }
        if (loc[0] + loc[1] > memory.length) {
            return nrc(0x23, 0x31);
        }
        return Reply.of(concat(new byte[] {0x63}, Arrays.copyOfRange(memory, (int) loc[0], (int) (loc[0] + loc[1]))));
    }

    private synchronized Reply writeMemory(byte[] q) {
        long[] loc = location(q, 1);
        if (loc == null) {
            return nrc(0x3D, 0x13);
        }
        int header = 2 + (int) loc[2] + (int) loc[3];
        if (q.length - header != loc[1]) {
            return nrc(0x3D, 0x13);
        }
        if (loc[0] + loc[1] > memory.length) {
            return nrc(0x3D, 0x31);
        }
        System.arraycopy(q, header, memory, (int) loc[0], (int) loc[1]);
        return Reply.of(concat(new byte[] {0x7D}, Arrays.copyOfRange(q, 1, header)));
    }

    /** {address, size, addressBytes, sizeBytes} from an ALFID at {@code at}, or null. */
    private static long[] location(byte[] q, int at) {
        if (q.length <= at) {
            return null;
        }
        int alfid = q[at] & 0xFF;
        int a = alfid & 0xF;
        int s = alfid >> 4;
        if (a == 0 || s == 0 || q.length < at + 1 + a + s) {
            return null;
        }
        long address = 0;
        for (int i = 0; i < a; i++) {
            address = address << 8 | (q[at + 1 + i] & 0xFF);
        }
        long size = 0;
        for (int i = 0; i < s; i++) {
            size = size << 8 | (q[at + 1 + a + i] & 0xFF);
        }
        return new long[] {address, size, a, s};
    }

    private synchronized Reply requestTransfer(byte[] q) {
        int sid = q[0] & 0xFF;
        long[] loc = location(q, 2);
        if (q.length < 2 || loc == null) {
            return nrc(sid, 0x13);
        }
        if (sid == 0x34 && session != 2) {
            return nrc(sid, 0x22);
        }
        if (loc[0] + loc[1] > memory.length && sid == 0x35) {
            return nrc(sid, 0x31);
        }
        expectedCounter = 1;
        transferRemaining = loc[1];
        transferAddress = loc[0];
        uploading = sid == 0x35;
        transferExited = false;
        downloaded.reset();
        blockCounters.clear();
        long max = maxBlockLength;
        int bytes = max > 0xFFFF ? 4 : 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(sid + 0x40);
        out.write(bytes << 4);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (max >> (8 * i)));
        }
        return Reply.of(out.toByteArray());
    }

    private synchronized Reply transferData(byte[] q) {
        if (expectedCounter < 0) {
            return nrc(0x36, 0x24);
        }
        if (q.length < 2) {
            return nrc(0x36, 0x13);
        }
        int counter = q[1] & 0xFF;
        blockCounters.add(counter);
        if (counter != expectedCounter) {
            return nrc(0x36, 0x73);
        }
        if (q.length > maxBlockLength) {
            return nrc(0x36, 0x13);
        }
        expectedCounter = (expectedCounter + 1) & 0xFF;
        if (uploading) {
            int n = (int) Math.min(maxBlockLength - 2, transferRemaining);
            byte[] chunk = Arrays.copyOfRange(memory, (int) transferAddress, (int) transferAddress + n);
            transferAddress += n;
            transferRemaining -= n;
            return Reply.of(concat(new byte[] {0x76, (byte) counter}, chunk));
        }
        int n = q.length - 2;
        if (n > transferRemaining) {
            return nrc(0x36, 0x71);
        }
        downloaded.write(q, 2, n);
        transferRemaining -= n;
        return Reply.of(new byte[] {0x76, (byte) counter});
    }

    private synchronized Reply transferExit(byte[] q) {
        if (expectedCounter < 0 || transferRemaining != 0) {
            return nrc(0x37, 0x24);
        }
        expectedCounter = -1;
        transferExited = true;
        return Reply.hex("77");
    }

    @Override
    public void close() {
        open = false;
        server.interrupt();
        physical.close();
        functional.close();
        bus.close();
    }
}
