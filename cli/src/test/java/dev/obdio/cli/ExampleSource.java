package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A file of the repository's {@code examples/} folder, compiled as a reader would compile it. */
final class ExampleSource {
    private ExampleSource() {
    }

    /**
     * Compiles {@code examples/FILE} against the test class path with every lint warning as an
     * error (an example must not teach deprecated or unchecked use) and loads it.
     */
    static URLClassLoader compile(String file, Path classes) throws Exception {
        Path source = Path.of("..", "examples", file);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "--release", "17", "-Xlint:all", "-Werror",
                "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
        assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ExampleSource.class.getClassLoader());
    }
}
