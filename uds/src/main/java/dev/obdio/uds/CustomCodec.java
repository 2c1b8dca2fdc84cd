package dev.obdio.uds;

import java.util.OptionalInt;
import java.util.function.Function;

/** A codec of the user's own functions. */
record CustomCodec(OptionalInt length, Function<byte[], DidData> decoder, Function<String, byte[]> encoder,
                   String description) implements DidCodec {

    CustomCodec {
        Checks.notNull("length", length);
        Checks.notNull("decoder", decoder);
        Checks.notNull("encoder", encoder);
        Checks.notNull("description", description);
    }

    @Override
    public DidData decode(byte[] raw) {
        return Checks.notNull("decoded value of " + description, decoder.apply(raw.clone()));
    }

    @Override
    public byte[] encode(String text) {
        return Checks.notNull("encoded value of " + description, encoder.apply(text)).clone();
    }

    @Override
    public String describe() {
        return description;
    }
}
