package dev.obdio.can;

/**
 * A bus failed to do what was asked. {@link #reason()} tells expected conditions (no SocketCAN,
 * no such interface, interface down) from real faults, so tools can print a plain message
 * instead of a stack trace.
 */
public class CanException extends RuntimeException {

    /** Why a bus operation failed. */
    public enum Reason {
        /** The kernel has no AF_CAN sockets (errno EAFNOSUPPORT). */
        NO_SOCKETCAN,
        /** The named interface does not exist (ENODEV). */
        NO_SUCH_INTERFACE,
        /** The interface exists but is down (ENETDOWN). */
        INTERFACE_DOWN,
        /** A bus name that cannot be parsed. */
        INVALID_NAME,
        /** The frame or operation is not supported here (e.g. CAN FD on a classic socket). */
        NOT_SUPPORTED,
        /** The transmit queue is full (ENOBUFS). */
        BUFFER_FULL,
        /** The endpoint has been closed. */
        CLOSED,
        /** Not allowed (EPERM/EACCES). */
        PERMISSION,
        /** Any other I/O failure. */
        IO
    }

    private final Reason reason;

    /** An exception with a reason and a message for the user. */
    public CanException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** An exception with a reason, a message for the user and the cause. */
    public CanException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }

    /** Whether this is an expected condition a tool reports without a stack trace. */
    public boolean isExpectedCondition() {
        return reason != Reason.IO;
    }
}
