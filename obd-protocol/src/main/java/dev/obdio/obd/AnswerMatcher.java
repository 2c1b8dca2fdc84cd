package dev.obdio.obd;

/**
 * Tells an answer to the request in progress from a late answer to an earlier one (an ECU that
 * answered after its window closed): the service must match, and the PID or data identifier the
 * answer echoes must be one that was asked. Negative responses must name the service.
 */
final class AnswerMatcher {
    private static final int NEGATIVE_RESPONSE = 0x7F;
    private static final int POSITIVE_OFFSET = 0x40;
    private static final int CURRENT_DATA = 0x01;
    private static final int FREEZE_FRAME = 0x02;

    private AnswerMatcher() {
    }

    /** Whether {@code answer} answers {@code request}. */
    static boolean belongs(byte[] request, byte[] answer) {
        if (request.length == 0 || answer.length == 0) {
            return false;
        }
        int service = request[0] & 0xFF;
        int first = answer[0] & 0xFF;
        if (first == NEGATIVE_RESPONSE) {
            return answer.length >= 2 && (answer[1] & 0xFF) == service;
        }
        if (first != (service + POSITIVE_OFFSET & 0xFF)) {
            return false;
        }
        if (request.length == 1) {
            return true;
        }
        if (answer.length < 2) {
            return false;
        }
        if (service == CURRENT_DATA) {
            // A multi-PID answer starts with one of the PIDs asked, whichever the ECU supports first.
            for (int i = 1; i < request.length; i++) {
                if (request[i] == answer[1]) {
                    return true;
                }
            }
            return false;
        }
        // Mode 02 echoes the PID (and the frame, which ResponseShaper checks); others echo everything.
        int echoed = service == FREEZE_FRAME ? 1 : request.length - 1;
        if (answer.length < 1 + echoed) {
            return false;
        }
        for (int i = 1; i <= echoed; i++) {
            if (request[i] != answer[i]) {
                return false;
            }
        }
        return true;
    }
}
