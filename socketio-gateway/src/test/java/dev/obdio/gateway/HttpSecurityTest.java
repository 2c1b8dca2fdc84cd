package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway's HTTP face, probed with raw requests: address, hosts, origins, static files. */
class HttpSecurityTest {
    private static final String HANDSHAKE = "/socket.io/?EIO=4&transport=polling";
    private static final String WS_UPGRADE = "/socket.io/?EIO=4&transport=websocket";
    private static final String[] UPGRADE_HEADERS = {"Upgrade: websocket", "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"};

    @TempDir
    static Path tmp;
    static GatewayServer sameOrigin;
    static GatewayServer listed;
    static Path site;

    @BeforeAll
    static void start() throws Exception {
        site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>dash</h1>");
        Files.writeString(site.resolve("app.js"), "let x = 1;");
        Files.writeString(tmp.resolve("secret.txt"), "outside");
        sameOrigin = TestGateways.started(TestGateways.local());
        sameOrigin.serveStatic(Map.of("/", site));
        listed = TestGateways.started(TestGateways.local().withCors(CorsPolicy.of(List.of("http://dash.example:8080"))));
    }

    @AfterAll
    static void stop() {
        TestGateways.close(sameOrigin, listed);
    }

    private static InetSocketAddress addr(GatewayServer s) {
        return s.address();
    }

    private static String[] withUpgrade(String... more) {
        String[] all = new String[UPGRADE_HEADERS.length + more.length];
        System.arraycopy(UPGRADE_HEADERS, 0, all, 0, UPGRADE_HEADERS.length);
        System.arraycopy(more, 0, all, UPGRADE_HEADERS.length, more.length);
        return all;
    }

    @Test
    void listensOnLoopbackOnlyByDefault() throws Exception {
        assertThat(GatewayConfig.DEFAULTS.host()).isEqualTo("127.0.0.1");
        assertThat(sameOrigin.address().getAddress().isLoopbackAddress()).isTrue();
        InetAddress other = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && a.getAddress().length == 4).findFirst().orElse(null);
        if (other != null) {
            try (Socket s = new Socket()) {
                boolean connected;
                try {
                    s.connect(new InetSocketAddress(other, sameOrigin.address().getPort()), 2000);
                    connected = true;
                } catch (java.io.IOException e) {
                    connected = false;
                }
                assertThat(connected).as("reachable on " + other).isFalse();
            }
        }
    }

    @Test
    void crossOriginPollingAndUpgradesAreRefused() throws Exception {
        assertThat(RawHttp.request(addr(sameOrigin), "GET", HANDSHAKE, "Origin: http://evil.example").status())
                .isEqualTo(403);
        assertThat(RawHttp.request(addr(sameOrigin), "POST", HANDSHAKE + "&sid=00000000-0000-0000-0000-000000000000",
                "Origin: http://evil.example", "Content-Length: 2", "").status()).isEqualTo(403);
        assertThat(RawHttp.request(addr(sameOrigin), "GET", WS_UPGRADE, withUpgrade("Origin: http://evil.example"))
                .status()).isEqualTo(403);
        assertThat(RawHttp.request(addr(sameOrigin), "OPTIONS", HANDSHAKE, "Origin: http://evil.example",
                "Access-Control-Request-Method: GET").status()).isEqualTo(403);
    }

    @Test
    void sameOriginAndOriginlessClientsAreServed() throws Exception {
        String own = "Origin: http://127.0.0.1:" + sameOrigin.address().getPort();
        RawHttp.Response polling = RawHttp.request(addr(sameOrigin), "GET", HANDSHAKE, own);
        assertThat(polling.status()).isEqualTo(200);
        assertThat(polling.body()).startsWith("0{\"sid\":");
        assertThat(RawHttp.request(addr(sameOrigin), "GET", HANDSHAKE).status()).isEqualTo(200);
        assertThat(RawHttp.request(addr(sameOrigin), "GET", WS_UPGRADE, withUpgrade(own)).status()).isEqualTo(101);
    }

    @Test
    void listedOriginsGetCorsHeadersAndPreflights() throws Exception {
        RawHttp.Response ok = RawHttp.request(addr(listed), "GET", HANDSHAKE, "Origin: http://dash.example:8080");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("http://dash.example:8080");
        RawHttp.Response preflight = RawHttp.request(addr(listed), "OPTIONS", HANDSHAKE,
                "Origin: http://dash.example:8080", "Access-Control-Request-Method: POST",
                "Access-Control-Request-Headers: content-type");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("content-type");
        assertThat(RawHttp.request(addr(listed), "GET", HANDSHAKE, "Origin: http://other.example").status())
                .isEqualTo(403);
        assertThat(RawHttp.request(addr(listed), "GET", WS_UPGRADE, withUpgrade("Origin: http://other.example"))
                .status()).isEqualTo(403);
    }

    @Test
    void foreignHostNamesAreRefusedOnALoopbackServer() throws Exception {
        // DNS rebinding: the attacker's name resolves to 127.0.0.1 and its page is then same-origin
        assertThat(RawHttp.request(addr(sameOrigin), "GET", HANDSHAKE, "Host: rebind.attacker.example:"
                + sameOrigin.address().getPort(), "Origin: http://rebind.attacker.example:"
                + sameOrigin.address().getPort()).status()).isEqualTo(403);
        assertThat(RawHttp.request(addr(sameOrigin), "GET", "/", "Host: rebind.attacker.example").status())
                .isEqualTo(403);
    }

    @Test
    void staticFilesWithTypesValidatorsHeadAndMethods() throws Exception {
        RawHttp.Response index = RawHttp.request(addr(sameOrigin), "GET", "/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).isEqualTo("<h1>dash</h1>");
        assertThat(index.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(index.header("Cache-Control")).isEqualTo("no-cache");
        String etag = index.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(RawHttp.request(addr(sameOrigin), "GET", "/", "If-None-Match: " + etag).status()).isEqualTo(304);
        assertThat(RawHttp.request(addr(sameOrigin), "GET", "/", "If-Modified-Since: "
                + index.header("Last-Modified")).status()).isEqualTo(304);
        RawHttp.Response head = RawHttp.request(addr(sameOrigin), "HEAD", "/app.js");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).startsWith("text/javascript");
        assertThat(head.header("Content-Length")).isEqualTo("10");
        assertThat(head.body()).isEmpty();
        RawHttp.Response post = RawHttp.request(addr(sameOrigin), "POST", "/", "Content-Length: 0");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(RawHttp.request(addr(sameOrigin), "GET", "/missing.css").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2f..%2fetc%2fpasswd",
        "/%252e%252e/secret.txt", "/..\\secret.txt", "//etc/passwd", "/.%2e/secret.txt"})
    void traversalAttemptsOverTheWireGetNotFound(String target) throws Exception {
        RawHttp.Response r = RawHttp.request(addr(sameOrigin), "GET", target);
        assertThat(r.status()).as(target).isIn(400, 404);
        assertThat(r.body()).doesNotContain("outside").doesNotContain("root:");
    }
}
