package dev.obdio.obd;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** One watched command: how often to read it, who to tell, and its latest response. */
final class Watch {
    final ObdCommand command;
    final CopyOnWriteArrayList<Consumer<ObdResponse>> callbacks = new CopyOnWriteArrayList<>();
    volatile long minPeriodNanos;
    volatile ObdResponse latest;
    /** When the loop reads it next, {@link System#nanoTime()} scale; loop thread only. */
    long nextDue;
    /** Whether it is due now regardless of {@link #nextDue} (just watched). */
    volatile boolean dueNow = true;

    Watch(ObdCommand command, long minPeriodNanos) {
        this.command = command;
        this.minPeriodNanos = minPeriodNanos;
        this.latest = ObdResponse.none(command, System.currentTimeMillis());
    }

    List<Consumer<ObdResponse>> callbacks() {
        return callbacks;
    }
}
