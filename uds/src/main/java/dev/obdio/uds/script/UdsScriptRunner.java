package dev.obdio.uds.script;

import dev.obdio.uds.DidCodecs;
import dev.obdio.uds.Hex;
import dev.obdio.uds.SecurityKeyAlgorithm;
import dev.obdio.uds.SecurityKeyAlgorithms;
import dev.obdio.uds.UdsClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a {@link UdsScript} on a client, line by line, logging each request, response and
 * expectation to a writer; stops at the first failure: a failed expectation, or a request that
 * did not succeed when no {@code expect} follows it. Runs on the calling thread.
 */
public final class UdsScriptRunner {
    private final UdsClient client;
    private final PrintWriter log;

    /**
     * @param client the client to run on
     * @param log    where the run is written as it goes (null: nowhere)
     */
    public UdsScriptRunner(UdsClient client, PrintWriter log) {
        this.client = client;
        this.log = log;
    }

    /** The lines of requests that change the vehicle, for a refusal message. */
    public static String describeChanges(UdsScript script) {
        return script.vehicleChanges().stream().map(r -> "line " + r.line() + ": " + r.action().command())
                .collect(Collectors.joining("; "));
    }

    /**
     * Runs the script.
     *
     * @param allowWrite whether requests that change the vehicle may run
     * @throws IllegalStateException when the script changes the vehicle and {@code allowWrite} is
     *                               false; nothing is sent then
     */
    public ScriptResult run(UdsScript script, boolean allowWrite) {
        if (!allowWrite && !script.vehicleChanges().isEmpty()) {
            throw new IllegalStateException(script.source() + " changes the vehicle (" + describeChanges(script)
                    + "): run it with --allow-write");
        }
        long start = System.nanoTime();
        UdsActionRunner actions = new UdsActionRunner(client);
        DidCodecs codecs = client.config().codecs();
        SecurityKeyAlgorithm key = client.config().keyAlgorithm();
        Map<String, byte[]> variables = new HashMap<>();
        List<Map<String, Object>> steps = new ArrayList<>();
        int requests = 0;
        int passed = 0;
        UdsOutcome last = null;
        List<Statement> statements = script.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            Optional<ScriptResult.Failure> failure = Optional.empty();
            if (s instanceof Statement.Request r) {
                UdsOutcome outcome = actions.run(r.action(), new UdsActionRunner.Context(codecs, key, variables));
                requests++;
                last = outcome;
                logRequest(r.line(), outcome);
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("line", r.line());
                step.putAll(outcome.toMap());
                steps.add(step);
                if (r.capture().isPresent() && outcome.succeeded() && outcome.value().isPresent()) {
                    variables.put(r.capture().get(), outcome.value().get());
                    print("         $" + r.capture().get() + " = " + Hex.format(outcome.value().get()));
                }
                if (!outcome.succeeded() && !expectationFollows(statements, i)) {
                    failure = Optional.of(new ScriptResult.Failure(r.line(), outcome.command() + ": "
                            + Expectation.describe(outcome) + " (add an expect line if this is intended)"));
                }
            } else if (s instanceof Statement.Expect e) {
                boolean ok = e.expectation().test(last, variables);
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("line", e.line());
                step.put("expect", e.expectation().toString());
                step.put("passed", ok);
                steps.add(step);
                if (ok) {
                    passed++;
                    print(String.format("line %-3d ok  expect %s", e.line(), e.expectation()));
                } else {
                    failure = Optional.of(new ScriptResult.Failure(e.line(), "expected " + e.expectation() + ", got "
                            + Expectation.describe(last)));
                }
            } else if (s instanceof Statement.Wait w) {
                print(String.format("line %-3d wait %d ms", w.line(), w.duration().toMillis()));
                try {
                    Thread.sleep(w.duration().toMillis(), (int) (w.duration().toNanos() % 1_000_000));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    failure = Optional.of(new ScriptResult.Failure(w.line(), "interrupted while waiting"));
                }
            } else if (s instanceof Statement.SetKeyAlgorithm k) {
                key = SecurityKeyAlgorithms.byName(k.spec());
            } else if (s instanceof Statement.SetCodec c) {
                codecs = codecs.with(c.did(), c.codec());
            }
            if (failure.isPresent()) {
                print(String.format("line %-3d FAILED %s", failure.get().line(), failure.get().message()));
                return new ScriptResult(requests, passed, Duration.ofNanos(System.nanoTime() - start), failure, steps);
            }
        }
        return new ScriptResult(requests, passed, Duration.ofNanos(System.nanoTime() - start), Optional.empty(), steps);
    }

    private static boolean expectationFollows(List<Statement> statements, int index) {
        for (int j = index + 1; j < statements.size(); j++) {
            Statement s = statements.get(j);
            if (s instanceof Statement.Request) {
                return false;
            }
            if (s instanceof Statement.Expect) {
                return true;
            }
        }
        return false;
    }

    private void logRequest(int line, UdsOutcome outcome) {
        if (log == null) {
            return;
        }
        boolean first = true;
        for (UdsOutcome.Exchange e : outcome.exchanges()) {
            print(String.format(first ? "line %-3d > %s" : "         > %s", first ? new Object[] {line, Hex.format(e.request())}
                    : new Object[] {Hex.format(e.request())}));
            e.response().ifPresent(r -> print("         < " + r));
            first = false;
        }
        if (outcome.exchanges().isEmpty()) {
            print(String.format("line %-3d %s", line, outcome.command()));
        }
        if (outcome.succeeded() && !(outcome.status() == UdsOutcome.Status.POSITIVE && isRaw(outcome))) {
            outcome.lines().forEach(l -> print("           " + l));
        } else if (outcome.status() != UdsOutcome.Status.NEGATIVE) {
            print("           " + outcome.message());
        }
    }

    /** A raw request's result is its response, already logged. */
    private static boolean isRaw(UdsOutcome outcome) {
        return outcome.command().startsWith("raw ");
    }

    private void print(String line) {
        if (log != null) {
            log.println(line);
            log.flush();
        }
    }
}
