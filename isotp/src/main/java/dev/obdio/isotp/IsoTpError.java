package dev.obdio.isotp;

import java.time.Duration;

/**
 * A protocol fault seen by an ISO-TP channel. Faults are values: listeners receive them in
 * {@link IsoTpEvent.Failed}, blocking calls throw an {@link IsoTpException} that carries one.
 *
 * <p>Each type names the Linux kernel's report ({@code net/can/isotp.c}, as {@code errno} on the
 * socket) and the python-can-isotp error class it corresponds to, so users of either find their
 * bearings. Where the kernel says "silent", it drops the frame without telling the socket user.
 *
 * <p>{@link #direction()} tells which path the fault belongs to; {@link #abortsTransfer()} whether
 * a PDU being sent or received was lost because of it. Faults that do not abort anything (a stray
 * consecutive frame, a malformed frame that was ignored) are reported to listeners only.
 */
public sealed interface IsoTpError {

    /** The path a fault belongs to. */
    enum Direction {
        /** Receiving a PDU (or a frame that was expected to start one). */
        RECEIVE,
        /** Sending a PDU. */
        TRANSMIT
    }

    /** The path the fault belongs to. */
    Direction direction();

    /** Whether a PDU being sent or received was lost. */
    boolean abortsTransfer();

    /** A one-line description for people. */
    String message();

    /** The path a received frame belongs to: flow controls steer our sends, the rest our receptions. */
    private static Direction pathOf(FrameType frameType) {
        return frameType == FrameType.FLOW_CONTROL ? Direction.TRANSMIT : Direction.RECEIVE;
    }

    /** The path a frame we send belongs to: our flow controls serve a reception, the rest a send. */
    private static Direction ourFramePath(FrameType frameType) {
        return frameType == FrameType.FLOW_CONTROL ? Direction.RECEIVE : Direction.TRANSMIT;
    }

    /**
     * N_Bs expired: the receiver sent no flow control in time after our first frame, after a full
     * block, or after a WAIT. The send is aborted. Kernel: {@code ECOMM}; python-can-isotp:
     * {@code FlowControlTimeoutError}.
     *
     * @param timeout the N_Bs that expired
     */
    record FlowControlTimeout(Duration timeout) implements IsoTpError {
        @Override
        public Direction direction() {
            return Direction.TRANSMIT;
        }

        @Override
        public boolean abortsTransfer() {
            return true;
        }

        @Override
        public String message() {
            return "no flow control within N_Bs = " + timeout.toMillis() + " ms";
        }
    }

    /**
     * N_Cr expired: the sender's next consecutive frame did not come in time. The PDU being
     * received is dropped. Kernel: {@code ETIMEDOUT}; python-can-isotp:
     * {@code ConsecutiveFrameTimeoutError}.
     *
     * @param timeout       the N_Cr that expired
     * @param receivedBytes bytes of the PDU received so far, -1 when unknown (the kernel engine)
     * @param expectedBytes the PDU length announced in the first frame, -1 when unknown (the kernel engine)
     */
    record ConsecutiveFrameTimeout(Duration timeout, int receivedBytes, int expectedBytes) implements IsoTpError {
        @Override
        public Direction direction() {
            return Direction.RECEIVE;
        }

        @Override
        public boolean abortsTransfer() {
            return true;
        }

        @Override
        public String message() {
            String progress = receivedBytes < 0 || expectedBytes < 0 ? "" : " (" + receivedBytes + " of "
                    + expectedBytes + " bytes received)";
            return "no consecutive frame within N_Cr = " + timeout.toMillis() + " ms" + progress;
        }
    }

    /**
     * N_As (our data frames) or N_Ar (our flow control) expired: a frame we sent was not on the
     * bus in time, e.g. because the transmit queue stayed full on a bus nobody acknowledges. The
     * transfer it belongs to is aborted. Kernel: {@code ECOMM} (the local echo did not come back
     * in time); python-can-isotp: none.
     *
     * @param frameType the frame that was late
     * @param timeout   the N_As or N_Ar that expired
     */
    record TransmitTimeout(FrameType frameType, Duration timeout) implements IsoTpError {
        @Override
        public Direction direction() {
            return ourFramePath(frameType);
        }

