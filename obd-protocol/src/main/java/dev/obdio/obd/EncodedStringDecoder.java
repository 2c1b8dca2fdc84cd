package dev.obdio.obd;

import java.util.List;
import java.util.Optional;

/**
 * python-OBD's {@code encoded_string(length)} (VIN, calibration id), without its stripping of
 * real leading and trailing characters; see {@link VehicleInfoDecoding}.
 *
 * @param length characters in one item (17 for a VIN, 16 for a calibration id)
 */
record EncodedStringDecoder(int length) implements Decoder {

    EncodedStringDecoder {
        if (length < 1) {
            throw new IllegalArgumentException("length must be positive, not " + length);
        }
    }

    @Override
    public String pythonName() {
        return "encoded_string(" + length + ")";
    }

    @Override
    public String valueType() {
        return PythonTypes.BYTEARRAY;
    }

    @Override
    public String unit() {
        return "";
    }

    @Override
    public Optional<ObdValue> decode(List<EcuMessage> messages) {
        return VehicleInfoDecoding.encodedString(length, messages);
    }

    @Override
    public boolean cutsToLength() {
        return false;
    }
}
