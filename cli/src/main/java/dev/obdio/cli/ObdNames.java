package dev.obdio.cli;

import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Command names as users type them: python-OBD's (case-sensitive) or mode and PID in hex. */
final class ObdNames {
    private ObdNames() {
    }

    /** The command for {@code name}, if there is one. */
    static Optional<ObdCommand> find(String name) {
        return ObdCommands.byName(name).or(() -> isHex(name) ? ObdCommands.byCommand(name) : Optional.empty());
    }

    /**
     * The commands for {@code names}.
     *
     * @throws IllegalArgumentException naming the first unknown one, with close names
     */
    static List<ObdCommand> resolve(List<String> names) {
        List<ObdCommand> out = new ArrayList<>();
        for (String n : names) {
            Optional<ObdCommand> c = find(n);
            if (c.isEmpty()) {
                List<String> close = ObdCommands.closeNames(n, 5);
                throw new IllegalArgumentException("unknown OBD command '" + n + "'"
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
            }
            if (!out.contains(c.get())) {
                out.add(c.get());
            }
        }
        return out;
    }

    private static boolean isHex(String s) {
        return !s.isEmpty() && s.length() % 2 == 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
