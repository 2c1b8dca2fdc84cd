package dev.obdio.gateway;

/**
 * Whether a client may change the vehicle (clear DTCs, UDS writes, resets, routines): only when
 * the server was started with writes allowed, and then only for clients that presented the
 * server's token. Without a token configured no client is authenticated, so writes stay refused
 * even with writes allowed: whoever can reach the port must not be able to erase a car's
 * diagnostic memory.
 */
final class WriteGate {
    private final boolean allowWrite;
    private final boolean tokenRequired;

    WriteGate(boolean allowWrite, boolean tokenRequired) {
        this.allowWrite = allowWrite;
        this.tokenRequired = tokenRequired;
    }

    /** Whether the server allows writes at all. */
    boolean writesAllowed() {
        return allowWrite;
    }

    /** Whether this client may write. */
    boolean allows(GatewayClient client) {
        return allowWrite && client.authenticated();
    }

    /**
     * Refuses unless the client may write.
     *
     * @param what what the client asked for, for the message ("clear_dtc")
     */
    void check(GatewayClient client, String what) throws EventException {
        if (!allowWrite) {
            throw new EventException(what + " changes the vehicle: this server does not allow writes "
                    + "(start it with --allow-write)");
        }
        if (!client.authenticated()) {
            throw new EventException(what + " changes the vehicle: only clients that presented the server's "
                    + "token may do that" + (tokenRequired ? "" : ", and this server has no token (start it with --token)"));
        }
    }
}
