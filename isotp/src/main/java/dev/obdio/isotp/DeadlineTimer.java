package dev.obdio.isotp;

/**
 * Calls {@link JavaIsoTpChannel#onTimer()} when a channel's deadline comes. The driver uses one
 * {@link TimerThread} per bus; tests use a timer they advance by hand.
 */
interface DeadlineTimer {

    /**
     * Sets the channel's only deadline, or clears it when {@code armed} is false. May be called
     * while holding the channel's lock; never calls the channel while holding its own.
     *
     * @param precise the deadline ends an STmin gap: wake up on time, spinning if need be
     */
    void schedule(JavaIsoTpChannel channel, boolean armed, long at, boolean precise);

    /** Stops the timer; pending deadlines are dropped. */
    void close();
}
