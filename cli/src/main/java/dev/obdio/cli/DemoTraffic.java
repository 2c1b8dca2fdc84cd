package dev.obdio.cli;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;
import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ReceivedFrame;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The traffic of {@code obdio demo}: a car that broadcasts engine, speed and temperature
 * frames (11- and 29-bit) whose values change over a 20-second drive cycle, a tester that asks
 * for OBD-II PIDs on 0x7DF every second, and an engine ECU that answers on 0x7E8. It stands in
 * until the simulated vehicle exists.
 *
 * <p>Threading: one timer thread sends the broadcasts and the requests; the ECU answers on its
 * endpoint's delivery thread.
 */
final class DemoTraffic implements AutoCloseable {
    private static final int TICK_MS = 50;
    private static final int PAD = 0x55;

    private final CanBus car;
    private final CanBus ecu;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private final AtomicLong answers = new AtomicLong();
    private long tick;

    /** The drive cycle at one moment. */
    record State(int rpm, int speedKmh, int coolantC, int throttlePercent) {
    }

    private DemoTraffic(CanBus car, CanBus ecu) {
        this.car = car;
        this.ecu = ecu;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "obdio-demo-car");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the car and the ECU on {@code busName}. */
    static DemoTraffic start(String busName) {
        CanBus car = CanBuses.open(busName, BusOptions.DEFAULTS.withFilters(new CanFilterSet(List.of(), 0, false)));
        CanBus ecu;
        try {
            ecu = CanBuses.open(busName, BusOptions.DEFAULTS.withFilters(CanFilterSet.of(CanFilter.standardId(0x7DF))));
        } catch (RuntimeException e) {
            car.close();
            throw e;
        }
        DemoTraffic traffic = new DemoTraffic(car, ecu);
        ecu.subscribe(traffic::answer);
        traffic.timer.scheduleAtFixedRate(traffic::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
        return traffic;
    }

    /** The drive cycle {@code seconds} after the start: idle, accelerate, cruise, slow down. */
    static State state(double seconds) {
        double phase = 0.5 - 0.5 * Math.cos(2 * Math.PI * seconds / 20.0);
        int rpm = (int) Math.round(800 + 2400 * phase);
        int speed = (int) Math.round(120 * phase);
        int coolant = (int) Math.min(90, Math.round(20 + 2.5 * seconds));
        int throttle = (int) Math.round(15 + 60 * Math.sin(2 * Math.PI * seconds / 20.0) * Math.sin(2 * Math.PI * seconds / 20.0));
        return new State(rpm, speed, coolant, throttle);
    }

    private State now() {
        return state((System.nanoTime() - startNanos) / 1e9);
    }

    private void tick() {
        long ms = tick++ * TICK_MS;
        State s = now();
        try {
            if (ms % 100 == 0) {
                int rpm4 = s.rpm() * 4;
                car.send(CanFrame.of(0x0C9, bytes(rpm4 >> 8, rpm4, s.throttlePercent() * 255 / 100, 0, 0, 0, 0,
                        (int) (ms / 100))));
                int speed100 = s.speedKmh() * 100;
                car.send(CanFrame.of(0x3E9, bytes(speed100 >> 8, speed100, speed100 >> 8, speed100)));
            }
            if (ms % 500 == 0) {
                car.send(CanFrame.of(0x4C1, bytes(s.coolantC() + 40, 0, 0, 0, 0, 0, 0, 0)));
                int wheel = s.speedKmh() * 256; // J1939 CCVS wheel-based speed, 1/256 km/h, little-endian
                car.send(CanFrame.extended(0x18FEF100, bytes(0xFF, wheel, wheel >> 8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)));
            }
            if (ms % 1000 == 0) {
                int[] pids = {0x0C, 0x0D, 0x05};
                int pid = pids[(int) (ms / 1000 % pids.length)];
                car.send(CanFrame.of(0x7DF, bytes(0x02, 0x01, pid, PAD, PAD, PAD, PAD, PAD)));
            }
        } catch (CanException e) {
            // the bus went down or closed: the next tick tries again, close() ends it
        }
    }

    /** The low byte of each value. */
    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** The engine ECU: answers mode 01 requests for rpm, speed and coolant temperature. */
    private void answer(ReceivedFrame request) {
        CanFrame f = request.frame();
        if (f.length() < 3 || f.dataByte(0) != 0x02 || f.dataByte(1) != 0x01) {
            return;
        }
        State s = now();
        CanFrame response = switch (f.dataByte(2)) {
            case 0x0C -> CanFrame.of(0x7E8, bytes(0x04, 0x41, 0x0C, s.rpm() * 4 >> 8, s.rpm() * 4, PAD, PAD, PAD));
            case 0x0D -> CanFrame.of(0x7E8, bytes(0x03, 0x41, 0x0D, s.speedKmh(), PAD, PAD, PAD, PAD));
            case 0x05 -> CanFrame.of(0x7E8, bytes(0x03, 0x41, 0x05, s.coolantC() + 40, PAD, PAD, PAD, PAD));
            default -> null;
        };
        if (response != null) {
            try {
                ecu.send(response);
                answers.incrementAndGet();
            } catch (CanException e) {
                // the bus went down or closed: no answer, as a real ECU
            }
        }
    }

    /** How many OBD requests the ECU has answered. */
    long answers() {
        return answers.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        car.close();
        ecu.close();
    }
}
