package dev.obdio.bench;

import dev.obdio.gateway.GatewayConfig;
import dev.obdio.gateway.ObdIo;
import dev.obdio.gateway.VehicleEventOptions;
import dev.obdio.obd.ObdOptions;
import dev.obdio.sim.EmbeddedVehicle;
import java.io.IOException;
import java.time.Duration;

/**
 * The server side of {@link GatewayFanOut}, in its own JVM so that its memory and CPU time are its
 * own: what {@code obdio serve} runs (the built-in simulated petrol car on an in-process virtual
 * bus, {@link ObdIo} with the default configuration on 127.0.0.1, a free port; P2 200 ms). Prints
 * {@code URL http://…} and serves until its standard input closes, then prints the number of
 * {@code update} events handed to clients.
 */
public final class GatewayFanOutServer {
    private GatewayFanOutServer() {
    }

    /** No arguments. */
    public static void main(String[] args) throws Exception {
        // P2 200 ms: on a loaded machine the support discovery at connect can miss an answer within
        // 50 ms, and the commands of a missed mask would be refused by subscribe. It changes nothing
        // in the steady state: a request's window closes when the ECUs known to answer have answered.
        ObdOptions obd = ObdOptions.DEFAULTS.withP2(Duration.ofMillis(200));
        try (EmbeddedVehicle car = EmbeddedVehicle.start(); ObdIo io = new ObdIo(obd, VehicleEventOptions.DEFAULTS)) {
            io.connectObd(car.busName());
            io.createServer(GatewayConfig.DEFAULTS.withAddress("127.0.0.1", 0));
            io.start();
            System.out.println("URL " + io.server().url());
            System.out.flush();
            try {
                while (System.in.read() >= 0) {
                    // until the parent closes our standard input (or dies)
                }
            } catch (IOException e) {
                // the parent is gone
            }
            System.out.println("SENT " + io.updatesSent());
        }
    }
}
