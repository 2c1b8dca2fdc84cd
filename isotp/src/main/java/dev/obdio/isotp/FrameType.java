package dev.obdio.isotp;

/** The ISO-TP frame types (N_PCI type, the high nibble of the first protocol byte). */
public enum FrameType {
    /** Single frame: a whole PDU of up to 7 bytes (62 on CAN FD). */
    SINGLE_FRAME,
    /** First frame of a segmented PDU, carrying its length (FF_DL). */
    FIRST_FRAME,
    /** Consecutive frame of a segmented PDU, with a 4-bit sequence number. */
    CONSECUTIVE_FRAME,
    /** Flow control from the receiver: continue to send, wait, or overflow, with BS and STmin. */
    FLOW_CONTROL,
    /** A reserved N_PCI type (4..15) or a frame too short to carry any. */
    UNKNOWN;

    /** The frame type of an N_PCI byte. */
    static FrameType ofPci(int pci) {
        return switch ((pci >> 4) & 0x0F) {
            case 0 -> SINGLE_FRAME;
            case 1 -> FIRST_FRAME;
            case 2 -> CONSECUTIVE_FRAME;
            case 3 -> FLOW_CONTROL;
            default -> UNKNOWN;
        };
    }
}
