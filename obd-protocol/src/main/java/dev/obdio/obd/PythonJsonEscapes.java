package dev.obdio.obd;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * String escaping as Python's {@code json.dumps} does it (ensure_ascii): {@code \" \\ \b \f \n \r \t},
 * every other character below 0x20 and every character from 0x7F up as {@code \}{@code uXXXX} with
 * lower-case hex (surrogate pairs as two escapes). Jackson's own escapes use upper-case hex.
 */
final class PythonJsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] asciiEscapes;

    PythonJsonEscapes() {
        asciiEscapes = standardAsciiEscapesForJSON();
        for (int c = 0; c < 0x20; c++) {
            if (c != '\b' && c != '\f' && c != '\n' && c != '\r' && c != '\t') {
                asciiEscapes[c] = ESCAPE_CUSTOM;
            }
        }
        asciiEscapes[0x7F] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch < 0x20 || ch >= 0x7F) {
            return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
        }
        return null;
    }
}
