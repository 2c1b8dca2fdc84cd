package dev.obdio.obd;

/**
 * A decoded OBD value: what python-OBD puts in {@code OBDResponse.value}. Every kind knows its
 * python-OBD type string, and {@link ObdJson} writes each kind exactly as obd-socketio does (see
 * {@code obdio-compat.md}).
 *
 * <p>All implementations are immutable and safe to share between threads.
 */
public sealed interface ObdValue permits Quantity, TextValue, BooleanValue, BitArray, Dtc, DtcList, Status,
        FuelStatus, O2Sensors, Monitor, RawBytes, InUsePerformance {

    /** python-OBD's type for this value, e.g. {@code "<class 'tuple'>"} or {@code "pint.Quantity"}. */
    String pythonType();

    /**
     * The {@code unit} string of a response carrying this value: the pint unit name of a
     * {@link Quantity} ({@code "revolutions_per_minute"}), otherwise {@link #pythonType()}.
     */
    default String unit() {
        return pythonType();
    }
}
