package dev.obdio.isotp;

import dev.obdio.can.CanFrame;
import dev.obdio.can.Dlc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The ISO 15765-2 protocol of one channel as a pure state machine: no threads, sockets, sleeps
 * or clock reads. Every input carries the current time; every input returns an {@link Output}
 * with the frames to put on the bus, the events that happened and the time of the next
 * {@link #onTick} it needs. The java engine's driver runs many of these on one bus; tests and
 * simulations drive it directly with a fake clock.
 *
 * <p>Inputs:
 * <ul>
 *   <li>{@link #send(byte[], long)}: start sending a PDU (one at a time, see {@link #canSend()});</li>
 *   <li>{@link #onFrame(CanFrame, long)}: a frame from the bus;</li>
 *   <li>{@link #onTick(long)}: time passed;</li>
 *   <li>{@link #onTransmitted(long, long)} / {@link #onTransmitFailed(long, String, long)}: a frame
 *       this machine asked for is on the bus, or the bus refused it. Until then the machine sends
 *       nothing more on that path and runs N_As (or N_Ar for a flow control); the gap STmin before
 *       the next consecutive frame starts when the previous one has been sent.</li>
 * </ul>
 *
 * <p>The reception and transmission paths have their own states ({@link RxState},
 * {@link TxState}) and run at the same time unless {@link IsoTpOptions#halfDuplex()} is set.
 *
 * <p>Not thread-safe: the caller serialises the inputs.
 */
public final class IsoTpStateMachine {

    /** The reception path. */
    public enum RxState {
        /** No segmented PDU is being received. */
        IDLE,
        /** A first frame came; waiting for consecutive frames. */
        WAIT_CF
    }

    /** The transmission path. */
    public enum TxState {
        /** Nothing is being sent. */
        IDLE,
        /** A single frame is on its way to the bus. */
        SEND_SF,
        /** The first frame is out; waiting for the receiver's first flow control. */
        WAIT_FIRST_FC,
        /** A block of consecutive frames is complete; waiting for the next flow control. */
        WAIT_FC,
        /** Sending consecutive frames, STmin apart. */
        SEND_CF
    }

    /**
     * A frame to put on the bus. Report the outcome with its token.
     *
     * @param token     identifies the frame in {@link #onTransmitted} and {@link #onTransmitFailed}
     * @param frame     the frame
     * @param frameType its ISO-TP type
     */
    public record Transmission(long token, CanFrame frame, FrameType frameType) {
    }

    /**
     * What one input produced; the lists are new for every output and belong to the caller.
     *
     * @param transmissions frames to send, in order
     * @param events        what happened, in order
     * @param hasDeadline   whether the machine needs an {@link #onTick} at {@code deadline}
     * @param deadline      when the next timer expires or the next consecutive frame is due
     * @param deadlineIsTxGap whether that deadline is the end of an STmin gap, which deserves a
     *                      precise wake-up; the others are timeouts
     */
    public record Output(List<Transmission> transmissions, List<IsoTpEvent> events, boolean hasDeadline,
                         long deadline, boolean deadlineIsTxGap) {

        /** The next deadline, if any. */
        public OptionalLong nextDeadline() {
            return hasDeadline ? OptionalLong.of(deadline) : OptionalLong.empty();
        }

        /** Whether there is nothing to send and nothing to report. */
        public boolean isEmpty() {
            return transmissions.isEmpty() && events.isEmpty();
        }
    }

    private static final int PCI_SF = 0x00;
    private static final int PCI_FF = 0x10;
    private static final int PCI_CF = 0x20;
    private static final int PCI_FC = 0x30;
    private static final int FC_CTS = 0;
    private static final int FC_WAIT = 1;
    private static final int FC_OVFLW = 2;
    private static final int MAX_12BIT_LENGTH = 4095;
    /** The pad byte ISO 15765-2 prescribes for CAN FD frames when padding is off. */
    private static final int FD_DEFAULT_PAD = 0xCC;

    // The address and options, resolved once.
    private final IsoTpOptions options;
    private final int txId;
    private final int rxId;
    private final boolean extendedIds;
    private final int txAe;
    private final int txAddressByte;
    private final int rxAe;
    private final int rxAddressByte;
    private final boolean canFd;
    private final boolean brs;
    private final int txDl;
    private final int txPad;
    private final int rxPad;
    private final boolean checkPadLength;
    private final boolean checkPadContent;
    private final int blockSize;
    private final int stMin;
    private final int maxWaitFrames;
    private final long forcedTxGap;
    private final long forcedRxGap;
    private final long frameTxTime;
    private final long nAs;
    private final long nAr;
    private final long nBs;
    private final long nCr;
    private final boolean listenOnly;
    private final IsoTpOptions.Broadcast broadcast;
    private final boolean halfDuplex;
    private final int maxPduLength;
    private final int singleFrameCapacity;
    private final boolean singleFramesOnly;

    private long nextToken = 1;

    // Reception path.
    private RxState rxState = RxState.IDLE;
    private byte[] rxBuffer;
    private int rxLength;
    private int rxIndex;
    private int rxSn;
    private int rxDl;
    private int rxBlockCount;
    private boolean rxTimerArmed;
    private long rxTimerAt;
    private boolean rxTimerIsNAr;
    private long rxFcToken;
    private boolean lastCfKnown;
    private long lastCfAt;

    // Transmission path.
    private TxState txState = TxState.IDLE;
    private byte[] txBuffer;
    private int txIndex;
    private int txSn;
    private int txPeerBlockSize;
    private long txGap;
    private int txBlockCount;
    private int txWaitCount;
    private long txPendingToken;
    private FrameType txPendingType;
    private boolean txTimerArmed;
    private long txTimerAt;
    private boolean txTimerIsNAs;
    private boolean txDueArmed;
    private long txDueAt;

    // Output of the input being processed; lists are created on demand.
    private List<Transmission> outFrames;
    private List<IsoTpEvent> outEvents;

    /** A machine in the idle state for a channel with these options. */
    public IsoTpStateMachine(IsoTpOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
        IsoTpAddress address = options.address();
        txId = address.txId();
        rxId = address.rxId();
        extendedIds = address.extendedIds();
        txAe = address.txAddressByte().isPresent() ? 1 : 0;
        txAddressByte = address.txAddressByte().orElse(0);
        rxAe = address.rxAddressByte().isPresent() ? 1 : 0;
        rxAddressByte = address.rxAddressByte().orElse(0);
        IsoTpOptions.LinkLayer ll = options.linkLayer();
        canFd = ll.canFd();
        brs = ll.bitRateSwitch();
        txDl = ll.txDataLength();
        IsoTpOptions.Padding padding = options.padding();
        txPad = padding.tx().orElse(-1);
        rxPad = padding.rx().orElse(-1);
        checkPadLength = padding.checkLength();
        checkPadContent = padding.checkContent();
        IsoTpOptions.FlowControl fc = options.flowControl();
        blockSize = fc.blockSize();
        stMin = fc.stMin();
        maxWaitFrames = fc.maxWaitFrames();
        forcedTxGap = fc.forcedTxStMin().map(Duration::toNanos).orElse(-1L);
        forcedRxGap = fc.forcedRxStMin().map(Duration::toNanos).orElse(-1L);
        frameTxTime = fc.frameTxTime().toNanos();
        IsoTpOptions.Timeouts t = options.timeouts();
        nAs = t.nAs().toNanos();
        nAr = t.nAr().toNanos();
        nBs = t.nBs().toNanos();
        nCr = t.nCr().toNanos();
        listenOnly = options.listenOnly();
        broadcast = options.broadcast();
        halfDuplex = options.halfDuplex();
        maxPduLength = options.maxPduLength();
        singleFrameCapacity = singleFrameCapacity(txDl, txAe);
        singleFramesOnly = broadcast == IsoTpOptions.Broadcast.SINGLE_FRAME || address.functional();
    }

    /** Payload bytes of a single frame at link data length {@code dl} with {@code ae} address bytes. */
    private static int singleFrameCapacity(int dl, int ae) {
        return dl <= Dlc.CLASSIC_MAX_LENGTH ? Dlc.CLASSIC_MAX_LENGTH - 1 - ae : dl - 2 - ae;
    }

    /** The options this machine was made with. */
    public IsoTpOptions options() {
        return options;
    }

    /** The reception state. */
    public RxState rxState() {
        return rxState;
    }

    /** The transmission state. */
    public TxState txState() {
        return txState;
    }

    /** The longest PDU that goes in one single frame with these options. */
    public int singleFrameCapacity() {
        return singleFrameCapacity;
    }

    /** Bytes held for the PDU being received (bounded by {@link IsoTpOptions#maxPduLength()}). */
    public int receiveBufferSize() {
        return rxBuffer == null ? 0 : rxBuffer.length;
    }

    /**
     * Whether {@link #send} would start now: nothing is being sent and, in half duplex, nothing
     * is being received.
     */
    public boolean canSend() {
        return txState == TxState.IDLE && (!halfDuplex || rxState == RxState.IDLE);
    }

    /**
     * Checks that a PDU of {@code length} bytes can be sent with these options at all.
     *
     * @throws IllegalArgumentException naming the limit
     */
    public void checkSendable(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("an ISO-TP PDU has at least 1 byte, got " + length);
        }
        if (length > maxPduLength) {
            throw new IllegalArgumentException("PDU of " + length + " bytes exceeds maxPduLength " + maxPduLength);
        }
        if (singleFramesOnly && length > singleFrameCapacity) {
            throw new IllegalArgumentException("PDU of " + length + " bytes does not fit a single frame ("
                    + singleFrameCapacity + " bytes), and this channel sends single frames only ("
                    + (broadcast == IsoTpOptions.Broadcast.SINGLE_FRAME ? "SINGLE_FRAME broadcast" : "functional address")
                    + ")");
        }
    }

    /**
     * Starts sending {@code payload}.
     *
     * @throws IllegalArgumentException if the PDU cannot be sent with these options (see {@link #checkSendable})
     * @throws IllegalStateException    if a send is in progress (see {@link #canSend()})
     */
    public Output send(byte[] payload, long now) {
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null");
        }
        checkSendable(payload.length);
        advance(now);
        if (!canSend()) {
            throw new IllegalStateException("cannot send now: transmission " + txState + ", reception " + rxState
                    + (halfDuplex ? " (half duplex)" : ""));
        }
        txBuffer = payload.clone();
        txIndex = 0;
        if (payload.length <= singleFrameCapacity) {
            txState = TxState.SEND_SF;
            transmitData(singleFrame(), FrameType.SINGLE_FRAME, now);
        } else {
            txSn = 1;
            txBlockCount = 0;
            txWaitCount = 0;
            if (broadcast == IsoTpOptions.Broadcast.CONSECUTIVE_FRAMES) {
                txPeerBlockSize = 0;
                txGap = (forcedTxGap >= 0 ? forcedTxGap : 0) + frameTxTime;
                txState = TxState.SEND_CF;
            } else {
                txState = TxState.WAIT_FIRST_FC;
            }
            transmitData(firstFrame(), FrameType.FIRST_FRAME, now);
        }
        return finish();
    }

    /** Time passed: expires timers and sends a consecutive frame that is due. */
    public Output onTick(long now) {
        advance(now);
        return finish();
    }

    /** A frame we were asked to send is on the bus, now. Unknown or stale tokens are ignored. */
    public Output onTransmitted(long token, long now) {
        return onTransmitted(token, now, now);
    }

    /**
     * A frame we were asked to send is on the bus: it was handed to the bus at {@code sentAt} and
     * the bus accepted it by {@code now}. The STmin gap before the next consecutive frame counts
     * from {@code sentAt}, when the frame went out on an instant bus; N_As is checked at {@code now}.
     * Unknown or stale tokens are ignored.
     */
    public Output onTransmitted(long token, long sentAt, long now) {
        advance(now);
        if (token != 0 && token == txPendingToken) {
            txPendingToken = 0;
            txTimerArmed = false;
            dataFrameSent(sentAt, now);
        } else if (token != 0 && token == rxFcToken) {
            rxFcToken = 0;
            if (rxState == RxState.WAIT_CF) {
                armRxTimer(now + nCr, false);
            }
        }
        return finish();
    }

    /** The bus refused a frame we asked for; the transfer it belongs to is aborted. */
    public Output onTransmitFailed(long token, String reason, long now) {
        advance(now);
        if (token != 0 && token == txPendingToken) {
            failTx(new IsoTpError.TransmitFailed(txPendingType, reason));
        } else if (token != 0 && token == rxFcToken) {
            failRx(new IsoTpError.TransmitFailed(FrameType.FLOW_CONTROL, reason));
        }
        return finish();
    }

    /** A frame from the bus. Frames not addressed to this channel are ignored. */
    public Output onFrame(CanFrame frame, long now) {
        advance(now);
        if (accepts(frame)) {
            process(frame, now);
        }
        return finish();
    }

    /** Whether a frame is for this channel: its identifier and address byte, and the link layer. */
    public boolean accepts(CanFrame frame) {
        return frame.isData() && frame.id() == rxId && frame.extended() == extendedIds
                && (canFd || !frame.fd()) && broadcast == IsoTpOptions.Broadcast.NONE
                && (rxAe == 0 || (frame.length() > 0 && frame.dataByte(0) == rxAddressByte));
    }

    // ---------------------------------------------------------------------------------- receive

    private void process(CanFrame frame, long now) {
        byte[] d = frame.data();
        int len = d.length;
        if (len <= rxAe) {
            report(new IsoTpError.MalformedFrame(FrameType.UNKNOWN, "no protocol byte in a frame of " + len + " bytes"));
            return;
        }
        int pci = d[rxAe] & 0xFF;
        FrameType type = FrameType.ofPci(pci);
        if (halfDuplex && ((txState != TxState.IDLE && type != FrameType.FLOW_CONTROL)
                || (rxState != RxState.IDLE && type == FrameType.FLOW_CONTROL))) {
            return; // one direction at a time, as the kernel's CAN_ISOTP_HALF_DUPLEX
        }
        switch (type) {
            case SINGLE_FRAME -> receiveSingleFrame(d, pci);
            case FIRST_FRAME -> receiveFirstFrame(d, pci, now);
            case CONSECUTIVE_FRAME -> receiveConsecutiveFrame(d, pci, now);
            case FLOW_CONTROL -> receiveFlowControl(d, pci, now);
            default -> report(new IsoTpError.MalformedFrame(FrameType.UNKNOWN,
                    String.format("reserved frame type %X (protocol byte %02X)", pci >> 4, pci)));
        }
    }

    private void receiveSingleFrame(byte[] d, int pci) {
        int len = d.length;
        int sfDl = pci & 0x0F;
        int pciLength = rxAe + 1;
        if (len <= Dlc.CLASSIC_MAX_LENGTH) {
            if (sfDl == 0) {
                report(malformedSingle("SF_DL 0 in a frame of " + len + " bytes (the escape needs CAN_DL > 8)"));
                return;
            }
        } else {
            if (sfDl != 0) {
                report(malformedSingle("SF_DL " + sfDl + " in a frame of " + len
                        + " bytes: above 8 bytes the length must follow the escape 00 LL"));
                return;
            }
            sfDl = d[rxAe + 1] & 0xFF;
            pciLength = rxAe + 2;
            if (sfDl == 0) {
                report(malformedSingle("escaped SF_DL 0"));
                return;
            }
        }
        if (sfDl > len - pciLength) {
            report(malformedSingle("SF_DL " + sfDl + " but the frame holds " + (len - pciLength) + " bytes"));
            return;
        }
        String padProblem = paddingProblem(d, pciLength + sfDl);
        if (padProblem != null) {
            report(new IsoTpError.BadPadding(FrameType.SINGLE_FRAME, padProblem));
            return;
        }
        interruptReception(FrameType.SINGLE_FRAME);
        byte[] pdu = new byte[sfDl];
        System.arraycopy(d, pciLength, pdu, 0, sfDl);
        event(new IsoTpEvent.Received(pdu));
    }

    private static IsoTpError malformedSingle(String reason) {
        return new IsoTpError.MalformedFrame(FrameType.SINGLE_FRAME, reason);
    }

    private void receiveFirstFrame(byte[] d, int pci, long now) {
        int len = d.length;
        if (len < rxAe + 2) {
            report(malformedFirst("a frame of " + len + " bytes has no room for FF_DL"));
            return;
        }
        // RX_DL is learned from the first frame; a classic one shorter than 8 bytes still means 8.
        int frameDl = len <= Dlc.CLASSIC_MAX_LENGTH ? Dlc.CLASSIC_MAX_LENGTH : len;
        if (len < Dlc.CLASSIC_MAX_LENGTH && checkPadLength) {
            report(new IsoTpError.BadPadding(FrameType.FIRST_FRAME, "first frame of " + len
                    + " bytes, it must fill the 8-byte frame"));
            return;
        }
        long ffDl = ((pci & 0x0F) << 8) | (d[rxAe + 1] & 0xFF);
        int pciLength = rxAe + 2;
        if (ffDl == 0) {
            if (len < rxAe + 6) {
                report(malformedFirst("FF_DL escape 10 00 in a frame of " + len + " bytes, too short for a 32-bit length"));
                return;
            }
            ffDl = ((d[rxAe + 2] & 0xFFL) << 24) | ((d[rxAe + 3] & 0xFF) << 16) | ((d[rxAe + 4] & 0xFF) << 8)
                    | (d[rxAe + 5] & 0xFF);
            pciLength = rxAe + 6;
        }
        int minimum = singleFrameCapacity(frameDl, rxAe) + 1;
        if (ffDl < minimum) {
            report(malformedFirst("FF_DL " + ffDl + " fits a single frame (a first frame of " + len
                    + " bytes announces at least " + minimum + ")"));
            return;
        }
        interruptReception(FrameType.FIRST_FRAME);
        if (ffDl > maxPduLength) {
            report(new IsoTpError.PduTooLong(ffDl, maxPduLength));
            if (!listenOnly) {
                transmitFlowControl(FC_OVFLW, false, now);
            }
            return;
        }
        rxLength = (int) ffDl;
        rxBuffer = new byte[rxLength];
        rxIndex = len - pciLength;
        System.arraycopy(d, pciLength, rxBuffer, 0, rxIndex);
        rxDl = frameDl;
        rxSn = 1;
        rxBlockCount = 0;
        rxState = RxState.WAIT_CF;
        if (listenOnly) {
            armRxTimer(now + nCr, false);
        } else {
            transmitFlowControl(FC_CTS, true, now);
        }
    }

    private static IsoTpError malformedFirst(String reason) {
        return new IsoTpError.MalformedFrame(FrameType.FIRST_FRAME, reason);
    }

    private void receiveConsecutiveFrame(byte[] d, int pci, long now) {
        if (rxState != RxState.WAIT_CF) {
            report(new IsoTpError.UnexpectedFrame(FrameType.CONSECUTIVE_FRAME));
            return;
        }
        if (forcedRxGap >= 0) {
            if (lastCfKnown && now - lastCfAt < forcedRxGap) {
                return; // closer than we demand: dropped, as the kernel's CAN_ISOTP_FORCE_RXSTMIN
            }
            lastCfKnown = true;
            lastCfAt = now;
        }
        int len = d.length;
        int remaining = rxLength - rxIndex;
        if (len > rxDl) {
            report(malformedConsecutive("frame of " + len + " bytes, longer than RX_DL " + rxDl));
            return;
        }
        if (len < rxDl && remaining > rxDl - rxAe - 1) {
            report(malformedConsecutive("frame of " + len + " bytes before the last, shorter than RX_DL " + rxDl));
            return;
        }
        rxFcToken = 0; // a consecutive frame proves our flow control went out
        int sn = pci & 0x0F;
        if (sn != rxSn) {
            failRx(new IsoTpError.WrongSequenceNumber(rxSn, sn));
            return;
        }
        rxSn = (rxSn + 1) & 0x0F;
        int take = Math.min(len - rxAe - 1, remaining);
        System.arraycopy(d, rxAe + 1, rxBuffer, rxIndex, take);
        rxIndex += take;
        if (rxIndex >= rxLength) {
            String padProblem = paddingProblem(d, rxAe + 1 + take);
            byte[] pdu = rxBuffer;
            resetRx();
            if (padProblem != null) {
                report(new IsoTpError.BadPadding(FrameType.CONSECUTIVE_FRAME, padProblem));
            } else {
                event(new IsoTpEvent.Received(pdu));
            }
            return;
        }
        if (blockSize > 0 && ++rxBlockCount >= blockSize) {
            rxBlockCount = 0;
            if (!listenOnly) {
                transmitFlowControl(FC_CTS, true, now);
                return;
            }
        }
        armRxTimer(now + nCr, false);
    }

    private static IsoTpError malformedConsecutive(String reason) {
        return new IsoTpError.MalformedFrame(FrameType.CONSECUTIVE_FRAME, reason);
    }

    /** A new single or first frame ends a reception in progress. */
    private void interruptReception(FrameType by) {
        if (rxState == RxState.WAIT_CF) {
            failRx(new IsoTpError.ReceptionInterrupted(by, rxIndex, rxLength));
        }
    }

    private void resetRx() {
        rxState = RxState.IDLE;
        rxBuffer = null;
        rxLength = 0;
        rxIndex = 0;
        rxTimerArmed = false;
        rxFcToken = 0;
        lastCfKnown = false;
    }

    private void failRx(IsoTpError error) {
        resetRx();
        report(error);
    }

    private void transmitFlowControl(int flowStatus, boolean track, long now) {
        int used = txAe + 3;
        byte[] data = newFrameData(used);
        data[txAe] = (byte) (PCI_FC | flowStatus);
        data[txAe + 1] = (byte) blockSize;
        data[txAe + 2] = (byte) stMin;
        long token = nextToken++;
        if (track) {
            rxFcToken = token;
            lastCfKnown = false;
            armRxTimer(now + nAr, true);
        }
        transmission(token, data, FrameType.FLOW_CONTROL);
    }

    private void armRxTimer(long at, boolean isNAr) {
        rxTimerArmed = true;
        rxTimerAt = at;
        rxTimerIsNAr = isNAr;
    }

    // ------------------------------------------------------------------------------------ send

    private void receiveFlowControl(byte[] d, int pci, long now) {
        if (txState != TxState.WAIT_FIRST_FC && txState != TxState.WAIT_FC) {
            report(new IsoTpError.UnexpectedFrame(FrameType.FLOW_CONTROL));
            return;
        }
        // A flow control proves our first frame, or the last of a block, reached the bus.
        txPendingToken = 0;
        txTimerArmed = false;
        int len = d.length;
        if (len < rxAe + 3) {
            failTx(new IsoTpError.MalformedFrame(FrameType.FLOW_CONTROL, "frame of " + len
                    + " bytes has no room for flow status, BS and STmin"));
            return;
        }
        String padProblem = paddingProblem(d, rxAe + 3);
        if (padProblem != null) {
            failTx(new IsoTpError.BadPadding(FrameType.FLOW_CONTROL, padProblem));
            return;
        }
        int flowStatus = pci & 0x0F;
        switch (flowStatus) {
            case FC_CTS -> {
                if (txState == TxState.WAIT_FIRST_FC) {
                    // BS and STmin are taken from the first clear-to-send of a transfer only.
                    txPeerBlockSize = d[rxAe + 1] & 0xFF;
                    txGap = (forcedTxGap >= 0 ? forcedTxGap : StMin.toNanos(d[rxAe + 2] & 0xFF)) + frameTxTime;
                }
                txWaitCount = 0;
                txBlockCount = 0;
                txState = TxState.SEND_CF;
                sendConsecutiveFrame(now);
            }
            case FC_WAIT -> {
                if (txWaitCount >= maxWaitFrames) {
                    failTx(new IsoTpError.WaitFrameLimit(maxWaitFrames));
                } else {
                    txWaitCount++;
                    armTxTimer(now + nBs, false);
                }
            }
            case FC_OVFLW -> failTx(new IsoTpError.Overflow(txBuffer.length));
            default -> failTx(new IsoTpError.MalformedFrame(FrameType.FLOW_CONTROL,
                    "reserved flow status " + flowStatus));
        }
    }

    /** Our single, first or consecutive frame is on the bus: decide what comes next. */
    private void dataFrameSent(long sentAt, long now) {
        switch (txState) {
            case SEND_SF -> finishTx();
            case WAIT_FIRST_FC, WAIT_FC -> armTxTimer(now + nBs, false);
            case SEND_CF -> {
                if (txIndex >= txBuffer.length) {
                    finishTx();
                } else if (txGap == 0 || now - (sentAt + txGap) >= 0) {
                    sendConsecutiveFrame(now);
                } else {
                    txDueArmed = true;
                    txDueAt = sentAt + txGap;
                }
            }
            default -> {
            }
        }
    }

    private void sendConsecutiveFrame(long now) {
        int space = txDl - txAe - 1;
        int count = Math.min(space, txBuffer.length - txIndex);
        byte[] data = newFrameData(txAe + 1 + count);
        data[txAe] = (byte) (PCI_CF | txSn);
        System.arraycopy(txBuffer, txIndex, data, txAe + 1, count);
        txIndex += count;
        txSn = (txSn + 1) & 0x0F;
        txBlockCount++;
        if (txIndex < txBuffer.length && txPeerBlockSize > 0 && txBlockCount >= txPeerBlockSize) {
            txState = TxState.WAIT_FC; // set now: the flow control may come before our confirmation
        }
        transmitData(data, FrameType.CONSECUTIVE_FRAME, now);
    }

    private byte[] singleFrame() {
        int length = txBuffer.length;
        boolean escape = length > Dlc.CLASSIC_MAX_LENGTH - 1 - txAe; // only when it does not fit 8 bytes
        int pciLength = txAe + (escape ? 2 : 1);
        byte[] data = newFrameData(pciLength + length);
        if (escape) {
            data[txAe] = PCI_SF;
            data[txAe + 1] = (byte) length;
        } else {
            data[txAe] = (byte) (PCI_SF | length);
        }
        System.arraycopy(txBuffer, 0, data, pciLength, length);
        txIndex = length;
        return data;
    }

    private byte[] firstFrame() {
        int length = txBuffer.length;
        byte[] data = newFrameData(txDl);
        int pciLength;
        if (length > MAX_12BIT_LENGTH) {
            data[txAe] = PCI_FF;
            data[txAe + 1] = 0;
            data[txAe + 2] = (byte) (length >>> 24);
            data[txAe + 3] = (byte) (length >>> 16);
            data[txAe + 4] = (byte) (length >>> 8);
            data[txAe + 5] = (byte) length;
            pciLength = txAe + 6;
        } else {
            data[txAe] = (byte) (PCI_FF | (length >> 8));
            data[txAe + 1] = (byte) length;
            pciLength = txAe + 2;
        }
        int count = txDl - pciLength;
        System.arraycopy(txBuffer, 0, data, pciLength, count);
        txIndex = count;
        return data;
    }

    private void transmitData(byte[] data, FrameType type, long now) {
        long token = nextToken++;
        txPendingToken = token;
        txPendingType = type;
        txDueArmed = false;
        armTxTimer(now + nAs, true);
        transmission(token, data, type);
    }

    private void armTxTimer(long at, boolean isNAs) {
        txTimerArmed = true;
        txTimerAt = at;
        txTimerIsNAs = isNAs;
    }

    private void finishTx() {
        int length = txBuffer.length;
        resetTx();
        event(new IsoTpEvent.Sent(length));
    }

    private void failTx(IsoTpError error) {
        resetTx();
        report(error);
    }

    private void resetTx() {
        txState = TxState.IDLE;
        txBuffer = null;
        txPendingToken = 0;
        txTimerArmed = false;
        txDueArmed = false;
    }

    // ------------------------------------------------------------------------------ frames, time

    /**
     * Frame data for {@code used} bytes of content, already padded: with tx padding to 8 bytes or
     * the next CAN FD length; without, CAN FD frames above 8 bytes are still filled with 0xCC.
     */
    private byte[] newFrameData(int used) {
        int length = used;
        int pad = -1;
        if (txPad >= 0) {
            length = used <= Dlc.CLASSIC_MAX_LENGTH ? Dlc.CLASSIC_MAX_LENGTH : Dlc.fdLengthAtLeast(used);
            pad = txPad;
        } else if (used > Dlc.CLASSIC_MAX_LENGTH) {
            length = Dlc.fdLengthAtLeast(used);
            pad = FD_DEFAULT_PAD;
        }
        byte[] data = new byte[length];
        if (pad >= 0) {
            Arrays.fill(data, used, length, (byte) pad);
        }
        if (txAe != 0) {
            data[0] = (byte) txAddressByte;
        }
        return data;
    }

    private void transmission(long token, byte[] data, FrameType type) {
        CanFrame frame = canFd ? CanFrame.fd(txId, extendedIds, brs, false, data) : CanFrame.data(txId, extendedIds, data);
        if (outFrames == null) {
            outFrames = new ArrayList<>(2);
        }
        outFrames.add(new Transmission(token, frame, type));
    }

    /**
     * The padding checks of a received frame whose content ends before {@code start}, as the
     * kernel's {@code check_pad}; null when the frame passes or no check is on.
     */
    private String paddingProblem(byte[] d, int start) {
        if (!checkPadLength && !checkPadContent) {
            return null;
        }
        int len = d.length;
        if (rxPad < 0) {
            // Without padding, a frame must be as short as its content allows.
            int optimal = start <= Dlc.CLASSIC_MAX_LENGTH && len <= Dlc.CLASSIC_MAX_LENGTH ? start
                    : Dlc.fdLengthAtLeast(Math.max(start, Dlc.CLASSIC_MAX_LENGTH + 1));
            return len == optimal ? null : "frame of " + len + " bytes, " + optimal + " expected for unpadded content of "
                    + start + " bytes";
        }
        if (checkPadLength && len < Dlc.CLASSIC_MAX_LENGTH) {
            return "frame of " + len + " bytes, padded frames have 8";
        }
        if (checkPadContent) {
            for (int i = start; i < len; i++) {
                if ((d[i] & 0xFF) != rxPad) {
                    return String.format("byte %d is %02X, the pad byte is %02X", i, d[i] & 0xFF, rxPad);
                }
            }
        }
        return null;
    }

    /** Runs the timers that expired by {@code now} and sends a consecutive frame that is due. */
    private void advance(long now) {
        if (txTimerArmed && now - txTimerAt >= 0) {
            if (txTimerIsNAs) {
                failTx(new IsoTpError.TransmitTimeout(txPendingType, Duration.ofNanos(nAs)));
            } else {
                failTx(new IsoTpError.FlowControlTimeout(Duration.ofNanos(nBs)));
            }
        }
        if (txDueArmed && now - txDueAt >= 0) {
            txDueArmed = false;
            sendConsecutiveFrame(now);
        }
        if (rxTimerArmed && now - rxTimerAt >= 0) {
            if (rxTimerIsNAr) {
                failRx(new IsoTpError.TransmitTimeout(FrameType.FLOW_CONTROL, Duration.ofNanos(nAr)));
            } else {
                failRx(new IsoTpError.ConsecutiveFrameTimeout(Duration.ofNanos(nCr), rxIndex, rxLength));
            }
        }
    }

    private void report(IsoTpError error) {
        event(new IsoTpEvent.Failed(error));
    }

    private void event(IsoTpEvent e) {
        if (outEvents == null) {
            outEvents = new ArrayList<>(2);
        }
        outEvents.add(e);
    }

    private Output finish() {
        Output out = withDeadline(outFrames == null ? List.of() : outFrames, outEvents == null ? List.of() : outEvents);
        outFrames = null;
        outEvents = null;
        return out;
    }

    private Output withDeadline(List<Transmission> frames, List<IsoTpEvent> events) {
        boolean has = false;
        long at = 0;
        boolean gap = false;
        if (txTimerArmed) {
            has = true;
            at = txTimerAt;
        }
        if (txDueArmed && (!has || txDueAt - at < 0)) {
            has = true;
            at = txDueAt;
            gap = true;
        }
        if (rxTimerArmed && (!has || rxTimerAt - at < 0)) {
            has = true;
            at = rxTimerAt;
            gap = false;
        }
        return new Output(frames, events, has, at, gap);
    }

    /**
     * The machine's current deadline, as the last {@link Output} reported it: an empty output
     * whose {@link Output#hasDeadline()}, {@link Output#deadline()} and
     * {@link Output#deadlineIsTxGap()} tell when the next {@link #onTick} is needed.
     */
    public Output pendingDeadline() {
        return withDeadline(List.of(), List.of());
    }

    @Override
    public String toString() {
        return "IsoTpStateMachine[" + options.address() + " rx=" + rxState + " tx=" + txState + "]";
    }
}
