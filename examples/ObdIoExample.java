import dev.obdio.gateway.EventException;
import dev.obdio.gateway.EventReply;
import dev.obdio.gateway.GatewayConfig;
import dev.obdio.gateway.ObdIo;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdResponse;
import dev.obdio.sim.EmbeddedVehicle;
import java.util.List;
import java.util.Map;

/**
 * obd-socketio's OBDio in Java: serve a vehicle to browser pages and scripts over Socket.IO, with
 * an event of one's own. Without arguments it serves the built-in simulated car; give a bus
 * (can0, vcan0, udp:) for a real one.
 *
 * <pre>
 * java -cp cli/target/obdio.jar examples/ObdIoExample.java [BUS]
 * </pre>
 * then, from a page or script with socket.io-client 4:
 * <pre>
 * const socket = io("http://127.0.0.1:48484");
 * socket.emit("subscribe", {names: ["RPM", "SPEED"], hz: 10});
 * socket.on("update", (u) => console.log(u.responses.RPM.value));
 * socket.emit("rpm_and_speed", null, (reply) => console.log(reply));
 * </pre>
 */
public class ObdIoExample {

    /** Serves the vehicle on {@code bus}: every default event plus one of ours. */
    static ObdIo serve(String bus, int port) throws Exception {
        ObdIo io = new ObdIo();
        io.connectObd(bus);                    // blocks while it finds the ECUs; callable again any time
        io.createServer(GatewayConfig.DEFAULTS.withAddress("127.0.0.1", port)); // .withToken(…) before the LAN
        io.setWatchCallback(r -> { });         // sees every new value of the shared watch loop
        io.createEvent("rpm_and_speed", request -> {   // runs on a handler thread: blocking is fine
            ObdConnection car = io.connection().orElseThrow(() -> new EventException("not connected"));
            Map<ObdCommand, ObdResponse> now = car.read(List.of(ObdCommands.RPM, ObdCommands.SPEED), false);
            return EventReply.emit(Map.of(
                    "rpm", now.get(ObdCommands.RPM).value().map(Object::toString).orElse("?"),
                    "speed", now.get(ObdCommands.SPEED).value().map(Object::toString).orElse("?")));
        });
        io.start();
        System.out.println("serving " + bus + " at " + io.server().url());
        return io;
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedVehicle simulated = args.length == 0 ? EmbeddedVehicle.start() : null;
             ObdIo io = serve(simulated != null ? simulated.busName() : args[0], GatewayConfig.DEFAULT_PORT)) {
            Runtime.getRuntime().addShutdownHook(new Thread(io::close)); // Ctrl-C
            io.server().awaitClose();
        }
    }
}
