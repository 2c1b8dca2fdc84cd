package dev.obdio.cli;

import dev.obdio.obd.Ecu;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.ObdStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code obdio obd BUS scan}: what is on the bus. The ECUs that answer with their roles, the
 * protocol, each ECU's supported commands, the VIN, calibration ids and CVNs, the monitor
 * status and the stored, pending and permanent DTCs. A progress bar on stderr while it asks
 * (when stderr is a terminal).
 *
 * <p>Exit status: 0 when a vehicle answered; 1 when none did; 2 for a bad option.
 */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Find the ECUs on the bus and show what they support, the VIN, calibration ids and DTCs.",
            "Example: obdio obd can0 scan"})
final class ObdScanCommand extends ObdBusCommand {
    private static final int LINE = 100;
    private static final List<ObdCommand> PER_ECU = List.of(ObdCommands.CALIBRATION_ID, ObdCommands.CVN,
            ObdCommands.ECU_NAME);
    private static final Map<ObdCommand, String> DTC_KINDS = new LinkedHashMap<>();

    static {
        DTC_KINDS.put(ObdCommands.GET_DTC, "stored");
        DTC_KINDS.put(ObdCommands.GET_CURRENT_DTC, "pending");
        DTC_KINDS.put(ObdCommands.GET_PERMANENT_DTC, "permanent");
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        ProgressLine progress = new ProgressLine(err(), System.console() != null,
                2 + PER_ECU.size() + DTC_KINDS.size());
        try (ObdConnection car = open(progress)) {
            if (car.status() != ObdStatus.CAR_CONNECTED) {
                progress.finish();
                return requireVehicle(car);
            }
            int step = 0;
            progress.own("0902 VIN", step++);
            ObdResponse vin = car.query(ObdCommands.VIN, true);
            progress.own("0101 STATUS", step++);
            ObdResponse status = car.supports(ObdCommands.STATUS) ? car.query(ObdCommands.STATUS) : null;
            Map<ObdCommand, List<ObdResponse>> perEcu = new LinkedHashMap<>();
            for (ObdCommand c : PER_ECU) {
                progress.own(c.requestHex() + " " + c.name(), step++);
                perEcu.put(c, supportedAnywhere(car, c) ? car.queryEach(c, true) : List.of());
            }
            Map<ObdCommand, List<ObdResponse>> dtcs = new LinkedHashMap<>();
            for (ObdCommand c : DTC_KINDS.keySet()) {
                progress.own(c.requestHex() + " " + c.name(), step++);
                dtcs.put(c, car.queryEach(c, true));
            }
            progress.finish();

            out.println("Bus:       " + car.portName());
            out.println("Status:    " + car.status());
            out.println("Protocol:  " + car.protocolName() + " (ELM327 protocol " + car.protocolId() + ")");
            out.println("VIN:       " + ValueText.of(vin, false));
            if (status != null) {
                out.println("Monitors:  " + ValueText.of(status, false));
            }
            for (Ecu e : car.ecus()) {
                out.println();
                out.println("ECU " + e.name() + " (" + e.role().name().toLowerCase(Locale.ROOT) + "), requests on "
                        + String.format(Locale.ROOT, e.extendedIds() ? "%08X" : "%03X", e.requestId()));
                for (Map.Entry<ObdCommand, List<ObdResponse>> r : perEcu.entrySet()) {
                    fromEcu(r.getValue(), e).ifPresent(v -> out.println("  " + label(r.getKey()) + v));
                }
                out.println("  Supported (" + e.supportedCommands().size() + "):");
                wrap(out, e.supportedCommands().stream().map(ObdCommand::name).toList());
            }
            out.println();
            for (Map.Entry<ObdCommand, List<ObdResponse>> d : dtcs.entrySet()) {
                printDtcs(out, DTC_KINDS.get(d.getKey()), d.getValue());
            }
            out.flush();
            return 0;
        }
    }

    private static boolean supportedAnywhere(ObdConnection car, ObdCommand c) {
        return car.ecus().stream().anyMatch(e -> e.supports(c));
    }

    private static String label(ObdCommand c) {
        return switch (c.name()) {
            case "CALIBRATION_ID" -> "Calibration ID: ";
            case "CVN" -> "CVN:            ";
            default -> "ECU name:       ";
        };
    }

    private static java.util.Optional<String> fromEcu(List<ObdResponse> responses, Ecu e) {
        for (ObdResponse r : responses) {
            if (!r.messages().isEmpty() && r.messages().get(0).sourceId() == e.responseId() && r.value().isPresent()) {
                return java.util.Optional.of(ValueText.of(r, false));
            }
        }
        return java.util.Optional.empty();
    }

    private static void wrap(PrintWriter out, List<String> words) {
        StringBuilder line = new StringBuilder("    ");
        for (String w : words) {
            if (line.length() + w.length() + 1 > LINE && line.length() > 4) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder("    ");
            }
            line.append(w).append(' ');
        }
        if (line.length() > 4) {
            out.println(line.toString().stripTrailing());
        }
    }

    /** Prints one kind of DTC list, per ECU. */
    static void printDtcs(PrintWriter out, String kind, List<ObdResponse> perEcu) {
        List<String> lines = new ArrayList<>();
        List<ObdResponse> byEcu = new ArrayList<>(perEcu);
        byEcu.sort(java.util.Comparator.comparingInt(r -> r.messages().isEmpty() ? -1 : r.messages().get(0).sourceId()));
        for (ObdResponse r : byEcu) {
            if (r.value().isEmpty() || !(r.value().get() instanceof dev.obdio.obd.DtcList list)) {
                continue;
            }
            String from = r.messages().isEmpty() ? "" : ecuName(r.messages().get(0));
            for (dev.obdio.obd.Dtc d : list.codes()) {
                lines.add(String.format(Locale.ROOT, "  %s  %-60s %s", d.code(), d.description(), from).stripTrailing());
            }
        }
        String title = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " DTCs:";
        if (lines.isEmpty()) {
            out.println(title + " none");
        } else {
            out.println(title);
            lines.forEach(out::println);
        }
    }

    private static String ecuName(dev.obdio.obd.EcuMessage m) {
        String id = String.format(Locale.ROOT, m.sourceId() > 0x7FF ? "%08X" : "%03X", m.sourceId());
        return "[ECU " + id + " " + m.role().name().toLowerCase(Locale.ROOT) + "]";
    }
}
