package dev.obdio.cli;

import dev.obdio.uds.UdsClient;
import dev.obdio.uds.script.ScriptResult;
import dev.obdio.uds.script.UdsScript;
import dev.obdio.uds.script.UdsScriptException;
import dev.obdio.uds.script.UdsScriptRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code obdio uds BUS run SCRIPT}. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a UDS script: one request per line, expectations, waits, variables (docs/UDS_SCRIPTS.md).",
            "The whole script is checked first; it stops at the first failed line. Scripts that change the vehicle "
                + "need --allow-write.",
            "Example: obdio uds vcan0 run examples/uds/read-identification.uds"})
final class UdsRunCommand implements Callable<Integer> {
    @ParentCommand
    UdsCommand parent;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "the script file")
    Path file;

    @Override
    public Integer call() {
        return parent.guarded(() -> {
            UdsScript script;
            try {
                script = UdsScript.read(file);
            } catch (NoSuchFileException e) {
                parent.err().println("obdio uds run: no such file: " + file);
                parent.err().flush();
                return UdsCommand.EXIT_USAGE;
            } catch (IOException e) {
                parent.err().println("obdio uds run: cannot read " + file + ": " + e.getMessage());
                parent.err().flush();
                return UdsCommand.EXIT_USAGE;
            } catch (UdsScriptException e) {
                parent.err().println("obdio uds run: " + e.getMessage());
                parent.err().flush();
                return UdsCommand.EXIT_USAGE;
            }
            if (!script.vehicleChanges().isEmpty() && !parent.allowWrite()) {
                parent.err().println("obdio uds run: " + script.source() + " changes the vehicle ("
                        + UdsScriptRunner.describeChanges(script) + "); nothing sent. Add --allow-write to run it.");
                parent.err().flush();
                return UdsCommand.EXIT_REFUSED;
            }
            PrintWriter out = parent.out();
            try (UdsClient client = parent.openClient()) {
                ScriptResult result = new UdsScriptRunner(client, parent.json() ? null : out).run(script, true);
                if (parent.json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("script", script.source());
                    m.put("passed", result.passed());
                    m.put("requests", result.requests());
                    m.put("expectationsPassed", result.expectationsPassed());
                    m.put("elapsedMs", result.elapsed().toMillis());
                    result.failure().ifPresent(f -> {
                        Map<String, Object> failure = new LinkedHashMap<>();
                        failure.put("line", f.line());
                        failure.put("message", f.message());
                        m.put("failure", failure);
                    });
                    m.put("steps", result.steps());
                    out.println(UdsCommand.toJson(m));
                } else if (result.passed()) {
                    out.println("passed: " + result.summary());
                } else {
                    out.println("FAILED at " + result.failure().orElseThrow() + "; " + result.summary());
                }
                out.flush();
                return result.passed() ? 0 : ErrorReporter.EXIT_FAILURE;
            }
        });
    }
}
