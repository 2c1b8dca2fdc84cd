package dev.obdio.cli;

import com.corundumstudio.socketio.SocketIOServer;
import dev.obdio.gateway.CorsPolicy;
import dev.obdio.gateway.GatewayConfig;
import dev.obdio.gateway.GatewayException;
import dev.obdio.gateway.ObdIo;
import dev.obdio.gateway.VehicleEventOptions;
import dev.obdio.sim.EmbeddedVehicle;
import dev.obdio.sim.ServerOptions;
import dev.obdio.sim.VehicleDescription;
import dev.obdio.sim.VehicleFiles;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code obdio serve}: serves a vehicle over Socket.IO until Ctrl-C, so that a browser page written
 * for obd-socketio (or any Socket.IO client) reads it. Without a BUS it serves the built-in
 * simulated vehicle on an in-process virtual bus ({@link EmbeddedVehicle}).
 *
 * <p>Safety: it listens on 127.0.0.1 unless {@code --host} says otherwise and warns when another
 * address comes without a token. {@code --allow-write} needs {@code --token}: the gateway serves
 * writes only to clients that presented the token ({@code WriteGate}), so without one it would
 * allow nothing, and the command refuses to start rather than pretend.
 *
 * <p>The URL goes to standard output (one line, so that scripts can take it), warnings and the
 * stop line to standard error, and with {@code -v} one line per client that connects or leaves
 * to standard output.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, separator = " ",
        description = {
            "Serve a vehicle over Socket.IO until Ctrl-C: the events of obd-socketio (python-OBD's API) and "
                + "obdio's extensions (pushed updates, DTCs, vehicle info, raw frames, UDS), for a browser page "
                + "or a script.",
            "Without BUS it serves the built-in simulated car on an in-process virtual bus (no car, no root "
                + "needed). It listens on 127.0.0.1 unless --host says otherwise.",
        },
        footer = {
            "",
            "Examples:",
            "  obdio serve                                  (the simulated petrol car, http://127.0.0.1:48484/)",
            "  obdio serve --vehicle diesel --port 0        (a free port; the URL is printed)",
            "  obdio serve can0 --host 0.0.0.0 --token s3cret --static ./dashboard",
            "  obdio serve vcan0 --token s3cret --allow-write   (clear_dtc and UDS writes for token holders)",
            "  obdio serve --cors http://192.168.4.1:8080   (a page served elsewhere may connect)",
            "",
            "--allow-write needs --token: writes are served only to clients that present it. The token can "
                + "also come from the environment variable OBDIO_TOKEN (it then does not show in ps).",
            "Events and the safety model: docs/SOCKETIO.md.",
        })
