package dev.obdio.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;

/**
 * PDUs as text, the way isotpsend reads them and isotprecv prints them: hex bytes separated by
 * white space ({@code 22 F1 90}). Reading is stricter than isotpsend's {@code scanf("%hhx")},
 * which stops silently at the first token it cannot read and keeps only the last two digits of a
 * long one: here such input is an error that says where.
 */
final class IsoTpHex {
    private IsoTpHex() {
    }

    /** A PDU as isotprecv prints it: {@code "%02X "} per byte, then a newline. */
    static String format(byte[] pdu) {
        StringBuilder sb = new StringBuilder(pdu.length * 3 + 1);
        for (byte b : pdu) {
            sb.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16))).append(' ');
        }
        return sb.append('\n').toString();
    }

    /**
     * Reads hex bytes until the end of the input.
     *
     * @param maxBytes the most bytes accepted
     * @throws IllegalArgumentException for a token that is not one or two hex digits (with its
     *                                  position), or more than {@code maxBytes} bytes
     */
    static byte[] read(Reader in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder token = new StringBuilder();
        int tokenNumber = 0;
        int c;
        do {
            c = in.read();
            if (c < 0 || Character.isWhitespace(c)) {
                if (token.length() > 0) {
                    tokenNumber++;
                    out.write(parse(token.toString(), tokenNumber));
                    token.setLength(0);
                    if (out.size() > maxBytes) {
                        throw new IllegalArgumentException("more than " + maxBytes + " bytes on stdin");
                    }
                }
            } else {
                token.append((char) c);
            }
        } while (c >= 0);
        return out.toByteArray();
    }

    private static int parse(String token, int number) {
        String digits = token.startsWith("0x") || token.startsWith("0X") ? token.substring(2) : token;
        if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new IllegalArgumentException("byte " + number + " \"" + token + "\" is not a hex byte; give the PDU"
                    + " as hex bytes separated by spaces, e.g. 22 F1 90");
        }
        return Integer.parseInt(digits, 16);
    }
}
