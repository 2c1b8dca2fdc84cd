package dev.obdio.obd;

import java.util.List;
import java.util.Optional;

/**
 * python-OBD's bit-field and enumeration decoders: supported-PID masks, O2 sensor maps, auxiliary
 * input, fuel system and secondary air status, OBD compliance and fuel type.
 */
final class StateDecoding {
    private StateDecoding() {
    }

    static Optional<ObdValue> pid(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        return d == null ? Optional.empty() : Optional.of(BitArray.of(d));
    }

    static Optional<ObdValue> o2Sensors(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null) {
            return Optional.empty();
        }
        BitArray bits = BitArray.of(d);
        // Bank 2 takes every bit after the first four, as python-OBD's bits[4:] does.
        return Optional.of(new O2Sensors(List.of(List.of(), bits.slice(0, 4), bits.slice(4, bits.length()))));
    }

    static Optional<ObdValue> o2SensorsAlt(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null) {
            return Optional.empty();
        }
        BitArray bits = BitArray.of(d);
        return Optional.of(new O2Sensors(List.of(List.of(), bits.slice(0, 2), bits.slice(2, 4), bits.slice(4, 6),
                bits.slice(6, bits.length()))));
    }

    static Optional<ObdValue> auxInputStatus(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        return d == null || d.length == 0 ? Optional.empty() : Optional.of(BooleanValue.of((d[0] & 0x80) != 0));
    }

    static Optional<ObdValue> fuelStatus(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null) {
            return Optional.empty();
        }
        BitArray bits = BitArray.of(d);
        String s1 = oneBitStatus(bits.slice(0, 8));
        String s2 = oneBitStatus(bits.slice(8, 16));
        return s1.isEmpty() && s2.isEmpty() ? Optional.empty() : Optional.of(new FuelStatus(s1, s2));
    }

    /** The FUEL_STATUS text of a byte with exactly one known bit set, else "". */
    private static String oneBitStatus(List<Boolean> byteBits) {
        if (byteBits.stream().filter(b -> b).count() != 1) {
            return "";
        }
        int bit = 7 - byteBits.indexOf(true);
        return bit < ObdTables.FUEL_STATUS.size() ? ObdTables.FUEL_STATUS.get(bit) : "";
    }

    static Optional<ObdValue> airStatus(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null) {
            return Optional.empty();
        }
        BitArray bits = BitArray.of(d);
        if (bits.countSet() != 1) {
            return Optional.empty();
        }
        // python-OBD raises for a bit outside the first byte or above bit 3; we give no value.
        int index = bits.slice(0, 8).indexOf(true);
        if (index < 0 || 7 - index >= ObdTables.AIR_STATUS.size()) {
            return Optional.empty();
        }
        return Optional.of(TextValue.str(ObdTables.AIR_STATUS.get(7 - index)));
    }

    static Optional<ObdValue> obdCompliance(List<EcuMessage> m) {
        return lookup(m, ObdTables.OBD_COMPLIANCE);
    }

    static Optional<ObdValue> fuelType(List<EcuMessage> m) {
        return lookup(m, ObdTables.FUEL_TYPES);
    }

    private static Optional<ObdValue> lookup(List<EcuMessage> m, List<String> table) {
        byte[] d = DecoderInput.payload(m);
        if (d == null || d.length == 0) {
            return Optional.empty();
        }
        int i = d[0] & 0xFF;
        return i < table.size() ? Optional.of(TextValue.str(table.get(i))) : Optional.empty();
    }
}
