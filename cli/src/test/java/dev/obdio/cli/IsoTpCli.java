package dev.obdio.cli;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** Runs {@code obdio isotp …} in-process with given stdin and captured stdout and stderr. */
final class IsoTpCli {
    private static final AtomicInteger BUSES = new AtomicInteger();

    private IsoTpCli() {
    }

    /** What a command did. */
    record Result(int exitCode, String out, String err) {
    }

    /** A command running on another thread. */
    record Running(CompletableFuture<Result> result, StringWriter out, StringWriter err) {
        /** Waits until stderr has a line containing {@code text} (commands with --verbose print one when ready). */
        Running awaitErr(String text) {
            await().atMost(Duration.ofSeconds(60)).until(() -> err.toString().contains(text) || result.isDone());
            if (!err.toString().contains(text)) {
                throw new AssertionError("the command ended without printing \"" + text + "\": " + result.join());
            }
            return this;
        }

        Result finish() throws Exception {
            return result.get(60, TimeUnit.SECONDS);
        }
    }

    /** A virtual bus name no other test uses. */
    static String uniqueBus(String prefix) {
        return "virtual:isotp-cli-" + prefix + "-" + BUSES.incrementAndGet() + "-" + System.nanoTime();
    }

    static Result run(String stdin, String... args) {
        return run(stdin, new StringWriter(), new StringWriter(), args);
    }

    private static Result run(String stdin, StringWriter out, StringWriter err, String... args) {
        CommandLine cl = ObdioCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII));
        CommandLine isotp = cl.getSubcommands().get("isotp");
        ((IsoTpSendCommand) isotp.getSubcommands().get("send").getCommand()).stdin = in;
        IsoTpSniffCommand sniff = isotp.getSubcommands().get("sniff").getCommand();
        sniff.stdin = in;
        sniff.zone = ZoneId.of("UTC");
        ((IsoTpDumpCommand) isotp.getSubcommands().get("dump").getCommand()).zone = ZoneId.of("UTC");
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Starts a command on a daemon thread, with an empty stdin. */
    static Running start(String... args) {
        return startWithInput("", args);
    }

    /** Starts a command on a daemon thread. */
    static Running startWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Result> result = CompletableFuture.supplyAsync(() -> run(stdin, out, err, args), r -> {
            Thread t = new Thread(r, "obdio-isotp-cli-test");
            t.setDaemon(true);
            t.start();
        });
        return new Running(result, out, err);
    }
}
