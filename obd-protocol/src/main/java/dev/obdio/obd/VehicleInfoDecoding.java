package dev.obdio.obd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mode 09 decoders. On CAN a mode 09 answer is {@code 49 PID NODI item…}, NODI being the number of
 * data items (one VIN, n calibration ids of 16 bytes, n CVNs of 4 bytes, one ECU name of 20 bytes).
 *
 * <p>python-OBD reads these by stripping the bytes {@code 00 01 02 '0' '1' '2' '\' 'x'} and
 * whitespace from both ends, which also eats real characters (a VIN {@code 1G1JC5444R7252367}
 * becomes {@code G1JC5444R7252367}). We use the NODI layout when the answer has it and otherwise
 * strip only padding: control characters (the NUL padding and the NODI byte) and spaces.
 */
final class VehicleInfoDecoding {
    private VehicleInfoDecoding() {
    }

    /** python-OBD {@code encoded_string(length)}: VIN and calibration ids; several ids joined by ",". */
    static Optional<ObdValue> encodedString(int length, List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null || d.length < length) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (byte[] item : items(d, length)) {
            texts.add(text(item));
        }
        return Optional.of(TextValue.bytearray(String.join(",", texts)));
    }

    /**
     * python-OBD {@code cvn}: the calibration verification numbers as lower-case hex, concatenated.
     * An answer without the NODI layout is read as python-OBD reads it.
     */
    static Optional<ObdValue> cvn(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null || d.length < 4) {
            return Optional.empty();
        }
        int n = d[0] & 0xFF;
        byte[] cvns = hasNodiLayout(d, 4) ? ByteSlices.slice(d, 1, 1 + 4 * n) : pythonStrip(d);
        return Optional.of(TextValue.str(HexFormat.of().formatHex(cvns)));
    }

    /** Mode 09 PID 0A (obdio extension): ECU name, {@code "ECM-EngineControl"}. */
    static Optional<ObdValue> ecuName(List<EcuMessage> m) {
        final int length = 20;
        byte[] d = DecoderInput.payload(m);
        if (d == null || d.length == 0) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (byte[] item : items(d, length)) {
            // J1979: 4-byte acronym, '-', 15-byte name, each padded with NULs.
            if (item.length == length && item[4] == '-') {
                names.add(text(ByteSlices.slice(item, 0, 4)) + "-" + text(ByteSlices.slice(item, 5, length)));
            } else {
                names.add(text(item));
            }
        }
        return Optional.of(TextValue.str(String.join(",", names)));
    }

    /** Mode 09 PIDs 08 and 0B (obdio extension): NODI then NODI 16-bit counters. */
    static Optional<ObdValue> inUsePerformance(List<String> names, List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null || d.length == 0) {
            return Optional.empty();
        }
        int count = Math.min(d[0] & 0xFF, (d.length - 1) / 2);
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = i < names.size() ? names.get(i) : "DATA_" + (i + 1);
            counters.put(name, ((d[1 + 2 * i] & 0xFF) << 8) | (d[2 + 2 * i] & 0xFF));
        }
        return Optional.of(new InUsePerformance(counters));
    }

    /**
     * Whether {@code d} is NODI, NODI items of {@code length} bytes, then nothing but zero padding
     * (python-OBD pads answers to the command's length).
     */
    private static boolean hasNodiLayout(byte[] d, int length) {
        int n = d[0] & 0xFF;
        if (n < 1 || 1 + n * length > d.length) {
            return false;
        }
        for (int i = 1 + n * length; i < d.length; i++) {
            if (d[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The NODI items of {@code d} if it has the NODI layout, else {@code d} as one item. */
    private static List<byte[]> items(byte[] d, int length) {
        int n = d[0] & 0xFF;
        if (hasNodiLayout(d, length)) {
            List<byte[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(ByteSlices.slice(d, 1 + i * length, 1 + (i + 1) * length));
            }
            return out;
        }
        return List.of(d);
    }

    /** The characters of {@code item} without leading and trailing padding (controls and spaces). */
    private static String text(byte[] item) {
        int from = 0;
        int to = item.length;
        while (from < to && isPadding(item[from])) {
            from++;
        }
        while (to > from && isPadding(item[to - 1])) {
            to--;
        }
        return new String(item, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean isPadding(byte b) {
        int c = b & 0xFF;
        return c <= 0x20 || c == 0x7F;
    }

    /** python-OBD's {@code d.strip().strip(b'\x00\x01\x02\\x00\\x01\\x02')}. */
    private static byte[] pythonStrip(byte[] d) {
        int from = 0;
        int to = d.length;
        while (from < to && isAsciiSpace(d[from])) {
            from++;
        }
        while (to > from && isAsciiSpace(d[to - 1])) {
            to--;
        }
        while (from < to && isPythonStripped(d[from])) {
            from++;
        }
        while (to > from && isPythonStripped(d[to - 1])) {
            to--;
        }
        return ByteSlices.slice(d, from, to);
    }

    private static boolean isAsciiSpace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D);
    }

    private static boolean isPythonStripped(byte b) {
        return b == 0 || b == 1 || b == 2 || b == '\\' || b == 'x' || b == '0' || b == '1' || b == '2';
    }
}
