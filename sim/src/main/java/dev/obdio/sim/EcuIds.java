package dev.obdio.sim;

/**
 * The CAN identifiers of one simulated ECU, as the transport binding needs them: the physical
 * request id it listens on (and receives flow control on), the id it answers on, and the
 * functional (broadcast) id it also listens on. All three are 11-bit or all are 29-bit.
 *
 * @param requestId    physical request id, e.g. 0x7E0 or 0x18DA10F1
 * @param responseId   response id, e.g. 0x7E8 or 0x18DAF110
 * @param functionalId functional request id, e.g. 0x7DF or 0x18DB33F1
 * @param extended     29-bit identifiers
 */
public record EcuIds(int requestId, int responseId, int functionalId, boolean extended) {

    /** Validates ranges and distinctness. */
    public EcuIds {
        int max = extended ? 0x1FFFFFFF : 0x7FF;
        check("requestId", requestId, max);
        check("responseId", responseId, max);
        check("functionalId", functionalId, max);
        if (requestId == responseId) {
            throw new IllegalArgumentException(String.format("requestId and responseId must differ, both 0x%X", requestId));
        }
        if (functionalId == requestId || functionalId == responseId) {
            throw new IllegalArgumentException(String.format("functionalId 0x%X must differ from the physical ids", functionalId));
        }
    }

    private static void check(String field, int id, int max) {
        if (id < 0 || id > max) {
            throw new IllegalArgumentException(String.format("%s 0x%X out of range 0..0x%X", field, id, max));
        }
    }

    /** The ids as can-utils writes them (3 hex digits for 11-bit, 8 for 29-bit): {@code 7E0/7E8 (7DF)}. */
    @Override
    public String toString() {
        return format(requestId) + "/" + format(responseId) + " (" + format(functionalId) + ")";
    }

    private String format(int id) {
        return extended ? String.format("%08X", id) : String.format("%03X", id);
    }
}
