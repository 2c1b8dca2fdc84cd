package dev.obdio.can;

import java.util.ArrayList;
import java.util.List;

/**
 * The meaning of a SocketCAN error frame ({@code linux/can/error.h}): the error classes in the
 * id, and the detail bytes the classes refer to. {@link #describe(String)} writes it as
 * {@code candump -e} does ({@code controller-problem{rx-error-warning}}); the transceiver
 * status, which candump does not print, is available from {@link #transceiverStatusName()}.
 *
 * @param errorClass         the error class bits (CAN_ERR_TX_TIMEOUT 0x1 … CAN_ERR_CNT 0x200)
 * @param lostArbitrationBit data[0]: the bit where arbitration was lost, 0 if unspecified
 * @param controllerStatus   data[1]: CAN_ERR_CRTL_* bits
 * @param protocolType       data[2]: CAN_ERR_PROT_* bits
 * @param protocolLocation   data[3]: CAN_ERR_PROT_LOC_* value
 * @param transceiverStatus  data[4]: CAN_ERR_TRX_* value
 * @param txErrorCounter     data[6]
 * @param rxErrorCounter     data[7]
 */
public record CanErrorFrame(int errorClass, int lostArbitrationBit, int controllerStatus, int protocolType,
                            int protocolLocation, int transceiverStatus, int txErrorCounter, int rxErrorCounter) {

    /** CAN_ERR_TX_TIMEOUT: TX timeout (by the netdevice driver). */
    public static final int TX_TIMEOUT = 0x1;
    /** CAN_ERR_LOSTARB: lost arbitration, bit in data[0]. */
    public static final int LOST_ARBITRATION = 0x2;
    /** CAN_ERR_CRTL: controller problems in data[1]. */
    public static final int CONTROLLER = 0x4;
    /** CAN_ERR_PROT: protocol violations in data[2..3]. */
    public static final int PROTOCOL = 0x8;
    /** CAN_ERR_TRX: transceiver status in data[4]. */
    public static final int TRANSCEIVER = 0x10;
    /** CAN_ERR_ACK: no ACK on transmission. */
    public static final int NO_ACK = 0x20;
    /** CAN_ERR_BUSOFF: bus off. */
    public static final int BUS_OFF = 0x40;
    /** CAN_ERR_BUSERROR: bus error (may flood). */
    public static final int BUS_ERROR = 0x80;
    /** CAN_ERR_RESTARTED: controller restarted. */
    public static final int RESTARTED = 0x100;
    /** CAN_ERR_CNT: TX/RX error counters in data[6..7]. */
    public static final int COUNTERS = 0x200;

    /** The classes can-utils 2020.11.0 names in its decoding loop (up to RESTARTED). */
    private static final int CANDUMP_CLASSES = 9;
    /** can-utils 2020.11.0 rejects class words above 1 << 9. */
    private static final int CANDUMP_MAX_CLASS = 1 << CANDUMP_CLASSES;

    // The names below are can-utils' (lib.c), indexed by bit number or location value.
    private static final String[] CLASSES = {
        "tx-timeout", "lost-arbitration", "controller-problem", "protocol-violation",
        "transceiver-status", "no-acknowledgement-on-tx", "bus-off", "bus-error",
        "restarted-after-bus-off", "error-counter-tx-rx",
    };
    private static final String[] CONTROLLER_PROBLEMS = {
        "rx-overflow", "tx-overflow", "rx-error-warning", "tx-error-warning",
        "rx-error-passive", "tx-error-passive", "back-to-error-active",
    };
    private static final String[] PROTOCOL_TYPES = {
        "single-bit-error", "frame-format-error", "bit-stuffing-error", "tx-dominant-bit-error",
        "tx-recessive-bit-error", "bus-overload", "active-error", "error-on-tx",
    };
    private static final String[] PROTOCOL_LOCATIONS = {
        "unspecified", "unspecified", "id.28-to-id.21", "start-of-frame",
        "bit-srtr", "bit-ide", "id.20-to-id.18", "id.17-to-id.13",
        "crc-sequence", "reserved-bit-0", "data-field", "data-length-code",
        "bit-rtr", "reserved-bit-1", "id.4-to-id.0", "id.12-to-id.5",
        "unspecified", "active-error-flag", "intermission", "tolerate-dominant-bits",
        "unspecified", "unspecified", "passive-error-flag", "error-delimiter",
        "crc-delimiter", "acknowledge-slot", "end-of-frame", "acknowledge-delimiter",
        "overload-flag", "unspecified", "unspecified", "unspecified",
    };

    /** Validates the ranges: a class of 29 bits, bytes 0..255. */
    public CanErrorFrame {
        if (errorClass < 0 || errorClass > CanFrame.MAX_EXTENDED_ID) {
            throw new IllegalArgumentException("errorClass must be 0..0x1FFFFFFF, got " + errorClass);
        }
        for (int b : new int[] {lostArbitrationBit, controllerStatus, protocolType, protocolLocation,
            transceiverStatus, txErrorCounter, rxErrorCounter}) {
            if (b < 0 || b > 0xFF) {
                throw new IllegalArgumentException("detail bytes must be 0..255, got " + b);
            }
        }
    }

    /**
     * Decodes an error frame; missing detail bytes count as 0.
     *
     * @throws IllegalArgumentException if {@code frame} is not an error frame
     */
    public static CanErrorFrame decode(CanFrame frame) {
        if (frame == null || !frame.isError()) {
            throw new IllegalArgumentException("not an error frame: " + frame);
        }
        return new CanErrorFrame(frame.id(), at(frame, 0), at(frame, 1), at(frame, 2), at(frame, 3), at(frame, 4),
                at(frame, 6), at(frame, 7));
    }

    private static int at(CanFrame frame, int index) {
        return index < frame.length() ? frame.dataByte(index) : 0;
    }

    /** Whether any of the class bits in {@code mask} is set. */
    public boolean has(int mask) {
        return (errorClass & mask) != 0;
    }

    /** The names of the set error classes, as can-utils prints them. */
    public List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < CLASSES.length; bit++) {
            if ((errorClass & (1 << bit)) != 0) {
                names.add(CLASSES[bit]);
            }
        }
        return names;
    }

    /** The transceiver status of data[4] (CAN_ERR_TRX_*), e.g. {@code canh-no-wire}. */
    public String transceiverStatusName() {
        return switch (transceiverStatus) {
            case 0x00 -> "unspecified";
            case 0x04 -> "canh-no-wire";
            case 0x05 -> "canh-short-to-bat";
            case 0x06 -> "canh-short-to-vcc";
            case 0x07 -> "canh-short-to-gnd";
            case 0x40 -> "canl-no-wire";
            case 0x50 -> "canl-short-to-bat";
            case 0x60 -> "canl-short-to-vcc";
            case 0x70 -> "canl-short-to-gnd";
            case 0x80 -> "canl-short-to-canh";
            default -> String.format("unknown-0x%02X", transceiverStatus);
        };
    }

    /**
     * Whether can-utils 2020.11.0 knows all the set classes: it decodes classes up to
     * CAN_ERR_CNT (0x200) and rejects any class word above 0x200 as invalid.
     */
    public boolean isDescribable() {
        return errorClass <= CANDUMP_MAX_CLASS;
    }

    /**
     * The decoded text as {@code candump -e} of can-utils 2020.11.0 prints it ({@code lib.c}
     * snprintf_can_error_frame): the names of the classes up to restarted-after-bus-off joined by
     * {@code separator}, with the lost-arbitration bit, the controller problems and the protocol
     * violation types and location; then, when data[6] or data[7] is not zero,
     * {@code error-counter-tx-rx{{tx}{rx}}}. That version has no name for CAN_ERR_CNT itself,
     * so a frame of that class alone starts with an empty entry, as candump prints it.
     *
     * @return the text, or an empty string when {@link #isDescribable()} is false
     */
    public String describe(String separator) {
        StringBuilder out = new StringBuilder();
        if (!isDescribable()) {
            return "";
        }
        int classes = 0;
        for (int bit = 0; bit < CANDUMP_CLASSES; bit++) {
            int mask = 1 << bit;
            if ((errorClass & mask) == 0) {
                continue;
            }
            if (classes++ > 0) {
                out.append(separator);
            }
            out.append(CLASSES[bit]);
            switch (mask) {
                case LOST_ARBITRATION -> out.append("{at bit ").append(lostArbitrationBit).append('}');
                case CONTROLLER -> out.append('{').append(names(controllerStatus, CONTROLLER_PROBLEMS)).append('}');
                case PROTOCOL -> {
                    out.append("{{").append(names(protocolType, PROTOCOL_TYPES)).append("}{");
                    if (protocolLocation > 0 && protocolLocation < PROTOCOL_LOCATIONS.length) {
                        out.append(PROTOCOL_LOCATIONS[protocolLocation]);
                    }
                    out.append("}}");
                }
                default -> {
                }
            }
        }
        if (txErrorCounter != 0 || rxErrorCounter != 0) {
            out.append(separator).append("error-counter-tx-rx");
            appendCounters(out);
        }
        return out.toString();
    }

    private void appendCounters(StringBuilder out) {
        out.append("{{").append(txErrorCounter).append("}{").append(rxErrorCounter).append("}}");
    }

    private static String names(int bits, String[] table) {
        StringBuilder out = new StringBuilder();
        for (int bit = 0; bit < table.length; bit++) {
            if ((bits & (1 << bit)) != 0) {
                if (out.length() > 0) {
                    out.append(',');
                }
                out.append(table[bit]);
            }
        }
        return out.toString();
    }
}
