package dev.obdio.obd;

import java.util.List;
import java.util.Optional;

/**
 * The test results of one on-board monitor (a mode 06 MID): python-OBD's {@code Monitor}, with
 * the tests in python-OBD's order (known test ids ascending, then others as they came; a repeated
 * id keeps its last result). On the wire an array of {@link MonitorTest} objects (obd-socketio's
 * encoder loops forever on a Monitor; we send what its README promises).
 *
 * @param tests the valid test results
 */
public record Monitor(List<MonitorTest> tests) implements ObdValue {

    /** Copies. */
    public Monitor {
        tests = List.copyOf(tests);
    }

    /** The result of test id {@code tid}, if reported. */
    public Optional<MonitorTest> test(int tid) {
        return tests.stream().filter(t -> t.tid() == tid).findFirst();
    }

    /** The result of the test called {@code name} (e.g. {@code RTL_THRESHOLD_VOLTAGE}), if reported. */
    public Optional<MonitorTest> test(String name) {
        return tests.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @Override
    public String pythonType() {
        return PythonTypes.MONITOR;
    }
}
