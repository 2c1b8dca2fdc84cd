package dev.obdio.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The gateway's version, from the build ({@code version.properties}, filled in by Maven). */
final class GatewayVersion {
    private static final String VERSION = load();

    private GatewayVersion() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = GatewayVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "development build";
    }
}
