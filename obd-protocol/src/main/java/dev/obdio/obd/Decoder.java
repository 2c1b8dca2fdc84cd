package dev.obdio.obd;

import java.util.List;
import java.util.Optional;

/**
 * Turns the answers to a command into a value: python-OBD's decoder functions. A decoder gets the
 * messages python-OBD's would get — payloads with the mode and PID bytes still in front, already
 * padded or cut to the command's response length — and reads the first one (DTC decoders read all).
 *
 * <p>The standard decoders are in {@link Decoders}. Implementations must be pure functions: no
 * state, no I/O, safe to call from any thread, and never throw on malformed payloads (return empty
 * instead); {@link ObdCommand#decode} still reports a decoder that throws as a problem rather than
 * failing.
 */
public interface Decoder {

    /** python-OBD's name of this decoder as the command table writes it: {@code percent}, {@code uas(0x07)}. */
    String pythonName();

    /** The python-OBD type of the values, as the command table's {@code value_type} column: {@code pint.Quantity}, {@code <class 'str'>}, {@code None}. */
    String valueType();

    /** The pint unit name of the values for measurement decoders, {@code ""} for others. */
    String unit();

    /**
     * Decodes {@code messages}; empty when there is no value (python-OBD's {@code None}), e.g. a
     * reserved enumeration value or too few bytes.
     */
    Optional<ObdValue> decode(List<EcuMessage> messages);

    /**
     * Whether answers longer than the command's response length are cut to it before decoding, as
     * python-OBD does for every command. Decoders of variable-length answers (mode 09 strings)
     * return {@code false} so no data is lost.
     */
    default boolean cutsToLength() {
        return true;
    }
}
