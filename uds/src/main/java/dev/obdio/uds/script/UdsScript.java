package dev.obdio.uds.script;

import dev.obdio.uds.DidCodec;
import dev.obdio.uds.Hex;
import dev.obdio.uds.Nrc;
import dev.obdio.uds.SecurityKeyAlgorithms;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed UDS script (format: docs/UDS_SCRIPTS.md). Parsing checks every line, so a script with
 * a mistake is refused with its line and column before anything is sent.
 *
 * <pre>
 * # read the VIN, then write it back
 * session extended
 * read F190 -&gt; $vin
 * expect 62 F1 90 *
 * security 1 --key-algo obdio-xor-rotate-add:secret=5A3C96E1,rotate=7
 * write F190 $vin
 * expect positive
 * 22 F1 8C                # any request in hex
 * expect 62 F1 8C ?? *
 * wait 500ms
 * </pre>
 */
public final class UdsScript {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)");
    private static final Duration MAX_WAIT = Duration.ofHours(1);

    private final String source;
    private final List<Statement> statements;

    private UdsScript(String source, List<Statement> statements) {
        this.source = source;
        this.statements = List.copyOf(statements);
    }

    /** Reads and parses a script file (UTF-8). */
    public static UdsScript read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /**
     * Parses a script.
     *
     * @param source its name, for messages
     * @throws UdsScriptException at the first mistake, with its line and column
     */
    public static UdsScript parse(String text, String source) {
        List<Statement> statements = new ArrayList<>();
        Set<String> known = new HashSet<>();
        boolean requested = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            List<Token> words = Lexer.split(source, lineNumber, line);
            if (words.isEmpty()) {
                continue;
            }
            BytePattern.Positions at = new BytePattern.Positions(source, lineNumber);
            int end = line.stripTrailing().length() + 1;
            int hash = commentStart(line);
            if (hash >= 0) {
                end = line.substring(0, hash).stripTrailing().length() + 1;
            }
            Token first = words.get(0);
            List<Token> rest = words.subList(1, words.size());
            if (first.is("expect")) {
                if (!requested) {
                    throw at.error(first.column(), "expect before any request: it checks the request above it");
                }
                statements.add(new Statement.Expect(lineNumber, expectation(rest, known, at, end)));
            } else if (first.is("wait")) {
                statements.add(new Statement.Wait(lineNumber, waitDuration(rest, at, end)));
            } else if (first.is("set")) {
                statements.add(setting(lineNumber, rest, at, end));
            } else {
                Optional<String> capture = Optional.empty();
                List<Token> command = words;
                int arrow = indexOf(words, "->");
                if (arrow >= 0) {
                    if (arrow != words.size() - 2 || !words.get(arrow + 1).text().startsWith("$")
                            || words.get(arrow + 1).quoted()) {
                        throw at.error(words.get(arrow).column(), "-> must be followed by one $name at the end of the line");
                    }
                    Token name = words.get(arrow + 1);
                    String n = name.text().substring(1);
                    if (!n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        throw at.error(name.column(), "bad variable name \"" + name.text() + "\" (use $ then letters, digits, _)");
                    }
                    capture = Optional.of(n);
                    command = words.subList(0, arrow);
                    if (command.isEmpty()) {
                        throw at.error(words.get(arrow).column(), "-> needs a request before it");
                    }
                }
                UdsAction action = request(command, known, at, arrow >= 0 ? words.get(arrow).column() : end);
                if (capture.isPresent() && action instanceof UdsAction.Read r && r.dids().size() != 1) {
                    throw at.error(words.get(arrow).column(), "-> stores one DID's value: read one DID per line");
                }
                statements.add(new Statement.Request(lineNumber, action, capture));
                capture.ifPresent(known::add);
                requested = true;
            }
        }
        return new UdsScript(source, statements);
    }

    private static int commentStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(List<Token> words, String word) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    private static UdsAction request(List<Token> words, Set<String> known, BytePattern.Positions at, int end) {
        Token first = words.get(0);
        boolean bytes = first.quoted() || first.text().startsWith("$") || isHexWord(first.text());
        if (bytes && !CommandParser.COMMANDS.contains(first.text().toLowerCase(Locale.ROOT))) {
            return new UdsAction.Raw(BytePattern.parse(words, known, false, at), dev.obdio.uds.Addressing.PHYSICAL);
        }
        return CommandParser.parse(words, known, at, end);
    }

    private static boolean isHexWord(String s) {
        String digits = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        return !digits.isEmpty() && digits.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static Expectation expectation(List<Token> words, Set<String> known, BytePattern.Positions at, int end) {
        if (words.isEmpty()) {
            throw at.error(end, "expect what? positive, nrc [CODE], no-response, or response bytes (62 F1 90 *)");
        }
        Token first = words.get(0);
        if (first.is("positive") || first.is("no-response")) {
            if (words.size() > 1) {
                throw at.error(words.get(1).column(), "nothing may follow expect " + first.text());
            }
            return first.is("positive") ? new Expectation.Positive() : new Expectation.NoResponse();
        }
        if (first.is("nrc")) {
            if (words.size() == 1) {
                return new Expectation.Negative(OptionalInt.empty());
            }
            if (words.size() > 2) {
                throw at.error(words.get(2).column(), "expect nrc takes one code");
            }
            Token code = words.get(1);
            Optional<Nrc> named = Nrc.byName(code.text());
            if (named.isPresent()) {
                return new Expectation.Negative(OptionalInt.of(named.get().code()));
            }
            try {
                return new Expectation.Negative(OptionalInt.of((int) Hex.parseNumber(code.text(), 2, "NRC")));
            } catch (IllegalArgumentException e) {
                throw at.error(code.column(), "NRC \"" + code.text() + "\": give it in hex (0x33, 33) or by name "
                        + "(securityAccessDenied)");
            }
        }
        return new Expectation.Matches(BytePattern.parse(words, known, true, at));
    }

    private static Duration waitDuration(List<Token> words, BytePattern.Positions at, int end) {
        if (words.size() != 1) {
            throw at.error(words.isEmpty() ? end : words.get(1).column(), "wait takes one duration, e.g. wait 500ms or wait 2s");
        }
        Token t = words.get(0);
        Matcher m = DURATION.matcher(t.text().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw at.error(t.column(), "duration \"" + t.text() + "\": write e.g. 500ms, 2s or 1.5s");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal millis = m.group(2).equals("s") ? amount.movePointRight(3) : amount;
        if (millis.compareTo(BigDecimal.valueOf(MAX_WAIT.toMillis())) > 0) {
            throw at.error(t.column(), "wait at most 1 hour");
        }
        return Duration.ofNanos(millis.movePointRight(6).longValue());
    }

    private static Statement setting(int line, List<Token> words, BytePattern.Positions at, int end) {
        if (words.isEmpty()) {
            throw at.error(end, "set what? key-algo NAME[:PARAMETERS] or codec DID SPEC");
        }
        Token what = words.get(0);
        if (what.is("key-algo")) {
            if (words.size() != 2) {
                throw at.error(words.size() < 2 ? end : words.get(2).column(), "set key-algo takes one NAME[:PARAMETERS]");
            }
            Token spec = words.get(1);
            try {
                SecurityKeyAlgorithms.byName(spec.text());
            } catch (IllegalArgumentException e) {
                throw at.error(spec.column(), e.getMessage());
            }
            return new Statement.SetKeyAlgorithm(line, spec.text());
        }
        if (what.is("codec")) {
            if (words.size() != 3) {
                throw at.error(words.size() < 3 ? end : words.get(3).column(),
                        "set codec takes a DID and a codec, e.g. set codec 0110 u16,unit=rpm");
            }
            Token did = words.get(1);
            int id;
            try {
                id = (int) Hex.parseNumber(did.text(), 4, "DID");
            } catch (IllegalArgumentException e) {
                throw at.error(did.column(), e.getMessage());
            }
            Token spec = words.get(2);
            try {
                return new Statement.SetCodec(line, id, DidCodec.parse(spec.text()));
            } catch (IllegalArgumentException e) {
                throw at.error(spec.column(), e.getMessage());
            }
        }
        throw at.error(what.column(), "unknown setting \"" + what.text() + "\" (key-algo, codec)");
    }

    /** The script's name. */
    public String source() {
        return source;
    }

    /** The statements, in order. */
    public List<Statement> statements() {
        return statements;
    }

    /** The requests that change the vehicle (need {@code --allow-write}). */
    public List<Statement.Request> vehicleChanges() {
        return statements.stream().filter(s -> s instanceof Statement.Request r && r.action().changesVehicle())
                .map(s -> (Statement.Request) s).toList();
    }
}
