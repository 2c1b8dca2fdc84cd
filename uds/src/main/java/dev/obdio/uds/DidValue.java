package dev.obdio.uds;

import java.util.Arrays;

/**
 * One data identifier's value as read: its bytes and what its codec made of them.
 *
 * @param did   the data identifier, 0..0xFFFF
 * @param raw   the value's bytes (copied in and out)
 * @param value the decoded value
 */
public record DidValue(int did, byte[] raw, DidData value) {

    /** Validates and copies. */
    public DidValue {
        Checks.did("did", did);
        raw = Checks.copy("raw", raw);
        Checks.notNull("value", value);
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DidValue v && did == v.did && Arrays.equals(raw, v.raw) && value.equals(v.value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * did + Arrays.hashCode(raw)) + value.hashCode();
    }

    /** {@code F190 = WVWZZZ1JZXW000001}. */
    @Override
    public String toString() {
        return String.format("%04X = %s", did, value.display());
    }
}
