package dev.obdio.cli;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code obdio serve} running in-process for a test: started with {@code --port 0}, its URL and
 * bus taken from the line it prints; {@link #stop()} does what Ctrl-C does.
 */
final class Serving implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern BANNER = Pattern.compile("obdio serve: serving (.+) on (\\S+) at (http://\\S+)");

    final Cli.Running running;
    final String what;
    final String bus;
    final String url;
    private Cli.Result result;

    private Serving(Cli.Running running, Matcher m) {
        this.running = running;
        this.what = m.group(1);
        this.bus = m.group(2);
        this.url = m.group(3);
    }

    /** Starts {@code obdio serve ARGS --port 0} and waits for its URL. */
    static Serving start(String... args) {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        if (!all.contains("--port")) {
            all.addAll(List.of("--port", "0"));
        }
        Cli.Running r = Cli.start(all.toArray(String[]::new));
        Matcher[] found = new Matcher[1];
        await().atMost(WAIT).until(() -> {
            if (r.isDone()) {
                throw new AssertionError("obdio serve ended: " + r.result().get());
            }
            for (String line : r.outLinesSoFar()) {
                Matcher m = BANNER.matcher(line);
                if (m.find()) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return new Serving(r, found[0]);
    }

    /** The port it listens on. */
    int port() {
        return URI.create(url).getPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port());
    }

    /** Ctrl-C, then the command's result. */
    Cli.Result stop() throws Exception {
        if (result == null) {
            StopSignal.simulateCtrlC();
            result = Cli.finish(running, WAIT);
        }
        return result;
    }

    Optional<Cli.Result> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
