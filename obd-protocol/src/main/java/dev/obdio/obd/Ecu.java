package dev.obdio.obd;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One ECU that answered, as an {@link ObdConnection} knows it.
 *
 * @param responseId        the CAN id it answers on ({@code 0x7E8}, {@code 0x18DAF110}); names the ECU
 * @param requestId         the CAN id of physical requests to it ({@code 0x7E0}, {@code 0x18DA10F1}),
 *                          on which it also receives our flow control
 * @param extendedIds       whether the ids are 29-bit
 * @param role              engine, transmission or unknown, assigned as python-OBD does
 * @param supportedCommands the commands its supported-PID masks list (modes 01, 02, 06, 09, sorted
 *                          by mode then PID), empty until they were read
 */
public record Ecu(int responseId, int requestId, boolean extendedIds, EcuRole role,
                  Set<ObdCommand> supportedCommands) {

    /** Validates and copies. */
    public Ecu {
        Objects.requireNonNull(role, "role");
        supportedCommands = Collections.unmodifiableSet(new LinkedHashSet<>(supportedCommands));
    }

    /** Whether its masks list {@code command}. */
    public boolean supports(ObdCommand command) {
        return supportedCommands.contains(command);
    }

    /** The answer id as people write it: {@code 7E8}, {@code 18DAF110}. */
    public String name() {
        return String.format(Locale.ROOT, extendedIds ? "%08X" : "%03X", responseId);
    }

    /** The same ECU with another role. */
    Ecu withRole(EcuRole value) {
        return new Ecu(responseId, requestId, extendedIds, value, supportedCommands);
    }

    /** The same ECU with other supported commands. */
    Ecu withSupported(Set<ObdCommand> value) {
        return new Ecu(responseId, requestId, extendedIds, role, value);
    }

    @Override
    public String toString() {
        return "ECU " + name() + " (" + role.name().toLowerCase(Locale.ROOT) + ", "
                + supportedCommands.size() + " commands)";
    }
}
