package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.isotp.IsoTpError;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the answers to a request are complete: the window's rules on a made-up clock. */
class ResponseWindowTest {
    private static final long MS = 1_000_000L;
    private static final long P2 = 50 * MS;
    private static final long P2_STAR = 5000 * MS;
    private static final long STALL = 1050 * MS;
    private static final long T0 = 1_000 * MS;
    private static final byte[] RPM = hex("010C");

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static ResponseWindow window(byte[] request, Set<Integer> expected) {
        ResponseWindow w = new ResponseWindow(request, T0, P2, P2_STAR, STALL, expected, false);
        w.sent(T0);
        return w;
    }

    @Test
    void withoutAnswersItClosesAfterP2() {
        ResponseWindow w = window(RPM, Set.of());
        assertThat(w.isComplete(T0 + P2 - 1)).isFalse();
        assertThat(w.nextCheck(T0)).isEqualTo(T0 + P2);
        assertThat(w.isComplete(T0 + P2)).isTrue();
        assertThat(w.answers()).isEmpty();
    }

    @Test
    void itClosesAsSoonAsEveryExpectedEcuHasAnswered() {
        ResponseWindow w = window(RPM, Set.of(0x7E8, 0x7E9));
        w.onFrame(0x7E8, true, false, T0 + 2 * MS, T0 + 2 * MS);
        w.onPdu(0x7E8, hex("410C1AF8"), T0 + 2 * MS);
        assertThat(w.isComplete(T0 + 3 * MS)).isFalse();
        w.onFrame(0x7E9, true, false, T0 + 4 * MS, T0 + 4 * MS);
        w.onPdu(0x7E9, hex("410C0000"), T0 + 4 * MS);
        assertThat(w.isComplete(T0 + 4 * MS)).isTrue();
        assertThat(w.answers()).extracting(ResponseWindow.Answer::ecu).containsExactly(0x7E8, 0x7E9);
        assertThat(w.answers().get(0).startedAt()).isEqualTo(T0 + 2 * MS);
    }

    @Test
    void withUnknownEcusItClosesP2AfterTheLastAnswerStarted() {
        ResponseWindow w = window(RPM, Set.of());
        w.onFrame(0x7E8, true, false, T0 + 40 * MS, T0 + 40 * MS);
        w.onPdu(0x7E8, hex("410C1AF8"), T0 + 40 * MS);
        assertThat(w.isComplete(T0 + 60 * MS)).isFalse();
        assertThat(w.nextCheck(T0 + 60 * MS)).isEqualTo(T0 + 90 * MS);
        assertThat(w.isComplete(T0 + 90 * MS)).isTrue();
    }

    @Test
    void aMultiFrameAnswerKeepsItOpenUntilItEnds() {
        byte[] vin = hex("0902");
        ResponseWindow w = window(vin, Set.of(0x7E8));
        w.onFrame(0x7E8, true, true, T0 + 10 * MS, T0 + 10 * MS);
        for (int i = 1; i <= 30; i++) {
            w.onFrame(0x7E8, false, false, T0, T0 + (10 + 10 * i) * MS); // slow consecutive frames
            assertThat(w.isComplete(T0 + (10 + 10 * i) * MS)).isFalse();
        }
        w.onPdu(0x7E8, hex("4902013147314A433534343452373235323336370000"), T0 + 320 * MS);
        assertThat(w.isComplete(T0 + 320 * MS)).isTrue();
    }

    @Test
    void aStalledMultiFrameAnswerIsGivenUpAndALostOneEndsIt() {
        ResponseWindow w = window(hex("0902"), Set.of());
        w.onFrame(0x7E8, true, true, T0 + 10 * MS, T0 + 10 * MS);
        assertThat(w.isComplete(T0 + 10 * MS + STALL - 1)).isFalse();
        assertThat(w.isComplete(T0 + 10 * MS + STALL)).isTrue();
        ResponseWindow lost = window(hex("0902"), Set.of(0x7E8));
        lost.onFrame(0x7E8, true, true, T0 + 10 * MS, T0 + 10 * MS);
        lost.onFailure(0x7E8, new IsoTpError.ConsecutiveFrameTimeout(Duration.ofSeconds(1), 13, 20), T0 + 20 * MS);
        assertThat(lost.isComplete(T0 + 30 * MS)).isFalse(); // the ECU gave no answer yet: wait for P2
        assertThat(lost.isComplete(T0 + 60 * MS)).isTrue();
        assertThat(lost.failures()).singleElement().extracting(ResponseWindow.Failure::ecu).isEqualTo(0x7E8);
    }

