package dev.obdio.cli;

import dev.obdio.can.CanException;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpException;
import dev.obdio.isotp.IsoTpOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code obdio isotp recv}: isotprecv. Receives PDUs and prints each as hex bytes on one line,
 * exactly as isotprecv does; one PDU, or all with {@code -l}.
 *
 * <p>Threading: the calling thread waits in {@link IsoTpChannel#receive} and prints.
 */
@Command(name = "recv", mixinStandardHelpOptions = true, sortOptions = false, separator = " ",
        description = {"Receive ISO-TP PDUs, like isotprecv: each is printed as hex bytes on one line, e.g.",
            "  obdio isotp recv -s 7E8 -d 7E0 -l vcan0"},
        footer = {"", "CAN ids, addresses, -b, -m and -w are hex (as isotprecv takes them); -f is nanoseconds.",
            "Exit status: 0 received (or -l ended by -n/-T), 1 a PDU was lost (timeout, wrong sequence,",
            "bad padding), no PDU within -T, or the bus failed; 2 bad arguments."})
final class IsoTpRecvCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUS", description = "can0, vcan0, virtual:NAME or udp:…")
    String bus;

    @Mixin
    IsoTpEndpointOptions endpoint;

    @Option(names = "-b", paramLabel = "BS", description = "block size we announce (hex, 0 = off)")
    String blockSize;

    @Option(names = "-m", paramLabel = "STMIN",
            description = "STmin we announce (hex byte: 00-7F ms, F1-F9 100-900 us)")
    String stMin;

    @Option(names = "-f", paramLabel = "NS", description = "drop consecutive frames closer together than NS ns")
    String forcedRxStMin;

    @Option(names = "-w", paramLabel = "NUM", description = "most WAIT flow controls we send in a row (hex);"
            + " accepted for isotprecv's sake: neither engine sends WAIT")
    String maxWaitFrames;

    @Option(names = "-l", description = "loop: keep receiving (until -n PDUs, -T or Ctrl-C)")
    boolean loop;

    @Option(names = "-n", paramLabel = "COUNT", description = "with -l: exit after COUNT PDUs")
    Long count;

    @Option(names = "-T", paramLabel = "MS", description = "give up after MS milliseconds without a PDU"
            + " (exit status 1 without -l)")
    Long timeoutMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        IsoTpOptions options = endpoint.applyTo(IsoTpOptions.DEFAULTS);
        IsoTpOptions.FlowControl fc = options.flowControl();
        if (blockSize != null) {
            fc = fc.withBlockSize(IsoTpArgs.hexByte("-b", blockSize));
        }
        if (stMin != null) {
            fc = fc.withStMin(IsoTpArgs.hexByte("-m", stMin));
        }
        if (maxWaitFrames != null) {
            IsoTpArgs.hexByte("-w", maxWaitFrames); // checked, like the kernel's wftmax never used
        }
        if (forcedRxStMin != null) {
            fc = fc.withForcedRxStMin(Optional.of(Duration.ofNanos(IsoTpArgs.nanos("-f", forcedRxStMin))));
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("-n " + count + ": at least 1");
        }
        if (timeoutMs != null && timeoutMs < 1) {
            throw new IllegalArgumentException("-T " + timeoutMs + ": at least 1 ms");
        }
        options = options.withFlowControl(fc);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration wait = timeoutMs != null ? Duration.ofMillis(timeoutMs) : Duration.ofDays(365);
        long received = 0;
        try (IsoTpChannel channel = endpoint.open(bus, options, err, "isotp recv")) {
            while (true) {
                byte[] pdu;
                try {
                    pdu = channel.receive(wait);
                } catch (IsoTpException e) {
                    err.println("obdio isotp recv: " + e.getMessage());
                    if (!loop) {
                        return ErrorReporter.EXIT_FAILURE;
                    }
                    continue;
                } catch (CanException e) {
                    if (e.reason() == CanException.Reason.INTERFACE_DOWN && loop) {
                        err.println("obdio isotp recv: " + e.getMessage());
                        continue;
                    }
                    throw e;
                }
                if (pdu == null) {
                    if (loop) {
                        return 0;
                    }
                    err.println("obdio isotp recv: no PDU within " + timeoutMs + " ms");
                    return ErrorReporter.EXIT_FAILURE;
                }
                out.print(IsoTpHex.format(pdu));
                out.flush();
                received++;
                if (!loop || (count != null && received >= count)) {
                    return 0;
                }
            }
        }
    }
}
