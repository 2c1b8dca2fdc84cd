package dev.obdio.uds;

import java.util.OptionalInt;

/** Bytes shown and typed as hex. */
record RawCodec(OptionalInt length) implements DidCodec {

    @Override
    public DidData decode(byte[] raw) {
        return new DidData.Bytes(raw);
    }

    @Override
    public byte[] encode(String text) {
        byte[] bytes = Hex.parse(text);
        if (length.isPresent() && bytes.length != length.getAsInt()) {
            throw new IllegalArgumentException("needs exactly " + length.getAsInt() + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    @Override
    public String describe() {
        return length.isPresent() ? "raw:" + length.getAsInt() : "raw";
    }
}
