package dev.obdio.can.socketcan;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs {@link RequiresSocketCan} tests only where SocketCAN and the test interface work; see there.
 * The interface is {@value #DEFAULT_INTERFACE} unless {@code OBDIO_SOCKETCAN_INTERFACE} names another.
 */
public final class SocketCanCondition implements ExecutionCondition, BeforeAllCallback {
    /** The interface the guest brings up. */
    public static final String DEFAULT_INTERFACE = "vcan0";

    private static SocketCan.Availability availability;

    /** The interface SocketCAN tests use. */
    public static String testInterface() {
        String configured = System.getenv("OBDIO_SOCKETCAN_INTERFACE");
        return configured == null || configured.isBlank() ? DEFAULT_INTERFACE : configured;
    }

    /** Whether missing SocketCAN fails the tests instead of skipping them. */
    public static boolean required() {
        return "1".equals(System.getenv("OBDIO_REQUIRE_SOCKETCAN")) || Boolean.getBoolean("obdio.requireSocketcan");
    }

    /** SocketCAN's availability on the test interface, checked once per JVM. */
    public static synchronized SocketCan.Availability availability() {
        if (availability == null) {
            availability = SocketCan.availability(testInterface());
        }
        return availability;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        SocketCan.Availability a = availability();
        if (a.available()) {
            return ConditionEvaluationResult.enabled(a.reason());
        }
        if (required()) {
            return ConditionEvaluationResult.enabled("SocketCAN is required; the test will fail: " + a.reason());
        }
        return ConditionEvaluationResult.disabled("SocketCAN tests skipped: " + a.reason());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        SocketCan.Availability a = availability();
        if (!a.available() && required()) {
            throw new AssertionError("SocketCAN is required here (OBDIO_REQUIRE_SOCKETCAN=1) but: " + a.reason());
        }
    }
}
