package dev.obdio.cli;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.CyclicTransmission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code obdio send}: cansend, plus cyclic sending through {@link CanBus#sendCyclic} (the
 * kernel's broadcast manager on SocketCAN, a timer elsewhere).
 */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false, separator = " ",
        description = {
            "Send one frame, like cansend; with --every, send it cyclically until Ctrl-C or --count.",
            "On SocketCAN the kernel's broadcast manager keeps the period, even when the JVM is busy.",
        },
        footer = {
            "",
            "Frames (as cansend takes them and candump -L writes them):",
            "  <id>#<data>              classic data frame of 0..8 bytes: 123#DEADBEEF, 5AA#",
            "  <id>#<data>_<dlc>        8 bytes with a raw DLC 9..F: 123#1122334455667788_E",
            "  <id>#R[<len>[_<dlc>]]    remote request (RTR): 123#R, 123#R3, 333#R8_E",
            "  <id>##<flags><data>      CAN FD, flags 1 = BRS, 2 = ESI: 123##1AABB",
            "  <id> has 3 hex digits (11-bit) or 8 (29-bit); 8 digits with bit 20000000",
            "  set make an error frame. Data bytes may be separated by dots: 5A1#11.22.33",
            "",
            "Examples:",
            "  obdio send vcan0 7DF#02010C0000000000",
            "  obdio send can0 18DB33F1#0201000000000000",
            "  obdio send --every 100 --count 50 virtual:car 3E9#0102030405060708",
            "",
            "Exit status: 0 when sent, 1 when the bus fails, 2 for bad arguments.",
        })
final class SendCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(20);
    /** The endpoint only sends: no receive filter, so nothing queues up (cansend does the same). */
    private static final BusOptions SEND_ONLY = BusOptions.DEFAULTS.withFilters(new CanFilterSet(List.of(), 0, false));

    @Parameters(index = "0", paramLabel = "BUS", description = "The bus: can0, vcan0, virtual:NAME, udp:[GROUP][:PORT].")
    String bus;

    @Parameters(index = "1", paramLabel = "FRAME", description = "The frame, e.g. 123#DEADBEEF (see below).")
    String frameText;

    @Option(names = "--every", paramLabel = "MS", converter = MillisConverter.class,
            description = "Send the frame every MS milliseconds (decimals allowed) until Ctrl-C or --count.")
    Duration every;

    @Option(names = "--count", paramLabel = "N", description = "With --every: stop after N frames.")
    Long count;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CanFrame frame = BadInput.frame(frameText);
        if (count != null && every == null) {
            throw new IllegalArgumentException("--count needs --every MS");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        if (every != null && every.isZero()) {
            throw new IllegalArgumentException("--every must be more than 0 ms");
        }
        try (CanBus endpoint = CanBuses.open(bus, SEND_ONLY)) {
            if (every == null) {
                endpoint.send(frame);
                return 0;
            }
            try (StopSignal stop = StopSignal.onCtrlC();
                 CyclicTransmission cyclic = endpoint.sendCyclic(frame, every, count == null ? 0 : count)) {
                while (cyclic.isActive() && !stop.await(POLL)) {
                    // the bus sends; this thread only waits for the end
                }
            }
            return 0;
        }
    }
}
