package dev.obdio.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Static routes (obd-socketio's {@code serve_static}): a route maps to a file, to a folder served
 * below it, or to classpath resources. Lookups never leave a folder: the path is decoded strictly
 * once, segments {@code .}, {@code ..}, hidden names, backslashes and control characters are refused,
 * and the real path of what would be served (after symlinks) must still lie inside the folder's real
 * path. A folder's {@code index.html} answers for the folder. Thread-safe; lookups read files and
 * belong on a worker thread.
 */
final class StaticRoutes {
    /** Largest file served (a dashboard's files are far smaller). */
    static final long MAX_FILE_SIZE = 32L << 20;

    /** What a route serves. */
    sealed interface Source {
    }

    /** One file. */
    record FileSource(Path file) implements Source {
        FileSource {
            file = file.toAbsolutePath().normalize();
        }
    }

    /** A folder and everything below it. */
    record FolderSource(Path root) implements Source {
        FolderSource {
            root = root.toAbsolutePath().normalize();
        }
    }

    /** Classpath resources: one resource, or a folder of them when {@code name} ends with '/'. */
    record ResourceSource(ClassLoader loader, String name) implements Source {
        ResourceSource {
            Objects.requireNonNull(loader, "loader");
            if (name.startsWith("/")) {
                name = name.substring(1);
            }
        }

        boolean folder() {
            return name.isEmpty() || name.endsWith("/");
        }
    }

    /** The result of a lookup. */
    sealed interface Lookup {
    }

    /** Content to send. */
    record Found(String name, String contentType, byte[] bytes, long lastModifiedMillis, String etag)
            implements Lookup {
    }

    /** The path names a folder without its trailing slash: redirect there. */
    record Redirect(String location) implements Lookup {
    }

    /** Nothing here. */
    enum NotFound implements Lookup {
        /** The one instance. */
        INSTANCE
    }

    private record Route(String path, Source source) {
    }

    private volatile List<Route> routes = List.of();

    /**
     * Adds or replaces a route.
     *
     * @throws IllegalArgumentException when the route does not start with '/' or a file or folder
     *                                  does not exist
     */
    synchronized void add(String route, Source source) {
        String r = normaliseRoute(route);
        if (source instanceof FileSource f && !Files.isRegularFile(f.file())) {
            throw new IllegalArgumentException("no such file for route " + route + ": " + f.file());
        }
        if (source instanceof FolderSource d && !Files.isDirectory(d.root())) {
            throw new IllegalArgumentException("no such folder for route " + route + ": " + d.root());
        }
        List<Route> next = new ArrayList<>();
        for (Route existing : routes) {
            if (!existing.path().equals(r)) {
                next.add(existing);
            }
        }
        next.add(new Route(r, source));
        next.sort(Comparator.comparingInt((Route x) -> x.path().length()).reversed());
        routes = List.copyOf(next);
    }

    /** Removes a route; returns whether it existed. */
    synchronized boolean remove(String route) {
        String r = normaliseRoute(route);
        List<Route> next = new ArrayList<>(routes);
        boolean removed = next.removeIf(existing -> existing.path().equals(r));
        routes = List.copyOf(next);
        return removed;
    }

    /** Whether a route serves exactly this source. */
    boolean serves(String route, Source source) {
        String r = normaliseRoute(route);
        return routes.stream().anyMatch(x -> x.path().equals(r) && x.source().equals(source));
    }

    /** Whether any route is configured. */
    boolean isEmpty() {
        return routes.isEmpty();
    }

    /** What to answer for a request path (the URI's path, still percent-encoded). */
    Lookup lookup(String rawPath) {
        String path = decodePath(rawPath);
        if (path == null) {
            return NotFound.INSTANCE;
        }
        for (Route route : routes) {
            String rel;
            if (route.path().equals("/")) {
                rel = path.substring(1);
            } else if (path.equals(route.path())) {
                rel = "";
            } else if (path.startsWith(route.path() + "/")) {
                rel = path.substring(route.path().length() + 1);
            } else {
                continue;
            }
            Lookup found = serve(route, path, rel, rawPath);
            if (found != NotFound.INSTANCE) {
                return found;
            }
        }
        return NotFound.INSTANCE;
    }

    private static Lookup serve(Route route, String path, String rel, String rawPath) {
        Source source = route.source();
        if (source instanceof FileSource f) {
            return rel.isEmpty() ? readFile(f.file()) : NotFound.INSTANCE;
        }
        if (source instanceof ResourceSource r && !r.folder()) {
            return rel.isEmpty() ? readResource(r.loader(), r.name(), null) : NotFound.INSTANCE;
        }
        if (!safeRelative(rel)) {
            return NotFound.INSTANCE;
        }
        if (rel.isEmpty() && !path.endsWith("/")) {
            return new Redirect(rawPath + "/");
        }
        if (source instanceof FolderSource d) {
            return readInFolder(d.root(), rel, path, rawPath);
        }
        ResourceSource r = (ResourceSource) source;
        return readResource(r.loader(), r.name() + (rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel),
                path.endsWith("/") ? null : rawPath + "/");
    }

    private static Lookup readInFolder(Path root, String rel, String path, String rawPath) {
        try {
            Path target = rel.isEmpty() ? root : root.resolve(rel);
            if (!target.normalize().startsWith(root)) {
                return NotFound.INSTANCE;
            }
            if (Files.isDirectory(target)) {
                if (!path.endsWith("/")) {
                    return new Redirect(rawPath + "/");
                }
                target = target.resolve("index.html");
            }
            if (!Files.isRegularFile(target)) {
                return NotFound.INSTANCE;
            }
            Path real = target.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                return NotFound.INSTANCE; // a symlink that leads out of the folder
            }
            return readFile(real);
        } catch (InvalidPathException | IOException e) {
            return NotFound.INSTANCE;
        }
    }

    private static Lookup readFile(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_SIZE) {
                throw new UncheckedIOException(new IOException(file + " is larger than " + MAX_FILE_SIZE + " bytes"));
            }
            long modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
            byte[] bytes = Files.readAllBytes(file);
            String etag = "W/\"" + Long.toHexString(bytes.length) + "-" + Long.toHexString(modified) + "\"";
            String name = file.getFileName().toString();
            return new Found(name, ContentTypes.of(name), bytes, modified, etag);
        } catch (IOException e) {
            return NotFound.INSTANCE;
        }
    }

    /** A resource's content; {@code folderRedirect} is where to send a request that named a folder. */
    private static Lookup readResource(ClassLoader loader, String name, String folderRedirect) {
        URL url = loader.getResource(name);
        if (url == null) {
            return NotFound.INSTANCE;
        }
        try {
            if (isFolder(url)) {
                return folderRedirect != null ? new Redirect(folderRedirect) : NotFound.INSTANCE;
            }
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            byte[] bytes;
            try (InputStream in = connection.getInputStream()) {
                bytes = readBounded(in);
            }
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12)
                    + "\"";
            String base = name.substring(name.lastIndexOf('/') + 1);
            return new Found(base, ContentTypes.of(base), bytes, -1, etag);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException e) {
            return NotFound.INSTANCE;
        }
    }

    private static boolean isFolder(URL url) throws IOException, URISyntaxException {
        if (url.getProtocol().equals("file")) {
            return Files.isDirectory(Path.of(url.toURI()));
        }
        if (url.getProtocol().equals("jar")) {
            URLConnection c = url.openConnection();
            c.setUseCaches(false);
            return c instanceof JarURLConnection j && j.getJarEntry() != null && j.getJarEntry().isDirectory();
        }
        return false;
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > MAX_FILE_SIZE) {
                throw new IOException("resource larger than " + MAX_FILE_SIZE + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Whether a decoded relative path has only plain segments (a trailing '/' allowed). */
    static boolean safeRelative(String rel) {
        if (rel.isEmpty()) {
            return true;
        }
        String body = rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel;
        if (body.isEmpty() || body.startsWith("/")) {
            return false;
        }
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".") || segment.indexOf('\\') >= 0
                    || segment.indexOf(':') >= 0) {
                return false;
            }
            for (int i = 0; i < segment.length(); i++) {
                if (Character.isISOControl(segment.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The path percent-decoded once as UTF-8, or null when it is malformed or not absolute. */
    static String decodePath(String raw) {
        if (raw == null || !raw.startsWith("/")) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                return null; // clients percent-encode everything outside ASCII
            }
        }
        bytes.flip();
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            return decoded.indexOf('\u0000') >= 0 ? null : decoded;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String normaliseRoute(String route) {
        if (route == null || !route.startsWith("/")) {
            throw new IllegalArgumentException("a route starts with '/', got " + route);
        }
        String r = route.length() > 1 && route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
        if (r.length() > 1 && !safeRelative(r.substring(1))) {
            throw new IllegalArgumentException("a route has plain segments only, got " + route);
        }
        return r;
    }
}
