package dev.obdio.obd;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** python-OBD's pass-through decoders: {@code noop}, {@code drop} and {@code raw_string}. */
final class RawDecoding {
    private RawDecoding() {
    }

    static Optional<ObdValue> noop(List<EcuMessage> m) {
        return m.isEmpty() ? Optional.empty() : Optional.of(new RawBytes(m.get(0).data()));
    }

    static Optional<ObdValue> drop(List<EcuMessage> m) {
        return Optional.empty();
    }

    static Optional<ObdValue> rawString(List<EcuMessage> m) {
        return Optional.of(TextValue.str(m.stream().map(EcuMessage::raw).collect(Collectors.joining("\n"))));
    }
}
