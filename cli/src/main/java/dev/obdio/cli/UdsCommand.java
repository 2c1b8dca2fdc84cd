package dev.obdio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.obdio.can.CanException;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpOptions;
import dev.obdio.uds.DidCodec;
import dev.obdio.uds.DidCodecs;
import dev.obdio.uds.Hex;
import dev.obdio.uds.UdsClient;
import dev.obdio.uds.UdsClientConfig;
import dev.obdio.uds.script.UdsAction;
import dev.obdio.uds.script.UdsActionRunner;
import dev.obdio.uds.script.UdsOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code obdio uds BUS [options] COMMAND}: UDS (ISO 14229) requests to one ECU. The options
 * before the command choose the ECU and the transport; each command is a subcommand that builds
 * a {@link UdsAction} and hands it to {@link #execute}, which opens the client, runs the action,
 * prints the result and closes everything again.
 *
 * <p>Exit status: 0 done; 1 the ECU refused, did not answer or answered something unusable (or a
 * script failed); 2 a bad command line or script; 3 the command changes the vehicle and
 * {@code --allow-write} was not given (nothing is sent).
 */
@Command(name = "uds",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"UDS (ISO 14229) requests to one ECU over ISO-TP: sessions, DIDs, security access, DTCs, "
                + "routines, raw requests and scripts.",
            "Example: obdio uds vcan0 --tx 7E0 --rx 7E8 read F190",
            "Requests that change the vehicle (write, reset, routine, clear-dtc, raw writes) need --allow-write."},
        subcommands = {UdsSessionCommand.class, UdsResetCommand.class, UdsReadCommand.class, UdsWriteCommand.class,
            UdsSecurityCommand.class, UdsDtcCommand.class, UdsClearDtcCommand.class, UdsRoutineCommand.class,
            UdsTesterPresentCommand.class, UdsRawCommand.class, UdsRunCommand.class})
