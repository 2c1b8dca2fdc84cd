package dev.obdio.isotp;

/**
 * A monotonic nanosecond time source, like {@link System#nanoTime()}. The ISO-TP driver reads
 * time only through a ticker, so tests and simulations can run it on a fake clock.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin; only differences are meaningful. */
    long read();

    /** The system's monotonic clock. */
    static Ticker system() {
        return System::nanoTime;
    }
}
