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
import java.util.concurrent.TimeUnit;

/**
 * Socket.IO fan-out: N JavaScript clients (socket.io-client 4 under Node, WebSocket, one Node
 * process), each subscribed to P commands of the simulated car at H Hz through {@code subscribe},
 * against the gateway in a child JVM ({@link GatewayFanOutServer}, what {@code obdio serve} runs).
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

    /** One run's figures. */
    record Row(int clients, JsonNode node, double serverCpuPercent, long rssKb, long hwmKb, long idleRssKb) {
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
                System.err.println("done: " + n + " clients: " + row.node());
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
        Process jvm = new ProcessBuilder(server).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line = serverOut.readLine();
            if (line == null || !line.startsWith("URL ")) {
                throw new IOException("the server did not start: " + line);
            }
            String url = line.substring(4);
            long pid = jvm.pid();
            long idleRss = status(pid, "VmRSS");
            Process node = new ProcessBuilder("node", script.toString(), modules.toString(), url,
                    Integer.toString(clients), names, Double.toString(hz), Long.toString(warmupMs),
                    Long.toString(measureMs)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader nodeOut = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            long cpuStart = -1;
            long wallStart = 0;
            long cpuEnd = -1;
            long wallEnd = 0;
            JsonNode result = null;
            for (String l = nodeOut.readLine(); l != null; l = nodeOut.readLine()) {
                if (l.equals("measuring")) {
                    cpuStart = cpuTicks(pid);
                    wallStart = System.nanoTime();
                } else if (l.startsWith("{")) {
                    cpuEnd = cpuTicks(pid);
                    wallEnd = System.nanoTime();
                    result = JSON.readTree(l);
                }
            }
            node.waitFor(60, TimeUnit.SECONDS);
            if (result == null || result.has("error") || cpuStart < 0) {
                throw new IOException("the clients failed: " + result);
            }
            double cpu = (cpuEnd - cpuStart) * 100.0 / TICKS_PER_SECOND / ((wallEnd - wallStart) / 1e9);
            return new Row(clients, result, cpu, status(pid, "VmRSS"), status(pid, "VmHWM"), idleRss);
        } finally {
            jvm.getOutputStream().close();
            if (!jvm.waitFor(15, TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
            }
        }
    }

    private static void print(List<Row> rows, int commands, double hz, long measureMs) {
        System.out.printf(Locale.ROOT, "%n%d commands at %s Hz per client, %d s measured; anchor: obd-socketio's loop, "
                + "at most 4 values/s per command%n%n", commands, num(hz), measureMs / 1000);
        System.out.println("| clients | updates/s | values/s | updates/s per client (min / median) | "
                + "values/s per command per client | vs anchor (4/s) | value age p50 / p99 / max ms | "
                + "newest value age p50 / p99 ms | server CPU % | "
                + "server RSS MB (idle / end / peak) | disconnects |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            JsonNode n = r.node();
            double perCommand = n.get("valuesPerSecond").doubleValue() / r.clients() / commands;
            System.out.printf(Locale.ROOT, "| %d | %,.0f | %,.0f | %.1f / %.1f | %.2f | %.2f × | %.1f / %.1f / %.0f | %.1f / %.1f | %.0f | "
                            + "%d / %d / %d | %d |%n",
                    r.clients(), n.get("updatesPerSecond").doubleValue(), n.get("valuesPerSecond").doubleValue(),
                    n.get("perClientUpdatesPerSecondMin").doubleValue(), n.get("perClientUpdatesPerSecondMedian").doubleValue(),
                    perCommand, perCommand / 4.0, n.get("p50Ms").doubleValue(), n.get("p99Ms").doubleValue(),
                    n.get("maxMs").doubleValue(), n.get("newestP50Ms").doubleValue(), n.get("newestP99Ms").doubleValue(),
                    r.serverCpuPercent(), r.idleRssKb() / 1024, r.rssKb() / 1024,
                    r.hwmKb() / 1024, n.get("disconnects").intValue());
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
