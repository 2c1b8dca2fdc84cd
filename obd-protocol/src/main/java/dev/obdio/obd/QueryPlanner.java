package dev.obdio.obd;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the commands to read into requests: mode 01 data PIDs go together, up to
 * {@code maxPids} in one request, when every ECU expected to answer them accepts several PIDs at
 * once (or has not been tried); everything else (other modes, supported-PID masks, PIDs an ECU
 * that rejects batches has to answer, commands no ECU is known to support) is asked alone.
 */
final class QueryPlanner {
    private static final int CURRENT_DATA = 0x01;

    /** One request to send. */
    sealed interface Planned {
        /** The commands it reads. */
        List<ObdCommand> commands();

        /** The request bytes. */
        byte[] requestBytes();

        /** The ECUs expected to answer. */
        Set<Integer> expected();
    }

    /**
     * One command on its own.
     *
     * @param command  the command
     * @param expected the ECUs expected to answer
     */
    record Single(ObdCommand command, Set<Integer> expected) implements Planned {
        @Override
        public List<ObdCommand> commands() {
            return List.of(command);
        }

        @Override
        public byte[] requestBytes() {
            return command.request();
        }
    }

    /**
     * Several mode 01 PIDs in one request.
     *
     * @param request    the request
     * @param perCommand the ECUs expected to answer each PID
     */
    record Batch(MultiPidRequest request, Map<ObdCommand, Set<Integer>> perCommand) implements Planned {
        @Override
        public List<ObdCommand> commands() {
            return request.commands();
        }

        @Override
        public byte[] requestBytes() {
            return request.request();
        }

        @Override
        public Set<Integer> expected() {
            Set<Integer> all = new TreeSet<>();
            perCommand.values().forEach(all::addAll);
            return all;
        }
    }

    private QueryPlanner() {
    }

    /**
     * The requests for {@code commands} (duplicates dropped), batches first in command order.
     *
     * @param state    the ECUs and what they support
     * @param multiPid what each ECU does with batches
     * @param maxPids  PIDs per request, 1..6
     */
    static List<Planned> plan(List<ObdCommand> commands, VehicleState state, Map<Integer, MultiPidSupport> multiPid,
                              int maxPids) {
        List<Planned> out = new ArrayList<>();
        List<ObdCommand> batchable = new ArrayList<>();
        List<Single> singles = new ArrayList<>();
        for (ObdCommand c : new LinkedHashSet<>(commands)) {
            Set<Integer> expected = expected(c, state);
            boolean rejecting = expected.stream()
                    .anyMatch(id -> multiPid.getOrDefault(id, MultiPidSupport.UNKNOWN) == MultiPidSupport.REJECTS);
            if (maxPids > 1 && isBatchable(c) && !expected.isEmpty() && !rejecting) {
                batchable.add(c);
            } else {
                singles.add(new Single(c, expected));
            }
        }
        for (int from = 0; from < batchable.size(); from += maxPids) {
            List<ObdCommand> chunk = batchable.subList(from, Math.min(batchable.size(), from + maxPids));
            if (chunk.size() == 1) {
                out.add(new Single(chunk.get(0), expected(chunk.get(0), state)));
                continue;
            }
            Map<ObdCommand, Set<Integer>> per = new java.util.LinkedHashMap<>();
            chunk.forEach(c -> per.put(c, expected(c, state)));
            out.add(new Batch(new MultiPidRequest(chunk), per));
        }
        out.addAll(singles);
        return out;
    }

    /** Whether a command may share a mode 01 request with others. */
    static boolean isBatchable(ObdCommand c) {
        return !c.isAdapterCommand() && c.mode().orElse(-1) == CURRENT_DATA && c.pid().isPresent()
                && c.decoder() != Decoders.PID && c.bytes() >= 2;
    }

    /**
     * The ECUs expected to answer {@code c}: those whose role the command accepts and that support
     * it; for the DTC services (03, 04, 07, 0A), which every emission ECU answers, all of them with
     * an accepted role. Empty when nothing is known.
     */
    static Set<Integer> expected(ObdCommand c, VehicleState state) {
        Set<Integer> out = new TreeSet<>();
        boolean everyEcu = c.pid().isEmpty() && !c.isAdapterCommand();
        for (Ecu e : state.ecus().values()) {
            if (c.accepts(e.role()) && (everyEcu || e.supports(c))) {
                out.add(e.responseId());
            }
        }
        return out;
    }
}
