package dev.obdio.uds;

/** The key is the seed XOR a constant, the constant's bytes repeated over the seed. */
record XorAlgorithm(byte[] constant) implements SecurityKeyAlgorithm {

    XorAlgorithm {
        constant = Checks.copy("constant", constant);
        if (constant.length == 0) {
            throw new IllegalArgumentException("the constant needs at least one byte");
        }
    }

    static XorAlgorithm parse(String parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("give the constant in hex, e.g. xor:5A5A5A5A");
        }
        return new XorAlgorithm(Hex.parse(parameters));
    }

    @Override
    public byte[] key(int level, byte[] seed) {
        byte[] key = new byte[seed.length];
        for (int i = 0; i < seed.length; i++) {
            key[i] = (byte) (seed[i] ^ constant[i % constant.length]);
        }
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XorAlgorithm x && java.util.Arrays.equals(constant, x.constant);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(constant);
    }

    @Override
    public String toString() {
        return "xor:" + Hex.compact(constant);
    }
}
