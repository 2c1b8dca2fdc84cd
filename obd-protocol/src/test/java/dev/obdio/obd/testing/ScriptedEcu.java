package dev.obdio.obd.testing;

import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpEvent;
import dev.obdio.isotp.IsoTpOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted OBD ECU for tests, on any bus: answers requests by rules (request hex → answer hex),
 * on its physical and the functional request ids, with optional latency, silence, "response
 * pending" (NRC 0x78) before chosen answers, and a choice of what it does with multi-PID
 * requests. Supported-PID masks (0100, 0120, …, 0600, 0900) are computed from the PIDs it
 * answers, unless given.
 *
 * <pre>{@code
 * try (ScriptedEcu engine = ScriptedEcu.on("virtual:t1", 0x7E8)
 *         .pid(0x0C, "1AF8").pid(0x0D, "37")
 *         .answer("0902", "490201" + hex("1G1JC5444R7252367"))
 *         .start()) { … }
 * }</pre>
 *
 * <p>Threads: its channels' ISO-TP threads (shared by all ECUs on the same bus name) and one
 * scheduler thread that sends the answers.
 */
public final class ScriptedEcu implements AutoCloseable {

    /** What the ECU does with a mode 01 request carrying several PIDs. */
    public enum MultiPid {
        /** Answers every PID it supports, in one answer (SAE J1979). */
        ANSWER_ALL,
        /** Answers only the first PID it supports. */
        FIRST_ONLY,
        /** Refuses with {@code 7F 01 13} (incorrect length). */
        REFUSE,
        /** Ignores the request. */
        SILENT
    }

    private final String bus;
    private final int responseId;
    private final Map<String, byte[]> answers;
    private final List<Function<byte[], byte[]>> rules;
    private final Map<String, Integer> pending;
    private final Duration pendingGap;
    private final MultiPid multiPid;
    private final List<IsoTpChannel> channels = new ArrayList<>();
    private final IsoTpChannel physical;
    private final ScheduledExecutorService sender;
    private final CopyOnWriteArrayList<String> requests = new CopyOnWriteArrayList<>();
    private volatile Duration latency;
    private volatile boolean silent;

