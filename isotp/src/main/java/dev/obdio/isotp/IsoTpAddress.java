package dev.obdio.isotp;

import dev.obdio.can.CanFrame;
import java.util.OptionalInt;

/**
 * Where an ISO-TP channel sends and what it accepts (the N_AI of ISO 15765-2), in one of the
 * standard addressing modes. Every mode is validated when created; its identifiers and
 * address bytes are fixed from then on, and {@link #accepts(CanFrame)} is a few comparisons.
 *
 * <ul>
 *   <li>{@link Normal}: 11- or 29-bit identifiers, one to send on and one to receive on.</li>
 *   <li>{@link NormalFixed}: 29-bit {@code 0x18DA<TA><SA>} (physical) or {@code 0x18DB<TA><SA>}
 *       (functional), built from target and source addresses.</li>
 *   <li>{@link Extended}: the first data byte of every frame is an address byte; the one we send
 *       ({@code txAddress}, the target) may differ from the one we accept ({@code rxAddress}).</li>
 *   <li>{@link Mixed11} and {@link Mixed29}: the first data byte is the address extension
 *       (N_AE), with 11-bit identifiers or 29-bit {@code 0x18CE<TA><SA>} / {@code 0x18CD<TA><SA>}.</li>
 * </ul>
 *
 * <p>A channel never accepts what it sends itself: transmit and receive identifiers must differ
 * (the kernel's rule for CAN_ISOTP sockets).
 */
public sealed interface IsoTpAddress {

    /** Bits 28..16 of a physical normal-fixed identifier ({@code 0x18DA0000}). */
    int NORMAL_FIXED_PHYSICAL = 0x18DA0000;
    /** Bits 28..16 of a functional normal-fixed identifier ({@code 0x18DB0000}). */
    int NORMAL_FIXED_FUNCTIONAL = 0x18DB0000;
    /** Bits 28..16 of a physical 29-bit mixed identifier ({@code 0x18CE0000}). */
    int MIXED_29_PHYSICAL = 0x18CE0000;
    /** Bits 28..16 of a functional 29-bit mixed identifier ({@code 0x18CD0000}). */
    int MIXED_29_FUNCTIONAL = 0x18CD0000;

    /** The identifier we send on. */
    int txId();

    /** The identifier we receive on. */
    int rxId();

    /** Whether both identifiers are 29-bit. */
    boolean extendedIds();

    /** The address byte that starts every frame we send (extended and mixed modes). */
    OptionalInt txAddressByte();

    /** The address byte every frame we accept must start with (extended and mixed modes). */
    OptionalInt rxAddressByte();

    /**
     * Whether the address is functional (1-to-n, {@code 0x18DB…}/{@code 0x18CD…}): ISO 15765-2
     * allows single frames only on it.
     */
    default boolean functional() {
        return false;
    }

    /** Whether a received frame is addressed to this channel: identifier, id type and address byte. */
    boolean accepts(CanFrame frame);

    /** Normal addressing with 11-bit identifiers, e.g. {@code normal11(0x7E0, 0x7E8)}. */
    static Normal normal11(int txId, int rxId) {
        return new Normal(txId, rxId, false);
    }

    /** Normal addressing with 29-bit identifiers. */
    static Normal normal29(int txId, int rxId) {
        return new Normal(txId, rxId, true);
    }

    /** Physical normal-fixed addressing: send on {@code 0x18DA<TA><SA>}, receive on {@code 0x18DA<SA><TA>}. */
    static NormalFixed normalFixed(int targetAddress, int sourceAddress) {
        return new NormalFixed(targetAddress, sourceAddress, false);
    }

    /** Extended addressing with the same address byte both ways, as a kernel socket without RX_EXT_ADDR. */
    static Extended extended11(int txId, int rxId, int addressByte) {
        return new Extended(txId, rxId, false, addressByte, addressByte);
    }

