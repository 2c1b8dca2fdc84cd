package dev.obdio.cli;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import dev.obdio.can.CandumpScreen;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code obdio dump}: candump. Shows (and logs) the frames of one or more buses in candump's
 * formats; runs until Ctrl-C, {@code -n} frames or {@code -T} of silence.
 *
 * <p>Threading: the buses' delivery threads feed a {@link MergedReceiver}; the command's thread
 * formats and writes everything.
 */
@Command(name = "dump", mixinStandardHelpOptions = true, sortOptions = false, separator = " ",
        description = {
            "Show the frames of one or more buses, like candump (same formats, byte for byte).",
            "Each BUS may carry candump's filters after a comma; frames of several buses are shown "
                + "interleaved in arrival order, with the bus name right-aligned. Ctrl-C ends the dump "
                + "and flushes the log.",
        },
        footer = {
            "",
            "Filters (comma separated after the bus name):",
            "  <id>:<mask>   accept when <received_id> & mask == id & mask",
            "  <id>~<mask>   accept when <received_id> & mask != id & mask",
            "  #<error_mask> accept error frames of these classes (#FFFFFFFF: all)",
            "  j|J           join the filters: a frame must match all of them",
            "  Ids and masks are hex; 8 digits (12345678:1FFFFFFF) mean a 29-bit id.",
            "  Without filters every data frame is shown; error frames only with",
            "  #errmask or -e.",
            "",
            "Buses: can0, vcan0 (SocketCAN), virtual:NAME (in-process),",
            "       udp:[GROUP][:PORT] (python-can's udp_multicast).",
            "",
            "Examples:",
            "  obdio dump vcan0",
            "  obdio dump -t z -x can0,7E8:7F8,7DF:7FF",
            "  obdio dump -L vcan0 > traffic.log     (log lines for obdio play, canplayer)",
            "  obdio dump -e can0,0~0,#FFFFFFFF       (only error frames, decoded)",
            "",
            "Exit status: 0 when done, 1 when a bus fails, 2 for bad arguments.",
        })
