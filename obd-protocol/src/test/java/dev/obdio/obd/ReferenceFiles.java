package dev.obdio.obd;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the shared reference files ({@code ../shared/reference} beside the repository root) and
 * reads their TSV tables. {@code -Dobdio.reference.dir=...} or {@code OBDIO_REFERENCE_DIR} points
 * elsewhere.
 */
final class ReferenceFiles {
    private ReferenceFiles() {
    }

    static Path dir() {
        String override = System.getProperty("obdio.reference.dir", System.getenv("OBDIO_REFERENCE_DIR"));
        if (override != null && !override.isBlank()) {
            return Paths.get(override).toAbsolutePath().normalize();
        }
        // Surefire runs in the module directory; the repository root is its parent.
        Path module = Paths.get(System.getProperty("basedir", "")).toAbsolutePath();
        return module.getParent().resolve("../shared/reference").normalize();
    }

    /** The file, or a test failure that says where it was looked for. */
    static Path require(String name) {
        Path p = dir().resolve(name);
        if (!Files.isRegularFile(p)) {
            fail("reference file missing: " + p + " (the tests read ../shared/reference beside the repository "
                    + "root; set -Dobdio.reference.dir=DIR to use another place)");
        }
        return p;
    }

    /** Header and rows of a tab-separated file, split plainly on tabs (no quoting). */
    static List<String[]> readPlainTsv(Path p) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(p)) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    /** Header and rows of a tab-separated file whose fields may be CSV-quoted ({@code "a ""b"""}). */
    static List<String[]> readQuotedTsv(Path p) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(p)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            for (int i = 0; i < fields.length; i++) {
                String f = fields[i];
                if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
                    fields[i] = f.substring(1, f.length() - 1).replace("\"\"", "\"");
                }
            }
            rows.add(fields);
        }
        return rows;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
