package dev.obdio.isotp;

import dev.obdio.can.Dlc;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything an ISO-TP channel is configured with, immutable. Start from {@link #DEFAULTS} and
 * change what you need with the {@code withX} methods:
 *
 * <pre>{@code
 * IsoTpOptions o = IsoTpOptions.DEFAULTS
 *         .withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8))
 *         .withTxPadding(0xCC)
 *         .withBlockSize(8).withStMin(0x0A);
 * }</pre>
 *
 * <p>The options cover what the Linux kernel's CAN_ISOTP sockets offer; each group names the
 * socket option it corresponds to, so the kernel engine can apply them one to one. The defaults
 * are the kernel's, except where noted.
 *
 * @param address              where we send and what we accept (kernel: {@code bind()} tx_id/rx_id,
 *                             CAN_ISOTP_EXTEND_ADDR, ext_address, CAN_ISOTP_RX_EXT_ADDR, rx_ext_address)
 * @param flowControl          what we announce as receiver and how we pace as sender
 * @param padding              frame padding on send and the checks on receive
 * @param timeouts             N_As, N_Ar, N_Bs, N_Cr
 * @param linkLayer            classic CAN or CAN FD, TX_DL and BRS (kernel: CAN_ISOTP_LL_OPTS)
 * @param listenOnly           never send flow control, only listen (kernel: CAN_ISOTP_LISTEN_MODE)
 * @param broadcast            send without flow control (kernel: CAN_ISOTP_SF_BROADCAST / CF_BROADCAST);
 *                             a broadcast channel receives nothing
 * @param halfDuplex           one direction at a time: while sending, only flow control is taken;
 *                             while receiving, flow control is ignored and sends wait
 *                             (kernel: CAN_ISOTP_HALF_DUPLEX)
 * @param maxPduLength         the longest PDU sent or received, 1..{@value #MAX_PDU_LENGTH_LIMIT}; longer
 *                             first frames are answered with OVFLW (kernel: module parameter
 *                             {@code max_pdu_size}, default 8300)
 * @param receiveQueueCapacity PDUs kept for {@link IsoTpChannel#receive} before new ones are
 *                             dropped and counted (kernel: the socket receive buffer)
 */
public record IsoTpOptions(IsoTpAddress address, FlowControl flowControl, Padding padding, Timeouts timeouts,
                           LinkLayer linkLayer, boolean listenOnly, Broadcast broadcast, boolean halfDuplex,
                           int maxPduLength, int receiveQueueCapacity) {

    /** The kernel's default {@code max_pdu_size}. */
    public static final int DEFAULT_MAX_PDU_LENGTH = 8300;
    /** The largest PDU length the 32-bit FF_DL escape can carry that a Java array holds. */
    public static final int MAX_PDU_LENGTH_LIMIT = Integer.MAX_VALUE - 8;

    /**
     * Normal 11-bit addressing 0x7E0 → 0x7E8 (the first OBD-II ECU), classic CAN without
     * padding, BS 0, STmin 0, all timeouts 1 s, PDUs up to 8300 bytes.
     */
    public static final IsoTpOptions DEFAULTS = new IsoTpOptions(IsoTpAddress.normal11(0x7E0, 0x7E8),
            FlowControl.DEFAULTS, Padding.NONE, Timeouts.DEFAULTS, LinkLayer.CLASSIC, false, Broadcast.NONE, false,
            DEFAULT_MAX_PDU_LENGTH, 64);

    /** Validates the fields. */
    public IsoTpOptions {
        requireNonNull("address", address);
        requireNonNull("flowControl", flowControl);
        requireNonNull("padding", padding);
        requireNonNull("timeouts", timeouts);
        requireNonNull("linkLayer", linkLayer);
        requireNonNull("broadcast", broadcast);
        if (maxPduLength < 1 || maxPduLength > MAX_PDU_LENGTH_LIMIT) {
            throw new IllegalArgumentException("maxPduLength must be 1.." + MAX_PDU_LENGTH_LIMIT + ", got " + maxPduLength);
        }
        if (receiveQueueCapacity < 1) {
            throw new IllegalArgumentException("receiveQueueCapacity must be at least 1, got " + receiveQueueCapacity);
        }
    }

    private static void requireNonNull(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
    }

    /** How a channel sends without flow control (the kernel's broadcast flags). */
    public enum Broadcast {
        /** Normal operation: segmented PDUs wait for the receiver's flow control. */
        NONE,
        /**
         * Single frames only, e.g. functional requests to many ECUs; a longer PDU is rejected
         * (kernel: CAN_ISOTP_SF_BROADCAST).
         */
        SINGLE_FRAME,
        /**
         * Segmented PDUs are sent without waiting for flow control, consecutive frames paced by
         * {@link FlowControl#forcedTxStMin()} (kernel: CAN_ISOTP_CF_BROADCAST).
         */
        CONSECUTIVE_FRAMES
    }

    /** These options with another address. */
    public IsoTpOptions withAddress(IsoTpAddress value) {
        return new IsoTpOptions(value, flowControl, padding, timeouts, linkLayer, listenOnly, broadcast, halfDuplex,
                maxPduLength, receiveQueueCapacity);
    }

    /** These options with other flow control settings. */
    public IsoTpOptions withFlowControl(FlowControl value) {
        return new IsoTpOptions(address, value, padding, timeouts, linkLayer, listenOnly, broadcast, halfDuplex,
                maxPduLength, receiveQueueCapacity);
    }

    /** These options with other padding settings. */
    public IsoTpOptions withPadding(Padding value) {
        return new IsoTpOptions(address, flowControl, value, timeouts, linkLayer, listenOnly, broadcast, halfDuplex,
                maxPduLength, receiveQueueCapacity);
    }

    /** These options with other timeouts. */
    public IsoTpOptions withTimeouts(Timeouts value) {
        return new IsoTpOptions(address, flowControl, padding, value, linkLayer, listenOnly, broadcast, halfDuplex,
                maxPduLength, receiveQueueCapacity);
    }

    /** These options with another link layer. */
    public IsoTpOptions withLinkLayer(LinkLayer value) {
        return new IsoTpOptions(address, flowControl, padding, timeouts, value, listenOnly, broadcast, halfDuplex,
                maxPduLength, receiveQueueCapacity);
    }

    /** These options with listen-only mode switched. */
    public IsoTpOptions withListenOnly(boolean value) {
        return new IsoTpOptions(address, flowControl, padding, timeouts, linkLayer, value, broadcast, halfDuplex,
                maxPduLength, receiveQueueCapacity);
    }

    /** These options with another broadcast mode. */
    public IsoTpOptions withBroadcast(Broadcast value) {
        return new IsoTpOptions(address, flowControl, padding, timeouts, linkLayer, listenOnly, value, halfDuplex,
                maxPduLength, receiveQueueCapacity);
    }

    /** These options with half duplex switched. */
    public IsoTpOptions withHalfDuplex(boolean value) {
        return new IsoTpOptions(address, flowControl, padding, timeouts, linkLayer, listenOnly, broadcast, value,
                maxPduLength, receiveQueueCapacity);
    }

    /** These options with another maximum PDU length. */
    public IsoTpOptions withMaxPduLength(int value) {
        return new IsoTpOptions(address, flowControl, padding, timeouts, linkLayer, listenOnly, broadcast, halfDuplex,
                value, receiveQueueCapacity);
    }

    /** These options with another receive queue capacity. */
    public IsoTpOptions withReceiveQueueCapacity(int value) {
        return new IsoTpOptions(address, flowControl, padding, timeouts, linkLayer, listenOnly, broadcast, halfDuplex,
                maxPduLength, value);
    }

    /** These options announcing another block size (0..255, 0 = no further flow control). */
    public IsoTpOptions withBlockSize(int value) {
        return withFlowControl(flowControl.withBlockSize(value));
    }

    /** These options announcing another STmin byte (see {@link StMin}). */
    public IsoTpOptions withStMin(int value) {
        return withFlowControl(flowControl.withStMin(value));
    }

    /** These options accepting another number of WAIT flow controls in a row. */
    public IsoTpOptions withMaxWaitFrames(int value) {
        return withFlowControl(flowControl.withMaxWaitFrames(value));
    }

    /** These options sending consecutive frames {@code gap} apart whatever the receiver asks for. */
    public IsoTpOptions withForcedTxStMin(Duration gap) {
        return withFlowControl(flowControl.withForcedTxStMin(Optional.of(gap)));
    }

    /** These options padding every frame we send with {@code padByte}. */
    public IsoTpOptions withTxPadding(int padByte) {
        return withPadding(padding.withTx(OptionalInt.of(padByte)));
    }

    /** These options with the same four timeouts N_As, N_Ar, N_Bs and N_Cr. */
    public IsoTpOptions withTimeouts(Duration all) {
        return withTimeouts(new Timeouts(all, all, all, all));
    }

    /** These options on CAN FD with {@code txDataLength} (8, 12, 16, 20, 24, 32, 48 or 64) bytes per frame. */
    public IsoTpOptions withCanFd(int txDataLength, boolean bitRateSwitch) {
        return withLinkLayer(new LinkLayer(true, txDataLength, bitRateSwitch));
    }

    /**
     * Flow control: what we announce as receiver, and how we pace and wait as sender.
     *
     * @param blockSize      BS we announce: consecutive frames the sender may send before waiting
     *                       for our next flow control, 0..255, 0 = no limit (kernel: CAN_ISOTP_RECV_FC bs)
     * @param stMin          STmin byte we announce, 0..255, sent as is (see {@link StMin}; kernel:
     *                       CAN_ISOTP_RECV_FC stmin, which is not checked either)
     * @param maxWaitFrames  WAIT flow controls in a row we accept as sender before giving up, 0..255;
     *                       0 = a WAIT aborts the send (python-can-isotp {@code wftmax}; the kernel
     *                       accepts any number, so its engine ignores this). Default 16: ISO 15765-2
     *                       leaves the sender's tolerance open, and N_Bs bounds each wait.
     * @param forcedTxStMin  when present, the gap between our consecutive frames whatever the
     *                       receiver asks for (kernel: CAN_ISOTP_FORCE_TXSTMIN + CAN_ISOTP_TX_STMIN)
     * @param forcedRxStMin  when present, consecutive frames that come closer together than this
     *                       are dropped (kernel: CAN_ISOTP_FORCE_RXSTMIN + CAN_ISOTP_RX_STMIN)
     * @param frameTxTime    time added to every gap between our consecutive frames, for the frame's
     *                       own time on the wire (kernel: {@code frame_txtime}, default 50 µs there;
     *                       zero here because our gap starts when the previous frame has been sent)
     */
    public record FlowControl(int blockSize, int stMin, int maxWaitFrames, Optional<Duration> forcedTxStMin,
                              Optional<Duration> forcedRxStMin, Duration frameTxTime) {

        /** BS 0, STmin 0, up to 16 WAITs, nothing forced, no extra frame time. */
        public static final FlowControl DEFAULTS = new FlowControl(0, 0, 16, Optional.empty(), Optional.empty(),
                Duration.ZERO);

        /** Validates the fields. */
        public FlowControl {
            if (blockSize < 0 || blockSize > 0xFF) {
                throw new IllegalArgumentException("blockSize must be 0..255, got " + blockSize);
            }
            if (stMin < 0 || stMin > 0xFF) {
                throw new IllegalArgumentException("stMin must be a byte 0x00..0xFF, got " + stMin);
            }
            if (maxWaitFrames < 0 || maxWaitFrames > 0xFF) {
                throw new IllegalArgumentException("maxWaitFrames must be 0..255, got " + maxWaitFrames);
            }
            requireNonNull("forcedTxStMin", forcedTxStMin);
            requireNonNull("forcedRxStMin", forcedRxStMin);
            requireNonNull("frameTxTime", frameTxTime);
            checkGap("forcedTxStMin", forcedTxStMin.orElse(Duration.ZERO));
            checkGap("forcedRxStMin", forcedRxStMin.orElse(Duration.ZERO));
            checkGap("frameTxTime", frameTxTime);
        }

        /** A gap the kernel can hold (a u32 of nanoseconds), never negative. */
        private static void checkGap(String field, Duration gap) {
            requireNonNull(field, gap);
            if (gap.isNegative() || gap.toNanos() > 0xFFFF_FFFEL) {
                throw new IllegalArgumentException(field + " must be 0..4.29 s, got " + gap);
            }
        }

        /** With another block size. */
        public FlowControl withBlockSize(int value) {
            return new FlowControl(value, stMin, maxWaitFrames, forcedTxStMin, forcedRxStMin, frameTxTime);
        }

        /** With another STmin byte. */
        public FlowControl withStMin(int value) {
            return new FlowControl(blockSize, value, maxWaitFrames, forcedTxStMin, forcedRxStMin, frameTxTime);
        }

        /** With another WAIT limit. */
        public FlowControl withMaxWaitFrames(int value) {
            return new FlowControl(blockSize, stMin, value, forcedTxStMin, forcedRxStMin, frameTxTime);
        }

        /** With a forced transmit gap, or none. */
        public FlowControl withForcedTxStMin(Optional<Duration> value) {
            return new FlowControl(blockSize, stMin, maxWaitFrames, value, forcedRxStMin, frameTxTime);
        }

        /** With a forced minimum receive gap, or none. */
        public FlowControl withForcedRxStMin(Optional<Duration> value) {
            return new FlowControl(blockSize, stMin, maxWaitFrames, forcedTxStMin, value, frameTxTime);
        }

        /** With another frame transmission time. */
        public FlowControl withFrameTxTime(Duration value) {
            return new FlowControl(blockSize, stMin, maxWaitFrames, forcedTxStMin, forcedRxStMin, value);
        }
    }

    /**
     * Frame padding. Without {@code tx} padding, frames are as short as their content (CAN FD
     * frames above 8 bytes are still filled up to the next valid length, with 0xCC, as ISO
     * 15765-2 requires); with it, classic frames are always 8 bytes and CAN FD frames are filled
     * up to the next valid length with the pad byte. Flow controls are padded to 8 bytes.
     *
     * @param tx           the pad byte for frames we send (kernel: CAN_ISOTP_TX_PADDING + txpad_content)
     * @param rx           the pad byte received frames are padded with (kernel: CAN_ISOTP_RX_PADDING +
     *                     rxpad_content); only used by the checks
     * @param checkLength  check the length of received single, last consecutive and flow control
     *                     frames: with {@code rx}, classic frames must be 8 bytes; without it, frames
     *                     must be as short as their content (kernel: CAN_ISOTP_CHK_PAD_LEN)
     * @param checkContent check that the bytes after the content equal {@code rx}, which is then
     *                     required (kernel: CAN_ISOTP_CHK_PAD_DATA)
     */
    public record Padding(OptionalInt tx, OptionalInt rx, boolean checkLength, boolean checkContent) {

        /** No padding sent, none checked (the kernel's default). */
        public static final Padding NONE = new Padding(OptionalInt.empty(), OptionalInt.empty(), false, false);

        /** Validates the fields. */
        public Padding {
            requireNonNull("tx", tx);
            requireNonNull("rx", rx);
            if (tx.isPresent() && (tx.getAsInt() < 0 || tx.getAsInt() > 0xFF)) {
                throw new IllegalArgumentException("tx pad byte must be 0x00..0xFF, got " + tx.getAsInt());
            }
            if (rx.isPresent() && (rx.getAsInt() < 0 || rx.getAsInt() > 0xFF)) {
                throw new IllegalArgumentException("rx pad byte must be 0x00..0xFF, got " + rx.getAsInt());
            }
            if (checkContent && rx.isEmpty()) {
                // The kernel would reject every frame in this combination.
                throw new IllegalArgumentException("checkContent needs the rx pad byte to compare with");
            }
        }

        /** Padding with the same byte both ways, checked for length and content (a strict ECU). */
        public static Padding strict(int padByte) {
            return new Padding(OptionalInt.of(padByte), OptionalInt.of(padByte), true, true);
        }

        /** With another transmit pad byte, or none. */
        public Padding withTx(OptionalInt value) {
            return new Padding(value, rx, checkLength, checkContent);
        }

        /** With another expected receive pad byte, or none. */
        public Padding withRx(OptionalInt value) {
            return new Padding(tx, value, checkLength, checkContent);
        }

        /** With the length check switched. */
        public Padding withCheckLength(boolean value) {
            return new Padding(tx, rx, value, checkContent);
        }

        /** With the content check switched. */
        public Padding withCheckContent(boolean value) {
            return new Padding(tx, rx, checkLength, value);
        }

        /** Whether any receive check is on. */
        public boolean checksReceived() {
            return checkLength || checkContent;
        }
    }

    /**
     * The ISO 15765-2 timers, each 1 ms .. 1 h.
     *
     * @param nAs time for one of our data frames to get onto the bus
     * @param nAr time for one of our flow controls to get onto the bus
     * @param nBs time we wait for the receiver's flow control
     * @param nCr time we wait for the sender's next consecutive frame
     */
    public record Timeouts(Duration nAs, Duration nAr, Duration nBs, Duration nCr) {

        /** 1000 ms each, as the kernel's flow control and consecutive frame waits. */
        public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        /** Validates the fields. */
        public Timeouts {
            check("nAs", nAs);
            check("nAr", nAr);
            check("nBs", nBs);
            check("nCr", nCr);
        }

        private static void check(String field, Duration value) {
            requireNonNull(field, value);
            if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException(field + " must be 1 ms .. 1 h, got " + value);
            }
        }

        /** With another N_As. */
        public Timeouts withNAs(Duration value) {
            return new Timeouts(value, nAr, nBs, nCr);
        }

        /** With another N_Ar. */
        public Timeouts withNAr(Duration value) {
            return new Timeouts(nAs, value, nBs, nCr);
        }

        /** With another N_Bs. */
        public Timeouts withNBs(Duration value) {
            return new Timeouts(nAs, nAr, value, nCr);
        }

        /** With another N_Cr. */
        public Timeouts withNCr(Duration value) {
            return new Timeouts(nAs, nAr, nBs, value);
        }
    }

    /**
     * The CAN link layer (kernel: CAN_ISOTP_LL_OPTS).
     *
     * @param canFd         send CAN FD frames (kernel: mtu 72) and accept classic and CAN FD
     *                      frames; otherwise classic frames only both ways (mtu 16)
     * @param txDataLength  TX_DL, the payload of our full frames: 8, or on CAN FD 12, 16, 20, 24,
     *                      32, 48 or 64 (kernel: tx_dl)
     * @param bitRateSwitch send CAN FD frames with BRS (kernel: tx_flags CANFD_BRS)
     */
    public record LinkLayer(boolean canFd, int txDataLength, boolean bitRateSwitch) {

        /** Classic CAN, 8 bytes per frame. */
        public static final LinkLayer CLASSIC = new LinkLayer(false, 8, false);

        /** Validates the fields. */
        public LinkLayer {
            if (txDataLength < 8 || !Dlc.isValidFdLength(txDataLength)) {
                throw new IllegalArgumentException("txDataLength must be 8, 12, 16, 20, 24, 32, 48 or 64, got "
                        + txDataLength);
            }
            if (!canFd && txDataLength != 8) {
                throw new IllegalArgumentException("txDataLength " + txDataLength + " needs CAN FD (canFd = true)");
            }
            if (!canFd && bitRateSwitch) {
                throw new IllegalArgumentException("bitRateSwitch needs CAN FD (canFd = true)");
            }
        }
    }
}
