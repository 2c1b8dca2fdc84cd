package dev.obdio.obd;

/**
 * A yes/no value (auxiliary input status, a mode 06 pass/fail test), Python {@code bool}.
 *
 * @param value the value
 */
public record BooleanValue(boolean value) implements ObdValue {

    /** {@code true}. */
    public static final BooleanValue TRUE = new BooleanValue(true);
    /** {@code false}. */
    public static final BooleanValue FALSE = new BooleanValue(false);

    /** The shared instance for {@code value}. */
    public static BooleanValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String pythonType() {
        return PythonTypes.BOOL;
    }

    @Override
    public String toString() {
        return value ? "True" : "False";
    }
}
