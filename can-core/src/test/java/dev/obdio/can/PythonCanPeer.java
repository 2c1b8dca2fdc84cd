package dev.obdio.can;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A python-can program on a {@code udp_multicast} bus, run as a child process: the script
 * {@code python_can_udp_peer.py} from the test resources under Debian's {@code /usr/bin/python3}.
 * Lines it prints are read on a thread and taken with a timeout; frames travel as text lines
 * of the script's format. Public for the tests of other modules (can-core's test jar), where the
 * script is read from the jar.
 */
public final class PythonCanPeer implements AutoCloseable {
    /** Debian's interpreter with python3-can; the python3 on PATH may be another one. */
    public static final String PYTHON = "/usr/bin/python3";
    private static final HexFormat HEX = HexFormat.of();

    private final Process process;
    private final Path stderr;
    private final Writer stdin;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private PythonCanPeer(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = process.outputWriter(StandardCharsets.UTF_8);
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process went away; waitFor tells how
            }
        }, "python-can-peer-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Why python-can cannot be used here, or null when {@code import can} works. */
    public static String unavailableReason() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " does not exist (CI installs it with: apt-get install python3-can)";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import can, msgpack")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return PYTHON + " -c 'import can' did not finish in 60 s";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? null
                    : "python-can is not installed for " + PYTHON + " (apt-get install python3-can): " + out;
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Starts the script and waits until its bus is open (it printed READY). */
    public static PythonCanPeer start(Duration timeout, String... args) throws IOException, InterruptedException {
        // Copied out, as the script may sit in a jar (another module's test class path).
        Path script = Files.createTempFile("python_can_udp_peer", ".py");
        script.toFile().deleteOnExit();
        try (InputStream in = PythonCanPeer.class.getResourceAsStream("python_can_udp_peer.py")) {
            if (in == null) {
                throw new IOException("python_can_udp_peer.py is missing from the test resources");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path err = Files.createTempFile("python-can-peer", ".stderr");
        List<String> command = new ArrayList<>(List.of(PYTHON, "-u", script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        PythonCanPeer peer = new PythonCanPeer(p, err);
        try {
            peer.expectLine("READY", timeout);
        } catch (AssertionError | InterruptedException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    /** The next line the script prints; fails at once when the script has ended without it. */
    public String nextLine(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean outputEnded = !reader.isAlive();
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                return line;
            }
            if (outputEnded) {
                throw new AssertionError("python-can peer ended without printing the next line" + diagnostics());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("python-can peer printed nothing within " + timeout + diagnostics());
            }
        }
    }

    /** Fails unless the next line is {@code expected}. */
    public void expectLine(String expected, Duration timeout) throws InterruptedException {
        String line = nextLine(timeout);
        if (!line.equals(expected)) {
            throw new AssertionError("python-can peer printed \"" + line + "\", expected \"" + expected + "\""
                    + diagnostics());
        }
    }

    /** Writes one line to the script's input. */
    public void writeLine(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** Waits for the script to end and fails unless it exited with 0. */
    public void expectSuccessfulExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("python-can peer still running after " + timeout + diagnostics());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("python-can peer exited with " + process.exitValue() + diagnostics());
        }
    }

    private String diagnostics() {
        String err;
        try {
            err = Files.readString(stderr);
        } catch (IOException e) {
            err = "(stderr unreadable: " + e.getMessage() + ")";
        }
        return "\nalive: " + process.isAlive() + "\nunread output: " + lines + "\nstderr:\n" + err;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // the process may already be gone
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }

    /** The script's text form of a frame, as python-can's Message fields. */
    public static String format(CanFrame f) {
        return String.format("id=%x ext=%d rtr=%d err=%d fd=%d brs=%d esi=%d dlc=%d data=%s", f.id(),
                f.extended() || (f.isError() && f.id() > CanFrame.MAX_STANDARD_ID) ? 1 : 0, f.isRemote() ? 1 : 0,
                f.isError() ? 1 : 0, f.fd() ? 1 : 0, f.brs() ? 1 : 0, f.esi() ? 1 : 0, f.length(),
                f.isRemote() ? "" : HEX.formatHex(f.data()));
    }

    /** The fields of a {@code FRAME …} line python-can printed. */
    public static Map<String, String> parseFrameLine(String line) {
        if (!line.startsWith("FRAME ")) {
            throw new AssertionError("expected a FRAME line, got \"" + line + "\"");
        }
        Map<String, String> fields = new TreeMap<>();
        for (String item : line.substring("FRAME ".length()).split(" ")) {
            int eq = item.indexOf('=');
            fields.put(item.substring(0, eq), item.substring(eq + 1));
        }
        return fields;
    }
}
