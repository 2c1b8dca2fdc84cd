package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.gateway.JavaSio;
import dev.obdio.sim.EmbeddedVehicle;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** examples/ObdIoExample.java (the README's ObdIo example) compiles and serves the simulated car. */
@Timeout(120)
class ObdIoExampleTest {

    @Test
    void theJavaExampleServes(@TempDir Path classes) throws Exception {
        try (URLClassLoader loader = ExampleSource.compile("ObdIoExample.java", classes);
             EmbeddedVehicle car = EmbeddedVehicle.start()) {
            Method serve = loader.loadClass("ObdIoExample").getDeclaredMethod("serve", String.class, int.class);
            serve.setAccessible(true);
            try (AutoCloseable io = (AutoCloseable) serve.invoke(null, car.busName(), 0)) {
                String url = ((dev.obdio.gateway.ObdIo) io).server().url();
                try (JavaSio client = JavaSio.connect(url, null)) {
                    JSONObject reply = (JSONObject) client.ack("rpm_and_speed");
                    assertThat(Double.parseDouble(reply.getString("rpm").replaceAll("[^0-9.].*", ""))).isPositive();
                    assertThat(reply.getString("speed")).isNotEqualTo("?");
                    assertThat(client.ack("status")).isEqualTo("Car Connected");
                }
            }
        }
    }
}
