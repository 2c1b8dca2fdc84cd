package dev.obdio.obd;

/** Spark or compression ignition, as reported by PID 01 bit B3 (python-OBD {@code IGNITION_TYPE}). */
public enum IgnitionType {
    /** Spark ignition (petrol). */
    SPARK("spark"),
    /** Compression ignition (diesel). */
    COMPRESSION("compression");

    private final String label;

    IgnitionType(String label) {
        this.label = label;
    }

    /** python-OBD's text: {@code "spark"} or {@code "compression"}. */
    public String label() {
        return label;
    }
}
