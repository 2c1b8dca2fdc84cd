package dev.obdio.uds.script;

import dev.obdio.uds.Addressing;
import dev.obdio.uds.DiagnosticSessionControl;
import dev.obdio.uds.Dtc;
import dev.obdio.uds.EcuReset;
import dev.obdio.uds.Hex;
import dev.obdio.uds.RoutineControl;
import dev.obdio.uds.SecurityAccess;
import dev.obdio.uds.SecurityKeyAlgorithms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Parses the command words a script line shares with the CLI into a {@link UdsAction}. */
final class CommandParser {
    /** The command words. */
    static final List<String> COMMANDS = List.of("session", "reset", "read", "write", "security", "dtc", "clear-dtc",
            "routine", "tester-present", "raw");

    private final List<Token> words;
    private final Set<String> known;
    private final BytePattern.Positions at;
    private final int endColumn;

    private CommandParser(List<Token> words, Set<String> known, BytePattern.Positions at, int endColumn) {
        this.words = words;
        this.known = known;
        this.at = at;
        this.endColumn = endColumn;
    }

    /**
     * The action of a command line (without a capture).
     *
     * @param endColumn the column after the last word, for "missing …" errors
     */
    static UdsAction parse(List<Token> words, Set<String> known, BytePattern.Positions at, int endColumn) {
        return new CommandParser(words, known, at, endColumn).parse();
    }

    private UdsAction parse() {
        Token command = words.get(0);
        String name = command.text().toLowerCase(Locale.ROOT);
        List<Token> args = words.subList(1, words.size());
        return switch (name) {
            case "session" -> session(args);
            case "reset" -> {
                Token type = single(args, "reset type (hard, soft, key-off-on or a number)");
                yield new UdsAction.Reset(value(type, () -> EcuReset.parseType(type.text())));
            }
            case "read" -> read(args);
            case "write" -> write(args);
            case "security" -> security(args);
            case "dtc" -> dtc(args);
            case "clear-dtc" -> {
                if (args.size() > 1) {
                    throw at.error(args.get(1).column(), "clear-dtc takes one group (e.g. FFFFFF)");
                }
                int group = args.isEmpty() ? 0xFFFFFF : (int) number(args.get(0), 6, "DTC group");
                yield new UdsAction.ClearDtcs(group);
            }
            case "routine" -> routine(args);
            case "tester-present" -> {
                if (!args.isEmpty()) {
                    throw at.error(args.get(0).column(), "tester-present takes no arguments");
                }
                yield new UdsAction.TesterPresent();
            }
            case "raw" -> raw(args);
            default -> throw at.error(command.column(), "unknown command \"" + command.text() + "\"" + suggestion(name)
                    + "; commands: " + String.join(", ", COMMANDS) + ", expect, wait, set, or a request in hex");
        };
    }

    private static String suggestion(String name) {
        for (String c : COMMANDS) {
            if (distance(c, name) <= 2) {
                return " (did you mean " + c + "?)";
            }
        }
        return "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private UdsAction session(List<Token> args) {
        Token which = null;
        Addressing addressing = Addressing.PHYSICAL;
        boolean suppress = false;
        for (Token t : args) {
            if (t.is("--functional")) {
                addressing = Addressing.FUNCTIONAL;
            } else if (t.is("--suppress")) {
                suppress = true;
            } else if (which == null && !t.text().startsWith("--")) {
                which = t;
            } else {
                throw at.error(t.column(), "session takes a session and --functional / --suppress, not \"" + t.text() + "\"");
            }
        }
        if (which == null) {
            throw at.error(endColumn, "missing session (default, extended, programming, safety or a number)");
        }
        Token w = which;
        return new UdsAction.Session(value(w, () -> DiagnosticSessionControl.parseSession(w.text())), addressing, suppress);
    }

    private UdsAction read(List<Token> args) {
        if (args.isEmpty()) {
            throw at.error(endColumn, "missing DID (e.g. read F190)");
        }
        List<Integer> dids = new ArrayList<>();
        for (Token t : args) {
            int did = (int) number(t, 4, "DID");
            if (dids.contains(did)) {
                throw at.error(t.column(), String.format("DID %04X twice", did));
            }
            dids.add(did);
        }
        return new UdsAction.Read(dids);
    }

    private UdsAction write(List<Token> args) {
        if (args.isEmpty()) {
            throw at.error(endColumn, "missing DID and value (e.g. write F198 \"WS-0042\")");
        }
        int did = (int) number(args.get(0), 4, "DID");
        List<Token> value = args.subList(1, args.size());
        if (value.isEmpty()) {
            throw at.error(endColumn, "missing value (hex, \"text\", a number for the DID's codec, or $variable)");
        }
        if (value.stream().anyMatch(t -> !t.quoted() && t.text().startsWith("$"))) {
            return new UdsAction.Write(did, new UdsAction.WriteValue.Bytes(BytePattern.parse(value, known, false, at)));
        }
        if (value.size() == 1 && value.get(0).quoted()) {
            return new UdsAction.Write(did, new UdsAction.WriteValue.CodecText(value.get(0).text(), true));
        }
        if (value.stream().anyMatch(Token::quoted)) {
            Token q = value.stream().filter(Token::quoted).findFirst().orElseThrow();
            throw at.error(q.column(), "quote the whole value, or write it as hex bytes");
        }
        List<String> text = value.stream().map(Token::text).toList();
        return new UdsAction.Write(did, new UdsAction.WriteValue.CodecText(String.join(" ", text), false));
    }

