package dev.obdio.cli;

import dev.obdio.obd.ClearConfirmation;
import dev.obdio.obd.ConnectProgress;
import dev.obdio.obd.DtcClearResult;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdProblem;
import dev.obdio.obd.ObdResponse;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code obdio obd BUS dtc [--pending] [--permanent] [--clear --yes]}: the trouble codes of every
 * ECU (stored by default), or clearing them. Clearing erases more than the codes (see
 * {@link ClearConfirmation}), so it needs {@code --yes}; without it the command explains and
 * refuses.
 *
 * <p>Exit status: 0 when the lists were read (or the codes cleared); 1 when the vehicle does not
 * answer or refuses to clear; 2 for {@code --clear} without {@code --yes} or a bad option.
 */
@Command(name = "dtc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show the diagnostic trouble codes of every ECU, or clear them.",
            "Example: obdio obd can0 dtc --pending"})
final class ObdDtcCommand extends ObdBusCommand {
    static final String CLEAR_WARNING = """
            Clearing DTCs (OBD mode 04) erases, in every ECU that accepts it: the stored and pending
            trouble codes, the freeze frames, the readiness monitors (the vehicle fails an emissions
            inspection until they have run again, which takes days of driving), oxygen sensor and
            on-board monitoring results, and the distance and time since the MIL came on. It does
            not repair anything. Most ECUs only accept it with the ignition on and the engine off.
            To do it, run the command again with --clear --yes.""";

    @Option(names = "--stored", description = "stored DTCs (mode 03; the default when no list is named)")
    boolean stored;

    @Option(names = "--pending", description = "pending DTCs of the current or last driving cycle (mode 07)")
    boolean pending;

    @Option(names = "--permanent", description = "permanent DTCs, which clearing cannot erase (mode 0A)")
    boolean permanent;

    @Option(names = "--clear", description = "clear the DTCs (mode 04; needs --yes)")
    boolean clear;

    @Option(names = "--yes", description = "confirm --clear")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (clear && !yes) {
            err().println("obdio obd dtc: --clear needs --yes.");
            err().println(CLEAR_WARNING);
            err().flush();
            return spec.exitCodeOnInvalidInput();
        }
        if (yes && !clear) {
            throw new IllegalArgumentException("--yes confirms --clear; there is nothing to confirm");
        }
        try (ObdConnection car = open(ConnectProgress.NONE)) {
            int missing = requireVehicle(car);
            if (missing != 0) {
                return missing;
            }
            return clear ? clear(car, out) : list(car, out);
        }
    }

    private int list(ObdConnection car, PrintWriter out) {
        List<ObdCommand> kinds = new ArrayList<>();
        if (stored || (!pending && !permanent)) {
            kinds.add(ObdCommands.GET_DTC);
        }
        if (pending) {
            kinds.add(ObdCommands.GET_CURRENT_DTC);
        }
        if (permanent) {
            kinds.add(ObdCommands.GET_PERMANENT_DTC);
        }
        int status = 0;
        for (ObdCommand c : kinds) {
            String kind = c == ObdCommands.GET_DTC ? "stored" : c == ObdCommands.GET_CURRENT_DTC ? "pending" : "permanent";
            List<ObdResponse> perEcu = car.queryEach(c, true);
            if (perEcu.stream().allMatch(ObdResponse::isNull)) {
                err().println("obdio obd dtc: no ECU answered the request for " + kind + " DTCs (" + c.requestHex()
                        + ")" + reasons(perEcu));
                status = ErrorReporter.EXIT_FAILURE;
                continue;
            }
            ObdScanCommand.printDtcs(out, kind, perEcu);
        }
        out.flush();
        err().flush();
        return status;
    }

    private static String reasons(List<ObdResponse> perEcu) {
        List<String> all = new ArrayList<>();
        perEcu.forEach(r -> r.problems().forEach(p -> all.add(p.describe())));
        return all.isEmpty() ? "" : ": " + String.join("; ", all);
    }

    private int clear(ObdConnection car, PrintWriter out) {
        DtcClearResult result = car.clearDtcs(ClearConfirmation.ERASE_DTCS_FREEZE_FRAMES_AND_READINESS);
        for (int id : result.cleared()) {
            String name = car.ecus().stream().filter(e -> e.responseId() == id).findFirst()
                    .map(e -> e.name() + " (" + e.role().name().toLowerCase(Locale.ROOT) + ")")
                    .orElse(String.format(Locale.ROOT, "%X", id));
            out.println("Cleared: ECU " + name);
        }
        for (ObdProblem p : result.problems()) {
            err().println("obdio obd dtc: " + p.describe());
        }
        out.flush();
        err().flush();
        return result.success() ? 0 : ErrorReporter.EXIT_FAILURE;
    }
}
