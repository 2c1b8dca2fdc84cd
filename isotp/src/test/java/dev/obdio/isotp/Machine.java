package dev.obdio.isotp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.CanFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives one {@link IsoTpStateMachine} on a fake clock, as a test bench: frames it sends are
 * collected (and by default reported as transmitted at once), events are collected, and time
 * moves only when the test says so, firing deadlines exactly when they are due.
 */
final class Machine {
    static final int TXID = 0x111;
    static final int RXID = 0x222;

    final IsoTpStateMachine sm;
    long now = 1_000_000_000L;
    boolean autoConfirm = true;
    final Deque<CanFrame> sent = new ArrayDeque<>();
    final Deque<IsoTpStateMachine.Transmission> unconfirmed = new ArrayDeque<>();
    final List<IsoTpEvent> events = new ArrayList<>();
    /** When each frame was sent, in fake nanoseconds. */
    final List<Long> sentAt = new ArrayList<>();

    Machine(IsoTpOptions options) {
        sm = new IsoTpStateMachine(options);
    }

    /** Normal 11-bit addressing TXID/RXID, otherwise the given options. */
    static IsoTpOptions normal() {
        return IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(TXID, RXID));
    }

    static Machine withOptions(IsoTpOptions options) {
        return new Machine(options);
    }

    static Machine normalDefaults() {
        return new Machine(normal());
    }

    void process(IsoTpStateMachine.Output first) {
        ArrayDeque<IsoTpStateMachine.Output> work = new ArrayDeque<>();
        work.add(first);
        while (!work.isEmpty()) {
            IsoTpStateMachine.Output out = work.poll();
            events.addAll(out.events());
            for (IsoTpStateMachine.Transmission t : out.transmissions()) {
                sent.add(t.frame());
                sentAt.add(now);
                if (autoConfirm) {
                    work.add(sm.onTransmitted(t.token(), now));
                } else {
                    unconfirmed.add(t);
                }
            }
        }
    }

    void send(byte[] payload) {
        process(sm.send(payload, now));
    }

    void rx(CanFrame frame) {
        process(sm.onFrame(frame, now));
    }

    /** A classic frame on the receive identifier. */
    void rx(int... bytes) {
        rx(CanFrame.of(RXID, bytes(bytes)));
    }

    /** A CAN FD frame on the receive identifier. */
    void rxFd(int... bytes) {
        rx(CanFrame.fd(RXID, false, false, false, bytes(bytes)));
    }

    void rxFlowControl(int status, int blockSize, int stMin) {
        rx(0x30 | status, blockSize, stMin);
    }

    /** Confirms the oldest unconfirmed transmission now. */
    void confirm() {
        IsoTpStateMachine.Transmission t = unconfirmed.poll();
        assertThat(t).as("a frame waiting for confirmation").isNotNull();
        process(sm.onTransmitted(t.token(), now));
    }

    /** Moves the clock forward, ticking the machine at every deadline on the way (exactly when due). */
    void advanceNanos(long nanos) {
        long target = now + nanos;
        while (true) {
            IsoTpStateMachine.Output d = sm.pendingDeadline();
            if (!d.hasDeadline() || d.deadline() - target > 0) {
                break;
            }
            now = Math.max(now, d.deadline());
            process(sm.onTick(now));
        }
        now = target;
        process(sm.onTick(now));
    }

    void advanceMillis(long millis) {
        advanceNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** The next frame sent, or null. */
    CanFrame nextSent() {
        if (!sentAt.isEmpty()) {
            sentAt.remove(0);
        }
        return sent.poll();
    }

    /** Takes the next sent frame and checks its data. */
    CanFrame expectSent(int... bytes) {
        CanFrame f = nextSent();
        assertThat(f).as("a frame was sent").isNotNull();
        assertThat(hex(f.data())).isEqualTo(hex(bytes(bytes)));
        return f;
    }

    void expectNothingSent() {
        assertThat(sent).as("frames sent").isEmpty();
    }

    /** Takes the next sent frame and checks it is the flow control given. */
    void expectFlowControl(int status, int blockSize, int stMin) {
        CanFrame f = expectSent(0x30 | status, blockSize, stMin);
        assertThat(f.id()).isEqualTo(sm.options().address().txId());
    }

    /** PDUs received so far, removed from the events. */
    List<byte[]> received() {
        List<byte[]> out = new ArrayList<>();
        events.removeIf(e -> {
            if (e instanceof IsoTpEvent.Received r) {
                out.add(r.data());
                return true;
            }
            return false;
        });
        return out;
    }

    /** The one PDU received, removed from the events. */
    byte[] receivedOne() {
        List<byte[]> r = received();
        assertThat(r).as("PDUs received").hasSize(1);
        return r.get(0);
    }

    void expectNothingReceived() {
        assertThat(received()).as("PDUs received").isEmpty();
    }

    /** Errors reported so far, removed from the events. */
    List<IsoTpError> errors() {
        List<IsoTpError> out = new ArrayList<>();
        events.removeIf(e -> {
            if (e instanceof IsoTpEvent.Failed f) {
                out.add(f.error());
                return true;
            }
            return false;
        });
        return out;
    }

    /** Checks that exactly these error types were reported, in order, and returns them. */
    @SafeVarargs
    final List<IsoTpError> expectErrors(Class<? extends IsoTpError>... types) {
        List<IsoTpError> errors = errors();
        assertThat(errors).as("errors").hasSize(types.length);
        for (int i = 0; i < types.length; i++) {
            assertThat(errors.get(i)).isInstanceOf(types[i]);
        }
        return errors;
    }

    void expectNoErrors() {
        assertThat(errors()).as("errors").isEmpty();
    }

    /** Number of Sent events so far, removed from the events. */
    int sentPdus() {
        int[] n = {0};
        events.removeIf(e -> {
            if (e instanceof IsoTpEvent.Sent) {
                n[0]++;
                return true;
            }
            return false;
        });
        return n[0];
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** {@code size} bytes counting up from {@code start}, as python-can-isotp's make_payload. */
    static byte[] payload(int size, int start) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    static byte[] payload(int size) {
        return payload(size, 0);
    }

    /** Concatenates ints and byte arrays into frame data. */
    static int[] data(Object... parts) {
        List<Integer> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Integer i) {
                out.add(i);
            } else if (p instanceof byte[] b) {
                for (byte x : b) {
                    out.add(x & 0xFF);
                }
            } else if (p instanceof int[] a) {
                for (int x : a) {
                    out.add(x);
                }
            } else {
                throw new IllegalArgumentException("part " + p);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] repeat(int value, int count) {
        int[] a = new int[count];
        java.util.Arrays.fill(a, value);
        return a;
    }

    static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, Math.min(to, b.length));
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().withUpperCase().formatHex(b);
    }
}
