package dev.obdio.gateway;

import dev.obdio.obd.ObdCommand;
import dev.obdio.obd.ObdCommands;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * OBD command names as the events take them: python-OBD's names, case-sensitive ({@code "RPM"},
 * not {@code "rpm"}), as obd-socketio's {@code obd.commands[name]}.
 */
final class CommandNames {

    /**
     * Names sorted into commands and unknown names.
     *
     * @param commands the known ones, each once, in the order given
     * @param unknown  the names no command has
     */
    record Resolved(List<ObdCommand> commands, List<String> unknown) {
        Resolved {
            commands = List.copyOf(commands);
            unknown = List.copyOf(unknown);
        }

        /** An error message naming the unknown names (with close names for the first), or empty. */
        String unknownMessage() {
            if (unknown.isEmpty()) {
                return "";
            }
            List<String> close = ObdCommands.closeNames(unknown.get(0), 3);
            String hint = close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)";
            return (unknown.size() == 1 ? "unknown OBD command " : "unknown OBD commands ")
                    + String.join(", ", unknown) + hint + "; names are python-OBD's, case-sensitive";
        }

        /** Tells the client of the unknown names with one {@code error} event for {@code event}, if any. */
        void reportUnknown(EventRequest request, String event) {
            if (!unknown.isEmpty()) {
                request.client().emit(ErrorPayload.EVENT, new ErrorPayload(event, unknownMessage()));
            }
        }
    }

    private CommandNames() {
    }

    /** The command of one name. */
    static ObdCommand resolve(String name) throws EventException {
        Resolved r = resolveAll(List.of(name));
        if (!r.unknown().isEmpty()) {
            throw new EventException(r.unknownMessage());
        }
        return r.commands().get(0);
    }

    /** The commands of many names; unknown names are set aside, not fatal. */
    static Resolved resolveAll(List<String> names) {
        LinkedHashSet<ObdCommand> known = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            ObdCommands.byName(n).ifPresentOrElse(known::add, () -> unknown.add(n));
        }
        return new Resolved(new ArrayList<>(known), unknown);
    }

    /** {@code "RPM, SPEED"}. */
    static String names(List<ObdCommand> commands) {
        return String.join(", ", commands.stream().map(ObdCommand::name).toList());
    }
}
