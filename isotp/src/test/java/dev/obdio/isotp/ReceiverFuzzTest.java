package dev.obdio.isotp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.CanFrame;
import dev.obdio.can.Dlc;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random frames into a receiving (and at times sending) channel for about a second each: no
 * exception escapes, what it holds stays bounded, and the channel still works afterwards. Runs
 * on a fake bus and clock, so a fixed seed replays the same frames.
 */
class ReceiverFuzzTest {
    private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(900);

    @ParameterizedTest
    @ValueSource(strings = {"classic", "fd", "extended", "strict"})
    void randomFramesDoNoHarm(String kind) throws Exception {
        long seed = 0x15_0_7_9L ^ kind.hashCode();
        System.out.println("ReceiverFuzzTest " + kind + " seed=" + seed);
        SplittableRandom r = new SplittableRandom(seed);
        FakeTicker ticker = new FakeTicker();
        ManualTimer timer = new ManualTimer(ticker);
        ManualExecutor events = new ManualExecutor();
        FakeBus bus = new FakeBus();
        IsoTpHub hub = new IsoTpHub(bus, false, ticker, timer, events, () -> { });
        IsoTpOptions options = switch (kind) {
            case "fd" -> Machine.normal().withCanFd(64, true);
            case "extended" -> Machine.normal().withAddress(IsoTpAddress.extended11(Machine.TXID, Machine.RXID, 0x42));
            case "strict" -> Machine.normal().withPadding(IsoTpOptions.Padding.strict(0xCC)).withBlockSize(3);
            default -> Machine.normal().withBlockSize(2);
        };
        options = options.withMaxPduLength(2000).withReceiveQueueCapacity(16).withMaxWaitFrames(2);
        JavaIsoTpChannel channel = hub.open(options);
        IsoTpStateMachine machine = channel.machine();

        long frames = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < BUDGET_NANOS) {
            for (int i = 0; i < 1000; i++) {
                bus.inject(randomFrame(r, options));
                frames++;
                if (r.nextInt(50) == 0 && machine.canSend()) {
                    channel.sendAsync(new byte[1 + r.nextInt(300)]);
                }
                if (r.nextInt(20) == 0) {
                    timer.advanceTo(ticker.read() + r.nextLong(TimeUnit.MILLISECONDS.toNanos(r.nextInt(10) == 0 ? 1500 : 2)));
                }
                events.runAll();
                assertThat(machine.receiveBufferSize()).isLessThanOrEqualTo(options.maxPduLength());
                assertThat(timer.pending()).isLessThanOrEqualTo(1);
            }
            bus.takeSent();
            drain(channel);
        }
        System.out.println("ReceiverFuzzTest " + kind + ": " + frames + " random frames");
        assertThat(frames).isGreaterThan(1000);

        // Let every transfer in progress end, then check the channel still works both ways.
        timer.advanceTo(ticker.read() + TimeUnit.SECONDS.toNanos(5));
        events.runAll();
        drain(channel);
        bus.takeSent();
        assertThat(machine.rxState()).isEqualTo(IsoTpStateMachine.RxState.IDLE);
        assertThat(machine.txState()).isEqualTo(IsoTpStateMachine.TxState.IDLE);

        int ae = options.address().rxAddressByte().isPresent() ? 1 : 0;
        byte[] pdu = new byte[50];
        new SplittableRandom(seed).nextBytes(pdu);
        Machine peer = Machine.withOptions(options.withAddress(mirror(options.address())));
        peer.send(pdu);
        bus.inject(peer.nextSent());
        for (CanFrame fc : bus.takeSent()) {
            peer.rx(fc);
        }
        CanFrame f;
        while ((f = peer.nextSent()) != null) {
            bus.inject(f);
            for (CanFrame fc : bus.takeSent()) {
                peer.rx(fc);
            }
        }
        events.runAll();
        assertThat(channel.receive(Duration.ZERO)).as("a PDU after the storm (ae=%d)", ae).isEqualTo(pdu);

        CompletableFuture<Void> out = channel.sendAsync(pdu);
        while (!out.isDone()) {
            boolean progressed = false;
            for (CanFrame sent : bus.takeSent()) {
                peer.rx(sent);
                progressed = true;
            }
            CanFrame answer;
            while ((answer = peer.nextSent()) != null) {
                bus.inject(answer);
                progressed = true;
            }
            events.runAll();
            assertThat(progressed || out.isDone()).as("the send makes progress").isTrue();
        }
        out.get();
        for (CanFrame sent : bus.takeSent()) {
            peer.rx(sent);
        }
        assertThat(peer.receivedOne()).isEqualTo(pdu);
        channel.close();
    }

    private static void drain(JavaIsoTpChannel channel) throws InterruptedException {
        while (true) {
            try {
                if (channel.receive(Duration.ZERO) == null) {
                    return;
                }
            } catch (IsoTpException expected) {
                // lost PDUs are reported here; keep draining
            }
        }
    }

    private static IsoTpAddress mirror(IsoTpAddress a) {
        if (a instanceof IsoTpAddress.Extended e) {
            return new IsoTpAddress.Extended(e.rxId(), e.txId(), e.extendedIds(), e.rxAddress(), e.txAddress());
        }
        return IsoTpAddress.normal11(a.rxId(), a.txId());
    }

    /** Frames a fuzzer would send: mostly our identifier, plausible protocol bytes, random lengths. */
    private static CanFrame randomFrame(SplittableRandom r, IsoTpOptions o) {
        boolean fd = o.linkLayer().canFd() && r.nextBoolean();
        int length;
        if (fd) {
            length = Dlc.fdLength(r.nextInt(16));
        } else {
            length = r.nextInt(9);
        }
        byte[] data = new byte[length];
        r.nextBytes(data);
        int ae = o.address().rxAddressByte().isPresent() ? 1 : 0;
        if (ae == 1 && length > 0 && r.nextInt(4) != 0) {
            data[0] = (byte) o.address().rxAddressByte().getAsInt();
        }
        if (length > ae && r.nextInt(4) != 0) {
            int type = r.nextInt(5); // mostly SF, FF, CF, FC; sometimes a reserved type
            int low = r.nextInt(3) == 0 ? r.nextInt(16) : (type == 3 ? r.nextInt(3) : 1 + r.nextInt(15));
            data[ae] = (byte) ((type == 4 ? 4 + r.nextInt(12) : type) << 4 | low);
            if (type == 1 && length > ae + 1 && r.nextBoolean()) {
                data[ae] = (byte) 0x10;
                data[ae + 1] = (byte) r.nextInt(60); // short PDUs get through more often
            }
            if (o.padding().rx().isPresent() && r.nextBoolean()) {
                for (int i = ae + 2; i < length; i++) {
                    data[i] = (byte) 0xCC;
                }
            }
        }
        int id = r.nextInt(10) == 0 ? r.nextInt(0x800) : Machine.RXID;
        return fd ? CanFrame.fd(id, false, r.nextBoolean(), false, data) : CanFrame.of(id, data);
    }
}
