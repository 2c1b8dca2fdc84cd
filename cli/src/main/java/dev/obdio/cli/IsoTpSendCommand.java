package dev.obdio.cli;

import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpException;
import dev.obdio.isotp.IsoTpOptions;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code obdio isotp send}: isotpsend. Reads one PDU as hex bytes from stdin (or makes one with
 * {@code -D}) and sends it; returns when the last frame is on the bus.
 *
 * <p>Threading: all on the calling thread, which waits for the channel's send to complete.
 */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false, separator = " ",
        description = {"Send one ISO-TP PDU, like isotpsend: hex bytes on stdin, e.g.",
            "  echo 22 F1 90 | obdio isotp send -s 7E0 -d 7E8 vcan0"},
        footer = {"", "CAN ids and addresses are hex; -t and -f are nanoseconds.",
            "Exit status: 0 sent, 1 the transfer failed (no flow control, overflow, …) or the bus failed,",
            "2 bad arguments or input."})
final class IsoTpSendCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUS", description = "can0, vcan0, virtual:NAME or udp:…")
    String bus;

    @Mixin
    IsoTpEndpointOptions endpoint;

    @Option(names = "-t", paramLabel = "NS", description = "frame transmission time (N_As) added to each gap, in ns")
    String frameTxTime;

    @Option(names = "-f", paramLabel = "NS",
            description = "ignore the receiver's STmin and leave this gap between consecutive frames, in ns")
    String forcedStMin;

    @Option(names = "-D", paramLabel = "LEN", description = "send a fixed PDU of LEN bytes (01 02 … FF 01 …), not stdin")
    Integer fixedLength;

    @Option(names = "-b", description = "block until the PDU is sent (always so here; accepted for isotpsend's sake)")
    boolean block;

    @Spec
    CommandSpec spec;

    /** Standard input; tests give their own. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws Exception {
        IsoTpOptions options = endpoint.applyTo(IsoTpOptions.DEFAULTS);
        IsoTpOptions.FlowControl fc = options.flowControl();
        if (frameTxTime != null) {
            fc = fc.withFrameTxTime(Duration.ofNanos(IsoTpArgs.nanos("-t", frameTxTime)));
        }
        if (forcedStMin != null) {
            fc = fc.withForcedTxStMin(java.util.Optional.of(Duration.ofNanos(IsoTpArgs.nanos("-f", forcedStMin))));
        }
        options = options.withFlowControl(fc);
        byte[] pdu = fixedLength != null ? fixedPdu(fixedLength) : readPdu();
        options = options.withMaxPduLength(Math.max(options.maxPduLength(), pdu.length));
        try (IsoTpChannel channel = endpoint.open(bus, options, spec.commandLine().getErr(), "isotp send")) {
            channel.send(pdu);
            return 0;
        } catch (IsoTpException e) {
            spec.commandLine().getErr().println("obdio isotp send: " + e.getMessage());
            return ErrorReporter.EXIT_FAILURE;
        }
    }

    private byte[] readPdu() throws java.io.IOException {
        byte[] pdu = IsoTpHex.read(new InputStreamReader(stdin, StandardCharsets.US_ASCII),
                IsoTpOptions.MAX_PDU_LENGTH_LIMIT);
        if (pdu.length == 0) {
            throw new IllegalArgumentException("no PDU on stdin: give hex bytes separated by spaces, e.g."
                    + " echo 22 F1 90 | obdio isotp send …");
        }
        return pdu;
    }

    /** isotpsend -D: bytes 01, 02 … FF, 01 … */
    static byte[] fixedPdu(int length) {
        if (length < 1 || length > IsoTpOptions.MAX_PDU_LENGTH_LIMIT) {
            throw new IllegalArgumentException("-D " + length + ": a PDU has at least 1 byte");
        }
        byte[] pdu = new byte[length];
        for (int i = 0; i < length; i++) {
            pdu[i] = (byte) (i % 0xFF + 1);
        }
        return pdu;
    }
}
