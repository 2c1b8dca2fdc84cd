package dev.obdio.gateway;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the JavaScript clients in {@code src/test/node} with Node: installs them with {@code npm ci}
 * once when {@code node_modules} is missing, runs a script and parses the JSON line it prints last.
 * Tests that use it are skipped, with a message, when {@code node} is not installed.
 */
public final class NodeScripts {
    /**
     * The clients' folder: this module's {@code src/test/node}, also when a test of another module
     * (the cli's tests of {@code obdio serve}) runs with that module's folder as working directory.
     */
    public static final Path DIR = findDir();
    private static boolean installed;

    private NodeScripts() {
    }

    /** Skips the calling test unless node (and, when needed, npm) are there; installs the clients. */
    public static synchronized void requireNode() throws IOException, InterruptedException {
        assumeTrue(runs("node", "--version"), "node is not installed: the JavaScript client tests are skipped");
        if (installed || Files.isDirectory(DIR.resolve("node_modules/socket.io-client"))) {
            installed = true;
            return;
        }
        assumeTrue(runs("npm", "--version"), "npm is not installed: the JavaScript client tests are skipped");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
                .redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IOException("npm ci failed in " + DIR + ":\n" + out);
        }
        installed = true;
    }

    /** Runs {@code node script args…} and returns the last line it printed, parsed as JSON. */
    public static JsonNode run(Duration limit, String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        byte[] out;
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("node " + script + " did not finish within " + limit);
            }
            out = p.getInputStream().readAllBytes();
        } finally {
            p.destroyForcibly();
        }
        String text = new String(out, StandardCharsets.UTF_8).strip();
        String last = text.substring(text.lastIndexOf('\n') + 1);
        if (p.exitValue() != 0 || !last.startsWith("{")) {
            throw new IOException("node " + script + " failed (exit " + p.exitValue() + "):\n" + text);
        }
        return new ObjectMapper().readTree(last);
    }

    private static Path findDir() {
        Path here = Path.of("src", "test", "node").toAbsolutePath();
        if (Files.isRegularFile(here.resolve("drive.mjs"))) {
            return here;
        }
        return Path.of("..", "socketio-gateway", "src", "test", "node").toAbsolutePath().normalize();
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A time limit. */
    public record Duration(long millis) {
        public static Duration seconds(long s) {
            return new Duration(s * 1000);
        }

        public long toMillis() {
            return millis;
        }

        @Override
        public String toString() {
            return millis / 1000 + " s";
        }
    }
}