        @Override
        public boolean abortsTransfer() {
            return true;
        }

        @Override
        public String message() {
            String timer = frameType == FrameType.FLOW_CONTROL ? "N_Ar" : "N_As";
            return frameType + " not transmitted within " + timer + " = " + timeout.toMillis() + " ms";
        }
    }

    /**
     * The bus refused a frame we had to send (interface down, transmit buffer full, endpoint
     * closed). The transfer it belongs to is aborted. Kernel: the error of {@code write()}
     * ({@code ENETDOWN}, {@code ENOBUFS}, …); python-can-isotp: the exception of its {@code txfn}.
     *
     * @param frameType the frame that could not be sent
     * @param reason    what the bus said
     */
    record TransmitFailed(FrameType frameType, String reason) implements IsoTpError {
        @Override
        public Direction direction() {
            return ourFramePath(frameType);
        }

        @Override
        public boolean abortsTransfer() {
            return true;
        }

        @Override
        public String message() {
            return "could not send " + frameType + ": " + reason;
        }
    }

    /**
     * A consecutive frame carried the wrong sequence number. The PDU being received is dropped.
     * Kernel: {@code EILSEQ}; python-can-isotp: {@code WrongSequenceNumberError}.
     *
     * @param expected the sequence number due (0..15), -1 when unknown (the kernel engine)
     * @param received the one that came (0..15), -1 when unknown (the kernel engine)
     */
    record WrongSequenceNumber(int expected, int received) implements IsoTpError {
        @Override
        public Direction direction() {
            return Direction.RECEIVE;
        }

        @Override
        public boolean abortsTransfer() {
            return true;
        }

        @Override
        public String message() {
            if (received < 0 || expected < 0) {
                return "consecutive frame with a wrong sequence number";
            }
            return String.format("consecutive frame with sequence number %X, expected %X", received, expected);
        }
    }

    /**
     * The receiver answered our first frame with flow status OVFLW: the PDU is too long for its
     * buffer. The send is aborted. Kernel: {@code EMSGSIZE}; python-can-isotp: {@code OverflowError}.
     *
     * @param pduLength the length we tried to send
     */
    record Overflow(int pduLength) implements IsoTpError {
        @Override
        public Direction direction() {
            return Direction.TRANSMIT;
        }

        @Override
        public boolean abortsTransfer() {
            return true;
        }

        @Override
        public String message() {
            return "the receiver has no room for " + pduLength + " bytes (flow control OVFLW)";
        }
    }

    /**
     * The receiver sent more WAIT flow controls in a row than we accept
     * ({@link IsoTpOptions#maxWaitFrames()}; 0 means any WAIT is too many). The send is aborted.
     * Kernel: none (it accepts any number of WAITs); python-can-isotp:
     * {@code MaximumWaitFrameReachedError}, or {@code UnsupportedWaitFrameError} for a limit of 0.
     *
     * @param maxWaitFrames the limit that was exceeded
     */
    record WaitFrameLimit(int maxWaitFrames) implements IsoTpError {
        @Override
        public Direction direction() {
            return Direction.TRANSMIT;
        }

        @Override
        public boolean abortsTransfer() {
            return true;
        }

        @Override
        public String message() {
            return maxWaitFrames == 0 ? "the receiver asked us to WAIT, which is not accepted (maxWaitFrames = 0)"
                    : "the receiver sent more than " + maxWaitFrames + " WAIT flow controls in a row";
        }
    }

    /**
     * A well-formed frame that nothing was waiting for: a consecutive frame while no reception
     * is in progress, or a flow control while we are not waiting for one. It is ignored and
     * nothing is lost. Kernel: silent; python-can-isotp: {@code UnexpectedConsecutiveFrameError},
     * {@code UnexpectedFlowControlError}.
     *
     * @param frameType the frame that came
     */
    record UnexpectedFrame(FrameType frameType) implements IsoTpError {
        @Override
        public Direction direction() {
            return pathOf(frameType);
        }

