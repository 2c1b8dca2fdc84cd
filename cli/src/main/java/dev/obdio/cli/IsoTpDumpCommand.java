package dev.obdio.cli;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code obdio isotp dump}: isotpdump. Shows the ISO-TP frames between two identifiers, one line
 * per frame with its type and fields, in isotpdump's format; with {@code -u} the UDS service of
 * each message.
 *
 * <p>Threading: the calling thread takes the frames from the bus endpoint and prints them.
 */
@Command(name = "dump", mixinStandardHelpOptions = true, sortOptions = false, separator = " ",
        description = {"Show the ISO-TP frames between two CAN ids with their types and fields, like isotpdump:",
            "  obdio isotp dump -s 7E0 -d 7E8 -u vcan0"},
        footer = {"", "CAN ids and addresses are hex (8 digits for a 29-bit id). UDS flags with -u:",
            "  [SRQ] service request, [PSR] positive response, [NRC] negative response, [???] unknown.",
            "Runs until Ctrl-C, -n frames or -T of silence.",
            "Exit status: 0 when done, 1 when the bus fails, 2 for bad arguments."})
final class IsoTpDumpCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUS", description = "can0, vcan0, virtual:NAME or udp:…")
    String bus;

    @Option(names = "-s", required = true, paramLabel = "CAN_ID", description = "source CAN id (the tester's)")
    String source;

    @Option(names = "-d", required = true, paramLabel = "CAN_ID", description = "destination CAN id (the ECU's)")
    String destination;

    @Option(names = "-x", paramLabel = "ADDR|any",
            description = "extended addressing: the source's frames start with ADDR (any: with any byte)")
    String extendedAddress;

    @Option(names = "-X", paramLabel = "ADDR|any",
            description = "with -x: the destination's frames start with ADDR (any: with any byte)")
    String rxExtendedAddress;

    @Option(names = "-c", description = "color: the source's frames red, the destination's blue")
    boolean color;

    @Option(names = "-a", description = "print the data also as ASCII characters")
    boolean ascii;

    @Option(names = "-t", paramLabel = "a|A|d|z",
            description = "timestamp: (a)bsolute, (A)bsolute with date, (d)elta, (z)ero")
    String timestamps;

    @Option(names = "-u", description = "name the UDS service of each message")
    boolean uds;

    @Option(names = "-n", paramLabel = "COUNT", description = "exit after COUNT frames")
    Long count;

    @Option(names = "-T", paramLabel = "MS", description = "exit after MS milliseconds without frames")
    Long timeoutMs;

    @Spec
    CommandSpec spec;

    /** The zone of {@code -t A}; tests give their own. */
    ZoneId zone = ZoneId.systemDefault();

    @Override
    public Integer call() throws Exception {
        IsoTpArgs.CanId src = IsoTpArgs.canId("-s", source);
        IsoTpArgs.CanId dst = IsoTpArgs.canId("-d", destination);
        if (rxExtendedAddress != null && extendedAddress == null) {
            throw new IllegalArgumentException("-X needs -x: the destination's address byte comes with extended"
                    + " addressing");
        }
        int srcAddress = addressOrAny("-x", extendedAddress);
        int dstAddress = addressOrAny("-X", rxExtendedAddress);
        if (count != null && count < 1) {
            throw new IllegalArgumentException("-n " + count + ": at least 1");
        }
        if (timeoutMs != null && timeoutMs < 1) {
            throw new IllegalArgumentException("-T " + timeoutMs + ": at least 1 ms");
        }
        IsoTpTimestamps stamps = IsoTpTimestamps.of(timestamps, zone);
        IsoTpDumpFormat format = new IsoTpDumpFormat(bus, src.raw(), extendedAddress != null, ascii, color, uds);
        CanFilterSet filters = new CanFilterSet(List.of(filter(src), filter(dst)), 0, false);
        PrintWriter out = spec.commandLine().getOut();
        Duration poll = timeoutMs != null ? Duration.ofMillis(timeoutMs) : Duration.ofMillis(500);
        long printed = 0;
        try (CanBus endpoint = CanBuses.open(bus, BusOptions.DEFAULTS.withFilters(filters).withFdFrames(true))) {
            while (true) {
                ReceivedFrame received;
                try {
                    received = endpoint.receive(poll);
                } catch (CanException e) {
                    if (e.reason() == CanException.Reason.INTERFACE_DOWN) {
                        spec.commandLine().getErr().println("obdio isotp dump: " + e.getMessage());
                        continue;
                    }
                    throw e;
                }
                if (received == null) {
                    if (timeoutMs != null) {
                        return 0;
                    }
                    continue;
                }
                CanFrame frame = received.frame();
                int first = frame.length() > 0 ? frame.dataByte(0) : 0;
                if (frame.rawCanId() == src.raw() && extendedAddress != null && srcAddress >= 0 && srcAddress != first) {
                    continue;
                }
                if (frame.rawCanId() == dst.raw() && rxExtendedAddress != null && dstAddress >= 0
                        && dstAddress != first) {
                    continue;
                }
                out.print(format.line(stamps.prefix(received.timestampMicros()), frame));
                out.flush();
                printed++;
                if (count != null && printed >= count) {
                    return 0;
                }
            }
        }
    }

    private static CanFilter filter(IsoTpArgs.CanId id) {
        return id.extended() ? CanFilter.extendedId(id.id()) : CanFilter.standardId(id.id());
    }

    /** An address byte, -1 for "any" (or not given). */
    private static int addressOrAny(String option, String text) {
        if (text == null || text.startsWith("any")) {
            return -1;
        }
        return IsoTpArgs.hexByte(option, text);
    }
}
