package dev.obdio.cli;

import dev.obdio.can.CanBus;
import dev.obdio.can.CanException;
import dev.obdio.can.FrameListener;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The frames of several bus endpoints in one stream, in the order they arrived, for one
 * consuming thread (candump's select loop over its sockets). Each endpoint's frames keep their
 * order; frames of different endpoints that arrive at the same moment may come either way, as
 * they do in candump.
 *
 * <p>Threading: each endpoint's delivery thread puts events into a bounded queue and waits
 * while it is full, so a slow consumer makes the endpoints drop and count frames as sockets do;
 * {@link #poll} is for one consumer thread.
 */
final class MergedReceiver implements AutoCloseable {
    private static final int CAPACITY = 4096;

    /** What the stream carries. */
    sealed interface Event permits Frame, Failure {
    }

    /** A received frame and the endpoint it came from. */
    record Frame(ReceivedFrame frame, CanBus bus) implements Event {
    }

    /** A condition an endpoint reported, such as its interface going down. */
    record Failure(CanException error, CanBus bus) implements Event {
    }

    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final List<Subscription> subscriptions = new ArrayList<>();
    private volatile boolean open = true;

    /** Subscribes to every endpoint. */
    MergedReceiver(List<CanBus> buses) {
        for (CanBus bus : buses) {
            subscriptions.add(bus.subscribe(new FrameListener() {
                @Override
                public void onFrame(ReceivedFrame frame) {
                    put(new Frame(frame, bus));
                }

                @Override
                public void onError(CanException error) {
                    put(new Failure(error, bus));
                }
            }));
        }
    }

    private void put(Event event) {
        try {
            while (open && !queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
                // full: the endpoint's own queue absorbs (and counts) what does not fit
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next event, or null after {@code timeout}. */
    Event poll(Duration timeout) throws InterruptedException {
        return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether events are waiting (the consumer flushes its output when none are). */
    boolean hasPending() {
        return !queue.isEmpty();
    }

    /** Ends the subscriptions; the endpoints stay open. */
    @Override
    public void close() {
        open = false;
        subscriptions.forEach(Subscription::close);
        queue.clear();
    }
}
