package dev.obdio.gateway;

/** The gateway cannot do what was asked (bind its address, typically). */
public class GatewayException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with a message for the user. */
    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