        @Override
        public boolean abortsTransfer() {
            return false;
        }

        @Override
        public String message() {
            return frameType == FrameType.FLOW_CONTROL ? "flow control while not waiting for one (ignored)"
                    : "consecutive frame while no reception is in progress (ignored)";
        }
    }

    /**
     * A new single or first frame came while a segmented PDU was being received: the old PDU is
     * dropped and the new one is taken, as ISO 15765-2 requires. Kernel: silent; python-can-isotp:
     * {@code ReceptionInterruptedWithSingleFrameError}, {@code ReceptionInterruptedWithFirstFrameError}.
     *
     * @param by            the frame that interrupted the reception
     * @param receivedBytes bytes of the dropped PDU received so far
     * @param expectedBytes the dropped PDU's announced length
     */
    record ReceptionInterrupted(FrameType by, int receivedBytes, int expectedBytes) implements IsoTpError {
        @Override
        public Direction direction() {
            return Direction.RECEIVE;
        }

        @Override
        public boolean abortsTransfer() {
            return true;
        }

        @Override
        public String message() {
            return "reception of " + expectedBytes + " bytes interrupted by a new " + by + " after "
                    + receivedBytes + " bytes";
        }
    }

    /**
     * A frame whose protocol information cannot be valid: a reserved frame type, a length that
     * does not fit the frame, a CAN FD single frame without the length escape, a first frame
     * announcing a length that fits a single frame, a consecutive frame of the wrong size, a flow
     * control with a reserved flow status. A malformed data frame is ignored and does not disturb
     * a reception in progress; a malformed flow control we were waiting for aborts the send.
     * Kernel: silent on receive, {@code EBADMSG} for a flow control; python-can-isotp:
     * {@code InvalidCanDataError}, {@code MissingEscapeSequenceError}, {@code ChangingInvalidRXDLError},
     * {@code InvalidCanFdFirstFrameRXDL}.
     *
     * @param frameType the frame type as far as it could be read
     * @param reason    what is wrong with it
     */
    record MalformedFrame(FrameType frameType, String reason) implements IsoTpError {
        @Override
        public Direction direction() {
            return pathOf(frameType);
        }

        @Override
        public boolean abortsTransfer() {
            return frameType == FrameType.FLOW_CONTROL;
        }

        @Override
        public String message() {
            return "malformed " + frameType + ": " + reason;
        }
    }

    /**
     * A first frame announced a PDU longer than {@link IsoTpOptions#maxPduLength()}; we answered
     * with flow status OVFLW (except in listen-only mode) and dropped it. Kernel: silent (it sends
     * the OVFLW); python-can-isotp: {@code FrameTooLongError}.
     *
     * @param announcedLength the FF_DL of the first frame
     * @param maxPduLength    our limit
     */
    record PduTooLong(long announcedLength, int maxPduLength) implements IsoTpError {
        @Override
        public Direction direction() {
            return Direction.RECEIVE;
        }

        @Override
        public boolean abortsTransfer() {
            return true;
        }

        @Override
        public String message() {
            return "first frame announces " + announcedLength + " bytes, more than maxPduLength " + maxPduLength
                    + " (answered OVFLW)";
        }
    }

    /**
     * A received frame failed the padding checks ({@link IsoTpOptions.Padding#checkLength()},
     * {@link IsoTpOptions.Padding#checkContent()}): a single frame or the last consecutive frame drops
     * its PDU, a flow control aborts the send. Kernel: {@code EBADMSG}; python-can-isotp: none
     * (it does not check padding).
     *
     * @param frameType the frame that failed
     * @param reason    which check failed
     */
    record BadPadding(FrameType frameType, String reason) implements IsoTpError {
        @Override
        public Direction direction() {
            return pathOf(frameType);
        }

        @Override
        public boolean abortsTransfer() {
            return true;
        }

        @Override
        public String message() {
            return "bad padding in " + frameType + ": " + reason;
        }
    }
}
