package dev.obdio.sim;

import java.util.HexFormat;

/** Hex helpers for test tables: {@code "41 0C 1A F8"} with or without spaces. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String of(byte[] bytes) {
        return bytes == null ? "(silence)" : HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}