    private ScriptedEcu(Builder b) {
        this.bus = b.bus;
        this.responseId = b.responseId;
        this.answers = new LinkedHashMap<>(b.answers);
        this.rules = List.copyOf(b.rules);
        this.pending = Map.copyOf(b.pending);
        this.pendingGap = b.pendingGap;
        this.multiPid = b.multiPid;
        this.latency = b.latency;
        addMasks(0x01, 0x41);
        addMasks(0x06, 0x46);
        addMasks(0x09, 0x49);
        boolean extended = responseId > 0x7FF;
        IsoTpAddress phys;
        IsoTpAddress func;
        if (extended) {
            int ecu = responseId & 0xFF;
            phys = IsoTpAddress.normalFixed(0xF1, ecu);
            func = IsoTpAddress.normal29(responseId, 0x18DB33F1);
        } else {
            phys = IsoTpAddress.normal11(responseId, responseId - 8);
            func = IsoTpAddress.normal11(responseId, 0x7DF);
        }
        IsoTpOptions base = IsoTpOptions.DEFAULTS.withBlockSize(0).withStMin(0);
        if (b.padding >= 0) {
            base = base.withTxPadding(b.padding);
        }
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scripted-ecu-" + Integer.toHexString(responseId));
            t.setDaemon(true);
            return t;
        });
        this.physical = IsoTp.open(bus, base.withAddress(phys), IsoTp.Engine.JAVA);
        channels.add(physical);
        channels.add(IsoTp.open(bus, base.withAddress(func), IsoTp.Engine.JAVA));
        for (IsoTpChannel c : channels) {
            c.subscribe(this::onEvent);
        }
    }

    /** A builder for an ECU answering on {@code responseId} ({@code 0x7E8}..{@code 0x7EF} or {@code 0x18DAF1xx}) on {@code bus}. */
    public static Builder on(String bus, int responseId) {
        return new Builder(bus, responseId);
    }

    /** Hex of an ASCII string, for VIN answers. */
    public static String hex(String ascii) {
        return HexFormat.of().withUpperCase().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Configures a {@link ScriptedEcu}. */
    public static final class Builder {
        private final String bus;
        private final int responseId;
        private final Map<String, byte[]> answers = new LinkedHashMap<>();
        private final List<Function<byte[], byte[]>> rules = new ArrayList<>();
        private final Map<String, Integer> pending = new LinkedHashMap<>();
        private Duration pendingGap = Duration.ofMillis(20);
        private Duration latency = Duration.ZERO;
        private MultiPid multiPid = MultiPid.ANSWER_ALL;
        private int padding = 0x55;

        private Builder(String bus, int responseId) {
            this.bus = bus;
            this.responseId = responseId;
        }

        /** Answers {@code requestHex} with {@code answerHex} (both mode and PID included). */
        public Builder answer(String requestHex, String answerHex) {
            answers.put(requestHex.toUpperCase(Locale.ROOT), parse(answerHex));
            return this;
        }

        /** Answers mode 01 PID {@code pid} with {@code dataHex} (and its mode 02 twin, frame 0). */
        public Builder pid(int pid, String dataHex) {
            String p = String.format(Locale.ROOT, "%02X", pid);
            answer("01" + p, "41" + p + dataHex);
            return answer("02" + p + "00", "42" + p + "00" + dataHex);
        }

        /** Answers with a rule: the answer to a request, or null to stay silent (tried after the fixed answers). */
        public Builder rule(Function<byte[], byte[]> rule) {
            rules.add(rule);
            return this;
        }

        /** Sends "response pending" (NRC 0x78) {@code times} times, {@link #pendingGap} apart, before answering {@code requestHex}. */
        public Builder responsePending(String requestHex, int times) {
            pending.put(requestHex.toUpperCase(Locale.ROOT), times);
            return this;
        }

        /** The time between "response pending" messages (20 ms). */
        public Builder pendingGap(Duration gap) {
            this.pendingGap = gap;
            return this;
        }

        /** Waits this long before each answer (0). */
        public Builder latency(Duration value) {
            this.latency = value;
            return this;
        }

        /** What it does with multi-PID requests ({@link MultiPid#ANSWER_ALL}). */
        public Builder multiPid(MultiPid value) {
            this.multiPid = value;
            return this;
        }

        /** The padding byte of its frames (0x55), or -1 for none. */
        public Builder padding(int value) {
            this.padding = value;
            return this;
        }

        /** Opens its channels and starts answering. */
        public ScriptedEcu start() {
            return new ScriptedEcu(this);
        }
    }

    private static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** Adds the supported-PID masks of one mode from the PIDs it answers, unless given. */
    private void addMasks(int mode, int positive) {
        TreeSet<Integer> pids = new TreeSet<>();
        String prefix = String.format(Locale.ROOT, "%02X", mode);
        for (String req : answers.keySet()) {
            if (req.length() == 4 && req.startsWith(prefix)) {
                pids.add(Integer.parseInt(req.substring(2), 16));
            }
        }
        if (pids.isEmpty() && mode != 0x01) {
            return;
        }
        int highest = pids.isEmpty() ? 0 : pids.last();
        for (int base = 0; base <= 0xE0 && (base == 0 || base < highest); base += 0x20) {
            String req = prefix + String.format(Locale.ROOT, "%02X", base);
            if (answers.containsKey(req)) {
                continue;
            }
            long bits = 0;
            for (int p : pids) {
                if (p > base && p <= base + 0x20) {
                    bits |= 1L << (32 - (p - base));
                }
            }
            if (highest > base + 0x20) {
                bits |= 1; // the next mask exists
            }
            answers.put(req, parse(String.format(Locale.ROOT, "%02X%02X%08X", positive, base, bits)));
        }
    }

    private void onEvent(IsoTpEvent event) {
        if (event instanceof IsoTpEvent.Received r) {
            byte[] request = r.data();
            requests.add(HexFormat.of().withUpperCase().formatHex(request));
            if (silent) {
                return;
            }
            byte[] answer = answerTo(request);
            if (answer == null) {
                return;
            }
            String key = HexFormat.of().withUpperCase().formatHex(request);
            int pendings = pending.getOrDefault(key, 0);
            long at = latency.toNanos();
            for (int i = 0; i < pendings; i++) {
                schedule(new byte[] {0x7F, request[0], 0x78}, at);
                at += pendingGap.toNanos();
            }
            schedule(answer, at);
        }
    }

    private void schedule(byte[] pdu, long delayNanos) {
        Runnable send = () -> {
            if (silent) {
                return;
            }
            try {
                physical.send(pdu);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the bus is down or closed: the tester sees silence, as from a real ECU
            }
        };
        try {
            if (delayNanos == 0) {
                sender.execute(send);
            } else {
                sender.schedule(send, delayNanos, TimeUnit.NANOSECONDS);
            }
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing
        }
    }

    /** The answer this ECU gives to {@code request}, or null for silence. */
    private byte[] answerTo(byte[] request) {
        String key = HexFormat.of().withUpperCase().formatHex(request);
        byte[] fixed = answers.get(key);
        if (fixed != null) {
            return fixed.clone();
        }
        if (request.length > 2 && request[0] == 0x01) {
            return multi(request);
        }
        for (Function<byte[], byte[]> rule : rules) {
            byte[] a = rule.apply(request.clone());
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    private byte[] multi(byte[] request) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x41);
        int answered = 0;
        for (int i = 1; i < request.length; i++) {
            byte[] single = answers.get(String.format(Locale.ROOT, "01%02X", request[i] & 0xFF));
            if (single == null) {
                continue;
            }
            if (multiPid == MultiPid.FIRST_ONLY && answered == 1) {
                break;
            }
            out.write(single, 1, single.length - 1);
            answered++;
        }
        if (answered == 0) {
            return null;
        }
        return switch (multiPid) {
            case ANSWER_ALL, FIRST_ONLY -> out.toByteArray();
            case REFUSE -> new byte[] {0x7F, 0x01, 0x13};
            case SILENT -> null;
        };
    }

    /** Stops or resumes answering (ignition off / on). */
    public void setSilent(boolean value) {
        this.silent = value;
    }

    /** Changes the latency of the next answers. */
    public void setLatency(Duration value) {
        this.latency = value;
    }

    /** The requests received so far (functional and physical), as upper-case hex, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** How often {@code requestHex} was received. */
    public long count(String requestHex) {
        String k = requestHex.toUpperCase(Locale.ROOT);
        return requests.stream().filter(k::equals).count();
    }

    /** Forgets the requests received so far. */
    public void clearRequests() {
        requests.clear();
    }

    /** The id it answers on. */
    public int responseId() {
        return responseId;
    }

    /** The bus it is on. */
    public String bus() {
        return bus;
    }

    /** The fixed answers, masks included (for tests that compute expectations). */
    public Map<String, String> answers() {
        Map<String, String> out = new TreeMap<>();
        answers.forEach((k, v) -> out.put(k, HexFormat.of().withUpperCase().formatHex(v)));
        return out;
    }

    @Override
    public void close() {
        silent = true;
        sender.shutdownNow();
        for (IsoTpChannel c : channels) {
            c.close();
        }
    }
}
