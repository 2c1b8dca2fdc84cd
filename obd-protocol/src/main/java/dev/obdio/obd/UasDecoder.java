package dev.obdio.obd;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * python-OBD's {@code uas(id)}: the payload after mode and PID read with one unit-and-scaling id.
 *
 * @param id a UAS id known to {@link UnitsAndScaling}
 */
record UasDecoder(int id) implements Decoder {

    UasDecoder {
        if (!UnitsAndScaling.isKnown(id)) {
            throw new IllegalArgumentException("unknown unit-and-scaling id 0x"
                    + Integer.toHexString(id).toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public String pythonName() {
        return String.format(Locale.ROOT, "uas(0x%02X)", id);
    }

    @Override
    public String valueType() {
        return id == UnitsAndScaling.BOOLEAN_ID ? PythonTypes.BOOL : PythonTypes.QUANTITY;
    }

    @Override
    public String unit() {
        return id == UnitsAndScaling.BOOLEAN_ID ? "" : UnitsAndScaling.unit(id).orElseThrow();
    }

    @Override
    public Optional<ObdValue> decode(List<EcuMessage> messages) {
        return Measurements.uas(id, messages);
    }
}
