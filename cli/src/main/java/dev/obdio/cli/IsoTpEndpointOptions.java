package dev.obdio.cli;

import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The options isotpsend and isotprecv share: the two identifiers, extended addressing, padding
 * and its checks, the link layer, and which engine runs the channel.
 */
final class IsoTpEndpointOptions {

    @Option(names = "-s", required = true, paramLabel = "CAN_ID",
            description = "source CAN id, the one we send on (hex; 8 digits for a 29-bit id)")
    String source;

    @Option(names = "-d", required = true, paramLabel = "CAN_ID",
            description = "destination CAN id, the one we receive on (hex; 8 digits for a 29-bit id)")
    String destination;

    @Option(names = "-x", paramLabel = "ADDR[:RXADDR]",
            description = "extended addressing: the address byte we send (and the one we accept, when it differs)")
    String extendedAddress;

    @Option(names = "-p", paramLabel = "[TX]:[RX]",
            description = "pad the frames we send with TX, expect RX in the frames we receive (hex bytes)")
    String padding;

    @Option(names = "-P", paramLabel = "l|c|a",
            description = "check the received padding for (l)ength, (c)ontent or (a)ll")
    String paddingChecks;

    @Option(names = "-L", paramLabel = "MTU:TX_DL:TX_FLAGS",
            description = "link layer: 16:8:0 classic CAN, 72:64:1 CAN FD with 64-byte frames and bit rate switch")
    String linkLayer;

    @Option(names = "--engine", paramLabel = "kernel|java|auto", defaultValue = "auto",
            description = "ISO-TP implementation: the kernel's CAN_ISOTP, obdio's own, or the kernel's where it can"
                    + " serve the bus and options (default)")
    String engine;

    @Option(names = "--verbose", description = "tell on stderr which engine runs the channel, and why, once it is open")
    boolean verbose;

    /** These options applied to {@code base}: address, padding, link layer. */
    IsoTpOptions applyTo(IsoTpOptions base) {
        IsoTpArgs.CanId tx = IsoTpArgs.canId("-s", source);
        IsoTpArgs.CanId rx = IsoTpArgs.canId("-d", destination);
        if (tx.extended() != rx.extended()) {
            throw new IllegalArgumentException("-s " + source + " -d " + destination + ": give both ids with up to 7"
                    + " digits (11-bit) or both with 8 (29-bit)");
        }
        IsoTpAddress address;
        try {
            if (extendedAddress == null) {
                address = new IsoTpAddress.Normal(tx.id(), rx.id(), tx.extended());
            } else {
                int[] bytes = IsoTpArgs.addressBytes("-x", extendedAddress);
                address = new IsoTpAddress.Extended(tx.id(), rx.id(), tx.extended(), bytes[0], bytes[1]);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-s " + source + " -d " + destination + ": " + e.getMessage());
        }
        IsoTpOptions o = base.withAddress(address);
        if (padding != null) {
            o = o.withPadding(IsoTpArgs.padding(padding, paddingChecks));
        } else if (paddingChecks != null) {
            o = o.withPadding(IsoTpArgs.withChecks(IsoTpOptions.Padding.NONE, paddingChecks));
        }
        if (linkLayer != null) {
            o = o.withLinkLayer(IsoTpArgs.linkLayer(linkLayer));
        }
        return o;
    }

    /**
     * Opens the channel with the chosen engine; with --verbose, tells on {@code err} which engine
     * and why once the channel is open (scripts can wait for that line).
     */
    IsoTpChannel open(String bus, IsoTpOptions options, PrintWriter err, String command) {
        IsoTp.Engine requested = IsoTpArgs.engine(engine);
        IsoTp.EngineChoice choice = verbose ? IsoTp.chooseEngine(bus, options, requested) : null;
        IsoTpChannel channel = IsoTp.open(bus, options, requested);
        if (choice != null) {
            err.println("obdio " + command + ": " + choice.reason());
            err.flush();
        }
        return channel;
    }
}
