package dev.obdio.isotp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a CAN_ISOTP socket is configured with, as the kernel takes them
 * ({@code include/uapi/linux/can/isotp.h}): the identifiers for {@code bind()}, the fields of
 * {@code struct can_isotp_options} (CAN_ISOTP_OPTS), {@code struct can_isotp_fc_options}
 * (CAN_ISOTP_RECV_FC), the forced gaps (CAN_ISOTP_TX_STMIN, CAN_ISOTP_RX_STMIN) and
 * {@code struct can_isotp_ll_options} (CAN_ISOTP_LL_OPTS). {@link #of(IsoTpOptions)} is the one
 * place where {@link IsoTpOptions} become kernel values; it is a pure function, tested as a table.
 *
 * @param txId          {@code can_addr.tp.tx_id}, with {@link #CAN_EFF_FLAG} for 29-bit identifiers
 * @param rxId          {@code can_addr.tp.rx_id}, likewise
 * @param flags         CAN_ISOTP_* flags of {@code can_isotp_options.flags}
 * @param frameTxTime   {@code frame_txtime} in ns ({@link #FRAME_TXTIME_ZERO} for none: the kernel reads 0 as "unchanged")
 * @param extAddress    {@code ext_address}: the address byte of frames we send
 * @param txPadContent  {@code txpad_content}
 * @param rxPadContent  {@code rxpad_content}
 * @param rxExtAddress  {@code rx_ext_address}: the address byte of frames we accept
 * @param blockSize     {@code can_isotp_fc_options.bs}
 * @param stMin         {@code can_isotp_fc_options.stmin}
 * @param wftMax        {@code can_isotp_fc_options.wftmax} (WAITs the receiver may send; the kernel sends none)
 * @param txStMinNanos  CAN_ISOTP_TX_STMIN (used with {@link #FORCE_TXSTMIN}), an unsigned 32-bit value
 * @param rxStMinNanos  CAN_ISOTP_RX_STMIN (used with {@link #FORCE_RXSTMIN}), an unsigned 32-bit value
 * @param mtu           {@code can_isotp_ll_options.mtu}: {@link #CAN_MTU} or {@link #CANFD_MTU}
 * @param txDataLength  {@code can_isotp_ll_options.tx_dl}
 * @param txFlags       {@code can_isotp_ll_options.tx_flags} ({@link #CANFD_BRS})
 */
record KernelSocketConfig(int txId, int rxId, int flags, int frameTxTime, int extAddress, int txPadContent,
                          int rxPadContent, int rxExtAddress, int blockSize, int stMin, int wftMax, int txStMinNanos,
                          int rxStMinNanos, int mtu, int txDataLength, int txFlags) {

    static final int LISTEN_MODE = 0x0001;
    static final int EXTEND_ADDR = 0x0002;
    static final int TX_PADDING = 0x0004;
    static final int RX_PADDING = 0x0008;
    static final int CHK_PAD_LEN = 0x0010;
    static final int CHK_PAD_DATA = 0x0020;
    static final int HALF_DUPLEX = 0x0040;
    static final int FORCE_TXSTMIN = 0x0080;
    static final int FORCE_RXSTMIN = 0x0100;
    static final int RX_EXT_ADDR = 0x0200;
    static final int WAIT_TX_DONE = 0x0400;
    static final int SF_BROADCAST = 0x0800;
    static final int CF_BROADCAST = 0x1000;

    /** {@code frame_txtime} value meaning zero (CAN_ISOTP_FRAME_TXTIME_ZERO). */
    static final int FRAME_TXTIME_ZERO = 0xFFFFFFFF;
    /** The kernel's default pad byte (CAN_ISOTP_DEFAULT_PAD_CONTENT). */
    static final int DEFAULT_PAD_CONTENT = 0xCC;
    /** The 29-bit flag of a {@code canid_t}. */
    static final int CAN_EFF_FLAG = 0x80000000;
    /** {@code sizeof(struct can_frame)}: classic CAN. */
    static final int CAN_MTU = 16;
    /** {@code sizeof(struct canfd_frame)}: CAN FD. */
    static final int CANFD_MTU = 72;
    /** Bit rate switch in {@code canfd_frame.flags}. */
    static final int CANFD_BRS = 0x01;

    private static final String[] FLAG_NAMES = {"LISTEN_MODE", "EXTEND_ADDR", "TX_PADDING", "RX_PADDING",
        "CHK_PAD_LEN", "CHK_PAD_DATA", "HALF_DUPLEX", "FORCE_TXSTMIN", "FORCE_RXSTMIN", "RX_EXT_ADDR", "WAIT_TX_DONE",
        "SF_BROADCAST", "CF_BROADCAST"};

    /**
     * The kernel values for a channel's options. Blocking sends need the kernel to report the end
     * of a transfer, so {@link #WAIT_TX_DONE} is always set. Options the kernel cannot express
     * (see {@link KernelOptionCheck}) have no field here.
     */
    static KernelSocketConfig of(IsoTpOptions options) {
        IsoTpAddress address = options.address();
        int eff = address.extendedIds() ? CAN_EFF_FLAG : 0;
        int flags = WAIT_TX_DONE;
        int ext = 0;
        int rxExt = 0;
        if (address.txAddressByte().isPresent()) {
            flags |= EXTEND_ADDR;
            ext = address.txAddressByte().getAsInt();
            rxExt = address.rxAddressByte().orElse(ext);
            if (rxExt != ext) {
                flags |= RX_EXT_ADDR;
            }
        }
        IsoTpOptions.Padding padding = options.padding();
        if (padding.tx().isPresent()) {
            flags |= TX_PADDING;
        }
        if (padding.rx().isPresent()) {
            flags |= RX_PADDING;
        }
        if (padding.checkLength()) {
            flags |= CHK_PAD_LEN;
        }
        if (padding.checkContent()) {
            flags |= CHK_PAD_DATA;
        }
        IsoTpOptions.FlowControl fc = options.flowControl();
        int txStMin = 0;
        int rxStMin = 0;
        if (fc.forcedTxStMin().isPresent()) {
            flags |= FORCE_TXSTMIN;
            txStMin = unsigned32(fc.forcedTxStMin().get());
        }
        if (fc.forcedRxStMin().isPresent()) {
            flags |= FORCE_RXSTMIN;
            rxStMin = unsigned32(fc.forcedRxStMin().get());
        }
        if (options.listenOnly()) {
            flags |= LISTEN_MODE;
        }
        if (options.halfDuplex()) {
            flags |= HALF_DUPLEX;
        }
        switch (options.broadcast()) {
            case SINGLE_FRAME -> flags |= SF_BROADCAST;
            case CONSECUTIVE_FRAMES -> flags |= CF_BROADCAST;
            case NONE -> { }
        }
        int frameTxTime = fc.frameTxTime().isZero() ? FRAME_TXTIME_ZERO : unsigned32(fc.frameTxTime());
        IsoTpOptions.LinkLayer ll = options.linkLayer();
        return new KernelSocketConfig(eff | address.txId(), eff | address.rxId(), flags, frameTxTime, ext,
                padding.tx().orElse(DEFAULT_PAD_CONTENT), padding.rx().orElse(DEFAULT_PAD_CONTENT), rxExt,
                fc.blockSize(), fc.stMin(), 0, txStMin, rxStMin, ll.canFd() ? CANFD_MTU : CAN_MTU,
                ll.txDataLength(), ll.bitRateSwitch() ? CANFD_BRS : 0);
    }

    /** A gap as the kernel's u32 of nanoseconds (validated to fit by {@link IsoTpOptions.FlowControl}). */
    private static int unsigned32(Duration gap) {
        return (int) gap.toNanos();
    }

    /** Whether a flag is set. */
    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The names of the flags that are set, in bit order, e.g. {@code [EXTEND_ADDR, WAIT_TX_DONE]}. */
    List<String> flagNames() {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < FLAG_NAMES.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                names.add(FLAG_NAMES[bit]);
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return String.format("tx_id=%08X rx_id=%08X flags=%s frame_txtime=%s ext=%02X/%02X pad=%02X/%02X"
                        + " fc(bs=%d stmin=0x%02X wftmax=%d) tx_stmin=%d rx_stmin=%d ll(mtu=%d tx_dl=%d tx_flags=%d)",
                txId, rxId, flagNames(), frameTxTime == FRAME_TXTIME_ZERO ? "ZERO" : Integer.toUnsignedString(frameTxTime),
                extAddress, rxExtAddress, txPadContent, rxPadContent, blockSize, stMin, wftMax,
                Integer.toUnsignedLong(txStMinNanos), Integer.toUnsignedLong(rxStMinNanos), mtu, txDataLength, txFlags);
    }
}
