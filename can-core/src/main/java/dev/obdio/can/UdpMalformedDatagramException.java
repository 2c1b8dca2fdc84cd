package dev.obdio.can;

/**
 * A datagram that is not a CAN message in python-can's {@code udp_multicast} format; the
 * message says why. Cheap to throw (no stack trace): a stray sender on the group can produce
 * many.
 */
final class UdpMalformedDatagramException extends Exception {
    UdpMalformedDatagramException(String message) {
        super(message, null, false, false);
    }
}
