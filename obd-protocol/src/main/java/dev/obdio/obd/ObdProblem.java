package dev.obdio.obd;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Why an answer gave no value. Problems are values carried by {@link ObdResponse#problems()}, not
 * exceptions: a refused or malformed answer from one ECU never stops the others from decoding.
 */
public sealed interface ObdProblem {

    /** One line for people, e.g. {@code "ECU 7E8 refused service 01: 0x12 subFunctionNotSupported"}. */
    String describe();

    /**
     * The ECU refused the request: {@code 7F <service> <code>}.
     *
     * @param message the answer
     * @param service the refused service (mode), -1 if the answer was too short to say
     * @param code    the negative response code, -1 if the answer was too short to say
     */
    record NegativeResponse(EcuMessage message, int service, int code) implements ObdProblem {
        private static final Map<Integer, String> NAMES = Map.ofEntries(
                Map.entry(0x10, "generalReject"), Map.entry(0x11, "serviceNotSupported"),
                Map.entry(0x12, "subFunctionNotSupported"), Map.entry(0x13, "incorrectMessageLengthOrInvalidFormat"),
                Map.entry(0x14, "responseTooLong"), Map.entry(0x21, "busyRepeatRequest"),
                Map.entry(0x22, "conditionsNotCorrect"), Map.entry(0x24, "requestSequenceError"),
                Map.entry(0x25, "noResponseFromSubnetComponent"),
                Map.entry(0x26, "failurePreventsExecutionOfRequestedAction"), Map.entry(0x31, "requestOutOfRange"),
                Map.entry(0x33, "securityAccessDenied"), Map.entry(0x35, "invalidKey"),
                Map.entry(0x36, "exceedNumberOfAttempts"), Map.entry(0x37, "requiredTimeDelayNotExpired"),
                Map.entry(0x78, "requestCorrectlyReceived-ResponsePending"),
                Map.entry(0x7E, "subFunctionNotSupportedInActiveSession"),
                Map.entry(0x7F, "serviceNotSupportedInActiveSession"));

        /** Validates. */
        public NegativeResponse {
            Objects.requireNonNull(message, "message");
        }

        /** The ISO 14229 name of {@link #code()}, or {@code "unknown"}. */
        public String codeName() {
            return NAMES.getOrDefault(code, "unknown");
        }

        @Override
        public String describe() {
            if (code < 0) {
                return source(message) + " sent a truncated negative response " + message.hex();
            }
            return String.format(Locale.ROOT, "%s refused service %02X: 0x%02X %s", source(message), service, code,
                    codeName());
        }
    }

    /**
     * The answer does not fit the request (another service or PID, no data bytes, too short).
     *
     * @param message the answer
     * @param reason  what is wrong
     */
    record MalformedResponse(EcuMessage message, String reason) implements ObdProblem {
        /** Validates. */
        public MalformedResponse {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return source(message) + " answer " + message.hex() + " ignored: " + reason;
        }
    }

    /**
     * The decoder failed on the answers (only custom decoders can; the standard ones never throw).
     *
     * @param decoder the decoder's name
     * @param reason  the failure
     */
    record DecoderFailure(String decoder, String reason) implements ObdProblem {
        /** Validates. */
        public DecoderFailure {
            Objects.requireNonNull(decoder, "decoder");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "decoder " + decoder + " failed: " + reason;
        }
    }

    /**
     * The request was not sent: the command is not supported (and not forced), clearing DTCs was
     * not confirmed, the command is an ELM327 adapter command, or the connection is closed.
     *
     * @param reason why
     */
    record NotSent(String reason) implements ObdProblem {
        /** Validates. */
        public NotSent {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "not sent: " + reason;
        }
    }

    /**
     * The bus or ISO-TP failed: the request could not be sent (interface down), or an answer was
     * lost on the way in (a consecutive frame timed out, a wrong sequence number).
     *
     * @param reason what failed
     */
    record TransportFailure(String reason) implements ObdProblem {
        /** Validates. */
        public TransportFailure {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return reason;
        }
    }

    private static String source(EcuMessage m) {
        String id = m.sourceId() == EcuMessage.UNKNOWN_SOURCE ? ""
                : " " + Integer.toHexString(m.sourceId()).toUpperCase(Locale.ROOT);
        return "ECU" + id + " (" + m.role().name().toLowerCase(Locale.ROOT) + ")";
    }
}
