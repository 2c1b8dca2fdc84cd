package dev.obdio.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Socket.IO fan-out: N JavaScript clients (socket.io-client 4 under Node, WebSocket, in Node
 * processes of at most 100 sockets), each subscribed to P commands of the simulated car at H Hz
 * through {@code subscribe}, against the gateway in a child JVM ({@link GatewayFanOutServer}, what
 * {@code obdio serve} runs).
 * Measures per run: delivered {@code update} events and values per second, the age of each value at
 * receipt (p50/p99/max, from the response's decode time to the client's receipt, same machine
 * clock), the server's resident memory (VmRSS and its peak VmHWM from /proc) and CPU time
 * (utime+stime from /proc/PID/stat over the measurement window).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.obdio.bench.GatewayFanOut 10,100,500 20 10 30s
 * </pre>
 *
 * <p>Arguments: client counts (comma-separated), commands per client (at most 20), Hz, measurement
 * time (e.g. {@code 30s}); optional warm-up ({@code 5s}). Node and the clients of
 * {@code socketio-gateway/src/test/node} are needed ({@code npm ci --prefix socketio-gateway/src/test/node});
 * {@code -Dobdio.nodeModules=DIR} points elsewhere, {@code -Dobdio.serverJvmOpts="…"} passes JVM
 * options to the server (default: none, as {@code obdio serve}).
 */
public final class GatewayFanOut {
    /** Twenty mode 01 commands the simulated petrol car's engine ECU answers. */
    static final List<String> COMMANDS = List.of("ENGINE_LOAD", "COOLANT_TEMP", "SHORT_FUEL_TRIM_1",
            "LONG_FUEL_TRIM_1", "SHORT_FUEL_TRIM_2", "LONG_FUEL_TRIM_2", "INTAKE_PRESSURE", "RPM", "SPEED",
            "TIMING_ADVANCE", "INTAKE_TEMP", "MAF", "THROTTLE_POS", "RUN_TIME", "FUEL_LEVEL", "BAROMETRIC_PRESSURE",
            "CONTROL_MODULE_VOLTAGE", "ABSOLUTE_LOAD", "RELATIVE_THROTTLE_POS", "AMBIANT_AIR_TEMP");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private GatewayFanOut() {
    }

    /** At most this many sockets per Node process, so that the clients are not the bottleneck. */
    static final int CLIENTS_PER_PROCESS = 100;

    /** One run's figures, merged over the Node processes. */
    record Row(int clients, int processes, double seconds, long updates, long values, long nulls, int disconnects,
               int errors, double perClientMin, double perClientMedian, Histogram ages, Histogram newest,
               double serverCpuPercent, double clientCpuPercent, long idleRssKb, long rssKb, long hwmKb) {
    }

    /** Ages in 0.1 ms buckets. */
    static final class Histogram {
        private final TreeMap<Integer, Long> counts = new TreeMap<>();
        private long total;

        void add(JsonNode pairs) {
            for (JsonNode p : pairs) {
                counts.merge(p.get(0).intValue(), p.get(1).longValue(), Long::sum);
                total += p.get(1).longValue();
            }
        }

        /** The age in ms below which a fraction {@code q} of the values lie. */
        double percentile(double q) {
            long rank = (long) Math.floor(q * total);
            long seen = 0;
            for (Map.Entry<Integer, Long> e : counts.entrySet()) {
                seen += e.getValue();
                if (seen > rank) {
                    return e.getKey() / 10.0;
                }
            }
            return counts.isEmpty() ? Double.NaN : counts.lastKey() / 10.0;
        }

        double max() {
            return counts.isEmpty() ? Double.NaN : counts.lastKey() / 10.0;
        }
    }

