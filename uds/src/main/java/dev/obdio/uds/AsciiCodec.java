package dev.obdio.uds;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/** Text: bytes 0x20..0x7E as characters; trailing NUL, 0xFF and space padding is dropped when decoding. */
record AsciiCodec(OptionalInt length) implements DidCodec {

    @Override
    public DidData decode(byte[] raw) {
        int end = raw.length;
        while (end > 0 && (raw[end - 1] == 0 || raw[end - 1] == (byte) 0xFF || raw[end - 1] == ' ')) {
            end--;
        }
        StringBuilder text = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            int c = raw[i] & 0xFF;
            text.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return new DidData.Text(text.toString());
    }

    @Override
    public byte[] encode(String text) {
        Checks.notNull("text", text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("character " + (i + 1) + " of \"" + text + "\" is not printable ASCII");
            }
        }
        if (length.isPresent() && text.length() != length.getAsInt()) {
            throw new IllegalArgumentException("needs exactly " + length.getAsInt() + " characters, got "
                    + text.length() + " (\"" + text + "\")");
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("needs at least one character");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String describe() {
        return length.isPresent() ? "ascii:" + length.getAsInt() : "ascii";
    }

    @Override
    public boolean textual() {
        return true;
    }
}
