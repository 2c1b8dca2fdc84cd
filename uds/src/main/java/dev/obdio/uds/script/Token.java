package dev.obdio.uds.script;

/**
 * One word of a script line.
 *
 * @param text   the word (for a quoted string, its content with escapes resolved)
 * @param column its 1-based column
 * @param quoted whether it was a {@code "quoted string"}
 */
record Token(String text, int column, boolean quoted) {

    /** Whether the word is {@code text}, case-insensitive (never a quoted string). */
    boolean is(String word) {
        return !quoted && text.equalsIgnoreCase(word);
    }
}
