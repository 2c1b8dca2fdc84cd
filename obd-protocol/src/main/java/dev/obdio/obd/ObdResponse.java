package dev.obdio.obd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The decoded answer to one command: python-OBD's {@code OBDResponse}. {@link ObdJson} writes it as
 * {@code {"value":…,"command":{…},"time":…,"unit":…}}, or {@code null} when it has no value.
 *
 * @param command  the command answered
 * @param messages the answers that were accepted for this command's ECUs, as received
 * @param value    the value; empty when no ECU answered usefully or the answer decodes to nothing
 * @param time     when the answer was decoded, epoch milliseconds
 * @param problems why answers were not used (negative responses, malformed answers)
 */
public record ObdResponse(ObdCommand command, List<EcuMessage> messages, Optional<ObdValue> value, long time,
                          List<ObdProblem> problems) {

    /** Validates and copies. */
    public ObdResponse {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(value, "value");
        messages = List.copyOf(messages);
        problems = List.copyOf(problems);
    }

    /** A response without answers (nothing came back) at {@code time}. */
    public static ObdResponse none(ObdCommand command, long time) {
        return new ObdResponse(command, List.of(), Optional.empty(), time, List.of());
    }

    /** Whether there is no value (python-OBD {@code is_null()}). */
    public boolean isNull() {
        return value.isEmpty();
    }

    /** The unit string: the value's {@link ObdValue#unit()}, empty when there is no value. */
    public Optional<String> unit() {
        return value.map(ObdValue::unit);
    }
}
