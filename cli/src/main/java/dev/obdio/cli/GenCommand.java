package dev.obdio.cli;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.CanFrameText;
import dev.obdio.can.CandumpScreen;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code obdio gen}: cangen. Sends generated frames until Ctrl-C or {@code -n}. */
@Command(name = "gen", mixinStandardHelpOptions = true, sortOptions = false, separator = " ",
        description = {
            "Generate traffic, like cangen: random, incrementing or fixed ids, lengths and data, "
                + "every -g milliseconds until Ctrl-C or -n frames.",
        },
        footer = {
            "",
            "Generation modes (-I, -L, -D):",
            "  r        random values (default)",
            "  e, o     random even / odd ids (-I only)",
            "  i        increment: ids 0, 1, 2, ...; lengths 0..8 (0..64 with -f); data as a",
            "           64-bit little-endian counter (the length is then at least 1)",
            "  <value>  a fixed value: hex for -I and -D (x marks a random nibble",
            "           in -D), decimal for -L",
            "",
            "Examples:",
            "  obdio gen vcan0",
            "  obdio gen -g 4 -I 42A -L 1 -D i -v -v vcan0",
            "  obdio gen -e -L i -v virtual:test",
            "  obdio gen -g 0 -n 100000 -D 11xx3344DEADBEEF -L 8 can0",
            "  obdio gen -f -b --seed 42 -n 10 -v virtual:fd",
            "",
            "Exit status: 0 when done, 1 when the bus fails, 2 for bad arguments.",
        })
final class GenCommand implements Callable<Integer> {
    private static final BusOptions SEND_ONLY = BusOptions.DEFAULTS.withFilters(new CanFilterSet(List.of(), 0, false));

    @Parameters(paramLabel = "BUS", description = "The bus: can0, vcan0, virtual:NAME, udp:[GROUP][:PORT].")
    String bus;

    @Option(names = "-g", paramLabel = "MS", converter = MillisConverter.class,
            description = "Gap between frames in milliseconds, decimals allowed; 0 sends as fast as possible "
                + "(default 200).")
    Duration gap = Duration.ofMillis(200);

    @Option(names = "-e", description = "29-bit (extended) ids.")
    boolean extended;

    @Option(names = "-f", description = "CAN FD frames.")
    boolean fd;

    @Option(names = "-b", description = "CAN FD frames with bit rate switch (BRS).")
    boolean brs;

    @Option(names = "-E", description = "CAN FD frames with error state indicator (ESI).")
    boolean esi;

    @Option(names = "-R", description = "Remote requests (RTR).")
    boolean remote;

    @Option(names = "-8", description = "Allow raw DLCs 9..15 for classic frames (sent as 8 bytes).")
    boolean rawDlc;

    @Option(names = "-m", description = "Mix 11/29-bit, classic/FD, BRS/ESI and remote frames.")
    boolean mix;

    @Option(names = "-I", paramLabel = "MODE", description = "Id mode: r, e, o, i or a hex id (default r).")
    String idMode = "r";

    @Option(names = "-L", paramLabel = "MODE", description = "Length mode: r, i or a length (default r).")
    String lengthMode = "r";

    @Option(names = "-D", paramLabel = "MODE", description = "Data mode: r, i or hex bytes (default r).")
    String dataMode = "r";

    @Option(names = "-n", paramLabel = "COUNT", description = "Stop after COUNT frames (default: until Ctrl-C).")
    Long count;

    @Option(names = "-c", paramLabel = "BURST", description = "Frames sent back to back before each gap (default 1).")
    int burst = 1;

    @Option(names = "-i", description = "Ignore a full transmit queue (count the lost frames) instead of failing.")
    boolean ignoreBufferFull;

    @Option(names = "-v", description = "Print the frames sent: -v compact, -v -v like candump, -v -v -v with ASCII.")
    boolean[] verbosity = new boolean[0];

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random values, to repeat a run.")
    Long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (count != null && count < 1) {
            throw new IllegalArgumentException("-n COUNT must be at least 1, got " + count);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("-c BURST must be at least 1, got " + burst);
        }
        FrameGenerator generator = new FrameGenerator(
                FrameGenerator.Mode.parse(idMode, 16, true, "-I"),
                FrameGenerator.Mode.parse(lengthMode, 10, false, "-L"),
                FrameGenerator.DataMode.parse(dataMode),
                new FrameGenerator.Types(extended, fd || brs || esi, brs, esi, remote, mix, rawDlc),
                seed == null ? new SplittableRandom() : new SplittableRandom(seed));
        PrintWriter out = spec.commandLine().getOut();
        CandumpScreen.Format view = CandumpScreen.Format.DEFAULTS.withAscii(verbosity.length > 2).withRawDlc(rawDlc);
        long sent = 0;
        long bufferFull = 0;
        try (StopSignal stop = StopSignal.onCtrlC(); CanBus endpoint = CanBuses.open(bus, SEND_ONLY)) {
            long next = System.nanoTime();
            int inBurst = 0;
            while (!stop.isStopRequested() && (count == null || sent < count)) {
                CanFrame frame = generator.next();
                if (verbosity.length > 0) {
                    out.print("  " + bus + "  " + (verbosity.length > 1 ? CandumpScreen.longFrame(frame, view, mix)
                            : CanFrameText.format(frame, true)));
                    out.print('\n');
                    if (out.checkError()) {
                        break; // standard output closed (e.g. piped into head)
                    }
                }
                try {
                    endpoint.send(frame);
                } catch (CanException e) {
                    if (!ignoreBufferFull || e.reason() != CanException.Reason.BUFFER_FULL) {
                        throw e;
                    }
                    bufferFull++;
                }
                sent++;
                if (!gap.isZero() && ++inBurst >= burst) {
                    inBurst = 0;
                    // a fixed schedule, restarted when the machine fell behind by more than one gap
                    long now = System.nanoTime();
                    next = Math.max(next + gap.toNanos(), now - gap.toNanos());
                    if (stop.awaitUntil(next)) {
                        break;
                    }
                }
            }
        } finally {
            if (bufferFull > 0) {
                out.println();
                out.println("Counted " + bufferFull + " frames lost to a full transmit queue.");
            }
            out.flush();
        }
        return 0;
    }
}
