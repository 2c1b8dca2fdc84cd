package dev.obdio.gateway;

/** Gateways for tests: ephemeral ports on 127.0.0.1, the trivial events registered. */
final class TestGateways {
    private TestGateways() {
    }

    /** The default configuration on an ephemeral loopback port. */
    static GatewayConfig local() {
        return GatewayConfig.DEFAULTS.withAddress("127.0.0.1", 0);
    }

    /** A started gateway with {@code has_name}. */
    static GatewayServer started(GatewayConfig config) throws GatewayException {
        GatewayServer server = new GatewayServer(config);
        server.events().on(HasNameHandler.EVENT, new HasNameHandler());
        server.start();
        return server;
    }

    /** Closes gateways, ignoring nulls. */
    static void close(GatewayServer... servers) {
        for (GatewayServer s : servers) {
            if (s != null) {
                s.close();
            }
        }
    }
}
