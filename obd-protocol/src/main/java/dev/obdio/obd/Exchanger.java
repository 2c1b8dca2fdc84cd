package dev.obdio.obd;

import java.util.Set;

/** Sends one request the way the connection is configured (functional, or to its one ECU) and collects the answers. */
@FunctionalInterface
interface Exchanger {
    /**
     * @param request  the OBD request
     * @param expected the ECUs known to answer it (by answer id); empty when unknown
     */
    ObdTransport.Exchange exchange(byte[] request, Set<Integer> expected) throws InterruptedException;
}
