package dev.obdio.uds.script;

import dev.obdio.uds.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bytes as a script writes them: hex ({@code 62}, {@code F190}), variables ({@code $vin}),
 * ASCII text ({@code "WS-0042"}), and in expectations the wildcards {@code ??} (any one byte) and
 * {@code *} (any number of bytes, none included). A request's bytes are a pattern without
 * wildcards, {@linkplain #resolve resolved} when it is sent.
 *
 * @param parts the pieces, in order
 */
public record BytePattern(List<Part> parts) {

    /** A piece of a pattern. */
    public sealed interface Part {
    }

    /**
     * Fixed bytes (from hex or text).
     *
     * @param bytes the bytes
     */
    public record Literal(byte[] bytes) implements Part {
        /** Copies the bytes. */
        public Literal {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Literal l && java.util.Arrays.equals(bytes, l.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return Hex.format(bytes);
        }
    }

    /**
     * A variable's bytes.
     *
     * @param name the name, without {@code $}
     */
    public record Variable(String name) implements Part {
        @Override
        public String toString() {
            return "$" + name;
        }
    }

    /** {@code ??}: any one byte. */
    public record AnyByte() implements Part {
        @Override
        public String toString() {
            return "??";
        }
    }

    /** {@code *}: any number of bytes. */
    public record AnyRun() implements Part {
        @Override
        public String toString() {
            return "*";
        }
    }

    /** Copies the list. */
    public BytePattern {
        parts = List.copyOf(parts);
    }

    /** Fixed bytes. */
    public static BytePattern of(byte[] bytes) {
        return new BytePattern(bytes.length == 0 ? List.of() : List.of(new Literal(bytes)));
    }

    /** Whether the pattern has {@code ??} or {@code *}. */
    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> p instanceof AnyByte || p instanceof AnyRun);
    }

    /** The variables the pattern uses. */
    public List<String> variables() {
        return parts.stream().filter(p -> p instanceof Variable).map(p -> ((Variable) p).name()).toList();
    }

    /**
     * The bytes, with variables replaced by their values.
     *
     * @throws IllegalStateException for a wildcard or a variable without a value
     */
    public byte[] resolve(Map<String, byte[]> variables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                out.writeBytes(l.bytes());
            } else if (p instanceof Variable v) {
                out.writeBytes(value(variables, v));
            } else {
                throw new IllegalStateException("a wildcard (" + p + ") has no bytes to send");
            }
        }
        return out.toByteArray();
    }

    private static byte[] value(Map<String, byte[]> variables, Variable v) {
        byte[] value = variables.get(v.name());
        if (value == null) {
            throw new IllegalStateException("$" + v.name() + " has no value");
        }
        return value;
    }

    /** Whether {@code data} matches, variables standing for their values. */
    public boolean matches(byte[] data, Map<String, byte[]> variables) {
        List<Part> resolved = new ArrayList<>();
        for (Part p : parts) {
            resolved.add(p instanceof Variable v ? new Literal(value(variables, v)) : p);
        }
        return matches(resolved, 0, data, 0);
    }

    private static boolean matches(List<Part> parts, int part, byte[] data, int at) {
        if (part == parts.size()) {
            return at == data.length;
        }
        Part p = parts.get(part);
        if (p instanceof Literal l) {
            byte[] b = l.bytes;
            if (data.length - at < b.length) {
                return false;
            }
            for (int i = 0; i < b.length; i++) {
                if (data[at + i] != b[i]) {
                    return false;
                }
            }
            return matches(parts, part + 1, data, at + b.length);
        }
        if (p instanceof AnyByte) {
            return at < data.length && matches(parts, part + 1, data, at + 1);
        }
        for (int next = at; next <= data.length; next++) { // AnyRun: try every length
            if (matches(parts, part + 1, data, next)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 62 F1 90 *}. */
    @Override
    public String toString() {
        List<String> words = new ArrayList<>();
        parts.forEach(p -> words.add(p.toString()));
        return String.join(" ", words);
    }

    /**
     * Parses words into a pattern.
     *
     * @param known     variables that have values by then; others are an error
     * @param wildcards whether {@code ??} and {@code *} are allowed
     */
    static BytePattern parse(List<Token> words, Set<String> known, boolean wildcards, Positions at) {
        List<Part> parts = new ArrayList<>();
        for (Token t : words) {
            String s = t.text();
            if (t.quoted()) {
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) > 0x7E || s.charAt(i) < 0x20) {
                        throw at.error(t.column() + 1 + i, "only printable ASCII in text");
                    }
                }
                parts.add(new Literal(s.getBytes(StandardCharsets.US_ASCII)));
            } else if (s.startsWith("$")) {
                parts.add(new Variable(variableName(t, known, at)));
            } else if (s.equals("??") || s.equals("*")) {
                if (!wildcards) {
                    throw at.error(t.column(), "wildcard " + s + " only in expectations");
                }
                parts.add(s.equals("*") ? new AnyRun() : new AnyByte());
            } else {
                parts.add(new Literal(hexWord(t, at)));
            }
        }
        return new BytePattern(parts);
    }

    /** A variable reference's name, checked to have a value by then. */
    static String variableName(Token t, Set<String> known, Positions at) {
        String name = t.text().substring(1);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw at.error(t.column(), "bad variable name \"" + t.text() + "\" (use $ then letters, digits, _)");
        }
        if (!known.contains(name)) {
            throw at.error(t.column(), "$" + name + " is used before a value is stored in it (with -> $" + name + ")");
        }
        return name;
    }

    /** A word of hex digits, two per byte, optionally after {@code 0x}. */
    static byte[] hexWord(Token t, Positions at) {
        String s = t.text();
        int start = s.startsWith("0x") || s.startsWith("0X") ? 2 : 0;
        for (int i = start; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                throw at.error(t.column() + i, "'" + s.charAt(i) + "' in \"" + s + "\" is not a hex digit");
            }
        }
        if (s.length() == start || (s.length() - start) % 2 != 0) {
            throw at.error(t.column(), "\"" + s + "\": write bytes as pairs of hex digits");
        }
        return Hex.parse(s);
    }

    /** Where errors point: the script's name and the line. */
    record Positions(String source, int line) {
        UdsScriptException error(int column, String reason) {
            return new UdsScriptException(source, line, column, reason);
        }
    }
}