    private UdsAction security(List<Token> args) {
        Token level = null;
        Optional<String> algorithm = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            Token t = args.get(i);
            if (t.is("--key-algo")) {
                if (i + 1 >= args.size()) {
                    throw at.error(endColumn, "--key-algo needs a NAME[:PARAMETERS]");
                }
                Token spec = args.get(++i);
                value(spec, () -> SecurityKeyAlgorithms.byName(spec.text()));
                algorithm = Optional.of(spec.text());
            } else if (level == null && !t.text().startsWith("--")) {
                level = t;
            } else {
                throw at.error(t.column(), "security takes a level and --key-algo NAME, not \"" + t.text() + "\"");
            }
        }
        if (level == null) {
            throw at.error(endColumn, "missing security level (1, 3, …)");
        }
        Token l = level;
        int n = value(l, () -> SecurityAccess.parseLevel(l.text()));
        return new UdsAction.Security(n, algorithm);
    }

    private UdsAction dtc(List<Token> args) {
        UdsAction.DtcReport report = UdsAction.DtcReport.BY_STATUS_MASK;
        int mask = 0xFF;
        int record = 0xFF;
        Optional<Dtc> dtc = Optional.empty();
        Token reportToken = null;
        for (int i = 0; i < args.size(); i++) {
            Token t = args.get(i);
            String o = t.quoted() ? "" : t.text().toLowerCase(Locale.ROOT);
            UdsAction.DtcReport next = switch (o) {
                case "--count" -> UdsAction.DtcReport.COUNT;
                case "--supported" -> UdsAction.DtcReport.SUPPORTED;
                case "--snapshot-ids" -> UdsAction.DtcReport.SNAPSHOT_IDS;
                case "--snapshot" -> UdsAction.DtcReport.SNAPSHOTS;
                case "--extended" -> UdsAction.DtcReport.EXTENDED_DATA;
                default -> null;
            };
            if (next != null) {
                if (reportToken != null) {
                    throw at.error(t.column(), "choose one of --count, --supported, --snapshot-ids, --snapshot, --extended");
                }
                reportToken = t;
                report = next;
                if (next == UdsAction.DtcReport.SNAPSHOTS || next == UdsAction.DtcReport.EXTENDED_DATA) {
                    Token code = argument(args, ++i, o + " needs a DTC (P0301-00 or 030100)");
                    dtc = Optional.of(value(code, () -> Dtc.parse(code.text())));
                }
            } else if (o.equals("--mask")) {
                mask = (int) number(argument(args, ++i, "--mask needs a status mask in hex (e.g. 08)"), 2, "status mask");
            } else if (o.equals("--record")) {
                record = (int) number(argument(args, ++i, "--record needs a record number in hex (FF: all)"), 2, "record number");
            } else {
                throw at.error(t.column(), "dtc takes --mask HEX, --count, --supported, --snapshot-ids, --snapshot DTC, "
                        + "--extended DTC, --record HEX; not \"" + t.text() + "\"");
            }
        }
        return new UdsAction.Dtcs(report, mask, dtc, record);
    }

    private Token argument(List<Token> args, int index, String missing) {
        if (index >= args.size()) {
            throw at.error(endColumn, missing);
        }
        return args.get(index);
    }

    private UdsAction routine(List<Token> args) {
        if (args.size() < 2) {
            throw at.error(args.isEmpty() ? endColumn : endColumn, "routine needs start|stop|result and a routine id (e.g. routine start 0202)");
        }
        Token type = args.get(0);
        int controlType = value(type, () -> RoutineControl.parseType(type.text()));
        int id = (int) number(args.get(1), 4, "routine id");
        BytePattern data = BytePattern.parse(args.subList(2, args.size()), known, false, at);
        return new UdsAction.Routine(controlType, id, data);
    }

    private UdsAction raw(List<Token> args) {
        List<Token> bytes = new ArrayList<>();
        Addressing addressing = Addressing.PHYSICAL;
        for (Token t : args) {
            if (t.is("--functional")) {
                addressing = Addressing.FUNCTIONAL;
            } else {
                bytes.add(t);
            }
        }
        if (bytes.isEmpty()) {
            throw at.error(endColumn, "missing request bytes (e.g. raw 22 F1 90)");
        }
        return new UdsAction.Raw(BytePattern.parse(bytes, known, false, at), addressing);
    }

    private Token single(List<Token> args, String what) {
        if (args.isEmpty()) {
            throw at.error(endColumn, "missing " + what);
        }
        if (args.size() > 1) {
            throw at.error(args.get(1).column(), "one " + what + " only");
        }
        return args.get(0);
    }

    private long number(Token t, int digits, String what) {
        return value(t, () -> Hex.parseNumber(t.text(), digits, what));
    }

    private <T> T value(Token t, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw at.error(t.column(), e.getMessage());
        }
    }
}
