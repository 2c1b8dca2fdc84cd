package dev.obdio.gateway;

/**
 * The payload of the {@code error} event: {@code {"event": NAME, "message": "…"}}.
 *
 * @param event   the event that failed, or null when its name could not be read
 * @param message what was wrong
 */
public record ErrorPayload(String event, String message) {

    /** The event name errors are emitted under. */
    public static final String EVENT = "error";
}
