package dev.obdio.can.socketcan;

import dev.obdio.can.CanFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnFramesTest {
    private static final long SECOND = 1_000_000_000L;
    private final OwnFrames own = new OwnFrames(3, 5 * SECOND, SECOND);
    private final CanFrame a = CanFrame.of(0x100, (byte) 1);
    private final CanFrame b = CanFrame.of(0x100, (byte) 2);
    private final CanFrame c = CanFrame.of(0x200);

    @Test
    void anEchoIsRecognisedOnce() {
        own.expectEcho(a, 0);
        assertThat(own.isOwn(a, 1)).isTrue();
        assertThat(own.isOwn(a, 2)).as("a second identical frame is someone else's").isFalse();
    }

    @Test
    void echoesMayOvertakeEachOther() {
        own.expectEcho(a, 0);
        own.expectEcho(b, 0);
        assertThat(own.isOwn(b, 1)).isTrue();
        assertThat(own.isOwn(c, 1)).isFalse();
        assertThat(own.isOwn(a, 1)).isTrue();
        assertThat(own.pendingCount()).isZero();
    }

    @Test
    void aFailedSendIsForgotten() {
        OwnFrames.Pending p = own.expectEcho(a, 0);
        own.cancel(p);
        assertThat(own.isOwn(a, 1)).isFalse();
    }

    @Test
    void oldAndSurplusExpectationsAreDropped() {
        own.expectEcho(a, 0);
        assertThat(own.isOwn(a, 6 * SECOND)).as("older than maxAge").isFalse();

        own.expectEcho(a, 10 * SECOND);
        own.expectEcho(b, 10 * SECOND);
        own.expectEcho(c, 10 * SECOND);
        own.expectEcho(c, 10 * SECOND);
        assertThat(own.pendingCount()).isEqualTo(3);
        assertThat(own.isOwn(a, 10 * SECOND)).as("the oldest made room").isFalse();
    }

    @Test
    void cyclicFramesAreOursWhileActiveAndForTheGracePeriod() {
        own.startCyclic(a);
        assertThat(own.isOwn(a, 0)).isTrue();
        assertThat(own.isOwn(a, 0)).as("every repetition").isTrue();

        own.startCyclic(b);
        own.stopCyclic(a, 10 * SECOND);
        assertThat(own.isOwn(a, 10 * SECOND + SECOND / 2)).as("still in flight after the update").isTrue();
        assertThat(own.isOwn(a, 12 * SECOND)).isFalse();
        assertThat(own.isOwn(b, 12 * SECOND)).isTrue();
    }

    @Test
    void twoTransmissionsOfTheSameFrameCountSeparately() {
        own.startCyclic(a);
        own.startCyclic(a);
        own.stopCyclic(a, 0);
        assertThat(own.isOwn(a, 5 * SECOND)).isTrue();
        own.stopCyclic(a, 5 * SECOND);
        assertThat(own.isOwn(a, 7 * SECOND)).isFalse();
    }
}
