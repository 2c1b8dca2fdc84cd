package dev.obdio.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which web pages may talk to the gateway from a browser, judged by the {@code Origin} header of
 * Socket.IO requests (polling and WebSocket upgrades alike). Requests without an {@code Origin}
 * (scripts, the Java and Node clients) are not browsers' cross-origin requests and pass.
 *
 * @param anyOrigin every origin may connect (obd-socketio's {@code cors_allowed_origins='*'})
 * @param origins   the allowed origins besides the gateway's own, normalised to
 *                  {@code scheme://host[:port]} in lower case without default ports
 */
public record CorsPolicy(boolean anyOrigin, List<String> origins) {

    /** Only pages served by the gateway itself. */
    public static final CorsPolicy SAME_ORIGIN = new CorsPolicy(false, List.of());

    /** Every origin. */
    public static final CorsPolicy ANY_ORIGIN = new CorsPolicy(true, List.of());

    /** Validates and normalises. */
    public CorsPolicy {
        List<String> normal = new ArrayList<>();
        for (String o : List.copyOf(origins)) {
            normal.add(normalise(o));
        }
        origins = List.copyOf(normal);
    }

    /**
     * A policy from command-line style values: none for same-origin only, {@code *} for any origin,
     * otherwise origins such as {@code http://192.168.4.1:8080}.
     *
     * @throws IllegalArgumentException for a value that is not an origin
     */
    public static CorsPolicy of(List<String> values) {
        if (values.isEmpty()) {
            return SAME_ORIGIN;
        }
        if (values.contains("*")) {
            if (values.size() > 1) {
                throw new IllegalArgumentException("'*' allows every origin and cannot be combined with others: " + values);
            }
            return ANY_ORIGIN;
        }
        return new CorsPolicy(false, values);
    }

    /** Whether only the gateway's own pages may connect. */
    public boolean sameOriginOnly() {
        return !anyOrigin && origins.isEmpty();
    }

    /**
     * Whether a request with this {@code Origin} header, sent to this {@code Host}, may proceed.
     *
     * @param origin the Origin header, or null when there is none
     * @param host   the Host header, or null
     */
    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        if (anyOrigin) {
            return true;
        }
        String normal;
        try {
            normal = normalise(origin);
        } catch (IllegalArgumentException e) {
            return false; // "null" (sandboxed pages, file://) and garbage are never our own origin
        }
        if (origins.contains(normal)) {
            return true;
        }
        return host != null && sameAuthority(normal, host);
    }

    private static boolean sameAuthority(String normalOrigin, String host) {
        String authority = normalOrigin.substring(normalOrigin.indexOf("://") + 3);
        String scheme = normalOrigin.substring(0, normalOrigin.indexOf("://"));
        String h = host.trim().toLowerCase(Locale.ROOT);
        String defaultPort = scheme.equals("https") ? ":443" : ":80";
        if (h.endsWith(defaultPort)) {
            h = h.substring(0, h.length() - defaultPort.length());
        }
        return authority.equals(h);
    }

    static String normalise(String origin) {
        if (origin == null || origin.isBlank()) {
            throw new IllegalArgumentException("an origin must not be empty");
        }
        String o = origin.trim();
        if (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(o);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("not an origin (http[s]://host[:port]): " + origin);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
