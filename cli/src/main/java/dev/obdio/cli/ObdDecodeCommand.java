package dev.obdio.cli;

import dev.obdio.obd.EcuMessage;
import dev.obdio.obd.EcuRole;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdJson;
import dev.obdio.obd.ObdProblem;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.ObdUnits;
import dev.obdio.obd.ObdValue;
import dev.obdio.obd.Quantity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code obdio obd decode COMMAND HEX…}: decodes captured answers (one hex string per ECU message,
 * mode and PID bytes included) as python-OBD would, and prints {@code {"value":…,"unit":…}} as
 * obd-socketio encodes them. Runs on the calling thread, touches no bus.
 *
 * <p>Exit status: 0 with a value or a legitimate "no value"; 1 when every answer was refused or
 * malformed (the problems go to stderr); 2 for an unknown command, bad hex or a bad option.
 */
@Command(name = "decode",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Decode captured OBD answers and print {\"value\":…,\"unit\":…} as obd-socketio sends them.",
            "Example: obdio obd decode RPM 410C1AF8"})
final class ObdDecodeCommand implements Callable<Integer> {
    private static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COMMAND",
            description = "python-OBD command name (case-sensitive, e.g. RPM, VIN, GET_DTC) or mode and PID in hex (010C)")
    String commandName;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "HEX",
            description = "one answer per ECU in hex, mode and PID bytes included (e.g. 410C1AF8; '41 0C 1A F8' and "
                    + "41.0C.1A.F8 also work); for ELM327 adapter commands the adapter's text")
    List<String> answers = new ArrayList<>();

    @Option(names = "--json-full", description = "print the whole response: {\"value\",\"command\",\"time\",\"unit\"}"
            + " (null without a value)")
    boolean jsonFull;

    @Option(names = "--ecu", paramLabel = "ROLE",
            description = "ECU the answers come from: engine, transmission or unknown (default: one the command asks)")
    String ecu;

    @Option(names = "--to", paramLabel = "UNIT", description = "convert a measurement, e.g. mph, degF, psi")
    String toUnit;

    @Option(names = "--imperial", description = "show measurements in imperial/US units (mph, degF, psi, miles, …)")
    boolean imperial;

    @Option(names = "--time", paramLabel = "EPOCH_MS", description = "response time for --json-full (default: now)")
    Long time;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ObdCommand> found = ObdCommands.byName(commandName).or(() -> isHex(commandName)
                ? ObdCommands.byCommand(commandName) : Optional.empty());
        if (found.isEmpty()) {
            List<String> close = ObdCommands.closeNames(commandName, 5);
            err.println("obdio obd decode: unknown OBD command '" + commandName + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
            return EXIT_USAGE;
        }
        ObdCommand command = found.get();
        List<EcuMessage> messages = new ArrayList<>();
        try {
            EcuRole role = ecu != null ? EcuRole.parse(ecu) : defaultRole(command);
            for (String answer : answers) {
                messages.add(command.isAdapterCommand() ? EcuMessage.ofText(role, List.of(answer))
                        : EcuMessage.ofHex(role, answer));
            }
        } catch (IllegalArgumentException e) {
            err.println("obdio obd decode: " + e.getMessage());
            return EXIT_USAGE;
        }
        ObdResponse response = command.decode(messages, time != null ? time : System.currentTimeMillis());
        for (ObdProblem p : response.problems()) {
            err.println("obdio obd decode: " + p.describe());
        }
        if (response.messages().isEmpty()) {
            err.println("obdio obd decode: " + command.name() + " does not use answers from the "
                    + messages.get(0).role().name().toLowerCase(java.util.Locale.ROOT) + " ECU (--ecu)");
        }
        Optional<ObdValue> value;
        try {
            value = response.value().map(this::convert);
        } catch (IllegalArgumentException e) {
            err.println("obdio obd decode: " + e.getMessage());
            return EXIT_USAGE;
        }
        ObdResponse shown = new ObdResponse(command, response.messages(), value, response.time(), response.problems());
        out.println(jsonFull ? ObdJson.toJson(shown) : ObdJson.toValueJson(shown));
        out.flush();
        return value.isEmpty() && !response.problems().isEmpty() ? ErrorReporter.EXIT_FAILURE : 0;
    }

    private ObdValue convert(ObdValue v) {
        if (toUnit != null) {
            if (!(v instanceof Quantity q)) {
                throw new IllegalArgumentException("--to " + toUnit + ": the value of " + commandName
                        + " is not a measurement");
            }
            return q.to(toUnit);
        }
        return imperial ? ObdUnits.toImperial(v) : v;
    }

    /** The role to tag typed-in answers with: the engine when the command asks it, else any role it accepts. */
    private static EcuRole defaultRole(ObdCommand command) {
        if (command.accepts(EcuRole.ENGINE)) {
            return EcuRole.ENGINE;
        }
        for (EcuRole r : EcuRole.values()) {
            if (command.accepts(r)) {
                return r;
            }
        }
        return EcuRole.UNKNOWN;
    }

    private static boolean isHex(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
