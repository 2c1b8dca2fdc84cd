package dev.obdio.gateway;

import dev.obdio.uds.UdsService;
import java.util.Optional;

/**
 * Which UDS requests a browser may send without writes allowed: those that only read.
 *
 * <ul>
 *   <li>0x22 ReadDataByIdentifier and 0x19 ReadDTCInformation (every sub-function reads);</li>
 *   <li>0x3E TesterPresent;</li>
 *   <li>0x10 DiagnosticSessionControl to the default session (01) only. Returning to the default
 *       session enables nothing; the ECU falls back to it by itself after S3. Every other session
 *       unlocks services that change the vehicle (programming, extended), so it needs writes.</li>
 * </ul>
 * Everything else needs writes: the services that change the vehicle (0x11 reset, 0x14 clear, 0x2E
 * write, 0x2F I/O control, 0x31 routines, 0x34–0x38 transfers, 0x3D, 0x28, 0x85, 0x87, …), 0x27
 * SecurityAccess (wrong keys start the ECU's lockout delay and count towards it), 0x23/0x35 memory
 * reads (they reach raw ECU memory), and anything unknown.
 */
final class UdsAccessPolicy {
    private UdsAccessPolicy() {
    }

    /**
     * Why {@code request} needs writes allowed, or empty when it only reads.
     *
     * @param request a UDS request of at least one byte
     */
    static Optional<String> needsWrite(byte[] request) {
        int sid = request[0] & 0xFF;
        switch (sid) {
            case 0x22, 0x19, 0x3E:
                return Optional.empty();
            case 0x10:
                if (request.length == 2 && (request[1] & 0x7F) == 0x01) {
                    return Optional.empty();
                }
                return Optional.of("DiagnosticSessionControl (0x10) to a session other than default (01) opens "
                        + "services that change the vehicle");
            default:
                return Optional.of(UdsService.describe(sid) + " is not a read-only service");
        }
    }
}