    /** See the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: GatewayFanOut CLIENTS[,CLIENTS…] COMMANDS HZ DURATION [WARMUP]   "
                    + "e.g. 10,100,500 20 10 30s");
            System.exit(2);
        }
        List<Integer> counts = new ArrayList<>();
        for (String c : args[0].split(",")) {
            counts.add(Integer.parseInt(c.trim()));
        }
        int commands = Integer.parseInt(args[1]);
        if (commands < 1 || commands > COMMANDS.size()) {
            throw new IllegalArgumentException("COMMANDS must be 1.." + COMMANDS.size());
        }
        double hz = Double.parseDouble(args[2]);
        long measureMs = millis(args[3]);
        long warmupMs = args.length > 4 ? millis(args[4]) : 5000;
        Path modules = nodeModules();
        Path script = Files.createTempFile("obdio-fanout", ".mjs");
        try (InputStream in = GatewayFanOut.class.getResourceAsStream("fanout.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        String names = String.join(",", COMMANDS.subList(0, commands));
        List<Row> rows = new ArrayList<>();
        try {
            for (int n : counts) {
                Row row = run(n, names, hz, warmupMs, measureMs, script, modules);
                rows.add(row);
                System.err.printf(Locale.ROOT, "done: %d clients, %d updates, p99 %.1f ms%n", n, row.updates(),
                        row.ages().percentile(0.99));
            }
        } finally {
            Files.deleteIfExists(script);
        }
        print(rows, commands, hz, measureMs);
    }

    private static Row run(int clients, String names, double hz, long warmupMs, long measureMs, Path script,
                           Path modules) throws Exception {
        List<String> server = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        String opts = System.getProperty("obdio.serverJvmOpts", "").trim();
        if (!opts.isEmpty()) {
            server.addAll(List.of(opts.split("\\s+")));
        }
        server.addAll(List.of("-cp", System.getProperty("java.class.path"), GatewayFanOutServer.class.getName()));
        Process jvm = new ProcessBuilder(server).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Process> nodes = new ArrayList<>();
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line = serverOut.readLine();
            if (line == null || !line.startsWith("URL ")) {
                throw new IOException("the server did not start: " + line);
            }
            String url = line.substring(4);
            long pid = jvm.pid();
            long idleRss = status(pid, "VmRSS");
            int processes = (clients + CLIENTS_PER_PROCESS - 1) / CLIENTS_PER_PROCESS;
            List<BufferedReader> outs = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                int share = clients / processes + (i < clients % processes ? 1 : 0);
                Process node = new ProcessBuilder("node", script.toString(), modules.toString(), url,
                        Integer.toString(share), names, Double.toString(hz), Long.toString(warmupMs),
                        Long.toString(measureMs)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                nodes.add(node);
                outs.add(new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader out : outs) {
                String l = out.readLine();
                if (!"ready".equals(l)) {
                    throw new IOException("the clients failed: " + l);
                }
            }
            for (Process node : nodes) {
                node.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
                node.getOutputStream().flush();
            }
            for (BufferedReader out : outs) {
                String l = out.readLine();
                if (!"measuring".equals(l)) {
                    throw new IOException("the clients failed: " + l);
                }
            }
            long cpuStart = cpuTicks(pid);
            long wallStart = System.nanoTime();
            List<JsonNode> results = new ArrayList<>();
            for (BufferedReader out : outs) {
                String l = out.readLine();
                if (l == null || !l.startsWith("{")) {
                    throw new IOException("the clients failed: " + l);
                }
                results.add(JSON.readTree(l));
            }
            long cpuEnd = cpuTicks(pid);
            long wallEnd = System.nanoTime();
            long rss = status(pid, "VmRSS");
            long hwm = status(pid, "VmHWM");
            double serverCpu = (cpuEnd - cpuStart) * 100.0 / TICKS_PER_SECOND / ((wallEnd - wallStart) / 1e9);

            Histogram ages = new Histogram();
            Histogram newest = new Histogram();
            List<Long> perClient = new ArrayList<>();
            long updates = 0;
            long values = 0;
            long nulls = 0;
            int disconnects = 0;
            int errors = 0;
            double seconds = 0;
            double clientCpu = 0;
            for (JsonNode r : results) {
                if (r.has("error")) {
                    throw new IOException("the clients failed: " + r.get("error"));
                }
                ages.add(r.get("ages"));
                newest.add(r.get("newest"));
                r.get("perClient").forEach(c -> perClient.add(c.longValue()));
                updates += r.get("updates").longValue();
                values += r.get("values").longValue();
                nulls += r.get("nulls").longValue();
                disconnects += r.get("disconnects").intValue();
                errors += r.get("errors").intValue();
                seconds = Math.max(seconds, r.get("seconds").doubleValue());
                clientCpu += r.get("cpuPercent").doubleValue();
            }
            perClient.sort(null);
            return new Row(clients, processes, seconds, updates, values, nulls, disconnects, errors,
                    perClient.get(0) / seconds, perClient.get(perClient.size() / 2) / seconds, ages, newest,
                    serverCpu, clientCpu, idleRss, rss, hwm);
        } finally {
            for (Process node : nodes) {
                node.destroy();
            }
            jvm.getOutputStream().close();
            if (!jvm.waitFor(15, TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
            }
        }
    }

    private static void print(List<Row> rows, int commands, double hz, long measureMs) {
        System.out.printf(Locale.ROOT, "%n%d commands at %s Hz per client, %d s measured; anchor: obd-socketio's loop, "
                + "at most 4 values/s per command%n%n", commands, num(hz), measureMs / 1000);
        System.out.println("| clients (node processes) | updates/s | values/s | updates/s per client (min / median) | "
                + "values/s per command per client | vs anchor (4/s) | value age p50 / p99 / max ms | "
                + "newest value age p50 / p99 ms | server CPU % | clients' CPU % | server RSS MB (idle / end / peak) | "
                + "disconnects, errors, nulls |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            double perCommand = r.values() / r.seconds() / r.clients() / commands;
            System.out.printf(Locale.ROOT, "| %d (%d) | %,.0f | %,.0f | %.1f / %.1f | %.2f | %.2f × | %.1f / %.1f / %.0f | "
                            + "%.1f / %.1f | %.0f | %.0f | %d / %d / %d | %d, %d, %d |%n",
                    r.clients(), r.processes(), r.updates() / r.seconds(), r.values() / r.seconds(), r.perClientMin(),
                    r.perClientMedian(), perCommand, perCommand / 4.0, r.ages().percentile(0.5),
                    r.ages().percentile(0.99), r.ages().max(), r.newest().percentile(0.5), r.newest().percentile(0.99),
                    r.serverCpuPercent(), r.clientCpuPercent(), r.idleRssKb() / 1024, r.rssKb() / 1024,
                    r.hwmKb() / 1024, r.disconnects(), r.errors(), r.nulls());
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static long millis(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Long.parseLong(t.substring(0, t.length() - 2));
        }
        if (t.endsWith("s")) {
            return Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000);
        }
        return Math.round(Double.parseDouble(t) * 1000);
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14, 15 counted from 1, after "pid (comm)"
    }

    /** A kB figure of /proc/PID/status, e.g. VmRSS. */
    static long status(long pid, String key) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (l.startsWith(key + ":")) {
                return Long.parseLong(l.substring(key.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IOException(key + " not in /proc/" + pid + "/status");
    }

    private static Path nodeModules() {
        String given = System.getProperty("obdio.nodeModules");
        List<Path> candidates = given != null ? List.of(Path.of(given))
                : List.of(Path.of("socketio-gateway/src/test/node/node_modules"),
                        Path.of("../socketio-gateway/src/test/node/node_modules"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("socket.io-client"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("socket.io-client not found in " + candidates
                + ": run npm ci --prefix socketio-gateway/src/test/node (or give -Dobdio.nodeModules=DIR)");
    }
}
