package dev.obdio.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs obdio commands in-process, with captured standard output and error. */
final class Cli {
    private static final AtomicInteger BUSES = new AtomicInteger();

    private Cli() {
    }

    /** What a command did. */
    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** A command running on another thread; its output can be read while it runs. */
    record Running(CompletableFuture<Result> result, StringWriter out, StringWriter err) {
        boolean isDone() {
            return result.isDone();
        }

        /** The standard output so far. */
        List<String> outLinesSoFar() {
            return out.toString().lines().toList();
        }
    }

    /** A virtual bus name no other test uses. */
    static String uniqueBus(String prefix) {
        return "virtual:" + prefix + BUSES.incrementAndGet();
    }

    /** Runs a command to its end. */
    static Result run(String... args) {
        return run(new StringWriter(), new StringWriter(), args);
    }

    private static Result run(StringWriter out, StringWriter err, String... args) {
        var cl = ObdioCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Starts a command on another thread. */
    static Running start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Result> result = CompletableFuture.supplyAsync(() -> run(out, err, args), r -> {
            Thread t = new Thread(r, "obdio-test-" + (args.length > 0 ? args[0] : ""));
            t.setDaemon(true);
            t.start();
        });
        return new Running(result, out, err);
    }

    /** The result of a started command, failing the test when it does not end in time. */
    static Result finish(Running running, Duration timeout) throws Exception {
        return running.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
