package dev.obdio.cli;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CandumpScreen;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code obdio demo}: traffic of a small simulated car on an in-process bus, shown like
 * {@code obdio dump}. Needs no root, no hardware and no kernel CAN support.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, separator = " ",
        description = {
            "Watch the traffic of a small simulated car, like candump: engine, speed and temperature "
                + "broadcasts (11- and 29-bit ids) and OBD-II requests on 7DF answered on 7E8.",
            "Runs on an in-process virtual bus (no root, no hardware) for --seconds or until Ctrl-C.",
        },
        footer = {
            "",
            "Examples:",
            "  obdio demo",
            "  obdio demo --seconds 30 -t z",
            "  obdio demo --bus vcan0     (and watch it with candump vcan0 elsewhere)",
        })
final class DemoCommand implements Callable<Integer> {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Duration POLL = Duration.ofMillis(100);

    @Option(names = "--seconds", paramLabel = "N", description = "Stop after N seconds (default: ${DEFAULT-VALUE}).")
    long seconds = 10;

    @Option(names = "--bus", paramLabel = "BUS[,FILTER...]", description = "Run on this bus instead of a new "
            + "in-process one; filters as obdio dump takes them select what is shown.")
    String bus;

    @Mixin
    ScreenOptions view;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (seconds < 1) {
            throw new IllegalArgumentException("--seconds must be at least 1, got " + seconds);
        }
        int run = RUNS.incrementAndGet();
        BusSpec target = BusSpec.parse(bus != null ? bus : "virtual:demo" + (run == 1 ? "" : "-" + run));
        if (view.decodeErrors) {
            target = target.withAllErrorsUnlessMasked();
        }
        String busName = target.name();
        PrintWriter out = spec.commandLine().getOut();
        long frames = 0;
        long answers;
        boolean outputClosed = false;
        try (StopSignal stop = StopSignal.onCtrlC();
             CanBus viewer = CanBuses.open(busName, BusOptions.DEFAULTS.withFilters(target.filters()));
             MergedReceiver receiver = new MergedReceiver(List.of(viewer));
             DemoTraffic traffic = DemoTraffic.start(busName)) {
            FrameSink screen = FrameSink.screen(out, new CandumpScreen(view.format(), viewer.channel().length()));
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (!stop.isStopRequested() && System.nanoTime() < end) {
                MergedReceiver.Event event = receiver.poll(Duration.ofNanos(Math.min(POLL.toNanos(), end - System.nanoTime())));
                if (event instanceof MergedReceiver.Frame f) {
                    screen.accept(f.frame());
                    frames++;
                    if (!receiver.hasPending()) {
                        screen.flush();
                        if (screen.failed()) {
                            outputClosed = true; // standard output closed (e.g. piped into head)
                            break;
                        }
                    }
                } else if (event instanceof MergedReceiver.Failure failure) {
                    throw failure.error();
                }
            }
            screen.flush();
            answers = traffic.answers();
        }
        if (outputClosed) {
            return 0;
        }
        spec.commandLine().getErr().println("obdio demo: " + frames + " frames on " + busName + ", " + answers
                + " OBD requests answered. obdio dump, send, gen and play work the same on vcan0 or can0 (obdio help).");
        return 0;
    }
}
