package dev.obdio.obd;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mode 01 request for up to six PIDs ({@code 01 0C 0D 05}) and the splitting of its answer,
 * which lists each supported PID followed by its data bytes ({@code 41 0C 1A F8 0D 37 05 7B}); a
 * PID the ECU does not support is simply left out. Data lengths come from each command's response
 * length. SAE J1979 forbids mixing supported-PID masks (PIDs 00, 20, 40, ...) with data PIDs in one
 * request; that is refused here.
 *
 * @param commands the mode 01 commands asked for, in request order
 */
public record MultiPidRequest(List<ObdCommand> commands) {

    /** Most PIDs one request may carry (SAE J1979). */
    public static final int MAX_PIDS = 6;
    private static final int MODE = 0x01;
    private static final int POSITIVE = 0x41;

    /** Validates. */
    public MultiPidRequest {
        commands = List.copyOf(commands);
        if (commands.isEmpty() || commands.size() > MAX_PIDS) {
            throw new IllegalArgumentException("a multi-PID request carries 1.." + MAX_PIDS + " PIDs, not "
                    + commands.size());
        }
        Set<Integer> pids = new HashSet<>();
        int masks = 0;
        for (ObdCommand c : commands) {
            if (c.mode().orElse(-1) != MODE || c.pid().isEmpty() || c.bytes() < 2) {
                throw new IllegalArgumentException(c.name() + " is not a mode 01 PID command");
            }
            if (!pids.add(c.pid().getAsInt())) {
                throw new IllegalArgumentException(c.name() + " is asked for twice");
            }
            masks += c.decoder() == Decoders.PID ? 1 : 0;
        }
        if (masks != 0 && masks != commands.size()) {
            throw new IllegalArgumentException("supported-PID masks cannot be asked for together with data PIDs");
        }
    }

    /** A request for {@code commands}. */
    public static MultiPidRequest of(ObdCommand... commands) {
        return new MultiPidRequest(List.of(commands));
    }

    /** The request bytes: {@code 01} then each PID. */
    public byte[] request() {
        byte[] r = new byte[1 + commands.size()];
        r[0] = MODE;
        for (int i = 0; i < commands.size(); i++) {
            r[i + 1] = (byte) commands.get(i).pid().getAsInt();
        }
        return r;
    }

    /**
     * One ECU's answer cut into one message per PID ({@code 41 PID data}), each usable with
     * {@link ObdCommand#decode}.
     *
     * @param parts    the message for each PID answered, in answer order
     * @param problems what could not be split (a negative response, an unknown PID, a short answer);
     *                 parts before the problem are kept
     */
    public record Split(Map<ObdCommand, EcuMessage> parts, List<ObdProblem> problems) {
        /** Copies. */
        public Split {
            parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
            problems = List.copyOf(problems);
        }
    }

    /** Splits one ECU's answer. */
    public Split split(EcuMessage answer) {
        Map<ObdCommand, EcuMessage> parts = new LinkedHashMap<>();
        List<ObdProblem> problems = new ArrayList<>();
        byte[] d = answer.data();
        if (d.length > 0 && (d[0] & 0xFF) == 0x7F) {
            problems.add(new ObdProblem.NegativeResponse(answer, d.length > 1 ? d[1] & 0xFF : -1,
                    d.length > 2 ? d[2] & 0xFF : -1));
            return new Split(parts, problems);
        }
        if (d.length == 0 || (d[0] & 0xFF) != POSITIVE) {
            problems.add(new ObdProblem.MalformedResponse(answer, "not a mode 01 answer"));
            return new Split(parts, problems);
        }
        int at = 1;
        while (at < d.length) {
            int pid = d[at] & 0xFF;
            Optional<ObdCommand> cmd = commands.stream().filter(c -> c.pid().getAsInt() == pid).findFirst();
            if (cmd.isEmpty() || parts.containsKey(cmd.get())) {
                problems.add(new ObdProblem.MalformedResponse(answer, String.format(Locale.ROOT,
                        "%s PID %02X at byte %d", cmd.isEmpty() ? "unrequested" : "repeated", pid, at)));
                break;
            }
            int dataBytes = cmd.get().bytes() - 2;
            if (at + 1 + dataBytes > d.length) {
                problems.add(new ObdProblem.MalformedResponse(answer, String.format(Locale.ROOT,
                        "PID %02X needs %d data bytes, %d left", pid, dataBytes, d.length - at - 1)));
                break;
            }
            byte[] part = new byte[2 + dataBytes];
            part[0] = POSITIVE;
            System.arraycopy(d, at, part, 1, 1 + dataBytes);
            parts.put(cmd.get(), answer.withData(part));
            at += 1 + dataBytes;
        }
        return new Split(parts, problems);
    }

    /**
     * Decodes every ECU's answer: one response per requested command (no value when no ECU
     * answered that PID), carrying the problems met while splitting.
     */
    public Map<ObdCommand, ObdResponse> decode(List<EcuMessage> answers, long time) {
        Map<ObdCommand, List<EcuMessage>> perCommand = new LinkedHashMap<>();
        commands.forEach(c -> perCommand.put(c, new ArrayList<>()));
        List<ObdProblem> problems = new ArrayList<>();
        for (EcuMessage answer : answers) {
            Split s = split(answer);
            s.parts().forEach((c, m) -> perCommand.get(c).add(m));
            problems.addAll(s.problems());
        }
        Map<ObdCommand, ObdResponse> out = new LinkedHashMap<>();
        perCommand.forEach((c, msgs) -> {
            ObdResponse r = c.decode(msgs, time);
            if (!problems.isEmpty()) {
                List<ObdProblem> all = new ArrayList<>(problems);
                all.addAll(r.problems());
                r = new ObdResponse(c, r.messages(), r.value(), time, all);
            }
            out.put(c, r);
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}
