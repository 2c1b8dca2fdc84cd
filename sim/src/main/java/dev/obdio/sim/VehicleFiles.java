package dev.obdio.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Vehicle description files: reading (JSON or YAML, one schema, documented in docs/SIMULATOR.md),
 * writing, and the built-in vehicles, which are such files shipped as resources.
 *
 * <p>Errors name the file and the field: {@code my-car.yaml: ecus[0].pids: PID 0x18 needs an
 * engine with 2 banks}.
 */
public final class VehicleFiles {
    /** The built-in vehicles: a petrol car (the default), a diesel car and a hybrid. */
    public static final List<String> BUILT_IN = List.of("petrol", "diesel", "hybrid");
    /** The vehicle every command uses unless told otherwise. */
    public static final String DEFAULT = "petrol";
    private static final String RESOURCE_DIR = "/dev/obdio/sim/vehicles/";

    private VehicleFiles() {
    }

    /**
     * A built-in vehicle by name ({@link #BUILT_IN}).
     *
     * @throws IllegalArgumentException naming the built-ins when there is none by that name
     */
    public static VehicleDescription builtIn(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!BUILT_IN.contains(key)) {
            throw new IllegalArgumentException("no built-in vehicle \"" + name + "\"; built-ins: " + String.join(", ", BUILT_IN));
        }
        return parse(builtInText(key), key + ".yaml");
    }

    /** The text of a built-in vehicle's file. */
    public static String builtInText(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!BUILT_IN.contains(key)) {
            throw new IllegalArgumentException("no built-in vehicle \"" + name + "\"; built-ins: " + String.join(", ", BUILT_IN));
        }
        try (InputStream in = VehicleFiles.class.getResourceAsStream(RESOURCE_DIR + key + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in vehicle resource " + key + ".yaml is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A built-in name, or else a path to a vehicle file. */
    public static VehicleDescription resolve(String builtInOrPath) {
        if (BUILT_IN.contains(builtInOrPath.toLowerCase(Locale.ROOT))) {
            return builtIn(builtInOrPath);
        }
        return read(Path.of(builtInOrPath));
    }

    /**
     * Reads a vehicle file.
     *
     * @throws VehicleFileException when the file is missing, unreadable or invalid
     */
    public static VehicleDescription read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new VehicleFileException(file.toString(), "", "no such file");
        } catch (IOException e) {
            throw new VehicleFileException(file.toString(), "", "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /**
     * Parses a vehicle description: JSON when the text starts with '{', YAML otherwise.
     *
     * @param text   the file content
     * @param source a name for error messages, e.g. the file name
     * @throws VehicleFileException naming the field when invalid
     */
    public static VehicleDescription parse(String text, String source) {
        return VehicleFileReader.parse(text, source);
    }

    /** The description as YAML. */
    public static String toYaml(VehicleDescription description) {
        return VehicleFileWriter.yaml(description);
    }

    /** The description as JSON. */
    public static String toJson(VehicleDescription description) {
        return VehicleFileWriter.json(description);
    }

    /** Writes the description, as JSON if the file name ends in .json, else as YAML. */
    public static void write(VehicleDescription description, Path file) throws IOException {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        Files.writeString(file, json ? toJson(description) : toYaml(description), StandardCharsets.UTF_8);
    }
}