final class DumpCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final DateTimeFormatter LOG_NAME = DateTimeFormatter.ofPattern("'candump-'uuuu-MM-dd_HHmmss'.log'");

    @Parameters(arity = "1..*", paramLabel = "BUS[,FILTER...]", description = "The buses to dump, with optional filters.")
    List<String> buses;

    @Mixin
    ScreenOptions view;

    @Option(names = "-L", description = "Print log lines (candump -L) instead of the screen view.")
    boolean logFormat;

    @Option(names = "-l", description = "Log to candump-YYYY-MM-DD_HHMMSS.log in the current directory "
            + "(the screen stays quiet unless -s 0).")
    boolean logFile;

    @Option(names = "-f", paramLabel = "FILE", description = "Log to FILE ('-' means -L on stdout); "
            + "the screen stays quiet unless -s 0.")
    String file;

    @Option(names = "-s", paramLabel = "0|1|2", description = "Silent mode: 0 off (default), 1 animation, "
            + "2 silent (default when logging to a file).")
    Integer silent;

    @Option(names = "-n", paramLabel = "COUNT", description = "Exit after COUNT frames.")
    Long count;

    @Option(names = "-T", paramLabel = "MS", description = "Exit after MS milliseconds without frames.")
    Long timeoutMs;

    @Option(names = "-D", description = "Keep running when a bus goes down (report it on stderr).")
    boolean keepRunningWhenDown;

    @Option(names = "-d", description = "Report frames the buses dropped (DROPCOUNT lines).")
    boolean dropMonitor;

    @Option(names = "-r", paramLabel = "FRAMES", description = "Receive buffer per bus in frames (default 8192): "
            + "frames beyond it are dropped while the output is slow.")
    Integer receiveBuffer;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validate();
        List<BusSpec> specs = new ArrayList<>();
        for (String argument : buses) {
            BusSpec s = BusSpec.parse(argument);
            specs.add(view.decodeErrors ? s.withAllErrorsUnlessMasked() : s);
        }
        boolean logOnStdout = logFormat || "-".equals(file);
        Path logPath = file != null && !file.equals("-") ? Path.of(file)
                : logFile ? Path.of(LOG_NAME.format(LocalDateTime.now())) : null;
        PrintWriter err = spec.commandLine().getErr();
        int silence = silent != null ? silent : logPath != null ? 2 : 0;
        if (silent == null && logPath != null) {
            err.println("Disabled standard output while logging.");
        }
        // Opened first and closed last: on Ctrl-C the JVM waits for the log to be flushed.
        try (StopSignal stop = StopSignal.onCtrlC()) {
            return dump(specs, logOnStdout, logPath, silence, stop);
        }
    }

    private int dump(List<BusSpec> specs, boolean logOnStdout, Path logPath, int silence, StopSignal stop)
            throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<CanBus> open = openAll(specs);
        List<FrameSink> sinks = new ArrayList<>();
        Writer logWriter = null;
        FrameSink fileSink = null;
        try {
            int width = open.stream().mapToInt(b -> b.channel().length()).max().orElse(0);
            PrintWriter out = spec.commandLine().getOut();
            if (silence == 0) {
                sinks.add(logOnStdout ? FrameSink.log(out, width, view.extraInfo)
                        : FrameSink.screen(out, new CandumpScreen(view.format(), width)));
            } else if (silence == 1) {
                sinks.add(FrameSink.animation(out));
            }
            if (logPath != null) {
                if (silence != 2) {
                    err.println("Warning: Console output active while logging!");
                }
                err.println("Enabling Logfile '" + logPath + "'");
                logWriter = createLog(logPath);
                fileSink = FrameSink.log(logWriter, width, view.extraInfo);
                sinks.add(fileSink);
            }
            run(open, sinks, err, stop);
            return 0;
        } finally {
            sinks.forEach(FrameSink::flush);
            boolean logFailed = fileSink != null && fileSink.failed();
            if (logWriter != null) {
                logWriter.close();
            }
            open.forEach(CanBus::close);
            if (logFailed) {
                throw new UncheckedIOException("cannot write the log file " + logPath, new IOException("write failed"));
            }
        }
    }

    private void validate() {
        if (count != null && count < 1) {
            throw new IllegalArgumentException("-n COUNT must be at least 1, got " + count);
        }
        if (timeoutMs != null && timeoutMs < 0) {
            throw new IllegalArgumentException("-T MS must not be negative, got " + timeoutMs);
        }
        if (silent != null && (silent < 0 || silent > 2)) {
            throw new IllegalArgumentException("-s must be 0, 1 or 2, got " + silent);
        }
        if ((logFormat || "-".equals(file)) && view.hasScreenOnlyOption()) {
            throw new IllegalArgumentException("log format selected: -a, -i, -S and -8 only apply to the screen view");
        }
        if (receiveBuffer != null && receiveBuffer < 1) {
            throw new IllegalArgumentException("-r FRAMES must be at least 1, got " + receiveBuffer);
        }
        if (logFile && file != null) {
            throw new IllegalArgumentException("-l and -f both name the log file: give one of them");
        }
    }

    private List<CanBus> openAll(List<BusSpec> specs) {
        List<CanBus> open = new ArrayList<>();
        try {
            for (BusSpec s : specs) {
                BusOptions options = BusOptions.DEFAULTS.withFilters(s.filters()).withReceiveOwnFrames(view.extraInfo);
                open.add(CanBuses.open(s.name(), receiveBuffer == null ? options
                        : options.withReceiveQueueCapacity(receiveBuffer)));
            }
            return open;
        } catch (RuntimeException e) {
            open.forEach(CanBus::close);
            throw e;
        }
    }

    private static Writer createLog(Path path) {
        try {
            return Files.newBufferedWriter(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log file " + path + ": " + e.getMessage(), e);
        }
    }

    private void run(List<CanBus> open, List<FrameSink> sinks, PrintWriter err, StopSignal stop)
            throws InterruptedException {
        Map<CanBus, Long> drops = new HashMap<>();
        try (MergedReceiver receiver = new MergedReceiver(open)) {
            consume(receiver, sinks, err, stop, drops);
        } finally {
            if (dropMonitor) {
                // drops after the last frame would otherwise go unreported
                open.forEach(bus -> reportDrops(bus, drops, sinks));
            }
        }
    }

    private void consume(MergedReceiver receiver, List<FrameSink> sinks, PrintWriter err, StopSignal stop,
                         Map<CanBus, Long> drops) throws InterruptedException {
        long frames = 0;
        long lastActivity = System.nanoTime();
        while (!stop.isStopRequested()) {
            Duration wait = POLL;
            if (timeoutMs != null) {
                long left = lastActivity + Duration.ofMillis(timeoutMs).toNanos() - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait = Duration.ofNanos(Math.min(left, POLL.toNanos()));
            }
            MergedReceiver.Event event = receiver.poll(wait);
            if (event == null) {
                if (flushFailed(sinks)) {
                    return;
                }
                continue;
            }
            lastActivity = System.nanoTime();
            if (event instanceof MergedReceiver.Failure failure) {
                if (keepRunningWhenDown && failure.error().reason() == CanException.Reason.INTERFACE_DOWN) {
                    err.println(failure.bus().channel() + ": interface down");
                    continue;
                }
                throw failure.error();
            }
            MergedReceiver.Frame f = (MergedReceiver.Frame) event;
            if (dropMonitor) {
                reportDrops(f.bus(), drops, sinks);
            }
            for (FrameSink sink : sinks) {
                sink.accept(f.frame());
            }
            if (count != null && ++frames >= count) {
                return;
            }
            if (!receiver.hasPending() && flushFailed(sinks)) {
                return;
            }
        }
    }

    /**
     * Flushes; true when an output failed: the dump ends (quietly for a closed standard output,
     * as candump ends on SIGPIPE; a log file that cannot be written is reported at the end).
     */
    private static boolean flushFailed(List<FrameSink> sinks) {
        sinks.forEach(FrameSink::flush);
        return sinks.stream().anyMatch(FrameSink::failed);
    }

    private static void reportDrops(CanBus bus, Map<CanBus, Long> drops, List<FrameSink> sinks) {
        long total = bus.droppedFrames();
        long last = drops.getOrDefault(bus, 0L);
        if (total != last) {
            long n = total - last;
            String line = String.format("DROPCOUNT: dropped %d CAN frame%s on '%s' socket (total drops %d)",
                    n, n > 1 ? "s" : "", bus.channel(), total);
            sinks.forEach(s -> s.note(line));
            drops.put(bus, total);
        }
    }
}
