package dev.obdio.sim;

/**
 * A vehicle file that cannot be used: malformed JSON/YAML, a missing or unknown field, or a value
 * out of range. The message names the file and the field path, e.g.
 * {@code my-car.yaml: ecus[0].dtcs[1].code: "P03G1" is not a DTC (expected e.g. P0301)}.
 */
public final class VehicleFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    VehicleFileException(String source, String field, String message) {
        super((source == null ? "" : source + ": ") + (field == null || field.isEmpty() ? "" : field + ": ") + message);
        this.field = field == null ? "" : field;
    }

    /** The path of the offending field, e.g. {@code ecus[0].dtcs[1].code}; empty for the whole file. */
    public String field() {
        return field;
    }
}
