package dev.obdio.isotp;

/** A clock that moves only when told. */
final class FakeTicker implements Ticker {
    private volatile long now = 5_000_000_000L;

    @Override
    public long read() {
        return now;
    }

    void set(long value) {
        now = value;
    }
}
