package dev.obdio.obd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The generic DTC descriptions (SAE J2012) python-OBD ships in {@code codes.py}: 2,066 P and U
 * codes, loaded once from {@code dtc-descriptions.tsv} on first use. Thread-safe.
 */
public final class DtcDescriptions {
    private static final String RESOURCE = "dtc-descriptions.tsv";
    private static final char[] LETTERS = {'P', 'C', 'B', 'U'};

    private DtcDescriptions() {
    }

    /** The description of {@code code} (case-insensitive), or {@code ""} when it has none. */
    public static String describe(String code) {
        return Table.DESCRIPTIONS.getOrDefault(code.toUpperCase(Locale.ROOT), "");
    }

    /** The description of {@code code} (case-insensitive), if the table has one. */
    public static Optional<String> find(String code) {
        return Optional.ofNullable(Table.DESCRIPTIONS.get(code.toUpperCase(Locale.ROOT)));
    }

    /** Number of codes with a description. */
    public static int size() {
        return Table.DESCRIPTIONS.size();
    }

    /** The text of the DTC in two bytes: {@code 01 04} → {@code P0104}, {@code C1 D2} → {@code U01D2}. */
    static String code(int b0, int b1) {
        int word = ((b0 & 0xFF) << 8) | (b1 & 0xFF);
        return LETTERS[(word >> 14) & 3] + Integer.toString((word >> 12) & 3)
                + String.format(Locale.ROOT, "%03X", word & 0xFFF);
    }

    /** Lazy holder: the table loads when a description is first asked for. */
    private static final class Table {
        static final Map<String, String> DESCRIPTIONS = load();

        private static Map<String, String> load() {
            Map<String, String> map = new HashMap<>(4096);
            try (InputStream in = DtcDescriptions.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the obd-protocol jar");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        throw new IllegalStateException(RESOURCE + ": line without a tab: " + line);
                    }
                    map.put(line.substring(0, tab), line.substring(tab + 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            return Map.copyOf(map);
        }
    }
}
