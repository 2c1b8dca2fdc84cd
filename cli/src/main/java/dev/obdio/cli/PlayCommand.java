package dev.obdio.cli;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CandumpLog;
import dev.obdio.can.CandumpScreen;
import dev.obdio.can.FrameSyntaxException;
import dev.obdio.can.ReceivedFrame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code obdio play}: canplayer. Replays a candump log, reproducing the logged gaps, to the
 * logged interfaces or to mapped buses, or prints the lines of chosen interfaces.
 */
@Command(name = "play", mixinStandardHelpOptions = true, sortOptions = false, separator = " ",
        description = {
            "Replay a candump log (candump -L / -l, obdio dump -L) to buses, like canplayer.",
            "The gaps between the logged timestamps are reproduced unless -t is given. Lines that do "
                + "not start with '(' are skipped; a malformed frame line stops the replay.",
            "Without mappings, frames go to the bus named in the log (can0, virtual:car, ...). "
                + "With mappings, only the mapped interfaces are replayed.",
        },
        footer = {
            "",
            "Mappings:",
            "  BUS=LOGGED_IFACE     send the frames logged on LOGGED_IFACE to BUS,",
            "                       e.g. vcan0=can0 or virtual:bench=can0",
            "  stdout=LOGGED_IFACE  print the log lines of LOGGED_IFACE instead",
            "",
            "Examples:",
            "  obdio play -I traffic.log",
            "  obdio play -I traffic.log vcan0=can0",
            "  obdio play -t -g 10 -l 3 -I traffic.log virtual:bench=can0",
            "  obdio dump -L can0 | obdio play vcan1=can0",
            "",
            "Exit status: 0 when done, 1 when a bus or the input fails,",
            "2 for bad arguments or a malformed frame line.",
        })
final class PlayCommand implements Callable<Integer> {
    private static final String STDOUT = "stdout";
    private static final BusOptions SEND_ONLY = BusOptions.DEFAULTS.withFilters(new CanFilterSet(List.of(), 0, false));

    @Option(names = "-I", paramLabel = "FILE", description = "The log to play (default: standard input).")
    Path input;

    @Option(names = "-t", description = "Ignore the timestamps: send the frames one after the other.")
    boolean ignoreTimestamps;

    @Option(names = "-g", paramLabel = "MS", converter = MillisConverter.class,
            description = "Wait at least MS milliseconds between two frames (default 0; with timestamps, "
                + "only shorter logged gaps are stretched).")
    Duration gap = Duration.ZERO;

    @Option(names = "-s", paramLabel = "SECONDS", description = "Skip logged gaps longer than SECONDS.")
    Long skipGapSeconds;

    @Option(names = "-l", paramLabel = "N|i", description = "Play the file N times, i = forever (default 1; "
            + "standard input is played once).")
    String loops = "1";

    @Option(names = "-n", paramLabel = "COUNT", description = "Stop after COUNT frames.")
    Long count;

    @Option(names = "-v", description = "Print the frames sent, as canplayer -v.")
    boolean verbose;

    @Parameters(paramLabel = "BUS=LOGGED_IFACE", arity = "0..*", description = "Where to send the frames of a logged interface.")
    List<String> mappings = List.of();

    @Spec
    CommandSpec spec;

    /** Where the frames of one logged interface go; {@code bus} null means standard output. */
    private record Target(String busName, CanBus bus) {
    }

    @Override
    public Integer call() throws Exception {
        long loopCount = parseLoops();
        if (count != null && count < 1) {
            throw new IllegalArgumentException("-n COUNT must be at least 1, got " + count);
        }
        if (skipGapSeconds != null && skipGapSeconds < 1) {
            throw new IllegalArgumentException("-s SECONDS must be at least 1, got " + skipGapSeconds);
        }
        Map<String, String> routes = parseMappings();
        if (input == null) {
            loopCount = 1; // canplayer: "no jokes with stdin"
        } else if (!Files.isReadable(input)) {
            throw new UncheckedIOException("cannot read " + input, new IOException("not readable: " + input));
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        // The stop signal is closed last: on Ctrl-C the JVM waits until the output is flushed.
        try (StopSignal stop = StopSignal.onCtrlC()) {
            try {
                Player player = new Player(routes, targets, stop);
                for (long loop = 0; (loopCount == 0 || loop < loopCount) && !player.finished(); loop++) {
                    try (BufferedReader reader = open()) {
                        player.play(reader);
                    }
                }
                return 0;
            } finally {
                spec.commandLine().getOut().flush();
                for (Target t : targets.values()) {
                    if (t != null && t.bus() != null) {
                        t.bus().close(); // closing twice is harmless
                    }
                }
            }
        }
    }

    private long parseLoops() {
        if (loops.equals("i")) {
            return 0;
        }
        try {
            long n = Long.parseLong(loops);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-l must be a number of loops (1 or more) or i, got \"" + loops + "\"");
    }

    /** Logged interface to bus name (or {@value #STDOUT}); empty means: the logged names themselves. */
    private Map<String, String> parseMappings() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (String m : mappings) {
            int eq = m.lastIndexOf('=');
            if (eq <= 0 || eq == m.length() - 1) {
                throw new IllegalArgumentException("mapping \"" + m + "\": expected BUS=LOGGED_IFACE or stdout=LOGGED_IFACE");
            }
            routes.putIfAbsent(m.substring(eq + 1), m.substring(0, eq));
        }
        return routes;
    }

