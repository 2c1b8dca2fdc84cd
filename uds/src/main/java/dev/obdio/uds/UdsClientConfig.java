package dev.obdio.uds;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a {@link UdsClient} is configured with, immutable. Start from {@link #DEFAULTS} and
 * change what you need with the {@code withX} methods.
 *
 * <p>Timing: the client waits {@code p2 + transportAllowance} for the first answer to a request
 * and {@code p2Star + transportAllowance} after each response-pending (NRC 0x78), never longer
 * than {@code overallTimeout} in all. P2 and P2* are the server's limits (ISO 14229-2's
 * P2server_max); the allowance is the ΔP2 a client adds for the transport: the request's and
 * the response's time on the bus, which for a segmented response includes all its consecutive
 * frames. With {@code useServerTiming}, the P2 and P2* a DiagnosticSessionControl response
 * announces replace the configured ones from then on.
 *
 * @param p2                      P2 until a server announces its own (default 50 ms)
 * @param p2Star                  P2* until a server announces its own (default 5000 ms)
 * @param transportAllowance      added to P2 and P2* for the transport (default 200 ms)
 * @param overallTimeout          the cap on one request, response-pending answers included (default 30 s)
 * @param testerPresentPeriod     how often {@code 3E 80} keeps a non-default session alive (default
 *                                2 s; zero switches the keep-alive off)
 * @param useServerTiming         adopt the P2/P2* of session-control responses (default true)
 * @param awaitNrcWhenSuppressed  after a request that suppresses its positive response, wait P2 for
 *                                a negative one (default true; udsoncan does not wait unless told)
 * @param codecs                  DID codecs (default {@link DidCodecs#STANDARD})
 * @param keyAlgorithm            SecurityAccess key algorithm (default none)
 * @param dtcExtendedDataSizes    length of each DTC extended data record by record number, for
 *                                ReadDTCInformation 0x06 (default none known: a record of unknown
 *                                length runs to the end of the response)
 */
public record UdsClientConfig(Duration p2, Duration p2Star, Duration transportAllowance, Duration overallTimeout,
                              Duration testerPresentPeriod, boolean useServerTiming, boolean awaitNrcWhenSuppressed,
                              DidCodecs codecs, SecurityKeyAlgorithm keyAlgorithm,
                              Map<Integer, Integer> dtcExtendedDataSizes) {

    /** The defaults described above. */
    public static final UdsClientConfig DEFAULTS = new UdsClientConfig(SessionTiming.DEFAULTS.p2(),
            SessionTiming.DEFAULTS.p2Star(), Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(2),
            true, true, DidCodecs.STANDARD, SecurityKeyAlgorithms.NO_ALGORITHM, Map.of());

    /** Validates and copies. */
    public UdsClientConfig {
        nonNegative("p2", p2);
        nonNegative("p2Star", p2Star);
        nonNegative("transportAllowance", transportAllowance);
        nonNegative("testerPresentPeriod", testerPresentPeriod);
        Checks.notNull("overallTimeout", overallTimeout);
        if (overallTimeout.isNegative() || overallTimeout.isZero()) {
            throw new IllegalArgumentException("overallTimeout must be positive, got " + overallTimeout);
        }
        Checks.notNull("codecs", codecs);
        Checks.notNull("keyAlgorithm", keyAlgorithm);
        Map<Integer, Integer> sizes = new TreeMap<>();
        Checks.notNull("dtcExtendedDataSizes", dtcExtendedDataSizes).forEach((record, size) -> {
            Checks.range("extended data record number", Checks.notNull("record number", record), 1, 0xFE);
            Checks.range("size of extended data record " + record, Checks.notNull("size", size), 0, 0xFFFF);
            sizes.put(record, size);
        });
        dtcExtendedDataSizes = Collections.unmodifiableMap(sizes);
    }

    private static void nonNegative(String field, Duration value) {
        Checks.notNull(field, value);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value);
        }
    }

    /** The configured P2 and P2*. */
    public SessionTiming timing() {
        return new SessionTiming(p2, p2Star);
    }

    /** With another P2. */
    public UdsClientConfig withP2(Duration value) {
        return new UdsClientConfig(value, p2Star, transportAllowance, overallTimeout, testerPresentPeriod,
                useServerTiming, awaitNrcWhenSuppressed, codecs, keyAlgorithm, dtcExtendedDataSizes);
    }

    /** With another P2*. */
    public UdsClientConfig withP2Star(Duration value) {
        return new UdsClientConfig(p2, value, transportAllowance, overallTimeout, testerPresentPeriod,
                useServerTiming, awaitNrcWhenSuppressed, codecs, keyAlgorithm, dtcExtendedDataSizes);
    }

    /** With another transport allowance. */
    public UdsClientConfig withTransportAllowance(Duration value) {
        return new UdsClientConfig(p2, p2Star, value, overallTimeout, testerPresentPeriod,
                useServerTiming, awaitNrcWhenSuppressed, codecs, keyAlgorithm, dtcExtendedDataSizes);
    }

    /** With another overall cap per request. */
    public UdsClientConfig withOverallTimeout(Duration value) {
        return new UdsClientConfig(p2, p2Star, transportAllowance, value, testerPresentPeriod,
                useServerTiming, awaitNrcWhenSuppressed, codecs, keyAlgorithm, dtcExtendedDataSizes);
    }

    /** With another keep-alive period (zero: no keep-alive). */
    public UdsClientConfig withTesterPresentPeriod(Duration value) {
        return new UdsClientConfig(p2, p2Star, transportAllowance, overallTimeout, value,
                useServerTiming, awaitNrcWhenSuppressed, codecs, keyAlgorithm, dtcExtendedDataSizes);
    }

    /** Adopting, or not, the server's P2/P2*. */
    public UdsClientConfig withUseServerTiming(boolean value) {
        return new UdsClientConfig(p2, p2Star, transportAllowance, overallTimeout, testerPresentPeriod,
                value, awaitNrcWhenSuppressed, codecs, keyAlgorithm, dtcExtendedDataSizes);
    }

    /** Waiting, or not, for a negative response to a request that suppresses its positive one. */
    public UdsClientConfig withAwaitNrcWhenSuppressed(boolean value) {
        return new UdsClientConfig(p2, p2Star, transportAllowance, overallTimeout, testerPresentPeriod,
                useServerTiming, value, codecs, keyAlgorithm, dtcExtendedDataSizes);
    }

    /** With other DID codecs. */
    public UdsClientConfig withCodecs(DidCodecs value) {
        return new UdsClientConfig(p2, p2Star, transportAllowance, overallTimeout, testerPresentPeriod,
                useServerTiming, awaitNrcWhenSuppressed, value, keyAlgorithm, dtcExtendedDataSizes);
    }

    /** With one more DID codec. */
    public UdsClientConfig withCodec(int did, DidCodec codec) {
        return withCodecs(codecs.with(did, codec));
    }

    /** With another key algorithm. */
    public UdsClientConfig withKeyAlgorithm(SecurityKeyAlgorithm value) {
        return new UdsClientConfig(p2, p2Star, transportAllowance, overallTimeout, testerPresentPeriod,
                useServerTiming, awaitNrcWhenSuppressed, codecs, value, dtcExtendedDataSizes);
    }

    /** With the key algorithm a registry name gives ({@link SecurityKeyAlgorithms#byName}). */
    public UdsClientConfig withKeyAlgorithm(String spec) {
        return withKeyAlgorithm(SecurityKeyAlgorithms.byName(spec));
    }

    /** With other DTC extended data record sizes. */
    public UdsClientConfig withDtcExtendedDataSizes(Map<Integer, Integer> value) {
        return new UdsClientConfig(p2, p2Star, transportAllowance, overallTimeout, testerPresentPeriod,
                useServerTiming, awaitNrcWhenSuppressed, codecs, keyAlgorithm, value);
    }
}
