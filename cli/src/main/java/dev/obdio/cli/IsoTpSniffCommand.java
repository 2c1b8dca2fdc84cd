package dev.obdio.cli;

import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpEvent;
import dev.obdio.isotp.IsoTpOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code obdio isotp sniff}: isotpsniffer. Reassembles the PDUs of both directions of a
 * conversation with two listen-only channels (which send no flow control) and prints each in
 * isotpsniffer's format.
 *
 * <p>Threading: the channels' listeners put the PDUs on a queue; the calling thread prints them
 * in the order they were completed. A daemon thread reads stdin: a line ends the sniffing, as a
 * key does in isotpsniffer (the end of stdin does not).
 */
@Command(name = "sniff", mixinStandardHelpOptions = true, sortOptions = false, separator = " ",
        description = {"Show the PDUs of both directions of an ISO-TP conversation, like isotpsniffer:",
            "  obdio isotp sniff -s 7E0 -d 7E8 vcan0"},
        footer = {"", "CAN ids and addresses are hex (8 digits for a 29-bit id). Timestamps are taken when a PDU is",
            "complete. Runs until Ctrl-C, a line on stdin, -n PDUs or -T of silence.",
            "Exit status: 0 when done, 1 when the bus fails, 2 for bad arguments."})
final class IsoTpSniffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUS", description = "can0, vcan0, virtual:NAME or udp:…")
    String bus;

    @Option(names = "-s", required = true, paramLabel = "CAN_ID", description = "source CAN id (the tester's)")
    String source;

    @Option(names = "-d", required = true, paramLabel = "CAN_ID", description = "destination CAN id (the ECU's)")
    String destination;

    @Option(names = "-x", paramLabel = "ADDR", description = "extended addressing: the source's address byte")
    String extendedAddress;

    @Option(names = "-X", paramLabel = "ADDR", description = "with -x: the destination's address byte, when it differs")
    String rxExtendedAddress;

    @Option(names = "-c", description = "color: PDUs from the source red, from the destination blue")
    boolean color;

    @Option(names = "-t", paramLabel = "a|A|d|z",
            description = "timestamp: (a)bsolute, (A)bsolute with date, (d)elta, (z)ero")
    String timestamps;

    @Option(names = "-f", paramLabel = "1|2|3", defaultValue = "3",
            description = "format: 1 hex, 2 ASCII, 3 both (default)")
    int format;

    @Option(names = "-L", paramLabel = "MTU:TX_DL:TX_FLAGS", description = "link layer, e.g. 72:64:1 for CAN FD")
    String linkLayer;

    @Option(names = "-h", paramLabel = "LEN", description = "head: print only the first LEN bytes of each PDU")
    int head;

    @Option(names = "--engine", paramLabel = "kernel|java|auto", defaultValue = "auto",
            description = "ISO-TP implementation (default: the kernel's where it can serve the bus)")
    String engine;

    @Option(names = "--verbose", description = "tell on stderr which engine runs the channels, and why, once they"
            + " listen")
    boolean verbose;

    @Option(names = "-n", paramLabel = "COUNT", description = "exit after COUNT PDUs")
    Long count;

    @Option(names = "-T", paramLabel = "MS", description = "exit after MS milliseconds without PDUs")
    Long timeoutMs;

    @Spec
    CommandSpec spec;

    /** Standard input; tests give their own. */
    InputStream stdin = System.in;

    /** The zone of {@code -t A}; tests give their own. */
    ZoneId zone = ZoneId.systemDefault();

    /** Something for the printing thread. */
    private record Item(int id, String color, byte[] pdu, long micros, String problem, boolean quit) {
    }

    @Override
    public Integer call() throws Exception {
        IsoTpArgs.CanId src = IsoTpArgs.canId("-s", source);
        IsoTpArgs.CanId dst = IsoTpArgs.canId("-d", destination);
        if (src.extended() != dst.extended()) {
            throw new IllegalArgumentException("-s " + source + " -d " + destination + ": give both ids with up to 7"
                    + " digits (11-bit) or both with 8 (29-bit)");
        }
        if (rxExtendedAddress != null && extendedAddress == null) {
            throw new IllegalArgumentException("-X needs -x: the destination's address byte comes with extended"
                    + " addressing");
        }
        if (format < 1 || format > 3) {
            throw new IllegalArgumentException("-f " + format + ": 1 (hex), 2 (ASCII) or 3 (both)");
        }
        if (head < 0) {
            throw new IllegalArgumentException("-h " + head + ": a number of bytes, 0 for all");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("-n " + count + ": at least 1");
        }
        if (timeoutMs != null && timeoutMs < 1) {
            throw new IllegalArgumentException("-T " + timeoutMs + ": at least 1 ms");
        }
        IsoTpTimestamps stamps = IsoTpTimestamps.of(timestamps, zone);
        IsoTp.Engine requested = IsoTpArgs.engine(engine);
        IsoTpOptions base = IsoTpOptions.DEFAULTS.withListenOnly(true);
        if (linkLayer != null) {
            base = base.withLinkLayer(IsoTpArgs.linkLayer(linkLayer));
        }
        // Each channel hears one direction: "fromDestination" takes the PDUs on the destination id.
        IsoTpOptions fromDestination = base.withAddress(address(src, dst, true));
        IsoTpOptions fromSource = base.withAddress(address(dst, src, false));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String engineReason = verbose ? IsoTp.chooseEngine(bus, fromDestination, requested).reason() : null;
        LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
        try (IsoTpChannel a = IsoTp.open(bus, fromDestination, requested);
             IsoTpChannel b = IsoTp.open(bus, fromSource, requested)) {
            a.subscribe(e -> enqueue(queue, e, dst.id(), IsoTpDumpFormat.BLUE));
            b.subscribe(e -> enqueue(queue, e, src.id(), IsoTpDumpFormat.RED));
            if (engineReason != null) {
                err.println("obdio isotp sniff: " + engineReason); // after this line the sniffer listens
                err.flush();
            }
            watchKeyboard(queue);
            long printed = 0;
            while (true) {
                Item item = timeoutMs != null ? queue.poll(timeoutMs, TimeUnit.MILLISECONDS) : queue.take();
                if (item == null) {
                    return 0;
                }
                if (item.quit()) {
                    out.print("quit due to keyboard input.\n");
                    out.flush();
                    return 0;
                }
                if (item.problem() != null) {
                    err.println("obdio isotp sniff: " + String.format("%03X", item.id()) + ": " + item.problem());
                    continue;
                }
                out.print(IsoTpSniffFormat.line(stamps.prefix(item.micros()), bus, item.id(), item.pdu(), format, head,
                        color ? item.color() : null));
                out.flush();
                printed++;
                if (count != null && printed >= count) {
                    return 0;
                }
            }
        }
    }

    /** The address of the channel that takes the PDUs sent on {@code rx}. */
    private IsoTpAddress address(IsoTpArgs.CanId tx, IsoTpArgs.CanId rx, boolean rxIsDestination) {
        if (extendedAddress == null) {
            return new IsoTpAddress.Normal(tx.id(), rx.id(), tx.extended());
        }
        int srcByte = IsoTpArgs.hexByte("-x", extendedAddress);
        int dstByte = rxExtendedAddress == null ? srcByte : IsoTpArgs.hexByte("-X", rxExtendedAddress);
        return rxIsDestination ? new IsoTpAddress.Extended(tx.id(), rx.id(), tx.extended(), srcByte, dstByte)
                : new IsoTpAddress.Extended(tx.id(), rx.id(), tx.extended(), dstByte, srcByte);
    }

    private static void enqueue(LinkedBlockingQueue<Item> queue, IsoTpEvent event, int id, String color) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        if (event instanceof IsoTpEvent.Received r) {
            queue.add(new Item(id, color, r.data(), micros, null, false));
        } else if (event instanceof IsoTpEvent.Failed f && f.error().abortsTransfer()) {
            queue.add(new Item(id, color, null, micros, f.error().message(), false));
        }
    }

    /** A line typed on stdin ends the sniffing; the end of stdin does not (scripts run us with &lt; /dev/null). */
    private void watchKeyboard(LinkedBlockingQueue<Item> queue) {
        Thread t = new Thread(() -> {
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
                if (r.readLine() != null) {
                    queue.add(new Item(0, null, null, 0, null, true));
                }
            } catch (IOException e) {
                // no keyboard: Ctrl-C, -n or -T end the sniffing
            }
        }, "obdio-isotp-sniff-stdin");
        t.setDaemon(true);
        t.start();
    }
}
