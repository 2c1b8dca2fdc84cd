package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticRoutesTest {
    @TempDir
    Path tmp;
    Path site;
    StaticRoutes routes = new StaticRoutes();

    @BeforeEach
    void site() throws IOException {
        site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(site.resolve("app.mjs"), "export {}");
        Files.createDirectories(site.resolve("css"));
        Files.writeString(site.resolve("css/main.css"), "body{}");
        Files.createDirectories(site.resolve("docs"));
        Files.writeString(site.resolve("docs/index.html"), "docs");
        Files.writeString(site.resolve(".env"), "SECRET=1");
        Files.writeString(tmp.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(site.resolve("escape.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("escape-dir"), tmp);
        Files.writeString(site.resolve("inner.txt"), "inner");
        Files.createSymbolicLink(site.resolve("alias.txt"), site.resolve("inner.txt"));
        routes.add("/", new StaticRoutes.FolderSource(site));
    }

    private String body(String path) {
        StaticRoutes.Lookup l = routes.lookup(path);
        assertThat(l).as(path).isInstanceOf(StaticRoutes.Found.class);
        return new String(((StaticRoutes.Found) l).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void servesFilesWithTheirTypesAndIndexForFolders() {
        assertThat(body("/")).isEqualTo("<h1>home</h1>");
        assertThat(body("/css/main.css")).isEqualTo("body{}");
        assertThat(((StaticRoutes.Found) routes.lookup("/app.mjs")).contentType()).startsWith("text/javascript");
        assertThat(((StaticRoutes.Found) routes.lookup("/css/main.css")).contentType()).startsWith("text/css");
        assertThat(body("/docs/")).isEqualTo("docs");
        assertThat(routes.lookup("/docs")).isEqualTo(new StaticRoutes.Redirect("/docs/"));
        assertThat(body("/alias.txt")).as("a symlink inside the folder").isEqualTo("inner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/css/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
        "/css%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/%252e%252e/secret.txt", "/.env", "/%2eenv",
        "/escape.txt", "/escape-dir/secret.txt", "//etc/passwd", "/%2fetc%2fpasswd", "/css/./main.css",
        "/index.html%00.png", "/%c0%ae%c0%ae/secret.txt", "/nope.html", "/C:%5cWindows", "relative.txt"})
    void neverServesAnythingOutsideTheFolderOrHidden(String path) {
        assertThat(routes.lookup(path)).isEqualTo(StaticRoutes.NotFound.INSTANCE);
    }

    @Test
    void fileRoutesServeOnlyTheirPathAndLongerRoutesWin() throws IOException {
        StaticRoutes r = new StaticRoutes();
        Path page = Files.writeString(tmp.resolve("page.html"), "page");
        r.add("/", new StaticRoutes.FileSource(page));
        r.add("/static", new StaticRoutes.FolderSource(site));
        assertThat(new String(((StaticRoutes.Found) r.lookup("/")).bytes(), StandardCharsets.UTF_8)).isEqualTo("page");
        assertThat(r.lookup("/other.html")).isEqualTo(StaticRoutes.NotFound.INSTANCE);
        assertThat(new String(((StaticRoutes.Found) r.lookup("/static/css/main.css")).bytes(), StandardCharsets.UTF_8))
                .isEqualTo("body{}");
        assertThat(r.lookup("/staticx/css/main.css")).isEqualTo(StaticRoutes.NotFound.INSTANCE);
    }

    @Test
    void classpathResourcesServeFilesAndIndexes() {
        StaticRoutes r = new StaticRoutes();
        r.add("/ui", new StaticRoutes.ResourceSource(getClass().getClassLoader(), "static-test/"));
        assertThat(new String(((StaticRoutes.Found) r.lookup("/ui/")).bytes(), StandardCharsets.UTF_8))
                .contains("resource index");
        assertThat(((StaticRoutes.Found) r.lookup("/ui/app.js")).contentType()).startsWith("text/javascript");
        assertThat(r.lookup("/ui")).isEqualTo(new StaticRoutes.Redirect("/ui/"));
        assertThat(r.lookup("/ui/sub")).isEqualTo(new StaticRoutes.Redirect("/ui/sub/"));
        assertThat(r.lookup("/ui/../simplelogger.properties")).isEqualTo(StaticRoutes.NotFound.INSTANCE);
        assertThat(r.lookup("/ui/%2e%2e/simplelogger.properties")).isEqualTo(StaticRoutes.NotFound.INSTANCE);
    }

    @Test
    void badRoutesAndMissingPathsAreRefused() {
        assertThatThrownBy(() -> routes.add("static", new StaticRoutes.FolderSource(site)))
                .hasMessageContaining("starts with '/'");
        assertThatThrownBy(() -> routes.add("/x", new StaticRoutes.FolderSource(tmp.resolve("missing"))))
                .hasMessageContaining("no such folder");
        assertThatThrownBy(() -> routes.add("/../x", new StaticRoutes.FolderSource(site)))
                .hasMessageContaining("plain segments");
    }
}
