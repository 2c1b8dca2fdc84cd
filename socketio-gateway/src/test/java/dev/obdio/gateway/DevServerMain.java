package dev.obdio.gateway;

import java.util.List;

/** Starts a gateway for manual experiments: {@code DevServerMain PORT [TOKEN] [noops=false]}. */
final class DevServerMain {
    private DevServerMain() {
    }

    public static void main(String[] args) throws Exception {
        GatewayConfig config = GatewayConfig.DEFAULTS.withAddress("127.0.0.1", Integer.parseInt(args[0]));
        if (args.length > 1 && !args[1].equals("-")) {
            config = config.withToken(args[1]);
        }
        if (List.of(args).contains("noops=false")) {
            config = config.withTransport(config.transport().withUpgradeNoops(false));
        }
        if (List.of(args).contains("compression=true")) {
            config = config.withTransport(config.transport().withWebsocketCompression(true));
        }
        GatewayServer server = new GatewayServer(config).closeOnShutdown();
        server.events().on(HasNameHandler.EVENT, new HasNameHandler());
        server.start();
        System.out.println("READY " + server.url());
        server.awaitClose();
    }
}
