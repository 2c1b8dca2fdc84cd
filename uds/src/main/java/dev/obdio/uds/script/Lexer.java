package dev.obdio.uds.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script line into words: separated by blanks, {@code "quoted strings"} (with
 * {@code \"} and {@code \\}) kept whole, {@code #} outside quotes starts a comment.
 */
final class Lexer {
    private Lexer() {
    }

    /** The words of one line. */
    static List<Token> split(String source, int lineNumber, String line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '"') {
                int start = i;
                StringBuilder text = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < n && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                        text.append(line.charAt(i + 1));
                        i += 2;
                    } else if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        text.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw new UdsScriptException(source, lineNumber, start + 1, "unterminated string (missing \")");
                }
                tokens.add(new Token(text.toString(), start + 1, true));
            } else {
                int start = i;
                while (i < n && " \t\r#\"".indexOf(line.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(line.substring(start, i), start + 1, false));
            }
        }
        return tokens;
    }
}