public final class UdsCommand implements Runnable {
    /** Exit status: the command changes the vehicle and --allow-write was not given. */
    static final int EXIT_REFUSED = 3;
    /** Exit status: a bad command line or script. */
    static final int EXIT_USAGE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BUS",
            description = "the bus: can0, vcan0, virtual:NAME, udp:… (see obdio help); none: the built-in "
                    + "simulated car")
    String bus;

    @Option(names = "--tx", paramLabel = "ID", description = "request identifier (default 7E0); 8 hex digits = 29-bit")
    String tx = "7E0";

    @Option(names = "--rx", paramLabel = "ID", description = "response identifier (default: 7E8 for 7E0, tx+8 for "
            + "7E0..7E7, 18DAyyxx for 18DAxxyy)")
    String rx;

    @Option(names = "--functional", paramLabel = "ID",
            description = "functional request identifier for TesterPresent and session --functional (e.g. 7DF, 18DB33F1)")
    String functional;

    @Option(names = "--padding", paramLabel = "HEX", description = "pad every frame to 8 bytes with this byte (e.g. CC)")
    String padding;

    @Option(names = "--bs", paramLabel = "N", description = "ISO-TP block size we announce (default 0)")
    Integer blockSize;

    @Option(names = "--stmin", paramLabel = "N", description = "ISO-TP STmin byte we announce (default 0)")
    Integer stMin;

    @Option(names = "--fd", description = "CAN FD frames of up to 64 bytes")
    boolean canFd;

    @Option(names = "--p2", paramLabel = "MS", description = "P2 until the ECU announces its own (default 50)")
    Long p2;

    @Option(names = "--p2-star", paramLabel = "MS", description = "P2* until the ECU announces its own (default 5000)")
    Long p2Star;

    @Option(names = "--allowance", paramLabel = "MS", description = "added to P2 and P2* for the transport (default 200)")
    Long allowance;

    @Option(names = "--timeout", paramLabel = "MS", description = "overall cap per request, response-pending "
            + "included (default 30000)")
    Long overall;

    @Option(names = "--codec", paramLabel = "DID=SPEC", description = "how a DID reads and writes, e.g. "
            + "0110=u16,unit=rpm or F1A0=raw:6 (repeatable)")
    List<String> codecs = new ArrayList<>();

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print machine-readable JSON")
    boolean json;

    @Option(names = "--allow-write", scope = ScopeType.INHERIT,
            description = "allow requests that change the vehicle (write, reset, routine, clear-dtc, …)")
    boolean allowWrite;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "also print each request and response in hex")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Whether {@code --json} was given here or after the subcommand. */
    boolean json() {
        return json;
    }

    /** Whether {@code --allow-write} was given. */
    boolean allowWrite() {
        return allowWrite;
    }

    /**
     * Refuses a command that changes the vehicle without {@code --allow-write}.
     *
     * @return the exit status if refused
     */
    Optional<Integer> refuse(String what) {
        if (allowWrite) {
            return Optional.empty();
        }
        err().println("obdio uds: " + what + " changes the vehicle; not sent. Add --allow-write to send it.");
        err().flush();
        return Optional.of(EXIT_REFUSED);
    }

    /** Opens the client these options describe; the caller closes it. */
    UdsClient openClient() {
        IsoTpAddress physical = physicalAddress();
        IsoTpOptions options = IsoTpOptions.DEFAULTS.withAddress(physical);
        if (padding != null) {
            options = options.withTxPadding((int) Hex.parseNumber(padding, 2, "--padding"));
        }
        if (blockSize != null) {
            options = options.withBlockSize(blockSize);
        }
        if (stMin != null) {
            options = options.withStMin(stMin);
        }
        if (canFd) {
            options = options.withCanFd(64, false);
        }
        Optional<IsoTpAddress> func = Optional.empty();
        if (functional != null) {
            Id f = Id.parse("--functional", functional);
            func = Optional.of(f.extended() ? IsoTpAddress.normal29(f.value(), physical.rxId())
                    : IsoTpAddress.normal11(f.value(), physical.rxId()));
        }
        UdsClientConfig config = config();
        String busName = EmbeddedSimulator.busOrSimulator(bus, "uds", err()); // no BUS: the simulated car
        return UdsClient.open(busName, options, func, config);
    }

    UdsClientConfig config() {
        UdsClientConfig c = UdsClientConfig.DEFAULTS;
        if (p2 != null) {
            c = c.withP2(millis("--p2", p2));
        }
        if (p2Star != null) {
            c = c.withP2Star(millis("--p2-star", p2Star));
        }
        if (allowance != null) {
            c = c.withTransportAllowance(millis("--allowance", allowance));
        }
        if (overall != null) {
            c = c.withOverallTimeout(millis("--timeout", overall));
        }
        DidCodecs didCodecs = c.codecs();
        for (String entry : codecs) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--codec " + entry + ": write DID=SPEC, e.g. 0110=u16,unit=rpm");
            }
            int did = (int) Hex.parseNumber(entry.substring(0, eq), 4, "--codec DID");
            didCodecs = didCodecs.with(did, DidCodec.parse(entry.substring(eq + 1)));
        }
        return c.withCodecs(didCodecs);
    }

    private static Duration millis(String option, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(option + " must not be negative, got " + value);
        }
        return Duration.ofMillis(value);
    }

    /** An identifier as typed: up to 3 hex digits is 11-bit, 8 is 29-bit. */
    record Id(int value, boolean extended) {
        static Id parse(String option, String text) {
            String s = text.strip();
            if (s.startsWith("0x") || s.startsWith("0X")) {
                s = s.substring(2);
            }
            long v = Hex.parseNumber(s, 8, option);
            if (s.length() <= 3) {
                if (v > 0x7FF) {
                    throw new IllegalArgumentException(option + " " + text + " is above 7FF; write 29-bit identifiers "
                            + "with 8 hex digits");
                }
                return new Id((int) v, false);
            }
            if (s.length() != 8 || v > 0x1FFFFFFF) {
                throw new IllegalArgumentException(option + " " + text + ": use 1..3 hex digits for an 11-bit "
                        + "identifier or 8 (up to 1FFFFFFF) for a 29-bit one");
            }
            return new Id((int) v, true);
        }
    }

    private IsoTpAddress physicalAddress() {
        Id t = Id.parse("--tx", tx);
        Id r;
        if (rx != null) {
            r = Id.parse("--rx", rx);
        } else if (!t.extended() && t.value() >= 0x7E0 && t.value() <= 0x7E7) {
            r = new Id(t.value() + 8, false);
        } else if (t.extended() && (t.value() & 0xFFFF0000) == IsoTpAddress.NORMAL_FIXED_PHYSICAL) {
            r = new Id(IsoTpAddress.NORMAL_FIXED_PHYSICAL | (t.value() & 0xFF) << 8 | (t.value() >> 8 & 0xFF), true);
        } else {
            throw new IllegalArgumentException("--rx is needed for --tx " + tx);
        }
        if (t.extended() != r.extended()) {
            throw new IllegalArgumentException("--tx and --rx must both be 11-bit or both 29-bit");
        }
        return t.extended() ? IsoTpAddress.normal29(t.value(), r.value()) : IsoTpAddress.normal11(t.value(), r.value());
    }

    /** Opens the client, runs one action, prints its outcome; the exit status. */
    int execute(UdsAction action) {
        if (action.changesVehicle()) {
            Optional<Integer> refused = refuse(action.command());
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        try (UdsClient client = openClient()) {
            UdsActionRunner.Context context = UdsActionRunner.Context.of(client.config());
            UdsOutcome outcome = new UdsActionRunner(client).run(action, context);
            print(outcome);
            return outcome.succeeded() ? 0 : ErrorReporter.EXIT_FAILURE;
        }
    }

    private void print(UdsOutcome outcome) {
        PrintWriter out = out();
        if (json) {
            out.println(toJson(outcome.toMap()));
        } else {
            if (verbose) {
                for (UdsOutcome.Exchange e : outcome.exchanges()) {
                    out.println("> " + Hex.format(e.request()));
                    e.response().ifPresent(r -> out.println("< " + r));
                }
            }
            if (outcome.succeeded()) {
                if (outcome.command().startsWith("raw ") && outcome.response().isPresent()) {
                    out.println(Hex.format(outcome.response().get().bytes()));
                } else {
                    outcome.lines().forEach(out::println);
                }
            } else {
                if (outcome.command().startsWith("raw ") && outcome.response().isPresent() && !verbose) {
                    out.println(outcome.response().get());
                }
                err().println("obdio uds: " + outcome.message());
            }
        }
        out.flush();
        err().flush();
    }

    static String toJson(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Runs a subcommand body, turning bus failures and bad arguments into a message and a status. */
    int guarded(java.util.function.IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (CanException e) {
            err().println("obdio uds: " + e.getMessage());
            err().flush();
            return ErrorReporter.EXIT_FAILURE;
        } catch (IllegalArgumentException e) {
            err().println("obdio uds: " + e.getMessage());
            err().flush();
            return EXIT_USAGE;
        }
    }
}
