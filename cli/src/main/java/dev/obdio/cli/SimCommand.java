package dev.obdio.cli;

import dev.obdio.can.CanBuses;
import dev.obdio.can.UdpMulticastBus;
import dev.obdio.isotp.IsoTp;
import dev.obdio.sim.EcuIds;
import dev.obdio.sim.IsoTpSpec;
import dev.obdio.sim.LatencySpec;
import dev.obdio.sim.RequestLog;
import dev.obdio.sim.ServedRequest;
import dev.obdio.sim.ServerOptions;
import dev.obdio.sim.SimulatedEcu;
import dev.obdio.sim.Vehicle;
import dev.obdio.sim.VehicleDescription;
import dev.obdio.sim.VehicleFiles;
import dev.obdio.sim.VehicleServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code obdio sim}: runs a simulated vehicle on a bus until Ctrl-C, so that other programs (obdio
 * in another shell, python-can, can-utils' isotpsend) can talk to its ECUs over ISO-TP.
 *
 * <p>The bus defaults to {@code udp:} (IP multicast), the one bus other processes can join
 * without root or kernel CAN support; an in-process {@code virtual:} bus would be pointless here.
 * The start banner goes to standard error, the request lines of {@code -v} to standard output.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false, separator = " ",
        description = {
            "Run a simulated vehicle on a bus until Ctrl-C: ECUs that answer OBD-II and UDS over "
                + "ISO-TP, as a car's do, while the car drives its route.",
            "BUS defaults to udp: (IP multicast 239.74.163.2:43113, joined by obdio and python-can's "
                + "udp_multicast from other processes, no root needed); vcan0 or can0 put it on a "
                + "SocketCAN interface.",
        },
        footer = {
            "",
            "Examples:",
            "  obdio sim -v                    (then: obdio obd udp: scan)",
            "  obdio sim vcan0 --29bit         (then: obdio obd vcan0 scan)",
            "  obdio sim vcan0 --vehicle diesel --latency 20-40",
            "  obdio sim vcan0 --vehicle my-car.yaml --seed 7 -v",
            "  echo 09 02 | isotpsend -s 7E0 -d 7E8 vcan0",
            "      (with isotprecv -s 7E0 -d 7E8 vcan0 running in another shell)",
            "",
            "Vehicles: petrol (default), diesel, hybrid, or a vehicle file (docs/SIMULATOR.md).",
        })
final class SimCommand implements Callable<Integer> {
    /** The bus of {@code obdio sim} without a BUS argument. */
    static final String DEFAULT_BUS = "udp:";

    @Parameters(index = "0", arity = "0..1", paramLabel = "BUS",
            description = "The bus: udp:[GROUP][:PORT], vcan0, can0, virtual:NAME (default: ${DEFAULT-VALUE}).")
    String bus = DEFAULT_BUS;

    @Option(names = "--vehicle", paramLabel = "NAME|FILE",
            description = "petrol, diesel, hybrid or a vehicle file (default: ${DEFAULT-VALUE}).")
    String vehicle = VehicleFiles.DEFAULT;

    @Option(names = "--29bit", description = "Move every ECU to 29-bit ids (0x18DA<ECU>F1, functional 0x18DB33F1).")
    boolean extendedIds;

