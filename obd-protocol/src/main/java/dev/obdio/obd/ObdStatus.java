package dev.obdio.obd;

/**
 * How far an {@link ObdConnection} reaches, with python-OBD's {@code OBDStatus} strings (which
 * obd-socketio sends as they are). There is no ELM327 between obdio and the bus, so
 * {@code "ELM Connected"} never occurs.
 */
public enum ObdStatus {
    /** Closed, or the interface is down (sends fail). */
    NOT_CONNECTED("Not Connected"),
    /** The interface works but no ECU answers (ignition off, wrong bus, nothing plugged in). */
    OBD_CONNECTED("OBD Connected"),
    /** At least one ECU answers. */
    CAR_CONNECTED("Car Connected");

    private final String text;

    ObdStatus(String text) {
        this.text = text;
    }

    /** python-OBD's string: {@code "Car Connected"}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