    @Test
    void responsePendingExtendsTheWaitByP2StarEachTime() {
        byte[] vin = hex("0902");
        ResponseWindow w = window(vin, Set.of(0x7E8));
        w.onPdu(0x7E8, hex("7F0978"), T0 + 10 * MS);
        assertThat(w.isComplete(T0 + 10 * MS + P2_STAR - 1)).isFalse();
        assertThat(w.nextCheck(T0 + 100 * MS)).isEqualTo(T0 + 10 * MS + P2_STAR);
        w.onPdu(0x7E8, hex("7F0978"), T0 + 4000 * MS);
        assertThat(w.isComplete(T0 + 8000 * MS)).isFalse();
        assertThat(w.isComplete(T0 + 4000 * MS + P2_STAR)).isTrue();
        assertThat(w.answers()).isEmpty();
        ResponseWindow answered = window(vin, Set.of(0x7E8));
        answered.onPdu(0x7E8, hex("7F0978"), T0 + 10 * MS);
        answered.onPdu(0x7E8, hex("490201"), T0 + 900 * MS);
        assertThat(answered.isComplete(T0 + 900 * MS)).isTrue();
        assertThat(answered.answers()).singleElement().satisfies(a -> assertThat(a.data()).isEqualTo(hex("490201")));
    }

    @Test
    void endlessResponsePendingIsNotWaitedForForever() {
        ResponseWindow w = window(hex("0902"), Set.of(0x7E8));
        long t = T0;
        for (int i = 0; i <= ResponseWindow.MAX_RESPONSE_PENDING; i++) {
            t += 100 * MS;
            w.onPdu(0x7E8, hex("7F0978"), t);
        }
        assertThat(w.isComplete(t + P2)).isTrue();
    }

    @Test
    void lateAnswersToAnEarlierRequestAreDropped() {
        ResponseWindow w = window(RPM, Set.of(0x7E8));
        w.onPdu(0x7E8, hex("410D37"), T0 + 1 * MS); // SPEED, asked before
        w.onPdu(0x7E8, hex("7F0912"), T0 + 2 * MS); // a refusal of another service
        assertThat(w.isComplete(T0 + 3 * MS)).isFalse();
        assertThat(w.staleAnswers()).isEqualTo(2);
        w.onPdu(0x7E8, hex("7F0112"), T0 + 4 * MS); // a refusal of this one is its answer
        assertThat(w.isComplete(T0 + 4 * MS)).isTrue();
    }

    @Test
    void answersOlderOnTheBusThanTheEchoOfOurRequestAreLateOnes() {
        long bus = 5_000 * MS; // bus timestamps: another clock
        ResponseWindow w = new ResponseWindow(RPM, T0, P2, P2_STAR, STALL, Set.of(0x7E8), true);
        // the answer to the previous RPM request, handled late: older on the bus than our request
        w.onFrame(0x7E8, true, false, bus - 1 * MS, T0 + 1 * MS);
        w.onPdu(0x7E8, hex("410C0000"), T0 + 2 * MS);
        assertThat(w.isComplete(T0 + 2 * MS)).isFalse(); // judged when the echo comes
        w.onRequestEcho(bus, T0 + 3 * MS);
        assertThat(w.staleAnswers()).isEqualTo(1);
        assertThat(w.isComplete(T0 + 3 * MS)).isFalse();
        w.onFrame(0x7E8, true, false, bus + 1 * MS, T0 + 4 * MS);
        w.onPdu(0x7E8, hex("410C1AF8"), T0 + 4 * MS);
        assertThat(w.isComplete(T0 + 4 * MS)).isTrue();
        assertThat(w.answers()).singleElement().satisfies(a -> assertThat(a.data()).isEqualTo(hex("410C1AF8")));
    }

