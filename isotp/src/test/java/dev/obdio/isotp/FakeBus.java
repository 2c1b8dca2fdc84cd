package dev.obdio.isotp;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanException;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.ContentFilter;
import dev.obdio.can.ContentListener;
import dev.obdio.can.CyclicTransmission;
import dev.obdio.can.FrameListener;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.can.Subscription;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bus endpoint for driver tests: frames sent are recorded and queued; {@link #pump()} delivers
 * queued frames (the sender's own ones too, as an endpoint with receiveOwnFrames) to the
 * listeners on the test's thread, and {@link #inject} delivers a frame from "another node".
 */
final class FakeBus implements CanBus {
    final List<CanFrame> sent = new CopyOnWriteArrayList<>();
    private final ArrayDeque<CanFrame> wire = new ArrayDeque<>();
    private final CopyOnWriteArrayList<FrameListener> listeners = new CopyOnWriteArrayList<>();
    volatile CanException failSends;
    volatile CanFilterSet filters = CanFilterSet.ALL;
    private volatile boolean open = true;

    @Override
    public String channel() {
        return "fake";
    }

    @Override
    public BusOptions options() {
        return BusOptions.DEFAULTS.withReceiveOwnFrames(true);
    }

    @Override
    public void send(CanFrame frame) {
        CanException failure = failSends;
        if (failure != null) {
            throw failure;
        }
        sent.add(frame);
        synchronized (wire) {
            wire.add(frame);
        }
    }

    /** Delivers queued frames (and those their delivery causes) to the listeners. */
    void pump() {
        while (true) {
            CanFrame f;
            synchronized (wire) {
                f = wire.poll();
            }
            if (f == null) {
                return;
            }
            deliver(f);
        }
    }

    /** A frame from another node. */
    void inject(CanFrame frame) {
        deliver(frame);
    }

    private void deliver(CanFrame f) {
        ReceivedFrame r = new ReceivedFrame(f, 0, channel(), ReceivedFrame.Direction.RX);
        for (FrameListener l : listeners) {
            l.onFrame(r);
        }
    }

    /** Takes the frames sent so far. */
    List<CanFrame> takeSent() {
        List<CanFrame> out = new ArrayList<>(sent);
        sent.clear();
        synchronized (wire) {
            wire.clear();
        }
        return out;
    }

    @Override
    public ReceivedFrame receive(Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Subscription subscribe(FrameListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }

    @Override
    public void setFilters(CanFilterSet filters) {
        this.filters = filters;
    }

    @Override
    public long droppedFrames() {
        return 0;
    }

    @Override
    public CyclicTransmission sendCyclic(CanFrame frame, Duration period, long count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Subscription watchContent(ContentFilter filter, ContentListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
