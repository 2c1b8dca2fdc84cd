package dev.obdio.cli;

import dev.obdio.obd.ConnectProgress;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdJson;
import dev.obdio.obd.ObdProblem;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.ObdUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code obdio obd BUS query NAME…}: reads commands from the vehicle once (mode 01 PIDs together)
 * and prints each value with its unit, or obd-socketio's JSON.
 *
 * <p>Exit status: 0 when every command has a value; 1 when one has none (nobody answered, the
 * ECU refused) or the vehicle does not answer at all; 2 for an unknown name or a bad option.
 */
@Command(name = "query",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Read OBD commands from the vehicle once and print their values.",
            "Example: obdio obd vcan0 query RPM SPEED COOLANT_TEMP"})
final class ObdQueryCommand extends ObdBusCommand {

    @Parameters(arity = "1..*", paramLabel = "NAME",
            description = "python-OBD command names (case-sensitive: RPM, VIN, GET_DTC) or mode and PID in hex (010C)")
    List<String> names = new ArrayList<>();

    @Option(names = "--json", description = "one line per command: the response as obd-socketio sends it (null without a value)")
    boolean json;

    @Option(names = "--imperial", description = "measurements in imperial/US units (mph, degF, psi, miles, …)")
    boolean imperial;

    @Override
    public Integer call() {
        List<ObdCommand> commands = ObdNames.resolve(names);
        try (ObdConnection car = open(ConnectProgress.NONE)) {
            int missing = requireVehicle(car);
            if (missing != 0) {
                return missing;
            }
            Map<ObdCommand, ObdResponse> responses = car.query(commands, true);
            int status = 0;
            for (ObdCommand c : commands) {
                ObdResponse r = responses.get(c);
                if (imperial) {
                    r = new ObdResponse(r.command(), r.messages(), r.value().map(ObdUnits::toImperial), r.time(),
                            r.problems());
                }
                out().println(json ? ObdJson.toJson(r) : c.name() + ": " + ValueText.of(r, false));
                if (r.isNull()) {
                    status = ErrorReporter.EXIT_FAILURE;
                    err().println("obdio obd query: " + c.name() + ": " + reason(car, c, r));
                }
            }
            out().flush();
            err().flush();
            return status;
        }
    }

    /** Why a command has no value, in one line. */
    static String reason(ObdConnection car, ObdCommand c, ObdResponse r) {
        if (!r.problems().isEmpty()) {
            List<String> all = new ArrayList<>();
            for (ObdProblem p : r.problems()) {
                all.add(p.describe());
            }
            return String.join("; ", all);
        }
        return car.supports(c) ? "no answer" : "no answer (the vehicle does not list it as supported)";
    }
}