final class ServeCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    @Parameters(index = "0", arity = "0..1", paramLabel = "BUS",
            description = "The vehicle's bus: can0, vcan0, udp:[GROUP][:PORT], virtual:NAME "
                    + "(default: the built-in simulated vehicle).")
    String bus;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 serves the LAN (then give a token) (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + GatewayConfig.DEFAULT_PORT,
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:OBDIO_TOKEN}",
            description = "Clients must present this token (io(url, {auth: {token}}) or ?token=) "
                    + "(default: the environment variable OBDIO_TOKEN, else none).")
    String token;

    @Option(names = "--allow-write", description = "Serve events that change the vehicle (clear_dtc, UDS writes, "
            + "resets, routines) to clients that presented the token; needs --token.")
    boolean allowWrite;

    @Option(names = "--static", paramLabel = "DIR", description = "Serve this folder at / (its index.html) instead of the dashboard.")
    Path staticDir;

    @Option(names = "--cors", paramLabel = "ORIGIN", arity = "1..*",
            description = "Origins of pages served elsewhere that may connect, e.g. http://192.168.4.1:8080, "
                    + "or * for any (default: only pages served by this server).")
    List<String> cors = new ArrayList<>();

    @Option(names = "--vehicle", paramLabel = "NAME|FILE",
            description = "Without BUS: the simulated vehicle, petrol, diesel, hybrid or a vehicle file "
                    + "(default: " + VehicleFiles.DEFAULT + ").")
    String vehicle;

    @Mixin
    ObdConnectOptions connect;

    @Option(names = "-v", description = "Print a line for every client that connects or disconnects.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayConfig config = config();
        VehicleDescription simulated = simulatedVehicle();
        if (!isLoopback(host) && config.token().isEmpty()) {
            err.println("obdio serve: warning: listening on " + host + " without --token: anyone on the network can "
                    + "read the vehicle (give --token or set OBDIO_TOKEN)");
            err.flush();
        }
        try (StopSignal stop = StopSignal.onCtrlC();
             EmbeddedVehicle car = simulated == null ? null : EmbeddedVehicle.start(simulated, ServerOptions.DEFAULTS);
             ObdIo io = new ObdIo(connect.toOptions(), VehicleEventOptions.DEFAULTS)) {
            String busName = car == null ? bus : car.busName();
            io.connectObd(busName);
            SocketIOServer sio = io.createServer(config);
            io.setVehicleDescription(car == null ? "vehicle on " + busName
                    : "simulated vehicle (" + vehicleName(simulated) + ")");
            if (staticDir != null) {
                io.server().serveStatic(Map.of("/", staticDir));
            } else {
                serveDefaultPage(io);
            }
            if (verbose) {
                logClients(sio, out);
            }
            InetSocketAddress bound;
            try {
                bound = io.start();
            } catch (GatewayException e) {
                err.println("obdio serve: " + e.getMessage() + (e.getCause() instanceof BindException
                        ? " (is another server running? pick another --port, or --port 0 for a free one)" : ""));
                return ErrorReporter.EXIT_FAILURE;
            }
            banner(out, io, car, busName, bound);
            while (!stop.await(Duration.ofDays(1))) {
                // serves until Ctrl-C
            }
            err.println("obdio serve: stopped.");
        }
        return 0;
    }

    /** The gateway configuration, or an {@link IllegalArgumentException} naming the bad option. */
    private GatewayConfig config() {
        if (host.isBlank()) {
            throw new IllegalArgumentException("--host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, not " + port);
        }
        if (token != null && token.isEmpty()) {
            token = null;
        }
        if (allowWrite && token == null) {
            throw new IllegalArgumentException("--allow-write needs --token: writes are served only to clients that "
                    + "present the token, so without one nothing could write (give --token or set OBDIO_TOKEN)");
        }
        if (staticDir != null && !Files.isDirectory(staticDir)) {
            throw new IllegalArgumentException("--static " + staticDir + ": no such folder");
        }
        CorsPolicy policy;
        try {
            policy = CorsPolicy.of(cors);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cors: " + e.getMessage());
        }
        return GatewayConfig.DEFAULTS.withAddress(host, port).withToken(token).withCors(policy)
                .withAllowWrite(allowWrite);
    }

    /** The vehicle to simulate, or null when a bus was given. */
    private VehicleDescription simulatedVehicle() {
        if (bus != null) {
            if (vehicle != null) {
                throw new IllegalArgumentException("--vehicle chooses the built-in simulated vehicle and cannot go "
                        + "with a BUS (run obdio sim " + bus + " --vehicle " + vehicle + " for a simulated car there)");
            }
            if (bus.isBlank()) {
                throw new IllegalArgumentException("no bus name given");
            }
            return null;
        }
        return VehicleFiles.resolve(vehicle == null ? VehicleFiles.DEFAULT : vehicle);
    }

    /** {@code petrol} for a built-in, the vehicle's own name for a file. */
    private String vehicleName(VehicleDescription simulated) {
        String v = vehicle == null ? VehicleFiles.DEFAULT : vehicle;
        return VehicleFiles.BUILT_IN.contains(v.toLowerCase(Locale.ROOT)) ? v.toLowerCase(Locale.ROOT) : simulated.name();
    }

    /** The page at {@code /} when no {@code --static} folder is given: obdio's dashboard (docs/DASHBOARD.md). */
    private static void serveDefaultPage(ObdIo io) {
        io.serveDashboard();
    }

    private void banner(PrintWriter out, ObdIo io, EmbeddedVehicle car, String busName, InetSocketAddress bound) {
        String what = car == null ? "the vehicle" : "the simulated " + vehicleName(car.vehicle().description())
                + " car (VIN " + car.vehicle().description().vin() + ")";
        out.println("obdio serve: serving " + what + " on " + busName + " at " + io.server().url());
        if (bound.getAddress().isAnyLocalAddress()) {
            for (String address : lanAddresses()) {
                out.println("  on the network: http://" + address + ":" + bound.getPort() + "/");
            }
        }
        out.println("  token " + (token == null ? "none" : "required") + ", writes "
                + (allowWrite ? "allowed to token holders" : "off")
                + ", " + (staticDir != null ? staticDir : "the dashboard") + " at /. Ctrl-C stops.");
        out.flush();
    }

    /** The machine's IPv4 addresses other than loopback, for the URLs to open from a phone. */
    static List<String> lanAddresses() {
        List<String> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                        found.add(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // no list of interfaces: the 127.0.0.1 line is all we can say
        }
        Collections.sort(found);
        return found;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void logClients(SocketIOServer sio, PrintWriter out) {
        sio.addConnectListener(c -> line(out, "client " + c.getSessionId() + " connected from " + c.getRemoteAddress()
                + " (" + c.getTransport().getValue() + ")"));
        sio.addDisconnectListener(c -> line(out, "client " + c.getSessionId() + " disconnected"));
    }

    private static void line(PrintWriter out, String text) {
        synchronized (out) {
            out.println(CLOCK.format(LocalTime.now()) + "  " + text);
            out.flush();
        }
    }
}
