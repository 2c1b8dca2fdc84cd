package dev.obdio.can.socketcan;

import java.time.Duration;

/**
 * Internal knobs of a SocketCAN endpoint, fixed for users and adjustable by tests.
 *
 * @param pollInterval       how long a reader thread waits in the kernel before it looks at its
 *                           closing flag again (SO_RCVTIMEO): the upper bound of {@code close()}
 * @param sendTimeout        how long a send may wait for room in the socket's send buffer
 *                           (SO_SNDTIMEO) before it fails with BUFFER_FULL
 * @param retry              how ENOBUFS is retried
 * @param receiveBufferBytes SO_RCVBUF, or 0 for the kernel's default
 * @param ownFrameCapacity   most sent frames awaiting their echo (see {@link OwnFrames})
 * @param ownFrameMaxAge     how long an echo is awaited
 * @param cyclicGrace        how long a cyclic frame stays recognised as ours after it changed
 */
record Tuning(Duration pollInterval, Duration sendTimeout, TransmitRetry retry, int receiveBufferBytes,
              int ownFrameCapacity, Duration ownFrameMaxAge, Duration cyclicGrace) {

    /**
     * SO_RCVBUF asked for: 1 MiB, which the kernel caps at net.core.rmem_max (doubled), so at
     * least twice its default. A reader that stalls for a moment (GC, a busy machine) then loses
     * nothing of an ISO-TP transfer with BS 0 / STmin 0 (586 frames for 4095 bytes).
     */
    static final int RECEIVE_BUFFER_BYTES = 1 << 20;

    /** What {@link SocketCan#open} uses. */
    static final Tuning DEFAULTS = new Tuning(Duration.ofMillis(100), Duration.ofSeconds(1), TransmitRetry.DEFAULT,
            RECEIVE_BUFFER_BYTES, 4096, Duration.ofSeconds(5), Duration.ofSeconds(1));


    /** Validates the values. */
    Tuning {
        if (pollInterval.toMillis() < 1 || sendTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("pollInterval and sendTimeout must be at least 1 ms");
        }
        if (receiveBufferBytes < 0 || ownFrameCapacity < 1) {
            throw new IllegalArgumentException("receiveBufferBytes must be >= 0 and ownFrameCapacity >= 1");
        }
    }

    /** These knobs with another SO_RCVBUF. */
    Tuning withReceiveBufferBytes(int value) {
        return new Tuning(pollInterval, sendTimeout, retry, value, ownFrameCapacity, ownFrameMaxAge, cyclicGrace);
    }
}
