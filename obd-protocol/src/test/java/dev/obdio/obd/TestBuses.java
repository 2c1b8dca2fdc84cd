package dev.obdio.obd;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.ReceivedFrame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh virtual bus names, quick options for tests, and a spy that records every frame on a bus. */
final class TestBuses {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Options for tests: P2 generous enough for a loaded machine (windows close early anyway when ECUs are known). */
    static final ObdOptions FAST = ObdOptions.DEFAULTS.withP2(Duration.ofMillis(150))
            .withReconnectInterval(Duration.ofMillis(50));

    private TestBuses() {
    }

    /** A bus name no other test uses. */
    static String fresh(String what) {
        return "virtual:obd-" + what + "-" + COUNTER.incrementAndGet();
    }

    /** Records every frame on a bus. */
    static final class Spy implements AutoCloseable {
        private final CanBus bus;
        private final List<ReceivedFrame> frames = new CopyOnWriteArrayList<>();

        Spy(String name) {
            bus = CanBuses.open(name, BusOptions.DEFAULTS);
            bus.subscribe(frames::add);
        }

        List<ReceivedFrame> frames() {
            return List.copyOf(frames);
        }

        @Override
        public void close() {
            bus.close();
        }
    }
}
