package dev.obdio.gateway;

/**
 * An incoming event the gateway will not dispatch: its JSON is malformed or too deep, its arguments do
 * not fit the listener's types, or no listener has its name. {@link GatewayJsonSupport} renames such
 * events to {@link #NAME} so that one listener answers them with an {@code error} event.
 *
 * @param event  the event name as far as it could be read, or null
 * @param reason what was wrong, for the client
 */
record RefusedEvent(String event, String reason) {

    /** The reserved event name; no client can send it (names starting with NUL are refused). */
    static final String NAME = "\u0000obdio.refused";
}
