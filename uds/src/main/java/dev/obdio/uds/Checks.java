package dev.obdio.uds;

/** Argument checks with messages that name the field and the bad value. */
final class Checks {
    private Checks() {
    }

    static int byteValue(String field, int value) {
        return range(field, value, 0, 0xFF);
    }

    static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format("%s must be 0x%X..0x%X, got 0x%X", field, min, max, value));
        }
        return value;
    }

    static int did(String field, int value) {
        return range(field, value, 0, 0xFFFF);
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    static byte[] copy(String field, byte[] value) {
        return notNull(field, value).clone();
    }
}
