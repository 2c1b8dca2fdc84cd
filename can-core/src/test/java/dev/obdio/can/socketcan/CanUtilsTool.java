package dev.obdio.can.socketcan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs can-utils (cansend, candump, cangen) and {@code ip} as peers of SocketCAN tests. Every call
 * has a timeout and reports the tool's stderr when it fails.
 */
public final class CanUtilsTool {
    /** The frame {@link Candump} uses to know that candump is listening. */
    public static final String SYNC_FRAME = "7FF#53594E43";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(20);

    private CanUtilsTool() {
    }

    /**
     * Runs a command to completion.
     *
     * @return its standard output
     * @throws AssertionError when it fails or times out, with its output
     */
    public static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            CompletableFuture<String> out = readAll(p.getInputStream());
            CompletableFuture<String> err = readAll(p.getErrorStream());
            if (!p.waitFor(TOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + TOOL_TIMEOUT);
            }
            String stdout = out.get(5, TimeUnit.SECONDS);
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                        + err.get(5, TimeUnit.SECONDS) + stdout);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** {@code cansend <ifname> <frame>}, e.g. {@code 123#1122} or {@code 321##1AABB}. */
    public static void cansend(String ifname, String frame) {
        run("cansend", ifname, frame);
    }

    /** {@code cangen <ifname> <args>}, e.g. {@code -n 50 -g 0 -I 123 -L 8 -D i}. */
    public static void cangen(String ifname, String... args) {
        List<String> command = new ArrayList<>(List.of("cangen", ifname));
        command.addAll(Arrays.asList(args));
        run(command.toArray(String[]::new));
    }

    /** {@code ip <args>} (needs root, as in the guest). */
    public static void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(Arrays.asList(args));
        run(command.toArray(String[]::new));
    }

    /**
     * Starts {@code candump -L <spec>} (spec: interface with optional candump filters, e.g.
     * {@code vcan0,123:7FF}) and returns once it provably receives: it sends {@link #SYNC_FRAME}
     * until candump prints it. The spec must let 0x7FF through.
     */
    public static Candump candump(String ifname, String spec) {
        Candump c = new Candump(spec);
        try {
            c.sync(ifname);
            return c;
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    /** A running candump; its lines (without the sync frames) are collected as they come. */
    public static final class Candump implements AutoCloseable {
        private final Process process;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder errors = new StringBuilder();

        private Candump(String spec) {
            try {
                process = new ProcessBuilder("candump", "-L", spec).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // process ended
                }
            }, "candump-reader");
            reader.setDaemon(true);
            reader.start();
            Thread err = new Thread(() -> {
                try {
                    String text = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                    synchronized (errors) {
                        errors.append(text);
                    }
                } catch (IOException e) {
                    // process ended
                }
            }, "candump-stderr");
            err.setDaemon(true);
            err.start();
        }

        private void sync(String ifname) {
            for (int attempt = 0; attempt < 60; attempt++) {
                if (!process.isAlive()) {
                    throw new AssertionError("candump exited: " + stderr());
                }
                cansend(ifname, SYNC_FRAME);
                long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
                try {
                    String line;
                    while ((line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
                        if (isSync(line)) {
                            lines.removeIf(Candump::isSync);
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            throw new AssertionError("candump never printed the sync frame; stderr: " + stderr());
        }

        private static boolean isSync(String line) {
            return line.endsWith(" " + SYNC_FRAME);
        }

        private String stderr() {
            synchronized (errors) {
                return errors.toString();
            }
        }

        /**
         * Waits for {@code count} lines that match {@code which}, skipping others.
         *
         * @throws AssertionError with the lines seen when they do not come in time
         */
        public List<String> await(int count, Predicate<String> which, Duration timeout) {
            List<String> got = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (got.size() < count) {
                    String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (line == null) {
                        throw new AssertionError("candump printed " + got + " (skipped " + skipped + "), expected "
                                + count + " lines within " + timeout + "; stderr: " + stderr());
                    }
                    if (isSync(line)) {
                        continue;
                    }
                    (which.test(line) ? got : skipped).add(line);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            return got;
        }

        /** Waits for {@code count} lines. */
        public List<String> await(int count, Duration timeout) {
            return await(count, line -> true, timeout);
        }

        /** {@code (1700000000.123456) vcan0 123#11} without the timestamp: {@code vcan0 123#11}. */
        public static String withoutTimestamp(String line) {
            return line.substring(line.indexOf(") ") + 2).trim();
        }

        /**
         * A candump frame text with the CANFD_FDF bit (0x04) cleared from an FD frame's flags digit
         * ({@code 321##5DEAD} becomes {@code 321##1DEAD}): newer kernels set it in every FD frame.
         */
        public static String withoutFdfFlag(String text) {
            int fd = text.indexOf("##");
            if (fd < 0 || fd + 2 >= text.length()) {
                return text;
            }
            int flags = Character.digit(text.charAt(fd + 2), 16) & ~0x4;
            return text.substring(0, fd + 2) + Character.toUpperCase(Character.forDigit(flags, 16))
                    + text.substring(fd + 3);
        }

        /** The timestamp of a {@code -L} line in microseconds since the epoch. */
        public static long timestampMicros(String line) {
            String t = line.substring(1, line.indexOf(')'));
            int dot = t.indexOf('.');
            return Long.parseLong(t.substring(0, dot)) * 1_000_000L + Long.parseLong(t.substring(dot + 1));
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
