package dev.obdio.uds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.obdio.uds.FakeEcu.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against the scripted {@link FakeEcu} on a virtual bus. */
@Timeout(30)
class UdsClientTest {
    private Harness h;

    @BeforeEach
    void start() {
        h = Harness.start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void readsSeveralDidsInOneRequestWithCodecLengths() {
        List<DidValue> values = h.client.readDids(0xF190, 0xF186, 0x0110);
        assertThat(h.ecu.requests(0x22)).hasSize(1);
        assertThat(h.ecu.requests(0x22).get(0).bytes()).containsExactly(Hex.parse("22 F190 F186 0110"));
        assertThat(values).extracting(DidValue::did).containsExactly(0xF190, 0xF186, 0x0110);
        assertThat(values.get(0).value()).isEqualTo(new DidData.Text(FakeEcu.VIN));
        assertThat(values.get(1).value()).isInstanceOf(DidData.Numeric.class);
        assertThat(((DidData.Numeric) values.get(1).value()).raw()).isEqualTo(1);
        assertThat(values.get(2).raw()).containsExactly(0x02, 0x8A);
    }

    @Test
    void sessionChangeAdoptsTheServersTimingAndStartsTheKeepAlive() {
        h.ecu.timing(3, 120, 321);
        DiagnosticSessionControl.Response r = h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        assertThat(r.session()).isEqualTo(3);
        assertThat(r.timing()).contains(new SessionTiming(Duration.ofMillis(120), Duration.ofMillis(3210)));
        assertThat(h.client.timing()).isEqualTo(new SessionTiming(Duration.ofMillis(120), Duration.ofMillis(3210)));
        assertThat(h.client.session()).isEqualTo(3);
        assertThat(h.client.keepAliveRunning()).isTrue();

        h.client.changeSession(DiagnosticSessionControl.DEFAULT);
        assertThat(h.client.keepAliveRunning()).isFalse();
        assertThat(h.client.timing().p2()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void serverTimingIsIgnoredWhenConfiguredSo() {
        h.close();
        h = Harness.start(Harness.CONFIG.withUseServerTiming(false).withP2(Duration.ofMillis(77)));
        h.ecu.timing(3, 120, 321);
        h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        assertThat(h.client.timing().p2()).isEqualTo(Duration.ofMillis(77));
    }

    @Test
    void adoptedP2StarBoundsTheWaitAfterResponsePending() {
        h.close();
        h = Harness.start(Harness.CONFIG.withTransportAllowance(Duration.ofMillis(100)).withP2(Duration.ofSeconds(2)));
        h.ecu.timing(3, 2000, 10); // P2* = 100 ms
        h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        h.ecu.routine(0x0203, q -> Reply.pending(0x31, 1, Duration.ZERO, null)); // pending, then silence
        assertThatThrownBy(() -> h.client.routine(RoutineControl.START, 0x0203, new byte[0]))
                .isInstanceOfSatisfying(UdsTimeoutException.class, e -> {
                    assertThat(e.limit()).isEqualTo(UdsTimeoutException.Limit.P2_STAR);
                    assertThat(e.waited()).isEqualTo(Duration.ofMillis(200));
                    assertThat(e.pendingAnswers()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("RoutineControl (0x31)", "P2* = 200 ms", "1 response-pending");
                });
    }

    @Test
    void keepAliveGoesOutFunctionallyWhileExtendedAndStopsAfterwards() {
        h.close();
        h = Harness.start(Harness.CONFIG.withTesterPresentPeriod(Duration.ofMillis(40)));
        h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        await().atMost(Duration.ofSeconds(10)).until(() -> h.frames(0x7DF, 0x02, 0x3E, 0x80).size() >= 3);
        assertThat(h.frames(0x7E0, 0x02, 0x3E)).isEmpty(); // not physical
        assertThat(h.ecu.requests(0x3E)).allMatch(FakeEcu.Received::functional);
        assertThat(h.client.keepAlivesSent()).isGreaterThanOrEqualTo(3);

        h.client.changeSession(DiagnosticSessionControl.DEFAULT);
        long sent = h.client.keepAlivesSent();
        // The monitor endpoint records on its own thread: let it catch up with what was sent.
        await().atMost(Duration.ofSeconds(5)).until(() -> h.frames(0x7DF, 0x02, 0x3E, 0x80).size() == sent);
        int seen = (int) sent;
        // Prove a later period has passed: a request queued behind where a keep-alive would be.
        for (int i = 0; i < 5; i++) {
            h.client.testerPresent();
            sleepPeriod();
        }
        assertThat(h.client.keepAlivesSent()).isEqualTo(sent);
        assertThat(h.frames(0x7DF, 0x02, 0x3E, 0x80)).hasSize(seen);
        assertThat(h.client.keepAliveRunning()).isFalse();
    }

    private static void sleepPeriod() {
        // Not a synchronisation: lets the (stopped) 40 ms keep-alive period elapse between checks.
        await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> true);
    }

    @Test
    void keepAliveWithoutFunctionalChannelGoesPhysical() throws Exception {
        h.client.close();
        try (UdsClient client = new UdsClient(h.physical, Harness.CONFIG.withTesterPresentPeriod(Duration.ofMillis(30)))) {
            client.changeSession(DiagnosticSessionControl.EXTENDED);
            await().atMost(Duration.ofSeconds(10)).until(() -> h.frames(0x7E0, 0x02, 0x3E, 0x80).size() >= 2);
            assertThat(h.frames(0x7DF, 0x02, 0x3E)).isEmpty();
        }
    }

    @Test
    void resetReturnsToDefaultSessionAndStopsTheKeepAlive() {
        h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        assertThat(h.client.keepAliveRunning()).isTrue();
        EcuReset.Response r = h.client.reset(EcuReset.HARD);
        assertThat(r.resetType()).isEqualTo(EcuReset.HARD);
        assertThat(h.client.session()).isEqualTo(1);
        assertThat(h.client.keepAliveRunning()).isFalse();
        assertThat(h.ecu.session()).isEqualTo(1);
    }

    @Test
    void closeStopsTheKeepAlive() {
        h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        h.client.close();
        assertThat(h.client.keepAliveRunning()).isFalse();
        assertThatThrownBy(() -> h.client.testerPresent()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void unlocksWithTheKeyAlgorithmAndReportsAnAlreadyUnlockedLevel() {
        h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        assertThat(h.client.unlock(1)).isEqualTo(SecurityAccess.Outcome.UNLOCKED);
        assertThat(h.ecu.requests(0x27)).extracting(r -> Hex.format(r.bytes()))
                .containsExactly("27 01", "27 02 E9 8F 69 86"); // the simulator's documented example
        assertThat(h.client.unlock(1)).isEqualTo(SecurityAccess.Outcome.ALREADY_UNLOCKED);
        assertThat(h.ecu.requests(0x27)).hasSize(3); // the zero seed needs no key
    }

    @Test
    void wrongKeysAreRefusedThenTheAttemptCounterLocksOut() {
        h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        SecurityKeyAlgorithm wrong = SecurityKeyAlgorithms.byName("xor:01");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> h.client.unlock(1, wrong)).isInstanceOfSatisfying(
                    UdsNegativeResponseException.class, e -> {
                        assertThat(e.nrc()).isEqualTo(0x35);
                        assertThat(e.nrcName()).isEqualTo("invalidKey");
                        assertThat(e.knownNrc()).contains(Nrc.INVALID_KEY);
                        assertThat(e.serviceId()).isEqualTo(0x27);
                        assertThat(e.getMessage()).isEqualTo("SecurityAccess (0x27) refused: NRC 0x35 invalidKey");
                    });
        }
        assertThatThrownBy(() -> h.client.unlock(1, wrong)).isInstanceOfSatisfying(UdsNegativeResponseException.class,
                e -> assertThat(e.nrcName()).isEqualTo("exceedNumberOfAttempts"));
        assertThatThrownBy(() -> h.client.unlock(1)).isInstanceOfSatisfying(UdsNegativeResponseException.class,
                e -> assertThat(e.knownNrc()).contains(Nrc.REQUIRED_TIME_DELAY_NOT_EXPIRED));
        h.ecu.unlockAttempts();
        assertThat(h.client.unlock(1)).isEqualTo(SecurityAccess.Outcome.UNLOCKED);
    }

    @Test
    void noAlgorithmFailsClearlyOnANonZeroSeed() {
        h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        assertThatThrownBy(() -> h.client.unlock(1, SecurityKeyAlgorithms.NO_ALGORITHM))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no key algorithm");
    }

    @Test
    void writeThenReadBack() {
        h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        assertThatThrownBy(() -> h.client.writeDid(0xF190, "WAUZZZ8V5KA000002"))
                .isInstanceOfSatisfying(UdsNegativeResponseException.class, e -> assertThat(e.nrc()).isEqualTo(0x33));
        h.client.unlock(1);
        h.client.writeDid(0xF190, "WAUZZZ8V5KA000002");
        assertThat(h.client.readDid(0xF190).value().display()).isEqualTo("WAUZZZ8V5KA000002");
        h.client.writeDid(0xF1A0, Hex.parse("010203040506"));
        assertThat(h.client.readDid(0xF1A0).raw()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void writeThroughANumericCodec() {
        h.close();
        h = Harness.start(Harness.CONFIG.withCodec(0x0110, DidCodec.parse("u16,unit=rpm")));
        h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        h.client.writeDid(0x0110, "700 rpm");
        assertThat(h.ecu.didValue(0x0110)).containsExactly(0x02, 0xBC);
        assertThat(h.client.readDid(0x0110).value().display()).isEqualTo("700 rpm");
        assertThatThrownBy(() -> h.client.writeDid(0x0110, "70000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0110").hasMessageContaining("out of range 0 rpm .. 65535 rpm");
    }

    @Test
    void routineWithSeveralResponsePendingThenTheAnswer() {
        h.ecu.routine(0x0202, q -> Reply.pending(0x31, 4, Duration.ofMillis(20), Hex.parse("71 01 0202 00 AA")));
        RoutineControl.Response r = h.client.routine(RoutineControl.START, 0x0202, Hex.parse("01"));
        assertThat(r.statusRecord()).containsExactly(0x00, 0xAA);
        assertThat(h.ecu.requests(0x31).get(0).bytes()).containsExactly(Hex.parse("31 01 0202 01"));
    }

    @Test
    void responsePendingForeverHitsTheOverallCap() {
        h.close();
        h = Harness.start(Harness.CONFIG.withOverallTimeout(Duration.ofMillis(300)));
        h.ecu.routine(0x0202, q -> Reply.pending(0x31, 100, Duration.ofMillis(20), null));
        assertThatThrownBy(() -> h.client.routine(RoutineControl.START, 0x0202, new byte[0]))
                .isInstanceOfSatisfying(UdsTimeoutException.class, e -> {
                    assertThat(e.limit()).isEqualTo(UdsTimeoutException.Limit.OVERALL);
                    assertThat(e.pendingAnswers()).isGreaterThanOrEqualTo(1);
                    assertThat(e.getMessage()).contains("overall cap of 300 ms");
                });
    }

    @Test
    void aSilentServerTimesOutAfterP2() {
        h.close();
        h = Harness.start(Harness.CONFIG.withTransportAllowance(Duration.ofMillis(30)));
        h.ecu.silent();
        assertThatThrownBy(() -> h.client.readDid(0xF190)).isInstanceOfSatisfying(UdsTimeoutException.class, e -> {
            assertThat(e.limit()).isEqualTo(UdsTimeoutException.Limit.P2);
            assertThat(e.waited()).isEqualTo(Duration.ofMillis(80));
            assertThat(e.serviceId()).isEqualTo(0x22);
            assertThat(e.getMessage()).contains("no response to ReadDataByIdentifier (0x22) within P2 = 80 ms");
        });
    }

    @Test
    void everyNegativeResponseIsReportedWithItsName() {
        for (Nrc nrc : Nrc.values()) {
            if (nrc == Nrc.RESPONSE_PENDING) {
                continue;
            }
            h.ecu.on(0x22, r -> Reply.of(new byte[] {0x7F, 0x22, (byte) nrc.code()}));
            assertThatThrownBy(() -> h.client.readDid(0xF190)).isInstanceOfSatisfying(
                    UdsNegativeResponseException.class, e -> {
                        assertThat(e.nrc()).isEqualTo(nrc.code());
                        assertThat(e.nrcName()).isEqualTo(nrc.isoName());
                        assertThat(e.getMessage()).endsWith(nrc.isoName());
                    });
        }
        h.ecu.on(0x22, r -> Reply.hex("7F 22 F3"));
        assertThatThrownBy(() -> h.client.readDid(0xF190)).isInstanceOfSatisfying(UdsNegativeResponseException.class,
                e -> assertThat(e.nrcName()).isEqualTo("vehicleManufacturerSpecificConditionsNotCorrect"));
    }

    @Test
    void rawExchangeReturnsNegativeResponsesAsValues() {
        Optional<UdsResponse> r = h.client.exchange(Hex.parse("22 1234"));
        assertThat(r).isPresent();
        assertThat(r.get().isNegative()).isTrue();
        assertThat(r.get().nrc()).isEqualTo(0x31);
        assertThat(r.get().toString()).isEqualTo("7F 22 31 (requestOutOfRange)");
    }

    @Test
    void aResponseToAnotherServiceIsUnexpected() {
        h.ecu.on(0x22, r -> Reply.hex("50 03 00 32 01 F4"));
        assertThatThrownBy(() -> h.client.readDid(0xF190)).isInstanceOf(UdsUnexpectedResponseException.class)
                .hasMessageContaining("positive response to DiagnosticSessionControl (0x10)");
        h.ecu.on(0x22, r -> Reply.hex("7F 10 22"));
        assertThatThrownBy(() -> h.client.readDid(0xF190)).isInstanceOf(UdsUnexpectedResponseException.class)
                .hasMessageContaining("negative response to DiagnosticSessionControl (0x10)");
        h.ecu.on(0x22, r -> Reply.hex("62 F1 91 00"));
        assertThatThrownBy(() -> h.client.readDid(0xF190)).isInstanceOf(UdsUnexpectedResponseException.class)
                .hasMessageContaining("DID F191 was not requested");
    }

    @Test
    void malformedResponsesAreReported() {
        h.ecu.on(0x22, r -> Reply.hex("62 F1 90 41 42"));
        assertThatThrownBy(() -> h.client.readDid(0xF190)).isInstanceOf(UdsMalformedResponseException.class)
                .hasMessageContaining("value of DID F190 (ascii:17) needs 17 bytes, 2 left");
        h.ecu.on(0x22, r -> Reply.hex("7F 22"));
        assertThatThrownBy(() -> h.client.readDid(0xF190)).isInstanceOf(UdsMalformedResponseException.class)
                .hasMessageContaining("negative response needs 3 bytes");
    }

    @Test
    void aLateResponseFromATimedOutRequestIsNotTakenForTheNextOne() {
        h.close();
        h = Harness.start(Harness.CONFIG.withTransportAllowance(Duration.ofMillis(1000)));
        CountDownLatch release = new CountDownLatch(1);
        h.ecu.on(0x22, r -> {
            if ((r.bytes()[2] & 0xFF) == 0x90) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Reply.hex("62 F1 90 " + Hex.compact(FakeEcu.VIN.getBytes()));
            }
            return null;
        });
        assertThatThrownBy(() -> h.client.readDid(0xF190)).isInstanceOf(UdsTimeoutException.class);
        release.countDown();
        // The late VIN comes before the answer to the next request (the ECU answers in order),
        // whether it is still queued when the request starts or arrives while it waits.
        h.client.testerPresent();
        assertThat(h.client.discardedResponses()).isEqualTo(1);
        assertThat(h.client.readDid(0xF18C).value().display()).isEqualTo("SN-000123");
    }

    @Test
    void suppressedPositiveResponseWaitsOnlyForANegativeOne() {
        h.client.changeSessionSuppressed(DiagnosticSessionControl.EXTENDED, Addressing.PHYSICAL);
        assertThat(h.ecu.requests(0x10).get(0).bytes()).containsExactly(0x10, 0x83);
        assertThat(h.client.session()).isEqualTo(3);
        assertThat(h.client.keepAliveRunning()).isTrue();
        assertThat(h.frames(0x7E8, 0x06, 0x50)).isEmpty(); // the server did suppress its answer

        // A refusal still comes and is reported.
        assertThatThrownBy(() -> h.client.changeSessionSuppressed(0x55, Addressing.PHYSICAL))
                .isInstanceOfSatisfying(UdsNegativeResponseException.class, e -> assertThat(e.nrc()).isEqualTo(0x12));
        assertThat(h.client.session()).isEqualTo(3);
    }

    @Test
    void suppressedRequestAfterResponsePendingGetsItsFinalAnswer() {
        h.ecu.routine(0x0303, q -> Reply.pending(0x31, 2, Duration.ofMillis(10), Hex.parse("71 01 0303 07")));
        Optional<RoutineControl.Response> r = h.client.execute(
                new RoutineControl.Request(RoutineControl.START, 0x0303, new byte[0], true), Addressing.PHYSICAL);
        assertThat(r).map(RoutineControl.Response::statusRecord).hasValueSatisfying(s -> assertThat(s).containsExactly(7));
    }

    @Test
    void suppressedWithoutWaitingReturnsAtOnce() {
        h.close();
        h = Harness.start(Harness.CONFIG.withAwaitNrcWhenSuppressed(false));
        h.client.changeSessionSuppressed(0x55, Addressing.PHYSICAL); // refused, but nobody waits
        // The stray refusal is dropped, before the next request or while it waits.
        assertThat(h.client.readDid(0xF18C).value().display()).isEqualTo("SN-000123");
        assertThat(h.client.discardedResponses()).isEqualTo(1);
    }

    @Test
    void requestRejectsSuppressedRequests() {
        assertThatThrownBy(() -> h.client.request(new TesterPresent.Request(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("execute()");
    }

    @Test
    void functionalSessionChangeIsAnsweredOnThePhysicalChannel() {
        DiagnosticSessionControl.Response r = h.client.changeSession(DiagnosticSessionControl.EXTENDED,
                Addressing.FUNCTIONAL);
        assertThat(r.session()).isEqualTo(3);
        assertThat(h.ecu.requests(0x10)).singleElement().matches(FakeEcu.Received::functional);
        await().atMost(Duration.ofSeconds(5)).until(() -> h.frames(0x7DF, 0x02, 0x10, 0x03).size() == 1);
    }

    @Test
    void functionalRequestsNeedAFunctionalChannel() {
        try (UdsClient client = new UdsClient(h.physical, Harness.CONFIG)) {
            assertThatThrownBy(() -> client.changeSession(3, Addressing.FUNCTIONAL))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("functional channel");
        }
    }

    @Test
    void concurrentRequestsAreSerializedAndAllComplete() throws Exception {
        h.close();
        h = Harness.start(Harness.CONFIG.withTesterPresentPeriod(Duration.ofMillis(5)));
        h.client.changeSession(DiagnosticSessionControl.EXTENDED); // keep-alive queues among them
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        h.ecu.on(0x22, r -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            inFlight.decrementAndGet();
            return null;
        });
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int did = t % 2 == 0 ? 0xF190 : 0xF18C;
                tasks.add(() -> {
                    List<String> got = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        got.add(h.client.readDid(did).value().display());
                    }
                    return got;
                });
            }
            List<String> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<String>> f : pool.invokeAll(tasks)) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(threads * each);
            assertThat(all).containsOnly(FakeEcu.VIN, "SN-000123");
            assertThat(all.stream().filter(FakeEcu.VIN::equals)).hasSize(threads / 2 * each);
        } finally {
            pool.shutdownNow();
        }
        assertThat(h.ecu.requests(0x22)).hasSize(threads * each);
        assertThat(maxInFlight.get()).isEqualTo(1);
        assertThat(h.client.discardedResponses()).isZero();
    }

    @Test
    void keepAliveNeverInterleavesWithAPendingRequest() {
        h.close();
        h = Harness.start(Harness.CONFIG.withTesterPresentPeriod(Duration.ofMillis(10)));
        h.client.changeSession(DiagnosticSessionControl.EXTENDED);
        await().atMost(Duration.ofSeconds(10)).until(() -> h.client.keepAlivesSent() >= 1);
        h.ecu.routine(0x0202, q -> Reply.pending(0x31, 10, Duration.ofMillis(20), Hex.parse("71 01 0202")));
        h.client.routine(RoutineControl.START, 0x0202, new byte[0]);
        List<FakeEcu.Received> log = h.ecu.requests();
        int routineAt = log.indexOf(h.ecu.requests(0x31).get(0));
        long routineStart = log.get(routineAt).nanoTime();
        assertThat(h.ecu.requests(0x31)).hasSize(1);
        // No TesterPresent reached the ECU between the routine request and its answer (~200 ms).
        long routineEnd = routineStart + Duration.ofMillis(180).toNanos();
        assertThat(log.stream().filter(r -> r.sid() == 0x3E && r.nanoTime() > routineStart && r.nanoTime() < routineEnd))
                .isEmpty();
    }

    @Test
    void downloadWrapsTheBlockCounterAndHonoursMaxBlockLength() {
        h.client.changeSession(DiagnosticSessionControl.PROGRAMMING);
        h.ecu.maxBlockLength(10); // 8 data bytes per block
        byte[] data = new byte[8 * 300 + 5];
        new java.util.Random(42).nextBytes(data);
        List<Integer> progress = new ArrayList<>();
        TransferSummary summary = h.client.download(MemoryLocation.of(0x00100000, data.length, 4, 4), 0x00, data,
                (blocks, done, total) -> progress.add(blocks));
        assertThat(summary.blocks()).isEqualTo(301);
        assertThat(summary.maxBlockLength()).isEqualTo(10);
        assertThat(h.ecu.downloaded()).isEqualTo(data);
        assertThat(h.ecu.transferExited()).isTrue();
        List<Integer> counters = h.ecu.blockCounters();
        assertThat(counters.subList(0, 3)).containsExactly(1, 2, 3);
        assertThat(counters.subList(254, 258)).containsExactly(0xFF, 0x00, 0x01, 0x02);
        assertThat(counters.get(300)).isEqualTo(301 & 0xFF);
        assertThat(progress).hasSize(301).endsWith(301);
        byte[] request = h.ecu.requests(0x34).get(0).bytes();
        assertThat(request).containsExactly(Hex.parse("34 00 44 00100000 00000965"));
    }

    @Test
    void downloadStopsAtARefusedBlock() {
        h.client.changeSession(DiagnosticSessionControl.PROGRAMMING);
        h.ecu.maxBlockLength(10);
        AtomicInteger seen = new AtomicInteger();
        h.ecu.on(0x36, r -> seen.incrementAndGet() == 3 ? Reply.hex("7F 36 72") : null);
        assertThatThrownBy(() -> h.client.download(MemoryLocation.of(0, 80), 0, new byte[80], TransferProgress.NONE))
                .isInstanceOfSatisfying(UdsNegativeResponseException.class, e -> {
                    assertThat(e.serviceId()).isEqualTo(0x36);
                    assertThat(e.nrcName()).isEqualTo("generalProgrammingFailure");
                });
        assertThat(h.ecu.requests(0x37)).isEmpty();
    }

    @Test
    void uploadReadsBlocksUntilTheSize() {
        byte[] content = new byte[100];
        new java.util.Random(7).nextBytes(content);
        h.ecu.memory(0x2000, content).maxBlockLength(0x22);
        byte[] got = h.client.upload(MemoryLocation.of(0x2000, 100), 0, TransferProgress.NONE);
        assertThat(got).isEqualTo(content);
        assertThat(h.ecu.requests(0x36)).hasSize(4);
        assertThat(h.ecu.transferExited()).isTrue();
    }

    @Test
    void memoryReadAndWrite() {
        h.client.writeMemory(MemoryLocation.of(0x1234, 4), Hex.parse("DEADBEEF"));
        assertThat(h.ecu.requests(0x3D).get(0).bytes()).containsExactly(Hex.parse("3D 12 1234 04 DEADBEEF"));
        assertThat(h.client.readMemory(MemoryLocation.of(0x1232, 8))).containsExactly(Hex.parse("0000DEADBEEF0000"));
    }

    @Test
    void dtcServices() {
        assertThat(h.client.dtcCount(0xFF).count()).isEqualTo(2);
        ReadDtcInformation.DtcList list = h.client.dtcs(0x08);
        assertThat(list.dtcs()).extracting(d -> d.dtc().toString()).containsExactly("P0301-00", "U0145-87");
        assertThat(list.dtcs().get(0).status().confirmed()).isTrue();
        assertThat(h.client.supportedDtcs().dtcs()).hasSize(3);
        assertThat(h.client.snapshotIdentification().ids()).hasSize(2);
        // Snapshot DID 0110 has no configured length, and another DID follows it in the record.
        assertThatThrownBy(() -> h.client.snapshots(Dtc.parse("P0301-00"), 0xFF))
                .isInstanceOf(UdsMalformedResponseException.class)
                .hasMessageContaining("snapshot DID 0110 has no fixed length (codec raw) and more DIDs follow");
        try (UdsClient configured = new UdsClient(h.physical, Harness.CONFIG.withCodec(0x0110, DidCodec.unsigned(2)))) {
            ReadDtcInformation.Snapshots snapshots = configured.snapshots(Dtc.parse("P0301-00"), 0xFF);
            assertThat(snapshots.dtc().status().bits()).isEqualTo(0x2F);
            assertThat(snapshots.records()).extracting(ReadDtcInformation.SnapshotRecord::recordNumber).containsExactly(1, 2);
            assertThat(snapshots.records().get(0).values()).extracting(DidValue::toString)
                    .containsExactly("0110 = 650", "F186 = 3");
            assertThat(snapshots.records().get(1).values().get(0).value().display()).isEqualTo(FakeEcu.VIN);
        }
        ReadDtcInformation.ExtendedData ext = h.client.extendedData(Dtc.parse("P0301"), 0xFF);
        assertThat(ext.records()).hasSize(1); // sizes unknown: the first record runs to the end
        h.client.clearDtcs(ClearDiagnosticInformation.ALL_GROUPS);
        assertThat(h.client.dtcCount(0xFF).count()).isZero();
    }

    @Test
    void extendedDataRecordsSplitWithConfiguredSizes() {
        h.close();
        h = Harness.start(Harness.CONFIG.withDtcExtendedDataSizes(java.util.Map.of(1, 3, 2, 3)));
        ReadDtcInformation.ExtendedData ext = h.client.extendedData(Dtc.parse("P0301-00"), 0xFF);
        assertThat(ext.records()).extracting(ReadDtcInformation.ExtendedDataRecord::recordNumber).containsExactly(1, 2);
        assertThat(ext.records().get(1).data()).containsExactly(0xAA, 0xBB, 0xCC);
    }

    @Test
    void otherServicesRoundTrip() {
        h.client.communicationControl(CommunicationControl.DISABLE_RX_AND_TX, CommunicationControl.NORMAL_MESSAGES);
        h.client.controlDtcSetting(ControlDtcSetting.OFF);
        InputOutputControlByIdentifier.Response io = h.client.request(new InputOutputControlByIdentifier.Request(
                0x9B00, InputOutputControlByIdentifier.SHORT_TERM_ADJUSTMENT, Hex.parse("0A")));
        assertThat(io.controlStatus()).containsExactly(0x0A);
        h.client.testerPresent();
        assertThat(h.ecu.requests()).extracting(r -> Hex.format(r.bytes()))
                .containsExactly("28 03 01", "85 02", "2F 9B 00 03 0A", "3E 00");
    }

    @Test
    void aClosedChannelIsATransportFailure() {
        h.physical.close();
        assertThatThrownBy(() -> h.client.readDid(0xF190)).isInstanceOf(UdsTransportException.class)
                .hasMessageContaining("ReadDataByIdentifier (0x22)");
    }

    @Test
    void anUnansweredMultiFrameRequestIsATransportFailure() {
        h.ecu.close(); // nobody sends flow control
        try (dev.obdio.isotp.IsoTpChannel quick = dev.obdio.isotp.IsoTp.open(h.clientBus,
                dev.obdio.isotp.IsoTpOptions.DEFAULTS.withAddress(dev.obdio.isotp.IsoTpAddress.normal11(0x7E0, 0x7E8))
                        .withTimeouts(Duration.ofMillis(300)), dev.obdio.isotp.IsoTp.Engine.JAVA);
             UdsClient client = new UdsClient(quick, Harness.CONFIG)) {
            assertThatThrownBy(() -> client.writeMemory(MemoryLocation.of(0, 32), new byte[32]))
                    .isInstanceOf(UdsTransportException.class).hasMessageContaining("not sent")
                    .hasMessageContaining("no flow control within N_Bs = 300 ms");
        }
    }
}
