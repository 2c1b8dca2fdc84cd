package dev.obdio.cli;

import java.util.Map;

/**
 * UDS (ISO 14229-1) service and negative response names as {@code isotpdump -u} prints them,
 * with its request/response flag: {@code [SRQ] ReadDataByIdentifier},
 * {@code [PSR] ReadDataByIdentifier}, {@code [NRC] requestOutOfRange}, {@code [???] Unknown}.
 *
 * <p>The names are isotpdump's (2020.11), spelling mistakes included, so the output matches it
 * byte for byte; the uds module's {@code UdsService} and {@code Nrc} carry ISO 14229's names for
 * everything else.
 */
final class UdsNames {
    private static final Map<Integer, String> SERVICES = Map.ofEntries(
            Map.entry(0x10, "DiagnosticSessionControl"),
            Map.entry(0x11, "ECUReset"),
            Map.entry(0x14, "ClearDiagnosticInformation"),
            Map.entry(0x19, "ReadDTCInformation"),
            Map.entry(0x22, "ReadDataByIdentifier"),
            Map.entry(0x23, "ReadMemoryByAddress"),
            Map.entry(0x24, "ReadScalingDataByIdentifier"),
            Map.entry(0x27, "SecurityAccess"),
            Map.entry(0x28, "CommunicationControl"),
            Map.entry(0x2A, "ReadDataByPeriodicIdentifier"),
            Map.entry(0x2C, "DynamicallyDefineDataIdentifier"),
            Map.entry(0x2E, "WriteDataByIdentifier"),
            Map.entry(0x2F, "InputOutputControlByIdentifier"),
            Map.entry(0x31, "RoutineControl"),
            Map.entry(0x34, "RequestDownload"),
            Map.entry(0x35, "RequestUpload"),
            Map.entry(0x36, "TransferData"),
            Map.entry(0x37, "RequestTransferExit"),
            Map.entry(0x38, "RequestFileTransfer"),
            Map.entry(0x3D, "WriteMemoryByAddress"),
            Map.entry(0x3E, "TesterPresent"),
            Map.entry(0x83, "AccessTimingParameter"),
            Map.entry(0x84, "SecuredDataTransmision"), // sic, as isotpdump prints it
            Map.entry(0x85, "ControlDTCSetting"),
            Map.entry(0x86, "ResponseOnEvent"),
            Map.entry(0x87, "LinkControl"));

    private static final Map<Integer, String> NRCS = Map.ofEntries(
            Map.entry(0x00, "positiveResponse"),
            Map.entry(0x10, "generalReject"),
            Map.entry(0x11, "serviceNotSupported"),
            Map.entry(0x12, "sub-functionNotSupported"),
            Map.entry(0x13, "incorrectMessageLengthOrInvalidFormat"),
            Map.entry(0x14, "responseTooLong"),
            Map.entry(0x21, "busyRepeatRequest"),
            Map.entry(0x22, "conditionsNotCorrect"),
            Map.entry(0x24, "requestSequenceError"),
            Map.entry(0x25, "noResponseFromSubnetComponent"),
            Map.entry(0x26, "FailurePreventsExecutionOfRequestedAction"),
            Map.entry(0x31, "requestOutOfRange"),
            Map.entry(0x33, "securityAccessDenied"),
            Map.entry(0x35, "invalidKey"),
            Map.entry(0x36, "exceedNumberOfAttempts"),
            Map.entry(0x37, "requiredTimeDelayNotExpired"),
            Map.entry(0x70, "uploadDownloadNotAccepted"),
            Map.entry(0x71, "transferDataSuspended"),
            Map.entry(0x72, "generalProgrammingFailure"),
            Map.entry(0x73, "wrongBlockSequenceCounter"),
            Map.entry(0x78, "requestCorrectlyReceived-ResponsePending"),
            Map.entry(0x7E, "sub-functionNotSupportedInActiveSession"),
            Map.entry(0x7F, "serviceNotSupportedInActiveSession"),
            Map.entry(0x81, "rpmTooHigh"),
            Map.entry(0x82, "rpmTooLow"),
            Map.entry(0x83, "engineIsRunning"),
            Map.entry(0x84, "engineIsNotRunning"),
            Map.entry(0x85, "engineRunTimeTooLow"),
            Map.entry(0x86, "temperatureTooHigh"),
            Map.entry(0x87, "temperatureTooLow"),
            Map.entry(0x88, "vehicleSpeedTooHigh"),
            Map.entry(0x89, "vehicleSpeedTooLow"),
            Map.entry(0x8A, "throttle/PedalTooHigh"),
            Map.entry(0x8B, "throttle/PedalTooLow"),
            Map.entry(0x8C, "transmissionRangeNotInNeutral"),
            Map.entry(0x8D, "transmissionRangeNotInGear"),
            Map.entry(0x8F, "brakeSwitch(es)NotClosed (Brake Pedal not pressed or not applied)"),
            Map.entry(0x90, "shifterLeverNotInPark"),
            Map.entry(0x91, "torqueConverterClutchLocked"),
            Map.entry(0x92, "voltageTooHigh"),
            Map.entry(0x93, "voltageTooLow"));

    private UdsNames() {
    }

    /**
     * What isotpdump {@code -u} prints for a message's first byte and third byte (the NRC of a
     * negative response): {@code "[FLAG] name"}.
     */
    static String describe(int firstByte, int thirdByte) {
        int service = firstByte & 0xFF;
        String flag = "[???]";
        if ((service >= 0x50 && service <= 0x7E) || (service >= 0xC3 && service <= 0xC8)) {
            flag = "[PSR]";
            service -= 0x40;
        } else if ((service >= 0x10 && service <= 0x3E) || (service >= 0x83 && service <= 0x88)
                || (service >= 0xBA && service <= 0xBE)) {
            flag = "[SRQ]";
        }
        if (service == 0x7F) {
            return "[NRC] " + nrcName(thirdByte);
        }
        return flag + " " + SERVICES.getOrDefault(service, "Unknown");
    }

    /** The name of a negative response code, or the range it is reserved for. */
    static String nrcName(int nrc) {
        int code = nrc & 0xFF;
        String name = NRCS.get(code);
        if (name != null) {
            return name;
        }
        if (code > 0x37 && code < 0x50) {
            return "reservedByExtendedDataLinkSecurityDocument";
        }
        if (code > 0x93 && code < 0xF0) {
            return "reservedForSpecificConditionsNotCorrect";
        }
        if (code > 0xEF && code < 0xFE) {
            return "vehicleManufacturerSpecificConditionsNotCorrect";
        }
        return "ISOSAEReserved";
    }

    /** The name of a service identifier (request or positive response), or "Unknown". */
    static String serviceName(int sid) {
        int s = sid & 0xFF;
        if ((s >= 0x50 && s <= 0x7E) || (s >= 0xC3 && s <= 0xC8)) {
            s -= 0x40;
        }
        return SERVICES.getOrDefault(s, "Unknown");
    }
}
