package dev.obdio.isotp;

import java.util.TreeSet;

/**
 * The deadlines of all channels of one bus, earliest first, at most one per channel. Not
 * thread-safe: its timers hold their own lock around it.
 */
final class DeadlineQueue {

    /** One channel's deadline; {@code precise} asks for a spin at the end instead of a late wake-up. */
    record Entry(long at, boolean precise, long sequence, JavaIsoTpChannel channel) {
    }

    private final TreeSet<Entry> entries = new TreeSet<>((a, b) -> {
        int byTime = Long.compare(a.at - b.at, 0); // overflow-safe for nanoTime values
        return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
    });
    private long sequence;

    /**
     * Makes {@code at} the channel's only deadline (replacing the previous one), or removes it.
     *
     * @return whether the earliest deadline of the queue changed
     */
    boolean set(JavaIsoTpChannel channel, boolean armed, long at, boolean precise) {
        Entry current = channel.timerEntry;
        if (current != null) {
            if (armed && current.at == at && current.precise == precise) {
                return false;
            }
            entries.remove(current);
            channel.timerEntry = null;
        }
        if (!armed) {
            return false;
        }
        Entry entry = new Entry(at, precise, sequence++, channel);
        entries.add(entry);
        channel.timerEntry = entry;
        return entries.first() == entry;
    }

    /** The earliest deadline, or null. */
    Entry first() {
        return entries.isEmpty() ? null : entries.first();
    }

    /** Takes an entry out when it fires. */
    void remove(Entry entry) {
        if (entries.remove(entry) && entry.channel().timerEntry == entry) {
            entry.channel().timerEntry = null;
        }
    }

    /** Number of channels waiting for a deadline. */
    int size() {
        return entries.size();
    }
}
