package dev.obdio.isotp;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs can-utils' isotpsend and isotprecv (Debian's 2020.11.0 in the guest) as peers of the
 * SocketCAN tests. Every wait is bounded; failures carry the tool's stderr.
 */
final class IsoTpCanUtils {
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);

    private IsoTpCanUtils() {
    }

    /** A PDU as isotpsend reads it from stdin: space-separated hex bytes. */
    static String hex(byte[] pdu) {
        StringBuilder sb = new StringBuilder();
        for (byte b : pdu) {
            sb.append(String.format("%02X ", b & 0xFF));
        }
        return sb.toString().trim();
    }

    /**
     * {@code isotpsend ARGS} with the PDU on stdin, to completion (it closes its socket only when
     * the PDU is sent, or the transfer failed).
     *
     * @return the tool's stderr
     * @throws AssertionError when it fails or hangs
     */
    static String isotpsend(byte[] pdu, String... args) {
        List<String> command = new ArrayList<>(List.of("isotpsend"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).start();
            CompletableFuture<String> err = readAll(p.getErrorStream());
            CompletableFuture<String> out = readAll(p.getInputStream());
            try (OutputStream in = p.getOutputStream()) {
                in.write((hex(pdu) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (!p.waitFor(TOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TOOL_TIMEOUT);
            }
            String stderr = err.get(5, TimeUnit.SECONDS);
            if (p.exitValue() != 0) {
                throw new AssertionError(command + " exited with " + p.exitValue() + ": " + stderr
                        + out.get(5, TimeUnit.SECONDS));
            }
            return stderr;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> readAll(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /**
     * Starts {@code isotprecv ARGS} and returns once its socket is bound to {@code rxId} (the
     * kernel's receive list shows one more ISO-TP receiver for it).
     */
    static Receiver isotprecv(int rxId, boolean extendedId, String... args) {
        int before = isoTpReceivers(rxId, extendedId);
        List<String> command = new ArrayList<>(List.of("isotprecv"));
        command.addAll(List.of(args));
        Receiver r = new Receiver(command);
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> {
                if (!r.process.isAlive()) {
                    throw new AssertionError(command + " exited early: " + r.stderr());
                }
                return isoTpReceivers(rxId, extendedId) > before;
            });
        } catch (RuntimeException | Error e) {
            r.close();
            throw e;
        }
        return r;
    }

    /** CAN_ISOTP receivers registered for an identifier ({@code /proc/net/can/rcvlist_sff|eff}). */
    static int isoTpReceivers(int id, boolean extendedId) {
        Path list = Path.of("/proc/net/can", extendedId ? "rcvlist_eff" : "rcvlist_sff");
        String wanted = extendedId ? String.format("%08x", id | 0x80000000) : String.format("%03x", id);
        try {
            int n = 0;
            for (String line : Files.readAllLines(list)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 7 && f[1].toLowerCase(Locale.ROOT).equals(wanted) && f[f.length - 1].equals("isotp")) {
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + list + " (the guest's CAN procfs): " + e);
        }
    }

    /** A running isotprecv; its output lines are collected as they come. */
    static final class Receiver implements AutoCloseable {
        private final Process process;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final CompletableFuture<String> errors;

        private Receiver(List<String> command) {
            try {
                process = new ProcessBuilder(command).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            errors = readAll(process.getErrorStream());
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.US_ASCII))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "isotprecv-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next printed PDU as bytes (isotprecv prints {@code XX XX … \n}). */
        byte[] awaitPdu(Duration timeout) {
            String line;
            try {
                line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (line == null) {
                throw new AssertionError("isotprecv printed nothing within " + timeout + "; stderr: " + stderr());
            }
            return HexFormat.of().parseHex(line.replace(" ", ""));
        }

        String stderr() {
            return errors.getNow("");
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
