package dev.obdio.gateway;

/**
 * A request that cannot be served: a malformed argument, an unknown command name, a refused write.
 * The message goes to the client in an {@code error} event, so it should say what was wrong and
 * what would be right.
 */
public class EventException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with a message for the client. */
    public EventException(String message) {
        super(message);
    }

    /** An exception with a message for the client and a cause for the log. */
    public EventException(String message, Throwable cause) {
        super(message, cause);
    }
}
