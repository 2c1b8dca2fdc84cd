package dev.obdio.can.socketcan;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared plumbing of the SocketCAN tests: endpoints and tools closed after each test, receive helpers. */
@RequiresSocketCan
abstract class SocketCanTestBase {
    static final String IF = SocketCanCondition.testInterface();
    /** Generous: Java in the emulated guest is 10-40 times slower than on a desk. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    <T extends AutoCloseable> T closeLater(T resource) {
        toClose.add(resource);
        return resource;
    }

    SocketCanBus open(BusOptions options) {
        return closeLater(SocketCanBus.open(IF, options, Tuning.DEFAULTS));
    }

    SocketCanBus open() {
        return open(BusOptions.DEFAULTS);
    }

    CanUtilsTool.Candump candump(String spec) {
        return closeLater(CanUtilsTool.candump(IF, spec));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        toClose.clear();
    }

    /** The next frame, which must come. */
    static ReceivedFrame next(CanBus bus) throws InterruptedException {
        ReceivedFrame f = bus.receive(WAIT);
        assertThat(f).as("a frame on " + bus.channel() + " within " + WAIT).isNotNull();
        return f;
    }

    /** The next {@code n} frames. */
    static List<ReceivedFrame> next(CanBus bus, int n) throws InterruptedException {
        List<ReceivedFrame> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frames.add(next(bus));
        }
        return frames;
    }

    /** Frames received until one matches {@code last} (included). */
    static List<ReceivedFrame> until(CanBus bus, Predicate<CanFrame> last) throws InterruptedException {
        List<ReceivedFrame> frames = new ArrayList<>();
        while (true) {
            ReceivedFrame f = next(bus);
            frames.add(f);
            if (last.test(f.frame())) {
                return frames;
            }
        }
    }

    static List<CanFrame> framesOf(List<ReceivedFrame> received) {
        return received.stream().map(ReceivedFrame::frame).toList();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
