package dev.obdio.isotp;

import dev.obdio.can.Subscription;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One ISO-TP connection on a CAN bus: PDUs of up to {@link IsoTpOptions#maxPduLength()} bytes
 * (beyond 4095 with the 32-bit FF_DL escape) to and from the peer its
 * {@linkplain IsoTpOptions#address() address} names. Open one with {@link IsoTp#open}; the
 * java and the kernel engines both stand behind this interface.
 *
 * <p>Sends are queued and go out one after the other. Received PDUs are taken either by polling
 * {@link #receive(Duration)} or, once a listener is {@linkplain #subscribe subscribed}, as
 * {@link IsoTpEvent}s; while a listener is subscribed {@code receive} is unavailable, as with
 * {@link dev.obdio.can.CanBus}.
 *
 * <p>Faults: a send that fails completes its future exceptionally with an {@link IsoTpException};
 * {@code receive} throws an {@link IsoTpException} for a PDU lost on the way in (timeout, wrong
 * sequence number, bad padding, overflow); listeners receive every fault as
 * {@link IsoTpEvent.Failed}, including those that lose nothing. Closing, or the bus refusing to
 * work, is reported with a {@link dev.obdio.can.CanException}.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface IsoTpChannel extends AutoCloseable {

    /** The options the channel was opened with. */
    IsoTpOptions options();

    /** The bus the channel runs on, as named when opened ({@code vcan0}, {@code virtual:car}, …). */
    String busName();

    /**
     * Sends a PDU and waits until its last frame is on the bus.
     *
     * @throws IllegalArgumentException if the PDU is empty, longer than
     *                                  {@link IsoTpOptions#maxPduLength()}, or does not fit the
     *                                  single frame a broadcast or functional channel allows
     * @throws IsoTpException           when the transfer failed (no flow control, overflow, …)
     * @throws dev.obdio.can.CanException when the channel is closed
     * @throws InterruptedException     when the waiting thread is interrupted (the send goes on)
     */
    void send(byte[] pdu) throws InterruptedException;

    /**
     * Queues a PDU for sending. The future completes when its last frame is on the bus, or
     * exceptionally with an {@link IsoTpException} (protocol fault) or a
     * {@link dev.obdio.can.CanException} (channel closed before it went out). It completes on the
     * channel's event thread, so do not wait on it inside a listener (use {@link #send} there).
     *
     * @throws IllegalArgumentException as {@link #send(byte[])}
     * @throws IllegalStateException    when more than a bounded number of sends are queued
     */
    CompletableFuture<Void> sendAsync(byte[] pdu);

    /**
     * Waits up to {@code timeout} for the next PDU.
     *
     * @return the PDU, or {@code null} when the timeout expired
     * @throws IsoTpException        when a PDU was lost on the way in; the next call goes on
     * @throws IllegalStateException while a listener is subscribed
     * @throws dev.obdio.can.CanException when the channel is closed
     * @throws InterruptedException  when the waiting thread is interrupted
     */
    byte[] receive(Duration timeout) throws InterruptedException;

    /** Delivers every event of this channel to {@code listener} until the subscription is closed. */
    Subscription subscribe(IsoTpListener listener);

    /** PDUs lost because the receive queue was full. */
    long droppedPdus();

    /** Whether the channel is open. */
    boolean isOpen();

    /**
     * Closes the channel: queued and unfinished sends fail with a
     * {@link dev.obdio.can.CanException}, waiting receivers return. Idempotent.
     */
    @Override
    void close();
}
