package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.gateway.JavaSio;
import dev.obdio.sim.EmbeddedVehicle;
import dev.obdio.sim.ServerOptions;
import dev.obdio.sim.VehicleFiles;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code obdio serve} as a user meets it: the lines it prints, its options, its errors, Ctrl-C. */
class ServeCommandTest {
    private static final String PETROL_VIN = VehicleFiles.builtIn("petrol").vin();

    private static List<String> gatewayThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("obdio-gateway")).toList();
    }

    private static List<String> threadsMentioning(String text) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.contains(text)).toList();
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterEach
    void noServerLeftBehind() {
        await().atMost(Serving.WAIT).until(() -> gatewayThreads().isEmpty());
    }

    @Test
    void servesTheSimulatedCarOnLoopbackPrintsItsUrlAndStopsCleanlyOnCtrlC() throws Exception {
        Serving s = Serving.start();
        String banner = s.running.outLinesSoFar().get(0);
        assertThat(banner).matches("obdio serve: serving the simulated petrol car \\(VIN " + PETROL_VIN
                + "\\) on virtual:obdio-sim(-\\d+)? at http://127\\.0\\.0\\.1:\\d+/");
        assertThat(s.port()).isPositive().isNotEqualTo(48484);
        assertThat(s.running.outLinesSoFar()).contains("  token none, writes off, the dashboard at /. Ctrl-C stops.");
        HttpURLConnection page = (HttpURLConnection) URI.create(s.url).toURL().openConnection();
        assertThat(page.getResponseCode()).isEqualTo(200);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("<title>obdio dashboard</title>");
        assertThat(s.running.err().toString()).doesNotContain("warning");
        assertThat(accepts(s.address())).isTrue();
        // bound to 127.0.0.1 only: the machine's other addresses do not answer
        for (String lan : ServeCommand.lanAddresses()) {
            assertThat(accepts(new InetSocketAddress(lan, s.port()))).as("reachable on %s", lan).isFalse();
        }
        try (JavaSio client = JavaSio.connect(s.url, null)) {
            assertThat(client.ack("status")).isEqualTo("Car Connected");
        }
        assertThat(threadsMentioning(s.bus)).isNotEmpty();

        Cli.Result r = s.stop();
        assertThat(r.exitCode()).isZero();
        assertThat(r.errLines()).last().isEqualTo("obdio serve: stopped.");
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(accepts(s.address())).as("still listening after Ctrl-C").isFalse();
        await().atMost(Serving.WAIT).until(() -> threadsMentioning(s.bus).isEmpty()); // the simulator stopped
    }

    @Test
    void theLanWithoutATokenGetsAWarningAndTheNetworkUrls() throws Exception {
        Serving s = Serving.start("--host", "0.0.0.0", "--vehicle", "diesel");
        assertThat(s.running.err().toString()).startsWith("obdio serve: warning: listening on 0.0.0.0 without --token");
        assertThat(s.what).isEqualTo("the simulated diesel car (VIN " + VehicleFiles.builtIn("diesel").vin() + ")");
        List<String> out = s.running.outLinesSoFar();
        for (String lan : ServeCommand.lanAddresses()) {
            assertThat(out).contains("  on the network: http://" + lan + ":" + s.port() + "/");
            assertThat(accepts(new InetSocketAddress(lan, s.port()))).as("reachable on %s", lan).isTrue();
        }
        assertThat(s.stop().exitCode()).isZero();

        Serving withToken = Serving.start("--host", "0.0.0.0", "--token", "s3cret");
        assertThat(withToken.running.err().toString()).doesNotContain("warning");
        assertThat(withToken.running.outLinesSoFar()).contains("  token required, writes off, the dashboard at /. Ctrl-C stops.");
        assertThat(withToken.stop().exitCode()).isZero();
    }

    @Test
    void aPortInUseIsAOneLineErrorWithoutStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Cli.Result r = Cli.run("serve", "--port", Integer.toString(port));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).startsWith("obdio serve: cannot listen on 127.0.0.1:" + port + ": ")
                    .contains("--port 0 for a free one");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingStarts(@TempDir Path tmp) {
        Cli.Result r = Cli.run("serve", "--allow-write", "--port", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("obdio serve: --allow-write needs --token");
        r = Cli.run("serve", "virtual:serve-bad", "--vehicle", "diesel");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--vehicle chooses the built-in simulated vehicle");
        r = Cli.run("serve", "--static", tmp.resolve("missing").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no such folder");
        r = Cli.run("serve", "--cors", "*", "http://a.example");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("obdio serve: --cors: '*' allows every origin");
        r = Cli.run("serve", "--port", "70000");
        assertThat(r.exitCode()).isEqualTo(2);
        r = Cli.run("serve", "--vehicle", "tractor");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("tractor");
    }

    @Test
    void aBusThatCannotBeOpenedIsAOneLineError() {
        Cli.Result r = Cli.run("serve", "bogus:x", "--port", "0");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("obdio serve: invalid SocketCAN interface name \"bogus:x\"")
                .contains("A bus is one of").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void servesAVehicleOnAGivenBusAndAStaticFolder(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<h1>my dash</h1>");
        try (EmbeddedVehicle car = EmbeddedVehicle.start(VehicleFiles.builtIn("hybrid"), ServerOptions.DEFAULTS)) {
            Serving s = Serving.start(car.busName(), "--static", site.toString(), "--token", "t0k", "--allow-write");
            assertThat(s.what).isEqualTo("the vehicle");
            assertThat(s.bus).isEqualTo(car.busName());
            assertThat(s.running.outLinesSoFar())
                    .contains("  token required, writes allowed to token holders, " + site + " at /. Ctrl-C stops.");
            HttpURLConnection page = (HttpURLConnection) URI.create(s.url).toURL().openConnection();
            assertThat(page.getResponseCode()).isEqualTo(200);
            assertThat(new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<h1>my dash</h1>");
            try (JavaSio client = JavaSio.connect(s.url, "t0k")) {
                assertThat(client.ack("port_name")).isEqualTo(car.busName());
            }
            assertThat(s.stop().exitCode()).isZero();
            // the vehicle on the bus is not ours: serve leaves it running
            assertThat(car.server().isRunning()).isTrue();
        }
    }

    @Test
    void verbosePrintsClientsComingAndGoing() throws Exception {
        Serving s = Serving.start("-v");
        try (JavaSio client = JavaSio.connect(s.url, null)) {
            assertThat(client.ack("is_connected")).isEqualTo(true);
        }
        await().atMost(Serving.WAIT).until(() -> s.running.outLinesSoFar().stream().anyMatch(l -> l.endsWith(" disconnected")));
        assertThat(s.running.outLinesSoFar()).anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  client \\S+ connected from .*"));
        assertThat(s.stop().exitCode()).isZero();
    }
}
