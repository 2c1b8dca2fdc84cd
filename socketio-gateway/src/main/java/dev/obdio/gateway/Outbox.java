package dev.obdio.gateway;

import com.corundumstudio.socketio.AckRequest;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's outgoing messages, bounded. Messages that must not be lost and droppable stream
 * updates share one queue so that their order is kept; when it is full, the oldest droppable message
 * makes room (and is counted). When only messages that must not be lost fill it, the client is too
 * slow to serve and {@link #offer} reports an overflow.
 *
 * <p>{@link #drain} hands messages to a {@link Sink} while the sink is ready. Any thread may offer and
 * drain at any time; at most one thread drains at once, and a drain requested while another runs is
 * not lost (the running one goes round again).
 */
final class Outbox {

    /** A message for the client. */
    sealed interface Message {
        /** Whether the message may be dropped when the client lags. */
        boolean droppable();
    }

    /** The payload of an event sent without arguments ({@code ["obd_closed"]}). */
    static final Object NO_PAYLOAD = new Object() {
        @Override
        public String toString() {
            return "(no payload)";
        }
    };

    /** An event with one payload argument, or none ({@link #NO_PAYLOAD}). */
    record EventMessage(String event, Object payload, boolean droppable) implements Message {
    }

    /** The acknowledgement of a client's event, sent in order with the events. */
    record AckMessage(AckRequest request, List<Object> args) implements Message {
        @Override
        public boolean droppable() {
            return false;
        }
    }

    /** Where messages go when they leave the outbox. */
    interface Sink {
        /** Whether the client can take one more message now. */
        boolean ready();

        /** Passes a message on to the client. */
        void send(Message message);
    }

    /** What {@link #offer} did. */
    enum Offer {
        /** Queued. */
        QUEUED,
        /** Queued after dropping an older droppable message. */
        QUEUED_DROPPING_OLDEST,
        /** Not queued: a droppable message that found the queue full of messages that must stay. */
        DROPPED,
        /** Not queued: a message that must not be lost found the queue full of such messages. */
        OVERFLOW
    }

    private final int capacity;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private final AtomicInteger drainRequests = new AtomicInteger();
    private int droppable;
    private long dropped;

    Outbox(int capacity) {
        ClientLimits.positive("capacity", capacity);
        this.capacity = capacity;
    }

    /** Queues a message, making room by dropping the oldest droppable one if needed. */
    synchronized Offer offer(Message message) {
        Offer result = Offer.QUEUED;
        if (queue.size() >= capacity) {
            if (droppable == 0) {
                if (message.droppable()) {
                    dropped++;
                    return Offer.DROPPED;
                }
                return Offer.OVERFLOW;
            }
            removeOldestDroppable();
            result = Offer.QUEUED_DROPPING_OLDEST;
        }
        queue.add(message);
        if (message.droppable()) {
            droppable++;
        }
        return result;
    }

    /** Hands messages to the sink while it is ready. */
    void drain(Sink sink) {
        if (drainRequests.getAndIncrement() != 0) {
            return; // the thread that is draining will go round again
        }
        do {
            while (sink.ready()) {
                Message m = poll();
                if (m == null) {
                    break;
                }
                sink.send(m);
            }
        } while (drainRequests.decrementAndGet() != 0);
    }

    /** Messages waiting. */
    synchronized int size() {
        return queue.size();
    }

    /** Droppable messages dropped so far. */
    synchronized long dropped() {
        return dropped;
    }

    /** Forgets every waiting message (the client is gone). */
    synchronized void clear() {
        queue.clear();
        droppable = 0;
    }

    private synchronized Message poll() {
        Message m = queue.poll();
        if (m != null && m.droppable()) {
            droppable--;
        }
        return m;
    }

    private void removeOldestDroppable() {
        for (Iterator<Message> it = queue.iterator(); it.hasNext(); ) {
            if (it.next().droppable()) {
                it.remove();
                droppable--;
                dropped++;
                return;
            }
        }
    }
}
