package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final class ListSink implements Outbox.Sink {
        final List<Object> sent = new ArrayList<>();
        boolean ready = true;

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void send(Outbox.Message message) {
            sent.add(((Outbox.EventMessage) message).payload());
        }
    }

    private static Outbox.EventMessage update(int i) {
        return new Outbox.EventMessage("update", i, true);
    }

    private static Outbox.EventMessage reply(String s) {
        return new Outbox.EventMessage("reply", s, false);
    }

    @Test
    void aFullOutboxDropsTheOldestUpdateAndCountsIt() {
        Outbox box = new Outbox(3);
        assertThat(box.offer(update(1))).isEqualTo(Outbox.Offer.QUEUED);
        box.offer(reply("a"));
        box.offer(update(2));
        assertThat(box.offer(update(3))).isEqualTo(Outbox.Offer.QUEUED_DROPPING_OLDEST);
        ListSink sink = new ListSink();
        box.drain(sink);
        assertThat(sink.sent).containsExactly("a", 2, 3);
        assertThat(box.dropped()).isEqualTo(1);
    }

    @Test
    void messagesThatMustStayOverflowInsteadOfBeingDropped() {
        Outbox box = new Outbox(2);
        box.offer(reply("a"));
        box.offer(reply("b"));
        assertThat(box.offer(update(1))).isEqualTo(Outbox.Offer.DROPPED);
        assertThat(box.offer(reply("c"))).isEqualTo(Outbox.Offer.OVERFLOW);
        assertThat(box.size()).isEqualTo(2);
        assertThat(box.dropped()).isEqualTo(1);
    }

    @Test
    void drainStopsWhenTheSinkIsNotReadyAndGoesOnLater() {
        Outbox box = new Outbox(10);
        ListSink sink = new ListSink();
        sink.ready = false;
        box.offer(reply("a"));
        box.drain(sink);
        assertThat(sink.sent).isEmpty();
        sink.ready = true;
        box.drain(sink);
        assertThat(sink.sent).containsExactly("a");
        assertThat(box.size()).isZero();
    }

    @Test
    void aDrainRequestedWhileAnotherRunsIsNotLost() throws Exception {
        Outbox box = new Outbox(10);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Object> sent = new ArrayList<>();
        AtomicBoolean first = new AtomicBoolean(true);
        Outbox.Sink slow = new Outbox.Sink() {
            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public void send(Outbox.Message m) {
                if (first.getAndSet(false)) {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                synchronized (sent) {
                    sent.add(((Outbox.EventMessage) m).payload());
                }
            }
        };
        box.offer(reply("a"));
        Thread drainer = new Thread(() -> box.drain(slow));
        drainer.start();
        inside.await();
        box.offer(reply("b"));
        box.drain(slow); // returns at once: the other thread drains
        release.countDown();
        drainer.join(5000);
        assertThat(sent).containsExactly("a", "b");
    }
}
