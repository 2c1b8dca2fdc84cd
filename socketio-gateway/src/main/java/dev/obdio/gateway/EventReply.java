package dev.obdio.gateway;

/**
 * What a handler sends back to the client that emitted the event.
 */
public sealed interface EventReply {

    /** Emit the event back to the client with this payload and acknowledge with it if asked. */
    static EventReply emit(Object payload) {
        return new Emit(payload);
    }

    /** Send nothing back; acknowledge with no arguments if asked. */
    static EventReply none() {
        return Silent.INSTANCE;
    }

    /**
     * Emit the event back with a payload.
     *
     * @param payload anything the gateway's JSON writes (OBD commands and responses included); may
     *                be null, which the client receives as {@code null}
     */
    record Emit(Object payload) implements EventReply {
    }

    /** No reply. */
    enum Silent implements EventReply {
        /** The one instance. */
        INSTANCE
    }
}