    /** Checks a byte-sized field. */
    private static void checkByte(String field, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(field + " must be 0x00..0xFF, got 0x" + Integer.toHexString(value));
        }
    }

    /** Checks identifiers for their size and that they differ. */
    private static void checkIds(int txId, int rxId, boolean extendedIds) {
        int max = extendedIds ? CanFrame.MAX_EXTENDED_ID : CanFrame.MAX_STANDARD_ID;
        String kind = extendedIds ? "29-bit" : "11-bit";
        if (txId < 0 || txId > max) {
            throw new IllegalArgumentException(String.format("txId 0x%X is not a %s identifier (0..0x%X)", txId, kind, max));
        }
        if (rxId < 0 || rxId > max) {
            throw new IllegalArgumentException(String.format("rxId 0x%X is not a %s identifier (0..0x%X)", rxId, kind, max));
        }
        if (txId == rxId) {
            throw new IllegalArgumentException(String.format(
                    "txId and rxId must differ (a channel never receives its own frames), both are 0x%X", txId));
        }
    }

    /** Checks that a fixed address pair does not make the channel receive its own frames. */
    private static void checkTargetSource(int targetAddress, int sourceAddress) {
        checkByte("targetAddress", targetAddress);
        checkByte("sourceAddress", sourceAddress);
        if (targetAddress == sourceAddress) {
            throw new IllegalArgumentException(String.format(
                    "targetAddress and sourceAddress must differ, both are 0x%02X", targetAddress));
        }
    }

    /**
     * Normal addressing: the whole frame after the protocol byte is payload.
     *
     * @param txId        the identifier we send on
     * @param rxId        the identifier we receive on
     * @param extendedIds 29-bit identifiers
     */
    record Normal(int txId, int rxId, boolean extendedIds) implements IsoTpAddress {
        /** Validates the identifiers. */
        public Normal {
            checkIds(txId, rxId, extendedIds);
        }

        @Override
        public OptionalInt txAddressByte() {
            return OptionalInt.empty();
        }

        @Override
        public OptionalInt rxAddressByte() {
            return OptionalInt.empty();
        }

        @Override
        public boolean accepts(CanFrame frame) {
            return frame.id() == rxId && frame.extended() == extendedIds && frame.isData();
        }

        @Override
        public String toString() {
            return String.format(extendedIds ? "normal29 tx=%08X rx=%08X" : "normal11 tx=%03X rx=%03X", txId, rxId);
        }
    }

    /**
     * Normal fixed addressing (29-bit): the identifier carries the target and source addresses,
     * {@code 0x18DA<TA><SA>} for physical and {@code 0x18DB<TA><SA>} for functional requests. We
     * send with our addresses, and receive the peer's answers with them swapped.
     *
     * @param targetAddress the peer's address (N_TA)
     * @param sourceAddress our address (N_SA)
     * @param functional    use the functional identifiers (single frames only)
     */
    record NormalFixed(int targetAddress, int sourceAddress, boolean functional) implements IsoTpAddress {
        /** Validates the addresses. */
        public NormalFixed {
            checkTargetSource(targetAddress, sourceAddress);
        }

        private int base() {
            return functional ? NORMAL_FIXED_FUNCTIONAL : NORMAL_FIXED_PHYSICAL;
        }

        @Override
        public int txId() {
            return base() | targetAddress << 8 | sourceAddress;
        }

        @Override
        public int rxId() {
            return base() | sourceAddress << 8 | targetAddress;
        }

        @Override
        public boolean extendedIds() {
            return true;
        }

        @Override
        public OptionalInt txAddressByte() {
            return OptionalInt.empty();
        }

        @Override
        public OptionalInt rxAddressByte() {
            return OptionalInt.empty();
        }

        @Override
        public boolean accepts(CanFrame frame) {
            return frame.extended() && frame.id() == rxId() && frame.isData();
        }

        @Override
        public String toString() {
            return String.format("normalFixed%s TA=%02X SA=%02X (tx=%08X rx=%08X)", functional ? " functional" : "",
                    targetAddress, sourceAddress, txId(), rxId());
        }
    }

    /**
     * Extended addressing: the first data byte of every frame is an address byte, so a single
     * frame carries at most 6 bytes. {@code txAddress} is the byte we send (the target address);
     * {@code rxAddress} the byte we accept, the same as {@code txAddress} unless the peer answers
     * with its own (the kernel's CAN_ISOTP_RX_EXT_ADDR).
     *
     * @param txId        the identifier we send on
     * @param rxId        the identifier we receive on
     * @param extendedIds 29-bit identifiers
     * @param txAddress   the address byte of frames we send
     * @param rxAddress   the address byte of frames we accept
     */
    record Extended(int txId, int rxId, boolean extendedIds, int txAddress, int rxAddress) implements IsoTpAddress {
        /** Validates the fields. */
        public Extended {
            checkIds(txId, rxId, extendedIds);
            checkByte("txAddress", txAddress);
            checkByte("rxAddress", rxAddress);
        }

        @Override
        public OptionalInt txAddressByte() {
            return OptionalInt.of(txAddress);
        }

        @Override
        public OptionalInt rxAddressByte() {
            return OptionalInt.of(rxAddress);
        }

        @Override
        public boolean accepts(CanFrame frame) {
            return frame.id() == rxId && frame.extended() == extendedIds && frame.isData() && frame.length() > 0
                    && frame.dataByte(0) == rxAddress;
        }

        @Override
        public String toString() {
            return String.format(extendedIds ? "extended29 tx=%08X/%02X rx=%08X/%02X" : "extended11 tx=%03X/%02X rx=%03X/%02X",
                    txId, txAddress, rxId, rxAddress);
        }
    }

    /**
     * Mixed addressing with 11-bit identifiers: the first data byte of every frame, both ways, is
     * the address extension (N_AE).
     *
     * @param txId             the identifier we send on
     * @param rxId             the identifier we receive on
     * @param addressExtension the N_AE byte
     */
    record Mixed11(int txId, int rxId, int addressExtension) implements IsoTpAddress {
        /** Validates the fields. */
        public Mixed11 {
            checkIds(txId, rxId, false);
            checkByte("addressExtension", addressExtension);
        }

        @Override
        public boolean extendedIds() {
            return false;
        }

        @Override
        public OptionalInt txAddressByte() {
            return OptionalInt.of(addressExtension);
        }

        @Override
        public OptionalInt rxAddressByte() {
            return OptionalInt.of(addressExtension);
        }

        @Override
        public boolean accepts(CanFrame frame) {
            return frame.id() == rxId && !frame.extended() && frame.isData() && frame.length() > 0
                    && frame.dataByte(0) == addressExtension;
        }

        @Override
        public String toString() {
            return String.format("mixed11 tx=%03X rx=%03X AE=%02X", txId, rxId, addressExtension);
        }
    }

    /**
     * Mixed addressing with 29-bit identifiers {@code 0x18CE<TA><SA>} (physical) or
     * {@code 0x18CD<TA><SA>} (functional), plus the address extension (N_AE) as first data byte.
     *
     * @param targetAddress    the peer's address (N_TA)
     * @param sourceAddress    our address (N_SA)
     * @param addressExtension the N_AE byte
     * @param functional       use the functional identifiers (single frames only)
     */
    record Mixed29(int targetAddress, int sourceAddress, int addressExtension, boolean functional)
            implements IsoTpAddress {
        /** Validates the fields. */
        public Mixed29 {
            checkTargetSource(targetAddress, sourceAddress);
            checkByte("addressExtension", addressExtension);
        }

        private int base() {
            return functional ? MIXED_29_FUNCTIONAL : MIXED_29_PHYSICAL;
        }

        @Override
        public int txId() {
            return base() | targetAddress << 8 | sourceAddress;
        }

        @Override
        public int rxId() {
            return base() | sourceAddress << 8 | targetAddress;
        }

        @Override
        public boolean extendedIds() {
            return true;
        }

        @Override
        public OptionalInt txAddressByte() {
            return OptionalInt.of(addressExtension);
        }

        @Override
        public OptionalInt rxAddressByte() {
            return OptionalInt.of(addressExtension);
        }

        @Override
        public boolean accepts(CanFrame frame) {
            return frame.extended() && frame.id() == rxId() && frame.isData() && frame.length() > 0
                    && frame.dataByte(0) == addressExtension;
        }

        @Override
        public String toString() {
            return String.format("mixed29%s TA=%02X SA=%02X AE=%02X (tx=%08X rx=%08X)", functional ? " functional" : "",
                    targetAddress, sourceAddress, addressExtension, txId(), rxId());
        }
    }
}