    private BufferedReader open() throws IOException {
        return input == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(input, StandardCharsets.UTF_8);
    }

    /** The replay state across loops: targets, frame count, timing. */
    private final class Player {
        private final Map<String, String> routes;
        private final Map<String, Target> targets;
        private final StopSignal stop;
        private final PrintWriter out = spec.commandLine().getOut();
        private long played;
        private long lastSentNanoTime = Long.MIN_VALUE;
        private boolean done;

        Player(Map<String, String> routes, Map<String, Target> targets, StopSignal stop) {
            this.routes = routes;
            this.targets = targets;
            this.stop = stop;
        }

        boolean finished() {
            return done || stop.isStopRequested();
        }

        /** One pass over the log; each pass starts its own timeline, as canplayer's loops do. */
        void play(BufferedReader reader) throws IOException, InterruptedException {
            long logBase = 0;
            long wallBase = 0;
            long lastLogged = 0;
            boolean timed = false;
            int lineNumber = 0;
            String line;
            while (!finished() && (line = reader.readLine()) != null) {
                lineNumber++;
                if (!CandumpLog.isFrameLine(line)) {
                    continue;
                }
                ReceivedFrame logged = parse(line, lineNumber);
                Target target = target(logged.channel());
                if (target == null) {
                    continue;
                }
                long due = System.nanoTime();
                if (!ignoreTimestamps) {
                    long t = logged.timestampNanos();
                    boolean jump = t < lastLogged || (skipGapSeconds != null
                            && t - lastLogged > Duration.ofSeconds(skipGapSeconds).toNanos());
                    if (!timed || jump) {
                        // first frame, a log that jumps back, or a gap to skip: this frame is due now
                        timed = true;
                        logBase = t;
                        wallBase = System.nanoTime();
                    }
                    lastLogged = t;
                    due = wallBase + (t - logBase);
                }
                if (lastSentNanoTime != Long.MIN_VALUE && !gap.isZero()) {
                    due = Math.max(due, lastSentNanoTime + gap.toNanos());
                }
                if (stop.awaitUntil(due)) {
                    return;
                }
                emit(target, logged, line);
                lastSentNanoTime = System.nanoTime();
                if (count != null && ++played >= count) {
                    done = true;
                }
            }
        }

        private ReceivedFrame parse(String line, int lineNumber) {
            try {
                return CandumpLog.parse(line);
            } catch (FrameSyntaxException e) {
                throw new IllegalArgumentException((input == null ? "stdin" : input.toString()) + " line " + lineNumber
                        + ": " + e.getMessage() + ": " + line);
            }
        }

        private Target target(String logged) {
            Target t = targets.get(logged);
            if (t != null || targets.containsKey(logged)) {
                return t;
            }
            String busName = routes.isEmpty() ? logged : routes.get(logged);
            if (busName == null) {
                targets.put(logged, null); // not mapped: skipped, as canplayer does
                return null;
            }
            t = busName.equals(STDOUT) ? new Target(STDOUT, null) : new Target(busName, endpoint(busName));
            targets.put(logged, t);
            return t;
        }

        /** One endpoint per bus, however many logged interfaces go there. */
        private CanBus endpoint(String busName) {
            for (Target t : targets.values()) {
                if (t != null && t.bus() != null && t.busName().equals(busName)) {
                    return t.bus();
                }
            }
            return CanBuses.open(busName, SEND_ONLY);
        }

        private void emit(Target target, ReceivedFrame logged, String line) {
            if (target.bus() == null) {
                out.print(line);
                out.print('\n');
                done |= out.checkError(); // standard output closed (e.g. piped into head)
                return;
            }
            target.bus().send(logged.frame());
            if (verbose) {
                out.print(target.busName() + " (" + logged.channel() + ") "
                        + CandumpScreen.longFrame(logged.frame(), CandumpScreen.Format.DEFAULTS, true));
                out.print('\n');
                done |= out.checkError();
            }
        }
    }
}
