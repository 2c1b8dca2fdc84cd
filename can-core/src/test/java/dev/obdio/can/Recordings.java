package dev.obdio.can;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Output of the real can-utils 2020.11.0, recorded with {@code candump-2020.11.0/record.sh}. */
public final class Recordings {
    private Recordings() {
    }

    /** The lines of one recorded file, without line ends. */
    public static List<String> lines(String name) {
        String path = "/dev/obdio/can/candump-2020.11.0/" + name;
        try (InputStream in = Recordings.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no recording " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
