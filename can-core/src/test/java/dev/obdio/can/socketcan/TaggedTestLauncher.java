package dev.obdio.can.socketcan;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the tests of one JUnit tag found in class directories, without Maven: inside the emulated
 * guest Maven alone takes two minutes to start, a JVM two seconds. Used by
 * {@code .ci/socketcan-tests}.
 *
 * <pre>java -cp TEST_CLASSPATH dev.obdio.can.socketcan.TaggedTestLauncher TAG LABEL DIR...</pre>
 *
 * Prints one line per test (and the failure's stack trace), then a summary line starting with
 * {@code SUMMARY}. Exit status: 0 all passed (or none found), 1 a test failed or aborted for a
 * reason other than an assumption, 2 bad arguments.
 */
public final class TaggedTestLauncher {
    private TaggedTestLauncher() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: TaggedTestLauncher TAG LABEL CLASS_DIR...");
            System.exit(2);
        }
        String tag = args[0];
        String label = args[1];
        Set<Path> roots = new java.util.LinkedHashSet<>();
        for (int i = 2; i < args.length; i++) {
            Path p = Path.of(args[i]);
            if (!Files.isDirectory(p)) {
                System.err.println(label + ": no class directory " + p + " (build on the host first)");
                System.exit(2);
            }
            roots.add(p);
        }
        System.exit(run(tag, label, roots, System.out));
    }

    static int run(String tag, String label, Set<Path> roots, PrintStream out) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(roots))
                .filters(TagFilter.includeTags(tag))
                .build();
        Launcher launcher = LauncherFactory.create();
        Reporter reporter = new Reporter(label, out);
        long start = System.nanoTime();
        launcher.execute(request, reporter);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        out.printf("SUMMARY %s: %d tests, %d passed, %d failed, %d skipped in %d s%n", label, reporter.total(),
                reporter.passed, reporter.failed.size(), reporter.skipped, seconds);
        for (String f : reporter.failed) {
            out.println("  FAILED " + f);
        }
        out.flush();
        return reporter.failed.isEmpty() ? 0 : 1;
    }

    private static final class Reporter implements TestExecutionListener {
        private final String label;
        private final PrintStream out;
        private final Map<String, Long> started = new ConcurrentHashMap<>();
        private final List<String> failed = new ArrayList<>();
        private TestPlan plan;
        private int passed;
        private int skipped;

        Reporter(String label, PrintStream out) {
            this.label = label;
            this.out = out;
        }

        int total() {
            return passed + failed.size() + skipped;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
            out.printf("%s: %d tests tagged%n", label, testPlan.countTestIdentifiers(TestIdentifier::isTest));
            out.flush();
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            started.put(id.getUniqueId(), System.nanoTime());
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                skipped++;
                out.printf("  SKIP %s: %s%n", name(id), reason);
            } else {
                long tests = plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
                skipped += (int) tests;
                out.printf("  SKIP %s (%d tests): %s%n", name(id), tests, reason);
            }
            out.flush();
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            long millis = (System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000L;
            boolean failure = result.getStatus() == TestExecutionResult.Status.FAILED;
            if (!id.isTest() && !failure) {
                return;
            }
            switch (result.getStatus()) {
                case SUCCESSFUL -> {
                    passed++;
                    out.printf("  ok   %s (%d ms)%n", name(id), millis);
                }
                case ABORTED -> {
                    skipped++;
                    out.printf("  SKIP %s: %s%n", name(id), result.getThrowable().map(Throwable::getMessage).orElse(""));
                }
                case FAILED -> {
                    failed.add(name(id));
                    out.printf("  FAIL %s (%d ms)%n", name(id), millis);
                    result.getThrowable().ifPresent(t -> {
                        StringWriter trace = new StringWriter();
                        t.printStackTrace(new PrintWriter(trace));
                        trace.toString().lines().limit(40).forEach(l -> out.println("       " + l));
                    });
                }
            }
            out.flush();
        }

        private String name(TestIdentifier id) {
            String parent = plan.getParent(id).map(TestIdentifier::getDisplayName).orElse("");
            String legacy = id.getLegacyReportingName();
            return parent.isEmpty() ? legacy : parent + "." + legacy;
        }
    }
}
