package dev.obdio.obd;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How an {@link ObdConnection} talks to the vehicle, immutable. Start from {@link #DEFAULTS}:
 *
 * <pre>{@code
 * ObdOptions o = ObdOptions.DEFAULTS.withAddressing(ObdAddressing.CAN_29_BIT).withBitrate(250_000);
 * }</pre>
 *
 * @param addressing        11- or 29-bit identifiers, or detect them ({@link ObdAddressing#AUTO})
 * @param bitrate           the bus bit rate, 500000 or 250000; only shown in the protocol name
 *                          ({@code "ISO 15765-4 (CAN 11/500)"}), obdio does not configure the interface
 * @param p2                how long to wait for an ECU to start answering (P2CAN, 50 ms); the window
 *                          for a request closes {@code p2} after the last answer started, or as soon
 *                          as every ECU known to answer it has answered
 * @param p2Star            how long to wait after an ECU said "response pending" (NRC 0x78), each
 *                          time it says so (P2*CAN, 5 s)
 * @param physicalEcu       send every request physically to this one ECU, named by the CAN id it
 *                          answers on ({@code 0x7E8}..{@code 0x7EF}, or {@code 0x18DAF1xx}); empty
 *                          for functional requests to all ECUs (the default, as an ELM327 does)
 * @param txPadding         the byte our frames are padded to 8 bytes with (ISO 15765-4 wants 8-byte
 *                          frames; 0xCC is ISO 15765-2's and the Linux kernel's choice); empty to
 *                          send frames only as long as their content
 * @param reconnectInterval how often a watch loop that lost the vehicle or the interface asks again
 * @param maxPidsPerRequest how many mode 01 PIDs one request may carry, 1..6 (1 never batches)
 */
public record ObdOptions(ObdAddressing addressing, int bitrate, Duration p2, Duration p2Star,
                         OptionalInt physicalEcu, OptionalInt txPadding, Duration reconnectInterval,
                         int maxPidsPerRequest) {

    private static final Duration MAX_WAIT = Duration.ofMinutes(1);

    /** Auto-detected ids, 500 kbit/s, P2 50 ms, P2* 5 s, functional requests, 0xCC padding, 1 s, 6 PIDs. */
    public static final ObdOptions DEFAULTS = new ObdOptions(ObdAddressing.AUTO, 500_000, Duration.ofMillis(50),
            Duration.ofSeconds(5), OptionalInt.empty(), OptionalInt.of(0xCC), Duration.ofSeconds(1),
            MultiPidRequest.MAX_PIDS);

    /** Validates. */
    public ObdOptions {
        Objects.requireNonNull(addressing, "addressing");
        ObdProtocol.of(false, bitrate); // checks the bit rate
        checkWait("p2", p2);
        checkWait("p2Star", p2Star);
        checkWait("reconnectInterval", reconnectInterval);
        Objects.requireNonNull(physicalEcu, "physicalEcu");
        Objects.requireNonNull(txPadding, "txPadding");
        if (physicalEcu.isPresent()) {
            IdScheme scheme = IdScheme.ofResponseId(physicalEcu.getAsInt()).orElseThrow(() ->
                    new IllegalArgumentException(String.format("physicalEcu 0x%X is not an OBD answer id "
                            + "(0x7E8..0x7EF or 0x18DAF100..0x18DAF1FF)", physicalEcu.getAsInt())));
            if (addressing != ObdAddressing.AUTO && addressing != scheme.addressing()) {
                throw new IllegalArgumentException(String.format("physicalEcu 0x%X does not fit %s",
                        physicalEcu.getAsInt(), addressing));
            }
        }
        if (txPadding.isPresent() && (txPadding.getAsInt() < 0 || txPadding.getAsInt() > 0xFF)) {
            throw new IllegalArgumentException("txPadding must be a byte 0x00..0xFF, not " + txPadding.getAsInt());
        }
        if (maxPidsPerRequest < 1 || maxPidsPerRequest > MultiPidRequest.MAX_PIDS) {
            throw new IllegalArgumentException("maxPidsPerRequest must be 1.." + MultiPidRequest.MAX_PIDS + ", not "
                    + maxPidsPerRequest);
        }
    }

    private static void checkWait(String field, Duration d) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException(field + " must be more than 0 and at most 1 minute, not " + d);
        }
    }

    /** With other identifiers. */
    public ObdOptions withAddressing(ObdAddressing value) {
        return new ObdOptions(value, bitrate, p2, p2Star, physicalEcu, txPadding, reconnectInterval,
                maxPidsPerRequest);
    }

    /** With another bit rate (500000 or 250000). */
    public ObdOptions withBitrate(int value) {
        return new ObdOptions(addressing, value, p2, p2Star, physicalEcu, txPadding, reconnectInterval,
                maxPidsPerRequest);
    }

    /** With another P2. */
    public ObdOptions withP2(Duration value) {
        return new ObdOptions(addressing, bitrate, value, p2Star, physicalEcu, txPadding, reconnectInterval,
                maxPidsPerRequest);
    }

    /** With another P2*. */
    public ObdOptions withP2Star(Duration value) {
        return new ObdOptions(addressing, bitrate, p2, value, physicalEcu, txPadding, reconnectInterval,
                maxPidsPerRequest);
    }

    /** Sending every request physically to the ECU answering on {@code responseId} ({@code 0x7E8}, {@code 0x18DAF110}). */
    public ObdOptions withPhysicalEcu(int responseId) {
        return new ObdOptions(addressing, bitrate, p2, p2Star, OptionalInt.of(responseId), txPadding,
                reconnectInterval, maxPidsPerRequest);
    }

    /** Sending functional requests to every ECU (the default). */
    public ObdOptions withFunctionalRequests() {
        return new ObdOptions(addressing, bitrate, p2, p2Star, OptionalInt.empty(), txPadding, reconnectInterval,
                maxPidsPerRequest);
    }

    /** With another padding byte, or none. */
    public ObdOptions withTxPadding(OptionalInt value) {
        return new ObdOptions(addressing, bitrate, p2, p2Star, physicalEcu, value, reconnectInterval,
                maxPidsPerRequest);
    }

    /** With another reconnect interval. */
    public ObdOptions withReconnectInterval(Duration value) {
        return new ObdOptions(addressing, bitrate, p2, p2Star, physicalEcu, txPadding, value, maxPidsPerRequest);
    }

    /** With another limit of PIDs per mode 01 request (1 = never batch). */
    public ObdOptions withMaxPidsPerRequest(int value) {
        return new ObdOptions(addressing, bitrate, p2, p2Star, physicalEcu, txPadding, reconnectInterval, value);
    }
}
