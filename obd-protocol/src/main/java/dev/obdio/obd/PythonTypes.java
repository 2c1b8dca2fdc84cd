package dev.obdio.obd;

/** python-OBD's {@code str(type(value))} strings, the {@code unit} of non-measurement values. */
final class PythonTypes {
    static final String QUANTITY = "pint.Quantity";
    static final String STR = "<class 'str'>";
    static final String BOOL = "<class 'bool'>";
    static final String TUPLE = "<class 'tuple'>";
    static final String LIST = "<class 'list'>";
    static final String DICT = "<class 'dict'>";
    static final String BYTEARRAY = "<class 'bytearray'>";
    static final String BIT_ARRAY = "<class 'obd.utils.BitArray'>";
    static final String STATUS = "<class 'obd.OBDResponse.Status'>";
    static final String MONITOR = "<class 'obd.OBDResponse.Monitor'>";
    /** The declared type of decoders that always give no value ({@code drop}). */
    static final String NONE = "None";

    private PythonTypes() {
    }
}
