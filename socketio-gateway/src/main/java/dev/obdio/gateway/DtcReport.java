package dev.obdio.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.obdio.obd.Dtc;
import dev.obdio.obd.DtcList;
import dev.obdio.obd.EcuMessage;
import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import dev.obdio.obd.ObdConnection;
import dev.obdio.obd.ObdProblem;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The reply to {@code dtc}: the vehicle's trouble codes of every ECU and the MIL.
 * {@code {"mil":true,"dtc_count":2,"stored":[{"code":"P0301","desc":"Cylinder 1 Misfire Detected",
 * "ecu":"7E8","role":"engine"}],"pending":[],"permanent":[],"problems":[],"time":1700000000000}}.
 * A list is {@code null} when no ECU answered its request (the reasons are in {@code problems});
 * {@code mil} and {@code dtc_count} (OBD mode 01 PID 01) are {@code null} when it was not read.
 *
 * @param mil       whether the malfunction indicator lamp is on
 * @param dtcCount  the number of stored codes the engine reports with the MIL
 * @param stored    mode 03: confirmed codes
 * @param pending   mode 07: codes of the current or last driving cycle
 * @param permanent mode 0A: codes that clearing cannot erase
 * @param problems  why a list or the MIL could not be read, for people
 * @param time      when the reading ended, epoch milliseconds
 */
@JsonPropertyOrder({"mil", "dtc_count", "stored", "pending", "permanent", "problems", "time"})
record DtcReport(Boolean mil, @JsonProperty("dtc_count") Integer dtcCount, List<Entry> stored, List<Entry> pending,
                 List<Entry> permanent, List<String> problems, long time) {

    /**
     * One code as one ECU reported it.
     *
     * @param code the code, e.g. {@code P0301}
     * @param desc its generic description, or {@code ""}
     * @param ecu  the id the ECU answers on ({@code 7E8})
     * @param role {@code engine}, {@code transmission} or {@code unknown}
     */
    @JsonPropertyOrder({"code", "desc", "ecu", "role"})
    record Entry(String code, String desc, String ecu, String role) {
    }

    /** Reads the three lists and the MIL (four requests; blocking). */
    static DtcReport read(ObdConnection car) {
        List<String> problems = new ArrayList<>();
        Boolean mil = null;
        Integer count = null;
        ObdResponse status = car.read(List.of(ObdCommands.STATUS), false).get(ObdCommands.STATUS);
        if (status.value().isPresent() && status.value().get() instanceof Status s) {
            mil = s.mil();
            count = s.dtcCount();
        } else {
            problems.add("MIL: " + reasons(List.of(status), ObdCommands.STATUS));
        }
        List<Entry> stored = list(car, ObdCommands.GET_DTC, "stored", problems);
        List<Entry> pending = list(car, ObdCommands.GET_CURRENT_DTC, "pending", problems);
        List<Entry> permanent = list(car, ObdCommands.GET_PERMANENT_DTC, "permanent", problems);
        return new DtcReport(mil, count, stored, pending, permanent, problems, System.currentTimeMillis());
    }

    private static List<Entry> list(ObdConnection car, ObdCommand command, String kind, List<String> problems) {
        List<ObdResponse> perEcu = new ArrayList<>(car.queryEach(command, true));
        if (perEcu.stream().allMatch(ObdResponse::isNull)) {
            problems.add(kind + ": " + reasons(perEcu, command));
            return null;
        }
        perEcu.sort(Comparator.comparingInt(r -> r.messages().isEmpty() ? -1 : r.messages().get(0).sourceId()));
        List<Entry> out = new ArrayList<>();
        for (ObdResponse r : perEcu) {
            if (r.value().isEmpty() || !(r.value().get() instanceof DtcList codes)) {
                continue;
            }
            EcuMessage from = r.messages().isEmpty() ? null : r.messages().get(0);
            for (Dtc d : codes.codes()) {
                out.add(new Entry(d.code(), d.description(), from == null ? "" : ecuName(from.sourceId()),
                        from == null ? "unknown" : from.role().name().toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }

    private static String reasons(List<ObdResponse> responses, ObdCommand command) {
        List<String> all = new ArrayList<>();
        for (ObdResponse r : responses) {
            for (ObdProblem p : r.problems()) {
                all.add(p.describe());
            }
        }
        return all.isEmpty() ? "no ECU answered " + command.requestHex() : String.join("; ", all);
    }

    static String ecuName(int id) {
        return String.format(Locale.ROOT, id > 0x7FF ? "%08X" : "%03X", id);
    }
}
