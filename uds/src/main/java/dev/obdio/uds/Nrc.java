package dev.obdio.uds;

import java.util.Optional;

/**
 * Negative response codes of ISO 14229-1, the one table of their values and names. An NRC not in
 * the table is still described by its range ({@link #describe(int)}).
 */
public enum Nrc {
    /** 0x10. */
    GENERAL_REJECT(0x10, "generalReject"),
    /** 0x11. */
    SERVICE_NOT_SUPPORTED(0x11, "serviceNotSupported"),
    /** 0x12. */
    SUB_FUNCTION_NOT_SUPPORTED(0x12, "subFunctionNotSupported"),
    /** 0x13. */
    INCORRECT_MESSAGE_LENGTH_OR_INVALID_FORMAT(0x13, "incorrectMessageLengthOrInvalidFormat"),
    /** 0x14. */
    RESPONSE_TOO_LONG(0x14, "responseTooLong"),
    /** 0x21. */
    BUSY_REPEAT_REQUEST(0x21, "busyRepeatRequest"),
    /** 0x22. */
    CONDITIONS_NOT_CORRECT(0x22, "conditionsNotCorrect"),
    /** 0x24. */
    REQUEST_SEQUENCE_ERROR(0x24, "requestSequenceError"),
    /** 0x25. */
    NO_RESPONSE_FROM_SUBNET_COMPONENT(0x25, "noResponseFromSubnetComponent"),
    /** 0x26. */
    FAILURE_PREVENTS_EXECUTION_OF_REQUESTED_ACTION(0x26, "failurePreventsExecutionOfRequestedAction"),
    /** 0x31. */
    REQUEST_OUT_OF_RANGE(0x31, "requestOutOfRange"),
    /** 0x33. */
    SECURITY_ACCESS_DENIED(0x33, "securityAccessDenied"),
    /** 0x34 (ISO 14229-1:2020). */
    AUTHENTICATION_REQUIRED(0x34, "authenticationRequired"),
    /** 0x35. */
    INVALID_KEY(0x35, "invalidKey"),
    /** 0x36. */
    EXCEEDED_NUMBER_OF_ATTEMPTS(0x36, "exceedNumberOfAttempts"),
    /** 0x37. */
    REQUIRED_TIME_DELAY_NOT_EXPIRED(0x37, "requiredTimeDelayNotExpired"),
    /** 0x38 (2020). */
    SECURE_DATA_TRANSMISSION_REQUIRED(0x38, "secureDataTransmissionRequired"),
    /** 0x39 (2020). */
    SECURE_DATA_TRANSMISSION_NOT_ALLOWED(0x39, "secureDataTransmissionNotAllowed"),
    /** 0x3A (2020). */
    SECURE_DATA_VERIFICATION_FAILED(0x3A, "secureDataVerificationFailed"),
    /** 0x50 (2020). */
    CERTIFICATE_VERIFICATION_FAILED_INVALID_TIME_PERIOD(0x50, "certificateVerificationFailedInvalidTimePeriod"),
    /** 0x51 (2020). */
    CERTIFICATE_VERIFICATION_FAILED_INVALID_SIGNATURE(0x51, "certificateVerificationFailedInvalidSignature"),
    /** 0x52 (2020). */
    CERTIFICATE_VERIFICATION_FAILED_INVALID_CHAIN_OF_TRUST(0x52, "certificateVerificationFailedInvalidChainOfTrust"),
    /** 0x53 (2020). */
    CERTIFICATE_VERIFICATION_FAILED_INVALID_TYPE(0x53, "certificateVerificationFailedInvalidType"),
    /** 0x54 (2020). */
    CERTIFICATE_VERIFICATION_FAILED_INVALID_FORMAT(0x54, "certificateVerificationFailedInvalidFormat"),
    /** 0x55 (2020). */
    CERTIFICATE_VERIFICATION_FAILED_INVALID_CONTENT(0x55, "certificateVerificationFailedInvalidContent"),
    /** 0x56 (2020). */
    CERTIFICATE_VERIFICATION_FAILED_INVALID_SCOPE(0x56, "certificateVerificationFailedInvalidScope"),
    /** 0x57 (2020). */
    CERTIFICATE_VERIFICATION_FAILED_INVALID_CERTIFICATE(0x57, "certificateVerificationFailedInvalidCertificate"),
    /** 0x58 (2020). */
    OWNERSHIP_VERIFICATION_FAILED(0x58, "ownershipVerificationFailed"),
    /** 0x59 (2020). */
    CHALLENGE_CALCULATION_FAILED(0x59, "challengeCalculationFailed"),
    /** 0x5A (2020). */
    SETTING_ACCESS_RIGHTS_FAILED(0x5A, "settingAccessRightsFailed"),
    /** 0x5B (2020). */
    SESSION_KEY_CREATION_DERIVATION_FAILED(0x5B, "sessionKeyCreationDerivationFailed"),
    /** 0x5C (2020). */
    CONFIGURATION_DATA_USAGE_FAILED(0x5C, "configurationDataUsageFailed"),
    /** 0x5D (2020). */
    DEAUTHENTICATION_FAILED(0x5D, "deAuthenticationFailed"),
    /** 0x70. */
    UPLOAD_DOWNLOAD_NOT_ACCEPTED(0x70, "uploadDownloadNotAccepted"),
    /** 0x71. */
    TRANSFER_DATA_SUSPENDED(0x71, "transferDataSuspended"),
    /** 0x72. */
    GENERAL_PROGRAMMING_FAILURE(0x72, "generalProgrammingFailure"),
    /** 0x73. */
    WRONG_BLOCK_SEQUENCE_COUNTER(0x73, "wrongBlockSequenceCounter"),
    /** 0x78: the server needs more time; the client waits P2* for the final answer. */
    RESPONSE_PENDING(0x78, "requestCorrectlyReceived-ResponsePending"),
    /** 0x7E. */
    SUB_FUNCTION_NOT_SUPPORTED_IN_ACTIVE_SESSION(0x7E, "subFunctionNotSupportedInActiveSession"),
    /** 0x7F. */
    SERVICE_NOT_SUPPORTED_IN_ACTIVE_SESSION(0x7F, "serviceNotSupportedInActiveSession"),
    /** 0x81. */
    RPM_TOO_HIGH(0x81, "rpmTooHigh"),
    /** 0x82. */
    RPM_TOO_LOW(0x82, "rpmTooLow"),
    /** 0x83. */
    ENGINE_IS_RUNNING(0x83, "engineIsRunning"),
    /** 0x84. */
    ENGINE_IS_NOT_RUNNING(0x84, "engineIsNotRunning"),
    /** 0x85. */
    ENGINE_RUN_TIME_TOO_LOW(0x85, "engineRunTimeTooLow"),
    /** 0x86. */
    TEMPERATURE_TOO_HIGH(0x86, "temperatureTooHigh"),
    /** 0x87. */
    TEMPERATURE_TOO_LOW(0x87, "temperatureTooLow"),
    /** 0x88. */
    VEHICLE_SPEED_TOO_HIGH(0x88, "vehicleSpeedTooHigh"),
    /** 0x89. */
    VEHICLE_SPEED_TOO_LOW(0x89, "vehicleSpeedTooLow"),
    /** 0x8A. */
    THROTTLE_PEDAL_TOO_HIGH(0x8A, "throttle/PedalTooHigh"),
    /** 0x8B. */
    THROTTLE_PEDAL_TOO_LOW(0x8B, "throttle/PedalTooLow"),
    /** 0x8C. */
    TRANSMISSION_RANGE_NOT_IN_NEUTRAL(0x8C, "transmissionRangeNotInNeutral"),
    /** 0x8D. */
    TRANSMISSION_RANGE_NOT_IN_GEAR(0x8D, "transmissionRangeNotInGear"),
    /** 0x8F. */
    BRAKE_SWITCH_NOT_CLOSED(0x8F, "brakeSwitchNotClosed"),
    /** 0x90. */
    SHIFTER_LEVER_NOT_IN_PARK(0x90, "shifterLeverNotInPark"),
    /** 0x91. */
    TORQUE_CONVERTER_CLUTCH_LOCKED(0x91, "torqueConverterClutchLocked"),
    /** 0x92. */
    VOLTAGE_TOO_HIGH(0x92, "voltageTooHigh"),
    /** 0x93. */
    VOLTAGE_TOO_LOW(0x93, "voltageTooLow"),
    /** 0x94 (2020). */
    RESOURCE_TEMPORARILY_NOT_AVAILABLE(0x94, "resourceTemporarilyNotAvailable");

