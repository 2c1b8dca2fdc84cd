package dev.obdio.obd;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * python-OBD's DTC decoders. Codes use upper-case hex and so find their descriptions (python-OBD
 * writes {@code P01ab} and misses them), and a freeze-frame DTC of {@code 00 00} means "none"
 * (python-OBD's check for it never matches in {@code single_dtc}, so it reports {@code P0000}).
 */
final class DtcDecoding {
    private DtcDecoding() {
    }

    static Optional<ObdValue> singleDtc(List<EcuMessage> m) {
        byte[] d = DecoderInput.payload(m);
        if (d == null || d.length != 2 || (d[0] == 0 && d[1] == 0)) {
            return Optional.empty();
        }
        return Optional.of(Dtc.fromBytes(d[0], d[1]));
    }

    /** All messages' codes after their mode and count bytes, two bytes each; {@code 00 00} is padding. */
    static Optional<ObdValue> dtc(List<EcuMessage> m) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (EcuMessage message : m) {
            all.writeBytes(ByteSlices.from(message.data(), 2));
        }
        byte[] d = all.toByteArray();
        List<Dtc> codes = new ArrayList<>(d.length / 2);
        for (int n = 1; n < d.length; n += 2) {
            if (d[n - 1] != 0 || d[n] != 0) {
                codes.add(Dtc.fromBytes(d[n - 1], d[n]));
            }
        }
        return Optional.of(new DtcList(codes));
    }
}
