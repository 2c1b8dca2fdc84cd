package dev.obdio.cli;

import dev.obdio.obd.Dtc;
import dev.obdio.obd.DtcList;
import dev.obdio.obd.ObdJson;
import dev.obdio.obd.ObdResponse;
import dev.obdio.obd.ObdUnits;
import dev.obdio.obd.ObdValue;
import dev.obdio.obd.Quantity;
import dev.obdio.obd.Status;
import dev.obdio.obd.TextValue;
import java.util.Locale;
import java.util.stream.Collectors;

/** Values as people read them on a terminal: {@code 1726.0 revolutions_per_minute}, {@code P0104 (…)}. */
final class ValueText {
    private ValueText() {
    }

    /** The value of a response, converted to imperial units if asked; {@code "no value"} without one. */
    static String of(ObdResponse r, boolean imperial) {
        return r.value().map(v -> of(imperial ? ObdUnits.toImperial(v) : v)).orElse("no value");
    }

    /** One value. */
    static String of(ObdValue v) {
        if (v instanceof Quantity q) {
            return q.toString();
        }
        if (v instanceof TextValue t) {
            return t.text();
        }
        if (v instanceof Dtc d) {
            return dtc(d);
        }
        if (v instanceof DtcList l) {
            return l.codes().isEmpty() ? "none" : l.codes().stream().map(ValueText::dtc).collect(Collectors.joining(", "));
        }
        if (v instanceof Status s) {
            return String.format(Locale.ROOT, "MIL %s, %d DTC%s, %s ignition", s.mil() ? "on" : "off", s.dtcCount(),
                    s.dtcCount() == 1 ? "" : "s", s.ignitionType().label());
        }
        return ObdJson.toJson(v);
    }

    private static String dtc(Dtc d) {
        return d.description().isEmpty() ? d.code() : d.code() + " (" + d.description() + ")";
    }
}