    @Option(names = "--latency", paramLabel = "MS|MIN-MAX", converter = LatencyConverter.class,
            description = "Response time of the ECUs in ms, fixed or a range drawn per response (0..50; "
                    + "default: the vehicle file's).")
    LatencySpec latency;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for noise, route variation, security seeds "
            + "and latencies (default: the vehicle file's).")
    Long seed;

    @Option(names = "--padding", paramLabel = "XX|none", converter = PaddingConverter.class,
            description = "Pad byte of the ECUs' frames, e.g. CC, 55, AA, or none (default: the vehicle file's).")
    Integer padding;

    @Option(names = "--bs", paramLabel = "N", description = "Block size the ECUs announce for segmented requests "
            + "(0..255; default: the vehicle file's).")
    Integer blockSize;

    @Option(names = "--stmin", paramLabel = "N", description = "STmin byte the ECUs announce: 0..127 ms or "
            + "241..249 for 100..900 us (default: the vehicle file's).")
    Integer stMin;

    @Option(names = "--engine", paramLabel = "auto|java|kernel", converter = EngineConverter.class,
            description = "ISO-TP engine: auto (the kernel's CAN_ISOTP on SocketCAN where available), java, "
                    + "kernel (default: auto).")
    IsoTp.Engine engine = IsoTp.Engine.AUTO;

    @Option(names = "-v", description = "Print one line per request served: time, ECU, id, request, response "
            + "or silence, latency.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    /** A value of {@code -1} from the converter means: no padding. */
    static final int NO_PADDING = -1;

    @Override
    public Integer call() throws InterruptedException {
        if (bus.isBlank()) {
            throw BadInput.withHelp("no bus name given", CanBuses.SYNTAX);
        }
        VehicleDescription description = describe();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AtomicBoolean outputFailed = new AtomicBoolean();
        try (StopSignal stop = StopSignal.onCtrlC()) {
            RequestLog log = verbose ? new PrintingLog(out, stop, outputFailed) : RequestLog.NONE;
            long now = System.nanoTime();
            Vehicle car = seed != null ? Vehicle.create(description, seed, now) : Vehicle.create(description, now);
            try (VehicleServer server = VehicleServer.start(car, bus,
                    ServerOptions.DEFAULTS.withEngine(engine).withRequestLog(log))) {
                banner(err, server);
                while (!stop.await(Duration.ofDays(1))) {
                    // runs until Ctrl-C, or until standard output is gone
                }
                long requests = server.requestsReceived();
                if (!outputFailed.get()) {
                    err.println("obdio sim: stopped after " + requests + " request" + (requests == 1 ? "" : "s") + ".");
                }
            }
        }
        return 0;
    }

    /** The vehicle with the options applied. */
    private VehicleDescription describe() {
        VehicleDescription d = VehicleFiles.resolve(vehicle);
        if (extendedIds) {
            d = d.withExtendedIds();
        }
        if (latency != null) {
            d = d.withLatency(latency);
        }
        IsoTpSpec t = d.isoTp();
        try {
            if (padding != null) {
                t = padding == NO_PADDING ? t.withoutPadding() : t.withPadding(padding);
            }
            if (blockSize != null) {
                t = t.withBlockSize(blockSize);
            }
            if (stMin != null) {
                t = t.withStMin(stMin);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage().replace("blockSize", "bs").replace("stMin", "stmin"));
        }
        return d.withIsoTp(t);
    }

    private static void banner(PrintWriter err, VehicleServer server) {
        Vehicle car = server.vehicle();
        VehicleDescription d = car.description();
        String where = server.busName();
        if (where.equalsIgnoreCase("udp:") || where.equalsIgnoreCase("udp")) {
            where += " (" + UdpMulticastBus.DEFAULT_GROUP_IPV4 + ":" + UdpMulticastBus.DEFAULT_PORT + ")";
        }
        err.printf("obdio sim: %s (VIN %s, seed %d) on %s%n", d.name(), d.vin(), car.seed(), where);
        for (SimulatedEcu ecu : car.ecus()) {
            EcuIds ids = ecu.ids();
            err.printf("  %-13s %s -> %s  %s%n", ecu.name(), id(ids.requestId(), ids.extended()),
                    id(ids.responseId(), ids.extended()), ecu.description().ecuName());
        }
        IsoTpSpec t = d.isoTp();
        err.printf("  %-13s %s (single frames, every ECU answers on its own id)%n", "functional",
                id(car.functionalId(), car.extendedIds()));
        err.printf(Locale.ROOT, "  ISO-TP (%s engine) padding %s, BS %d, STmin 0x%02X; latency %s-%s ms. "
                        + "Ctrl-C stops.%n",
                server.engine().map(e -> e.name().toLowerCase(Locale.ROOT)).orElse("custom"),
                t.padding().isPresent() ? String.format("%02X", t.padding().getAsInt()) : "none", t.blockSize(),
                t.stMin(), num(d.latency().minMs()), num(d.latency().maxMs()));
        err.flush();
    }

    private static String id(int id, boolean extended) {
        return extended ? String.format("%08X", id) : String.format("%03X", id);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Prints the request lines; stops the command when standard output is gone (obdio sim -v | head). */
    private static final class PrintingLog implements RequestLog {
        private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
        private final PrintWriter out;
        private final StopSignal stop;
        private final AtomicBoolean failed;

        PrintingLog(PrintWriter out, StopSignal stop, AtomicBoolean failed) {
            this.out = out;
            this.stop = stop;
            this.failed = failed;
        }

        @Override
        public void served(ServedRequest request) {
            print(request.toLogLine());
        }

        @Override
        public void transportFault(String ecu, String message) {
            print(String.format("%s  %-13s ISO-TP: %s", CLOCK.format(LocalTime.now()), ecu, message));
        }

        private void print(String line) {
            synchronized (out) {
                out.println(line);
                out.flush();
                if (out.checkError()) {
                    failed.set(true);
                    stop.requestStop();
                }
            }
        }
    }

    /** {@code 10} or {@code 5-15}: milliseconds. */
    static final class LatencyConverter implements ITypeConverter<LatencySpec> {
        @Override
        public LatencySpec convert(String value) {
            String[] parts = value.trim().split("-", -1);
            try {
                if (parts.length == 1) {
                    double ms = Double.parseDouble(parts[0]);
                    return new LatencySpec(ms, ms);
                }
                if (parts.length == 2) {
                    return new LatencySpec(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
                }
            } catch (NumberFormatException e) {
                // below
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "': " + e.getMessage()
                        .replace("minMs", "the shortest").replace("maxMs", "the longest") + " ms");
            }
            throw new TypeConversionException("'" + value + "' is not MS or MIN-MAX (milliseconds, e.g. 10 or 5-15)");
        }
    }

    /** A pad byte in hex, or {@code none}. */
    static final class PaddingConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String v = value.trim();
            if (v.equalsIgnoreCase("none")) {
                return NO_PADDING;
            }
            if (v.regionMatches(true, 0, "0x", 0, 2)) {
                v = v.substring(2);
            }
            if (!v.matches("[0-9A-Fa-f]{1,2}")) {
                throw new TypeConversionException("'" + value + "' is not a pad byte in hex (e.g. CC, 55) or none");
            }
            return Integer.parseInt(v, 16);
        }
    }

    /** auto, java or kernel. */
    static final class EngineConverter implements ITypeConverter<IsoTp.Engine> {
        @Override
        public IsoTp.Engine convert(String value) {
            for (IsoTp.Engine e : IsoTp.Engine.values()) {
                if (e.name().equalsIgnoreCase(value.trim())) {
                    return e;
                }
            }
            throw new TypeConversionException("'" + value + "' is not auto, java or kernel");
        }
    }
}