    @Test
    void anAnswerHandledBeforeTheEchoCountsOnceTheEchoShowsItIsNewer() {
        long bus = 5_000 * MS;
        ResponseWindow w = new ResponseWindow(RPM, T0, P2, P2_STAR, STALL, Set.of(0x7E8), true);
        w.onFrame(0x7E8, true, false, bus + 1 * MS, T0 + 1 * MS);
        w.onPdu(0x7E8, hex("410C1AF8"), T0 + 1 * MS);
        assertThat(w.isComplete(T0 + 1 * MS)).isFalse();
        w.onRequestEcho(bus, T0 + 2 * MS);
        assertThat(w.isComplete(T0 + 2 * MS)).isTrue();
        assertThat(w.answers()).hasSize(1);
    }

    @Test
    void withoutAnEchoAnswersCountAfterP2() {
        ResponseWindow w = new ResponseWindow(RPM, T0, P2, P2_STAR, STALL, Set.of(0x7E8), true);
        w.onFrame(0x7E8, true, false, 0, T0 + 1 * MS);
        w.onPdu(0x7E8, hex("410C1AF8"), T0 + 1 * MS);
        assertThat(w.nextCheck(T0 + 1 * MS)).isEqualTo(T0 + P2);
        assertThat(w.isComplete(T0 + P2 - 1)).isFalse();
        assertThat(w.isComplete(T0 + P2)).isTrue();
        assertThat(w.answers()).hasSize(1);
    }

    @Test
    void aLateMultiFrameAnswerIsWaitedForThenDroppedWithoutReportingItsLoss() {
        long bus = 5_000 * MS;
        ResponseWindow vin = new ResponseWindow(hex("0902"), T0, P2, P2_STAR, STALL, Set.of(0x7E8), true);
        vin.onFrame(0x7E8, true, true, bus - 1 * MS, T0 + 1 * MS);
        vin.onRequestEcho(bus, T0 + 2 * MS);
        assertThat(vin.isComplete(T0 + P2 + 2 * MS)).isFalse();
        vin.onFailure(0x7E8, new IsoTpError.ConsecutiveFrameTimeout(Duration.ofSeconds(1), 6, 20), T0 + 3 * MS);
        assertThat(vin.failures()).isEmpty();
        assertThat(vin.isComplete(T0 + P2 + 2 * MS)).isTrue();
    }

    @Test
    void theEchoIsRecognised() {
        assertThat(ObdTransport.isSingleFrameOf(dev.obdio.can.CanFrame.of(0x7DF, hex("02010CCCCCCCCCCC")), RPM)).isTrue();
        assertThat(ObdTransport.isSingleFrameOf(dev.obdio.can.CanFrame.of(0x7DF, hex("02010C")), RPM)).isTrue();
        assertThat(ObdTransport.isSingleFrameOf(dev.obdio.can.CanFrame.of(0x7DF, hex("02010D")), RPM)).isFalse();
        assertThat(ObdTransport.isSingleFrameOf(dev.obdio.can.CanFrame.of(0x7DF, hex("03010C0D")), RPM)).isFalse();
        assertThat(ObdTransport.isSingleFrameOf(dev.obdio.can.CanFrame.of(0x7DF, hex("02")), RPM)).isFalse();
    }

    @Test
    void answerMatching() {
        assertThat(AnswerMatcher.belongs(hex("010C0D"), hex("410D37"))).isTrue();
        assertThat(AnswerMatcher.belongs(hex("010C0D"), hex("4105"))).isFalse();
        assertThat(AnswerMatcher.belongs(hex("020C00"), hex("420C001AF8"))).isTrue();
        assertThat(AnswerMatcher.belongs(hex("020C00"), hex("420D0037"))).isFalse();
        assertThat(AnswerMatcher.belongs(hex("0902"), hex("490201"))).isTrue();
        assertThat(AnswerMatcher.belongs(hex("0902"), hex("490401"))).isFalse();
        assertThat(AnswerMatcher.belongs(hex("03"), hex("430101"))).isTrue();
        assertThat(AnswerMatcher.belongs(hex("03"), hex("470101"))).isFalse();
        assertThat(AnswerMatcher.belongs(hex("221234"), hex("621234AA"))).isTrue();
        assertThat(AnswerMatcher.belongs(hex("221234"), hex("6212"))).isFalse();
        assertThat(AnswerMatcher.belongs(hex("04"), hex("7F04"))).isTrue();
        assertThat(AnswerMatcher.belongs(hex("04"), hex("7F"))).isFalse();
        assertThat(AnswerMatcher.belongs(hex("04"), new byte[0])).isFalse();
    }
}
