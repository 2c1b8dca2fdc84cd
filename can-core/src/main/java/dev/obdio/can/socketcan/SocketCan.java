package dev.obdio.can.socketcan;

import dev.obdio.can.BusOptions;
import dev.obdio.can.CanBus;
import dev.obdio.can.CanException;
import dev.obdio.can.socketcan.SocketCanErrors.Operation;
import tel.schich.javacan.CanChannels;
import tel.schich.javacan.RawCanChannel;

import java.io.IOException;

/**
 * Linux SocketCAN buses ({@code can0}, {@code vcan0}, …) through JavaCAN 3.5.0, the only part of
 * obdio that touches JavaCAN.
 *
 * <p>An endpoint is a CAN_RAW socket with the semantics every {@link CanBus} has: classic and
 * CAN FD frames ({@link BusOptions#fdFrames()}: CAN_RAW_FD_FRAMES), own frames on request
 * ({@link BusOptions#receiveOwnFrames()}: CAN_RAW_RECV_OWN_MSGS), the filters applied in the kernel
 * (CAN_RAW_FILTER, CAN_RAW_ERR_FILTER, CAN_RAW_JOIN_FILTERS) and again in software, error frames,
 * the kernel's receive timestamps (SO_TIMESTAMPNS) and its drop counter (SO_RXQ_OVFL) in
 * {@link CanBus#droppedFrames()}. {@link CanBus#sendCyclic} and {@link CanBus#watchContent} use the
 * kernel's broadcast manager (CAN_BCM) where it works, and software otherwise.
 *
 * <p>Sending: when the driver's queue is full (ENOBUFS) a send is retried for up to 50 ms, then
 * fails with BUFFER_FULL; a send also fails with BUFFER_FULL when the socket's buffer stays full
 * for a second (a controller that does not get frames out).
 *
 * <p>JavaCAN's native library for x86_64, aarch64 and armv7 (hard-float) is inside this jar and
 * chosen from {@code os.arch} (see {@link JavaCanNatives}); {@code -Djavacan.native.javacan-core.path=}
 * overrides the choice.
 */
public final class SocketCan {
    private SocketCan() {
    }

    /**
     * Opens an endpoint on a SocketCAN interface.
     *
     * @param interfaceName the interface, e.g. {@code can0} or {@code vcan0}
     * @param options       the endpoint's options
     * @return the open endpoint
     * @throws CanException with {@link CanException.Reason#INVALID_NAME} for a name Linux would not
     *                      accept, {@link CanException.Reason#NO_SOCKETCAN} on a kernel without
     *                      SocketCAN, {@link CanException.Reason#NO_SUCH_INTERFACE},
     *                      {@link CanException.Reason#INTERFACE_DOWN},
     *                      {@link CanException.Reason#PERMISSION}, or
     *                      {@link CanException.Reason#NOT_SUPPORTED} where JavaCAN has no native
     *                      library for the CPU; each message says what to do
     */
    public static CanBus open(String interfaceName, BusOptions options) {
        return SocketCanBus.open(interfaceName, options, Tuning.DEFAULTS);
    }

    /**
     * Whether SocketCAN can be used in this JVM on this kernel: JavaCAN's native library loads and
     * the kernel creates CAN_RAW sockets. Cheap enough to call before every test.
     *
     * @return the answer with the reason (the same message {@link #open} would give)
     */
    public static Availability availability() {
        try {
            JavaCanNatives.ensureLoaded();
            RawCanChannel channel = CanChannels.newRawChannel();
            channel.close();
            return new Availability(true, "SocketCAN is available (the kernel opens CAN_RAW sockets)");
        } catch (CanException e) {
            return new Availability(false, e.getMessage());
        } catch (IOException e) {
            return new Availability(false, SocketCanErrors.map(null, Operation.OPEN, e).getMessage());
        }
    }

    /**
     * Whether an endpoint can be opened on {@code interfaceName} now: SocketCAN is available and
     * the interface exists, is a CAN interface and is up.
     *
     * @return the answer with the reason
     */
    public static Availability availability(String interfaceName) {
        Availability general = availability();
        if (!general.available()) {
            return general;
        }
        try {
            open(interfaceName, BusOptions.DEFAULTS).close();
            return new Availability(true, interfaceName + " is up and can be opened");
        } catch (CanException e) {
            return new Availability(false, e.getMessage());
        }
    }

    /** Shorthand for {@code availability().available()}. */
    public static boolean isAvailable() {
        return availability().available();
    }

    /**
     * Whether SocketCAN can be used, and why (not).
     *
     * @param available whether it can
     * @param reason    a sentence for the user: what works, or what is missing and what to do
     */
    public record Availability(boolean available, String reason) {
        /** Checks the reason is there. */
        public Availability {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason must not be blank");
            }
        }
    }
}
