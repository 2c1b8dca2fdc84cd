package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** examples/UdsExample.java compiles against the project and runs against its own tiny ECU. */
@Timeout(60)
class UdsExampleTest {

    @Test
    void theJavaExampleRuns(@TempDir Path classes) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = ExampleSource.compile("UdsExample.java", classes)) {
            Method main = loader.loadClass("UdsExample").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("VIN: WVWZZZ1JZXW000001", "F18C = SIM23A004217", "security level 1: UNLOCKED",
                "F198 now: WS-0042-01", "back in the default session; keep-alive running: false");
        assertThat(lines).anyMatch(l -> l.startsWith("extended session, P2 = 50 ms") && l.endsWith("keep-alive running: true"));
        assertThat(lines).anyMatch(l -> l.startsWith("as expected: ReadDataByIdentifier (0x22) refused: NRC 0x31"));
    }
}
