package dev.obdio.sim;

/** Negative response codes (ISO 14229-1 Annex A, shared by ISO 15031-5). */
final class Nrc {
    static final int GENERAL_REJECT = 0x10;
    static final int SERVICE_NOT_SUPPORTED = 0x11;
    static final int SUB_FUNCTION_NOT_SUPPORTED = 0x12;
    static final int INCORRECT_LENGTH = 0x13;
    static final int RESPONSE_TOO_LONG = 0x14;
    static final int BUSY_REPEAT_REQUEST = 0x21;
    static final int CONDITIONS_NOT_CORRECT = 0x22;
    static final int REQUEST_SEQUENCE_ERROR = 0x24;
    static final int REQUEST_OUT_OF_RANGE = 0x31;
    static final int SECURITY_ACCESS_DENIED = 0x33;
    static final int INVALID_KEY = 0x35;
    static final int EXCEEDED_NUMBER_OF_ATTEMPTS = 0x36;
    static final int REQUIRED_TIME_DELAY_NOT_EXPIRED = 0x37;
    static final int RESPONSE_PENDING = 0x78;
    static final int SUB_FUNCTION_NOT_SUPPORTED_IN_SESSION = 0x7E;
    static final int SERVICE_NOT_SUPPORTED_IN_SESSION = 0x7F;

    private Nrc() {
    }

    /**
     * NRCs an ECU keeps to itself when the request was functional (ISO 14229-1 §7.5.3): the
     * request simply was not for it.
     */
    static boolean suppressedWhenFunctional(int nrc) {
        return nrc == SERVICE_NOT_SUPPORTED || nrc == SUB_FUNCTION_NOT_SUPPORTED || nrc == REQUEST_OUT_OF_RANGE
                || nrc == SUB_FUNCTION_NOT_SUPPORTED_IN_SESSION || nrc == SERVICE_NOT_SUPPORTED_IN_SESSION;
    }
}