    private static final Nrc[] BY_CODE = new Nrc[256];

    static {
        for (Nrc n : values()) {
            BY_CODE[n.code] = n;
        }
    }

    private final int code;
    private final String isoName;

    Nrc(int code, String isoName) {
        this.code = code;
        this.isoName = isoName;
    }

    /** The code, 0x10..0xFF. */
    public int code() {
        return code;
    }

    /** The name ISO 14229-1 gives the code, e.g. {@code requestOutOfRange}. */
    public String isoName() {
        return isoName;
    }

    /** The NRC with a code. */
    public static Optional<Nrc> byCode(int code) {
        return code >= 0 && code < 256 ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }

    /**
     * The NRC with an ISO name (case-insensitive, {@code securityAccessDenied}) or an enum constant
     * name ({@code SECURITY_ACCESS_DENIED}).
     */
    public static Optional<Nrc> byName(String name) {
        for (Nrc n : values()) {
            if (n.isoName.equalsIgnoreCase(name) || n.name().equalsIgnoreCase(name)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** The name of a code: the table's, or its range's for codes the table does not list. */
    public static String nameOf(int code) {
        Optional<Nrc> known = byCode(code);
        if (known.isPresent()) {
            return known.get().isoName;
        }
        if (code >= 0xF0 && code <= 0xFE) {
            return "vehicleManufacturerSpecificConditionsNotCorrect";
        }
        if (code >= 0x38 && code <= 0x4F) {
            return "reservedByExtendedDataLinkSecurityDocument";
        }
        return "ISOSAEReserved";
    }

    /** {@code 0x31 requestOutOfRange}. */
    public static String describe(int code) {
        return String.format("0x%02X %s", code & 0xFF, nameOf(code));
    }
}
