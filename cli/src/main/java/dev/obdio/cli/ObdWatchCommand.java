package dev.obdio.cli;

import dev.obdio.obd.ConnectProgress;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdJson;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.ObdUnits;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code obdio obd BUS watch NAME… [--hz N]}: the watch loop on the terminal. On a terminal, a
 * table updated in place; otherwise one line per response (or one JSON object per line with
 * {@code --json}). Ends with Ctrl-C (cleanly: the loop stops, the bus is closed, the cursor comes
 * back), after {@code --count} responses or after {@code --duration} seconds.
 *
 * <p>Exit status: 0 when it ended as asked; 1 when the vehicle does not answer at the start
 * (unless {@code --wait}); 2 for an unknown name or a bad option.
 */
@Command(name = "watch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Read OBD commands continuously and show every new value (Ctrl-C to stop).",
            "Example: obdio obd can0 watch RPM SPEED COOLANT_TEMP --hz 10"})
final class ObdWatchCommand extends ObdBusCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final long REDRAW_MILLIS = 100;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "python-OBD command names or mode and PID in hex")
    List<String> names = new ArrayList<>();

    @Option(names = "--hz", paramLabel = "N",
            description = "read each command at most N times a second (default: as fast as the vehicle answers)")
    double hz;

    @Option(names = "--json", description = "one JSON object per response (obd-socketio's, value null when there is none)")
    boolean json;

    @Option(names = "--imperial", description = "measurements in imperial/US units")
    boolean imperial;

    @Option(names = "--count", paramLabel = "N", description = "stop after N responses")
    long count;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this many seconds")
    double duration;

    @Option(names = "--wait", description = "wait for the vehicle instead of failing when no ECU answers")
    boolean waitForVehicle;

    @Override
    public Integer call() throws InterruptedException {
        List<ObdCommand> commands = ObdNames.resolve(names);
        if (hz < 0 || Double.isNaN(hz) || Double.isInfinite(hz)) {
            throw new IllegalArgumentException("--hz must be a positive number of reads per second, not " + hz);
        }
        if (count < 0 || duration < 0) {
            throw new IllegalArgumentException("--count and --duration must not be negative");
        }
        Duration period = hz > 0 ? Duration.ofNanos((long) (1e9 / hz)) : Duration.ZERO;
        boolean live = !json && System.console() != null;
        PrintWriter out = out();
        try (ObdConnection car = open(ConnectProgress.NONE)) {
            if (!waitForVehicle) {
                int missing = requireVehicle(car);
                if (missing != 0) {
                    return missing;
                }
            }
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong seen = new AtomicLong();
            WatchTable table = new WatchTable(commands, imperial);
            Consumer<ObdResponse> show = r -> {
                long n = seen.incrementAndGet();
                if (count > 0 && n > count) {
                    return; // the count is reached: the loop is being stopped
                }
                ObdResponse shown = imperial ? new ObdResponse(r.command(), r.messages(),
                        r.value().map(ObdUnits::toImperial), r.time(), r.problems()) : r;
                if (live) {
                    table.update(r);
                } else {
                    synchronized (out) {
                        out.println(json ? ObdJson.toStreamJson(shown)
                                : LocalTime.now().format(TIME) + " " + r.command().name() + ": "
                                        + ValueText.of(shown, false));
                        out.flush();
                    }
                }
                if (count > 0 && n >= count) {
                    done.countDown();
                }
            };
            for (ObdCommand c : commands) {
                if (!car.watch(c, period, show, true)) {
                    throw new IllegalArgumentException("cannot watch " + c.name()
                            + (c.isAdapterCommand() ? ": it is an ELM327 adapter command" : ": it changes the vehicle"));
                }
            }
            CountDownLatch cleanedUp = new CountDownLatch(1);
            Thread ctrlC = new Thread(() -> {
                done.countDown();
                try {
                    cleanedUp.await(3, TimeUnit.SECONDS); // let the main thread stop the loop and close the bus
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "obdio-watch-shutdown");
            Runtime.getRuntime().addShutdownHook(ctrlC);
            long started = System.nanoTime();
            long deadline = duration > 0 ? started + (long) (duration * 1e9) : Long.MAX_VALUE;
            try {
                car.start();
                if (live) {
                    out.print(WatchTable.HIDE_CURSOR);
                }
                while (true) {
                    long left = deadline == Long.MAX_VALUE ? REDRAW_MILLIS
                            : Math.min(REDRAW_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                    boolean finished = done.await(Math.max(left, 0), TimeUnit.MILLISECONDS)
                            || System.nanoTime() - deadline >= 0;
                    if (live) {
                        draw(out, table, car, started);
                    }
                    if (finished) {
                        break;
                    }
                }
            } finally {
                car.stop();
                if (live) {
                    draw(out, table, car, started);
                    out.print(WatchTable.SHOW_CURSOR);
                }
                out.flush();
                cleanedUp.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(ctrlC);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and waits for cleanedUp
                }
            }
            return 0;
        }
    }

    private void draw(PrintWriter out, WatchTable table, ObdConnection car, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        String header = String.format(Locale.ROOT, "%s  %s  %s  %.0f responses/s  (Ctrl-C to stop)", car.portName(),
                car.status(), car.protocolName(), seconds > 0 ? table.total() / seconds : 0.0);
        out.print(table.render(header, seconds));
        out.flush();
    }
}
