package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard over HTTP, without a browser: every file the page loads is served from the
 * classpath with its content type, nothing comes from elsewhere, caching answers 304, no path
 * leaves the dashboard's folder, and {@link ObdIo#serveStatic} replaces the dashboard.
 */
class DashboardResourcesTest {
    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z-]+\\.mjs)'");
    private static final Pattern HTML_REF = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    private ObdIo io;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws GatewayException {
        io = new ObdIo();
        io.createServer(TestGateways.local());
        io.serveDashboard();
        address = io.start();
    }

    @AfterEach
    void stop() {
        io.close();
    }

    private RawHttp.Response get(String path, String... headers) throws IOException {
        return RawHttp.request(address, "GET", path, headers);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ObdIo.class.getClassLoader().getResourceAsStream(ObdIo.DASHBOARD_RESOURCES + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theRootServesThePageAndEveryFileItLoadsWithItsContentType() throws IOException {
        RawHttp.Response page = get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.header("ETag")).isNotBlank();
        assertThat(page.body()).isEqualTo(resource("index.html"));

        Set<String> refs = new LinkedHashSet<>();
        Matcher m = HTML_REF.matcher(page.body());
        while (m.find()) {
            refs.add(m.group(1));
        }
        assertThat(refs).contains("dashboard.css", "js/app.mjs", "favicon.svg", "#live", "#can");
        Map<String, String> types = Map.of("css", "text/css; charset=utf-8", "mjs", "text/javascript; charset=utf-8",
                "svg", "image/svg+xml");
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                continue;
            }
            assertThat(ref).as("everything comes from the gateway").doesNotContain("//");
            RawHttp.Response r = get("/" + ref);
            assertThat(r.status()).as(ref).isEqualTo(200);
            assertThat(r.header("Content-Type")).as(ref).isEqualTo(types.get(ref.substring(ref.lastIndexOf('.') + 1)));
        }
    }

    @Test
    void everyModuleTheAppImportsIsServedAndImportsNothingFromElsewhere() throws IOException {
        Deque<String> todo = new ArrayDeque<>(Set.of("app.mjs"));
        Set<String> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String module = todo.pop();
            if (!seen.add(module)) {
                continue;
            }
            RawHttp.Response r = get("/js/" + module);
            assertThat(r.status()).as(module).isEqualTo(200);
            assertThat(r.header("Content-Type")).as(module).isEqualTo("text/javascript; charset=utf-8");
            assertThat(r.body()).as(module).isEqualTo(resource("js/" + module));
            assertThat(r.body().lines().filter(l -> l.startsWith("import")))
                    .as("imports of %s", module).allSatisfy(l -> assertThat(l).contains("from './"));
            Matcher m = IMPORT.matcher(r.body());
            while (m.find()) {
                todo.push(m.group(1));
            }
        }
        assertThat(seen).contains("sio.mjs", "connection-bar.mjs", "live.mjs", "gauge.mjs", "number-card.mjs",
                "time-chart.mjs", "dtc-view.mjs", "vehicle-view.mjs", "can-view.mjs", "theme.mjs", "units.mjs");
        assertThat(resource("dashboard.css")).doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void aCurrentCopyGets304() throws IOException {
        String etag = get("/js/sio.mjs").header("ETag");
        RawHttp.Response again = get("/js/sio.mjs", "If-None-Match: " + etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/js/sio.mjs", "If-None-Match: \"other\"").status()).isEqualTo(200);
    }

    @Test
    void nothingOutsideTheDashboardFolderIsServed() throws IOException {
        for (String path : new String[] {"/../ObdIo.class", "/%2e%2e/ObdIo.class", "/js/%2e%2e/%2e%2e/ObdIo.class",
            "/..%2fObdIo.class", "/js/..\\..\\ObdIo.class", "/.hidden", "/nonexistent.mjs"}) {
            assertThat(get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(get("/js").status()).as("a folder without its slash is redirected").isEqualTo(301);
        assertThat(RawHttp.request(address, "POST", "/").status()).isEqualTo(405);
    }

    @Test
    void serveStaticReplacesTheDashboard(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("index.html"), "<p>mine</p>");
        io.serveStatic(Map.of("/static", dir.toString()));
        assertThat(get("/").status()).isEqualTo(404);
        assertThat(get("/js/app.mjs").status()).isEqualTo(404);
        assertThat(get("/static/").body()).isEqualTo("<p>mine</p>");

        io.serveDashboard(); // asked for again, it comes back
        assertThat(get("/").body()).isEqualTo(resource("index.html"));
        io.serveStatic(Map.of("/", dir.resolve("index.html").toString()));
        assertThat(get("/").body()).isEqualTo("<p>mine</p>");
    }
}
