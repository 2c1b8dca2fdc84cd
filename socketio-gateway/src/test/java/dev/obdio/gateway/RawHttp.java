package dev.obdio.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request over a plain socket, byte for byte as given: no client library normalises
 * the path or refuses a header, so traversal attempts and forged headers reach the server as sent.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** A response: status code, head and body. */
    public record Response(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** Sends {@code METHOD target HTTP/1.1} with the extra header lines and reads the answer. */
    public static Response request(InetSocketAddress server, String method, String target, String... headers)
            throws IOException {
        try (Socket s = new Socket()) {
            s.connect(server, 5000);
            s.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            boolean host = false;
            for (String h : headers) {
                req.append(h).append("\r\n");
                host |= h.regionMatches(true, 0, "Host:", 0, 5);
            }
            if (!host) {
                req.append("Host: 127.0.0.1:").append(server.getPort()).append("\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] all = readHeadAndBody(s.getInputStream(), method.equals("HEAD") || headersContainUpgrade(headers));
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : new String(all, split + 4, all.length - split - 4, StandardCharsets.UTF_8);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Response(status, head, body);
        }
    }

    private static boolean headersContainUpgrade(String[] headers) {
        for (String h : headers) {
            if (h.regionMatches(true, 0, "Upgrade:", 0, 8)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readHeadAndBody(InputStream in, boolean headOnly) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (headOnly && out.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                break;
            }
        }
        return out.toByteArray();
    }
}
