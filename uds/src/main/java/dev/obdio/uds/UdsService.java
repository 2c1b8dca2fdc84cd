package dev.obdio.uds;

import java.util.Optional;

/**
 * The services of ISO 14229-1, the one table of their identifiers and names. Messages and
 * exceptions name a service through it ({@code ReadDataByIdentifier (0x22)}).
 */
public enum UdsService {
    /** 0x10. */
    DIAGNOSTIC_SESSION_CONTROL(0x10, "DiagnosticSessionControl", true, false),
    /** 0x11. */
    ECU_RESET(0x11, "ECUReset", true, true),
    /** 0x14. */
    CLEAR_DIAGNOSTIC_INFORMATION(0x14, "ClearDiagnosticInformation", false, true),
    /** 0x19. */
    READ_DTC_INFORMATION(0x19, "ReadDTCInformation", true, false),
    /** 0x22. */
    READ_DATA_BY_IDENTIFIER(0x22, "ReadDataByIdentifier", false, false),
    /** 0x23. */
    READ_MEMORY_BY_ADDRESS(0x23, "ReadMemoryByAddress", false, false),
    /** 0x24. */
    READ_SCALING_DATA_BY_IDENTIFIER(0x24, "ReadScalingDataByIdentifier", false, false),
    /** 0x27. */
    SECURITY_ACCESS(0x27, "SecurityAccess", true, false),
    /** 0x28. */
    COMMUNICATION_CONTROL(0x28, "CommunicationControl", true, true),
    /** 0x29. */
    AUTHENTICATION(0x29, "Authentication", true, false),
    /** 0x2A. */
    READ_DATA_BY_PERIODIC_IDENTIFIER(0x2A, "ReadDataByPeriodicIdentifier", false, false),
    /** 0x2C. */
    DYNAMICALLY_DEFINE_DATA_IDENTIFIER(0x2C, "DynamicallyDefineDataIdentifier", true, true),
    /** 0x2E. */
    WRITE_DATA_BY_IDENTIFIER(0x2E, "WriteDataByIdentifier", false, true),
    /** 0x2F. */
    INPUT_OUTPUT_CONTROL_BY_IDENTIFIER(0x2F, "InputOutputControlByIdentifier", false, true),
    /** 0x31. */
    ROUTINE_CONTROL(0x31, "RoutineControl", true, true),
    /** 0x34. */
    REQUEST_DOWNLOAD(0x34, "RequestDownload", false, true),
    /** 0x35. */
    REQUEST_UPLOAD(0x35, "RequestUpload", false, false),
    /** 0x36. */
    TRANSFER_DATA(0x36, "TransferData", false, true),
    /** 0x37. */
    REQUEST_TRANSFER_EXIT(0x37, "RequestTransferExit", false, true),
    /** 0x38. */
    REQUEST_FILE_TRANSFER(0x38, "RequestFileTransfer", false, true),
    /** 0x3D. */
    WRITE_MEMORY_BY_ADDRESS(0x3D, "WriteMemoryByAddress", false, true),
    /** 0x3E. */
    TESTER_PRESENT(0x3E, "TesterPresent", true, false),
    /** 0x83. */
    ACCESS_TIMING_PARAMETER(0x83, "AccessTimingParameter", true, false),
    /** 0x84. */
    SECURED_DATA_TRANSMISSION(0x84, "SecuredDataTransmission", false, false),
    /** 0x85. */
    CONTROL_DTC_SETTING(0x85, "ControlDTCSetting", true, true),
    /** 0x86. */
    RESPONSE_ON_EVENT(0x86, "ResponseOnEvent", true, false),
    /** 0x87. */
    LINK_CONTROL(0x87, "LinkControl", true, true);

    /** The first byte of a negative response. */
    public static final int NEGATIVE_RESPONSE = 0x7F;
    /** Added to a request's service identifier in its positive response. */
    public static final int POSITIVE_OFFSET = 0x40;
    /** Bit 7 of a sub-function byte: suppress the positive response. */
    public static final int SUPPRESS_POSITIVE_RESPONSE = 0x80;

    private static final UdsService[] BY_ID = new UdsService[256];

    static {
        for (UdsService s : values()) {
            BY_ID[s.id] = s;
        }
    }

    private final int id;
    private final String isoName;
    private final boolean subFunction;
    private final boolean changesVehicle;

    UdsService(int id, String isoName, boolean subFunction, boolean changesVehicle) {
        this.id = id;
        this.isoName = isoName;
        this.subFunction = subFunction;
        this.changesVehicle = changesVehicle;
    }

    /** The request service identifier. */
    public int id() {
        return id;
    }

    /** The positive response identifier, {@code id + 0x40}. */
    public int responseId() {
        return id + POSITIVE_OFFSET;
    }

    /** The name ISO 14229-1 gives the service. */
    public String isoName() {
        return isoName;
    }

    /** Whether the second request byte is a sub-function, whose bit 7 can suppress the positive response. */
    public boolean hasSubFunction() {
        return subFunction;
    }

    /**
     * Whether the service changes the vehicle: writes, resets, routines, downloads, DTC clearing,
     * and switching off communication or DTC recording. The CLI and scripts send these only when
     * told {@code --allow-write}.
     */
    public boolean changesVehicle() {
        return changesVehicle;
    }

    /** The service with a request identifier. */
    public static Optional<UdsService> byId(int id) {
        return id >= 0 && id < 256 ? Optional.ofNullable(BY_ID[id]) : Optional.empty();
    }

    /** {@code ReadDataByIdentifier (0x22)}, or {@code service 0xBA} for an identifier not in the table. */
    public static String describe(int id) {
        return byId(id).map(s -> s.isoName + String.format(" (0x%02X)", id))
                .orElse(String.format("service 0x%02X", id & 0xFF));
    }

    /** Whether a request's second byte is a sub-function whose bit 7 is set. */
    public static boolean suppressesPositiveResponse(byte[] request) {
        return request.length >= 2 && byId(request[0] & 0xFF).map(UdsService::hasSubFunction).orElse(false)
                && (request[1] & SUPPRESS_POSITIVE_RESPONSE) != 0;
    }
}
