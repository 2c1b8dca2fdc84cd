package dev.obdio.can.socketcan;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks tests that need a Linux kernel with SocketCAN and {@value SocketCanCondition#DEFAULT_INTERFACE}
 * up: they carry the JUnit tag {@code socketcan} (excluded from the normal build, run by
 * {@code .ci/socketcan-tests} inside {@code ../shared/tools/vmrun}) and are skipped, with the
 * reason, where SocketCAN is missing, unless {@code OBDIO_REQUIRE_SOCKETCAN=1} makes that a
 * failure (as in CI). Other modules get it from can-core's test jar.
 */
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("socketcan")
@ExtendWith(SocketCanCondition.class)
public @interface RequiresSocketCan {
}
