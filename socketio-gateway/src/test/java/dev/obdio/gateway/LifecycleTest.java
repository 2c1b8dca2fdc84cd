package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static long nonDaemonNettyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("nioEventLoopGroup")).count();
    }

    @Test
    void portZeroReportsTheBoundPortAndCloseIsIdempotent() throws Exception {
        GatewayServer server = TestGateways.started(TestGateways.local());
        InetSocketAddress bound = server.address();
        assertThat(bound.getPort()).isPositive();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + bound.getPort() + "/");
        try (Socket s = new Socket()) {
            s.connect(bound, 2000);
        }
        server.close();
        server.close();
        assertThat(server.running()).isFalse();
        assertThatThrownBy(() -> new Socket().connect(bound, 2000)).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBusyPortFailsWithAClearMessageAndLeavesNoNettyThreads() throws Exception {
        long before = nonDaemonNettyThreads();
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            GatewayServer server = new GatewayServer(GatewayConfig.DEFAULTS.withAddress("127.0.0.1", taken.getLocalPort()));
            assertThatThrownBy(server::start).isInstanceOf(GatewayException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> nonDaemonNettyThreads() <= before);
    }

    @Test
    void sigtermClosesARunningServerCleanly() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DevServerMain.class.getName(), "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder all = new StringBuilder();
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                all.append(line).append('\n');
            }
            assertThat(line).as(all.toString()).startsWith("READY http://127.0.0.1:");
            p.toHandle().destroy(); // SIGTERM (streams stay open), which runs the shutdown hooks as Ctrl-C does
            StringBuilder rest = new StringBuilder();
            while ((line = out.readLine()) != null) {
                rest.append(line).append('\n');
            }
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("the JVM exits").isTrue();
            assertThat(rest.toString()).contains("Socket.IO gateway stopped");
        } finally {
            p.destroyForcibly();
        }
    }
}
