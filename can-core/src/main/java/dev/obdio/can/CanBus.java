package dev.obdio.can;

import java.time.Duration;

/**
 * One endpoint on a CAN bus, with SocketCAN raw-socket semantics whatever the transport: a frame
 * sent here reaches every other endpoint on the same bus; this endpoint sees its own frames only
 * with {@link BusOptions#receiveOwnFrames()}. Open one with {@link CanBuses#open(String)}.
 *
 * <p>Received frames are delivered either by polling {@link #receive(Duration)} or, once a
 * listener is {@linkplain #subscribe subscribed}, to the listeners on the endpoint's delivery
 * thread; while a listener is subscribed {@code receive} is unavailable. Either way frames that
 * arrive faster than they are taken wait in a queue of
 * {@link BusOptions#receiveQueueCapacity()} frames; beyond that they are dropped and counted in
 * {@link #droppedFrames()}, as a socket does.
 *
 * <p>Thread safety: {@code send} may be called from any thread; {@code receive} from one thread
 * at a time.
 */
public interface CanBus extends AutoCloseable {

    /** The bus name as opened, e.g. {@code vcan0}, {@code virtual:car}, {@code udp:239.74.163.2:43113}. */
    String channel();

    /** The options this endpoint was opened with (filters as last set). */
    BusOptions options();

    /**
     * Sends one frame.
     *
     * @throws CanException if the endpoint is closed, the interface is down, the frame is not
     *                      supported here (FD without {@link BusOptions#fdFrames()}), or the
     *                      transmit queue stays full
     */
    void send(CanFrame frame);

    /**
     * Waits up to {@code timeout} for the next frame that passes the filters.
     *
     * @return the frame, or {@code null} when the timeout expired
     * @throws CanException         when the interface went down (reported once) or the endpoint is closed
     * @throws IllegalStateException while a listener is subscribed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    ReceivedFrame receive(Duration timeout) throws InterruptedException;

    /**
     * Delivers every frame that passes the filters to {@code listener} from now on, until the
     * returned subscription is closed.
     */
    Subscription subscribe(FrameListener listener);

    /** Replaces the receive filters (the kernel's CAN_RAW_FILTER / CAN_RAW_ERR_FILTER). */
    void setFilters(CanFilterSet filters);

    /** Frames lost because the receive queue was full (the socket's drop counter). */
    long droppedFrames();

    /**
     * Sends {@code frame} every {@code period}, {@code count} times or until closed when
     * {@code count} is 0. SocketCAN uses the kernel's broadcast manager, so the period holds
     * even when the JVM is busy.
     */
    CyclicTransmission sendCyclic(CanFrame frame, Duration period, long count);

    /**
     * Reports frames of one id whose content changed, and silence beyond a timeout (SocketCAN
     * BCM RX_SETUP; a software equivalent elsewhere). Independent of {@link #receive} and the
     * other listeners.
     */
    Subscription watchContent(ContentFilter filter, ContentListener listener);

    /** Whether the endpoint is open. */
    boolean isOpen();

    /** Closes the endpoint; pending receives return, cyclic transmissions stop. Idempotent. */
    @Override
    void close();
}
